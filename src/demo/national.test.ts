/**
 * The national-scale generator on one small province and two weeks: villages under every
 * commune, check-ins with gaps and lateness within their bounds, the other records, the roll-ups
 * equal to the raw rows, and a second run adding nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { testDatabase } from '../../tests/support/db.ts';
import { addActivities, addCheckins, addGongModels, addPatrols, addTips, addVillages, type Scale } from './national.ts';

const PROVINCE = '12'; // Lai Châu: the fewest communes
const scale: Scale = { provinces: [PROVINCE], lastNight: '2026-06-30', nights: 28 };
let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const count = async (table: 'gong_checkins' | 'patrols' | 'activities' | 'tips') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('province_code', '=', PROVINCE).executeTakeFirstOrThrow()).n);

describe('the national-scale generator', () => {
  it('fills a province with villages, a season of check-ins with gaps, patrols, activities and tips; again, adds nothing', async () => {
    const db = database.db;
    const run = async () => ({
      villages: await addVillages(db, PROVINCE), gongModels: await addGongModels(db, PROVINCE, scale), checkins: await addCheckins(db, PROVINCE, scale),
      patrols: await addPatrols(db, PROVINCE, scale), activities: await addActivities(db, PROVINCE, scale), tips: await addTips(db, PROVINCE, scale),
    });
    const first = await run();

    const perCommune = await sql<{ n: number }>`
      select count(v.id)::int as n from units c left join units v on v.parent_id = c.id and v.kind = 'village'
      where c.kind = 'commune' and c.province_code = ${PROVINCE} group by c.id`.execute(db);
    expect(perCommune.rows.length).toBeGreaterThan(30);
    expect(perCommune.rows.every((r) => r.n >= 21 && r.n <= 45)).toBe(true);
    expect(first.villages).toBe(perCommune.rows.reduce((s, r) => s + r.n, 0));

    // Struck on 80–99 % of nights on average, never twice a night, inside the range, late within 90 minutes.
    const share = first.checkins / (first.villages * scale.nights);
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(0.99);
    const bounds = await sql<{ min: string; max: string; late: number; on_time: number }>`
      select min(night)::text as min, max(night)::text as max, max(late_minutes)::int as late, (count(*) filter (where late_minutes <= 15))::int as on_time
      from gong_checkins where province_code = ${PROVINCE}`.execute(db);
    expect(bounds.rows[0]).toMatchObject({ min: '2026-06-03', max: '2026-06-30' });
    expect(bounds.rows[0]!.late).toBeLessThanOrEqual(90);
    expect(bounds.rows[0]!.on_time / first.checkins).toBeGreaterThan(0.9);
    expect(first.patrols).toBeGreaterThan(0);
    expect(first.activities).toBeGreaterThan(0);
    expect(first.tips).toBeGreaterThan(0);
    expect(await db.selectFrom('tips').select('id').where('province_code', '=', PROVINCE).where('contact_sealed', 'is not', null).execute()).toEqual([]);

    // Every commune runs the gong model, so its villages' nights are counted (gongs/queries.ts).
    expect(first.gongModels).toBeGreaterThan(0);
    const uncovered = await sql<{ n: number }>`
      select count(*)::int as n from units c where c.kind = 'commune' and c.province_code = ${PROVINCE}
        and not exists (select 1 from model_instances i join model_templates t on t.id = i.template_id
                        where i.unit_id = c.id and i.status = 'operating' and t.builtin_key is not null
                          and t.targets @> '[{"key": "thon-danh-keng"}]'::jsonb)`.execute(db);
    expect(uncovered.rows[0]!.n).toBe(0);

    // The roll-ups saw every row.
    const rolled = await db.selectFrom('gong_nights').select((eb) => eb.fn.sum<number>('struck').as('n')).where('province_code', '=', PROVINCE).executeTakeFirstOrThrow();
    expect(Number(rolled.n)).toBe(first.checkins);

    const before = { checkins: await count('gong_checkins'), patrols: await count('patrols'), activities: await count('activities'), tips: await count('tips') };
    expect(await run()).toEqual({ villages: 0, gongModels: 0, checkins: 0, patrols: 0, activities: 0, tips: 0 });
    expect({ checkins: await count('gong_checkins'), patrols: await count('patrols'), activities: await count('activities'), tips: await count('tips') }).toEqual(before);
  });
});

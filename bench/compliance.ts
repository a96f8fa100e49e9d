/**
 * A commune's gong compliance for a month, over real HTTP: GET /api/gong-compliance?unitId=
 * <commune>&from=<1st>&to=<last day> as an officer of the province.
 *
 * Data: the official tree; in Thanh Hóa, COMMUNES communes with VILLAGES villages each; a year
 * of nights (the 365 nights up to last night) of check-ins: on ~90 % of nights a village struck,
 * ~85 % of those on time, the rest late. Written in bulk by SQL (setup, not measured), then
 * VACUUM ANALYZE.
 *
 * commune_month_ms_p95: WARMUP requests, then REQUESTS measured, sequential, each for a commune
 *   (cycling through all) and one of the last twelve full months, timed from sending to the whole
 *   body read. For each commune and month asked, the first answer's per-village counts must
 *   equal an independent count in SQL.
 */
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { vacuumAnalyze } from '../src/db/maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { addDays, lastDayOfMonth, todayVN } from '../src/shared/dates.ts';
import { fold } from '../src/shared/text.ts';
import { loadAdministrativeUnits } from '../src/units/admin-data.ts';
import {
  HttpClient, formatSummary, onCleanup, openEngine, progress, round, summarize, timed, within,
  type BenchEngine, type BenchOptions, type Figures,
} from './lib.ts';

export const engines: readonly BenchEngine[] = ['postgres'];
export const description = "a commune's gong compliance for a month, in a province of 100 communes × 30 villages with a year of nights";

const PROVINCE = '38'; // Thanh Hóa
const COMMUNES = 100;
const VILLAGES = 30;
const NIGHTS = 365;
const PASSWORD = 'Keng#Binh-Yen-2025';
const WARMUP = 50;
const REQUESTS = 500;

interface Answer { villages: { village_id: number; on_time: number; late: number; missed: number }[]; nights: number }

export default async function compliance({ engine }: BenchOptions): Promise<Figures> {
  const { database } = await openEngine(engine);
  const db = database.db;
  const today = todayVN();
  const communes = await within(15 * 60_000, 'setup', (async () => {
    await migrate(database);
    await loadAdministrativeUnits(db);
    const list = await db.selectFrom('units').select(['id', 'path']).where('kind', '=', 'commune').where('province_code', '=', PROVINCE).orderBy('code').limit(COMMUNES).execute();
    if (list.length < COMMUNES) throw new Error(`${PROVINCE} has ${list.length} communes, fewer than ${COMMUNES}`);
    const villages = list.flatMap((c) => Array.from({ length: VILLAGES }, (_, i) => {
      const name = `Thôn ${i + 1}`;
      return { parent_id: c.id, kind: 'village' as const, subkind: 'Thôn', name, name_folded: fold(name) };
    }));
    for (let i = 0; i < villages.length; i += 1000) await db.insertInto('units').values(villages.slice(i, i + 1000)).execute();
    const province = await db.selectFrom('units').select('id').where('kind', '=', 'province').where('code', '=', PROVINCE).executeTakeFirstOrThrow();
    const [user] = await db.insertInto('users').values({ username: 'canbo.tinh', full_name: 'Cán bộ Công an tỉnh', password_hash: await hashPassword(PASSWORD) }).returning('id').execute();
    await db.insertInto('grants').values({ user_id: user!.id, unit_id: province.id, role: 'officer' }).execute();
    // A year of nights, by a seeded hash so every run writes the same data.
    const { ms } = await timed(() => sql`
      insert into gong_checkins (province_code, village_id, village_path, night, struck_at, late_minutes, idempotency_key, recorded_by)
      select v.province_code, v.id, v.path, n.night::date,
             (n.night::date + time '15:00' + make_interval(mins => m.late)) at time zone 'UTC', m.late, gen_random_uuid(), ${user!.id}
      from units v
      cross join generate_series(${addDays(today, -NIGHTS)}::date, ${addDays(today, -1)}::date, interval '1 day') as n(night)
      cross join lateral (select abs(hashtext(v.id::text || n.night::text)) % 100 as h) r
      cross join lateral (select case when r.h < 77 then r.h % 15 else 16 + r.h % 60 end as late) m
      where v.kind = 'village' and v.province_code = ${PROVINCE} and r.h < 90`.execute(db));
    const n = await db.selectFrom('gong_checkins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    progress(`${villages.length} villages in ${COMMUNES} communes; ${n.n} check-ins over ${NIGHTS} nights written in ${round(ms / 1000, 1)} s`);
    await vacuumAnalyze(database);
    return list;
  })());

  const app = await buildApp({ database, config: { cookieSecure: false } });
  const closeApp = onCleanup(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const client = await new HttpClient(`http://127.0.0.1:${port}`, 60_000).login('canbo.tinh', PASSWORD);

  // The last twelve full months.
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2 - i, 1));
    return d.toISOString().slice(0, 7);
  });
  const checked = new Set<string>();
  const asked = (i: number) => {
    const commune = communes[i % communes.length]!;
    const month = months[Math.floor(i / communes.length) % months.length]!;
    return { commune, from: `${month}-01`, to: lastDayOfMonth(month) };
  };
  const request = async (i: number) => {
    const { commune, from, to } = asked(i);
    const res = await client.get<Answer>(`/api/gong-compliance?unitId=${commune.id}&from=${from}&to=${to}`);
    if (res.status !== 200) throw new Error(`compliance: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  };
  /** The first answer for each commune and month against a count in SQL (outside the timing). */
  async function check(i: number, answer: Answer) {
    const { commune, from, to } = asked(i);
    const key = `${commune.id} ${from}`;
    if (checked.has(key)) return;
    checked.add(key);
    const expected = await db
      .selectFrom('units as v')
      .leftJoin('gong_checkins as c', (j) => j.onRef('c.village_id', '=', 'v.id').on('c.night', '>=', from).on('c.night', '<=', to))
      .select(['v.id', sql<number>`count(c.id) filter (where c.late_minutes <= 15)::int`.as('on_time'), sql<number>`count(c.id) filter (where c.late_minutes > 15)::int`.as('late')])
      .where('v.parent_id', '=', commune.id).where('v.kind', '=', 'village').groupBy('v.id').execute();
    const got = new Map(answer.villages.map((v) => [v.village_id, v]));
    if (got.size !== VILLAGES) throw new Error(`${key}: ${got.size} villages answered, ${VILLAGES} expected`);
    for (const e of expected) {
      const g = got.get(e.id);
      if (!g || g.on_time !== e.on_time || g.late !== e.late || g.missed !== answer.nights - e.on_time - e.late) {
        throw new Error(`${key}, village ${e.id}: answered ${JSON.stringify(g)}, counted ${JSON.stringify(e)}`);
      }
    }
  }

  for (let i = 0; i < WARMUP; i++) await check(i, await request(i));
  const samples: number[] = [];
  for (let i = WARMUP; i < WARMUP + REQUESTS; i++) {
    const { ms, result } = await timed(() => request(i));
    samples.push(ms);
    await check(i, result);
  }
  await closeApp();
  const s = summarize(samples);
  progress(`commune month: ${formatSummary(s)} (${checked.size} commune-months checked against SQL)`);
  return { commune_month_ms_p95: { value: round(s.p95), unit: 'ms', goal: '<= 20' } };
}

import { sql, type Kysely, type Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB, GongCondition } from '../db/schema.ts';
import { GONG_TARGET_KEY, ON_TIME_MINUTES } from './night.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const gongColumns = [
  'g.id', 'g.village_id', 'g.location', 'g.condition', 'g.allowance_per_strike', 'g.allowance_per_month', 'g.note', 'g.updated_at',
] as const;

/** Gongs of the villages under a path (inside the scope), with their village's name. */
export const gongsUnder = (db: Q, scope: string[], underPath: string) =>
  db
    .selectFrom('gongs as g')
    .innerJoin('units as u', 'u.id', 'g.village_id')
    .select([...gongColumns, 'g.village_path', 'u.name as village_name'])
    .where(inScope('g.village_path', scope))
    .where('g.village_path', 'like', underPath + '%')
    .orderBy('u.name_folded')
    .orderBy('g.id')
    .limit(2000)
    .execute();

export const getGong = (db: Q, id: number) =>
  db.selectFrom('gongs as g').select([...gongColumns, 'g.village_path', 'g.province_code']).where('g.id', '=', id).executeTakeFirst();

export const strikersOf = (db: Q, gongIds: number[]) =>
  gongIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('gong_strikers').select(['id', 'gong_id', 'full_name', 'phone', 'user_id']).where('gong_id', 'in', gongIds).orderBy('id').execute();

export interface GongFields {
  location: string;
  condition: GongCondition;
  allowance_per_strike: number | null;
  allowance_per_month: number | null;
  note: string | null;
}

export const insertGong = (db: Q, village: { id: number; path: string; province_code: string }, fields: GongFields) =>
  db
    .insertInto('gongs')
    .values({ ...fields, village_id: village.id, village_path: village.path, province_code: village.province_code })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateGong = (db: Q, id: number, fields: GongFields) =>
  db.updateTable('gongs').set({ ...fields, updated_at: new Date() }).where('id', '=', id).execute();

/** The strikers of a gong become exactly this list. */
export async function replaceStrikers(db: Q, gong: { id: number; province_code: string }, strikers: { full_name: string; phone: string | null }[]) {
  await db.deleteFrom('gong_strikers').where('gong_id', '=', gong.id).execute();
  if (strikers.length) await db.insertInto('gong_strikers').values(strikers.map((s) => ({ ...s, gong_id: gong.id, province_code: gong.province_code }))).execute();
}

export interface NewCheckin {
  province_code: string;
  village_id: number;
  village_path: string;
  night: string;
  struck_at: Date;
  late_minutes: number;
  idempotency_key: string;
  recorded_by: number;
}

const checkinColumns = ['id', 'village_id', 'night', 'struck_at', 'late_minutes', 'idempotency_key', 'received_at'] as const;

/** Inserts unless the key or the village's night is taken; undefined then. */
export const insertCheckin = (db: Q, row: NewCheckin) =>
  db.insertInto('gong_checkins').values(row).onConflict((oc) => oc.doNothing()).returning(checkinColumns).executeTakeFirst();

/** Many at once, one statement and one commit; those whose key or night is taken are skipped. */
export const insertCheckins = (db: Q, rows: NewCheckin[]) =>
  db.insertInto('gong_checkins').values(rows).onConflict((oc) => oc.doNothing()).returning(checkinColumns).execute();

export const checkinByKey = (db: Q, key: string) =>
  db.selectFrom('gong_checkins').select(checkinColumns).where('idempotency_key', '=', key).executeTakeFirst();

export const checkinOfNight = (db: Q, villageId: number, night: string) =>
  db.selectFrom('gong_checkins').select(checkinColumns).where('village_id', '=', villageId).where('night', '=', night).executeTakeFirst();

/**
 * Per village under a path: nights struck on time, struck late, and missed, from `from` to
 * `to` (nights still to come are left out by the caller's `to`).
 */
export function compliance(db: Q, scope: string[], underPath: string, from: string, to: string) {
  return db
    .selectFrom('units as v')
    .leftJoin('gong_checkins as c', (j) => j.onRef('c.village_id', '=', 'v.id').on('c.night', '>=', from).on('c.night', '<=', to))
    .select([
      'v.id as village_id', 'v.name as village_name', 'v.path as village_path',
      sql<number>`count(c.id) filter (where c.late_minutes <= ${ON_TIME_MINUTES})::int`.as('on_time'),
      sql<number>`count(c.id) filter (where c.late_minutes > ${ON_TIME_MINUTES})::int`.as('late'),
      sql<boolean>`exists (select 1 from gongs g where g.village_id = v.id)`.as('has_gong'),
    ])
    .where('v.kind', '=', 'village')
    .where('v.path', 'like', underPath + '%')
    .where(inScope('v.path', scope))
    .groupBy(['v.id', 'v.name', 'v.path', 'v.name_folded'])
    .orderBy('v.name_folded')
    .limit(5000)
    .execute();
}

/**
 * Where a gong model is operating, as unit paths related to `underPath` (above it or inside it):
 * the unit each model runs at and the units it names. A gong model is one whose template holds
 * the gong target (the built-in "Tiếng kẻng bình yên" or a unit's own copy of it). A model's few
 * rows are read, not the villages: coverage is then a prefix test on paths.
 */
export async function gongModelPaths(db: Q, underPath: string): Promise<string[]> {
  const gongModel = sql`i.status = 'operating' and t.targets @> ${JSON.stringify([{ key: GONG_TARGET_KEY }])}::jsonb`;
  const { rows } = await sql<{ path: string }>`
    select p.path from (
      select i.unit_path as path from model_instances i join model_templates t on t.id = i.template_id where ${gongModel}
      union
      select u.path from model_instances i join model_templates t on t.id = i.template_id
        join model_instance_units mu on mu.instance_id = i.id join units u on u.id = mu.unit_id where ${gongModel}
    ) p
    where p.path like ${underPath + '%'} or ${underPath} like p.path || '%'`.execute(db);
  return rows.map((r) => r.path);
}

/** Villages struck (and struck on time) per night under a path, only those under `covered` when it is given. */
export const strikesPerNight = (db: Q, scope: string[], underPath: string, from: string, to: string, covered?: string[]) =>
  db
    .selectFrom('gong_checkins as c')
    .select([
      'c.night',
      sql<number>`count(*)::int`.as('struck'),
      sql<number>`count(*) filter (where c.late_minutes <= ${ON_TIME_MINUTES})::int`.as('on_time'),
    ])
    .where('c.village_path', 'like', underPath + '%')
    .where(inScope('c.village_path', scope))
    .$if(!!covered, (qb) => qb.where((eb) => eb.or(covered!.map((p) => eb('c.village_path', 'like', p + '%')))))
    .where('c.night', '>=', from)
    .where('c.night', '<=', to)
    .groupBy('c.night')
    .orderBy('c.night')
    .execute();

/** The villages inside the scope (a phone's list), with their check-in of the night if any. */
export const villagesToStrike = (db: Q, scope: string[], night: string) =>
  db
    .selectFrom('units as v')
    .innerJoin('units as c', 'c.id', 'v.parent_id')
    .leftJoin('gong_checkins as k', (j) => j.onRef('k.village_id', '=', 'v.id').on('k.night', '=', night))
    .select(['v.id', 'v.name', 'c.name as commune_name', 'k.struck_at', 'k.late_minutes'])
    .where('v.kind', '=', 'village')
    .where(inScope('v.path', scope))
    .orderBy('c.name_folded')
    .orderBy('v.name_folded')
    .limit(200)
    .execute();

/**
 * Reads of the gong roll-ups (migration 0010): whole months from gong_months, the nights at the
 * ends of a range from gong_nights, grouped by the unit one level below the one asked about and
 * by period, in one pass.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';
import type { Split } from './periods.ts';

type Q = Kysely<DB>;

/**
 * What names the unit one level below in a roll-up row: the province of the country's rows, the
 * commune of a province's (columns of the row, so no string is cut per row).
 */
export type ChildKey = 'province_code' | 'commune_id';

/**
 * The communes a gong model covers, when it covers less than the whole unit asked about: those
 * under the provinces it runs in, and those it runs in (or in a village of). A set of units, not
 * a test per village, so the country's figures stay a scan of the roll-ups.
 */
export interface Covered { under: string[]; communeIds: number[] }

const within = (scope: string[], underPath: string, covered?: Covered) => (eb: ExpressionBuilder<DB, 'gong_nights' | 'gong_months' | 'commune_villages'>) =>
  eb.and([
    eb('commune_path', 'like', underPath + '%'), inScope('commune_path', scope),
    ...(covered ? [eb.or([
      ...covered.under.map((p) => eb('commune_path', 'like', p + '%')),
      ...(covered.communeIds.length ? [eb('commune_id', 'in', covered.communeIds)] : []),
    ])] : []),
  ]);

export interface Counted { child: string; period: string; struck: number; on_time: number }

/**
 * Struck and on time per unit one level below and per period: per night over `range` (a short
 * one), or per month over the split range (whole months, plus the nights at the ends, less the
 * nights after the range that the last whole month holds).
 */
export function counted(
  db: Q, scope: string[], underPath: string, key: ChildKey, range: { from: string; to: string; split: Split }, by: 'night' | 'month', covered?: Covered,
): Promise<Counted[]> {
  const child = sql.ref(key).as('child');
  let parts;
  if (by === 'night') {
    parts = [db.selectFrom('gong_nights').select([child, sql<string>`night`.as('period'), 'struck', 'on_time'])
      .where(within(scope, underPath, covered)).where('night', '>=', range.from).where('night', '<=', range.to)];
  } else {
    const { months, nights, minus } = range.split;
    const month = sql<string>`date_trunc('month', night)`.as('period');
    parts = [];
    if (months) {
      parts.push(db.selectFrom('gong_months').select([child, sql<string>`month`.as('period'), 'struck', 'on_time'])
        .where(within(scope, underPath, covered)).where('month', '>=', months.from).where('month', '<=', months.to));
    }
    for (const r of nights) {
      parts.push(db.selectFrom('gong_nights').select([child, month, 'struck', 'on_time'])
        .where(within(scope, underPath, covered)).where('night', '>=', r.from).where('night', '<=', r.to));
    }
    if (minus) {
      parts.push(db.selectFrom('gong_nights').select([child, month, sql<number>`-struck`.as('struck'), sql<number>`-on_time`.as('on_time')])
        .where(within(scope, underPath, covered)).where('night', '>=', minus.from).where('night', '<=', minus.to));
    }
  }
  if (!parts.length) return Promise.resolve([]);
  const all = parts.slice(1).reduce((u, p) => u.unionAll(p), parts[0]!);
  // Grouped on the rows' own values; turned into text only for the few groups.
  return db.selectFrom(all.as('r'))
    .select([sql<string>`r.child::text`.as('child'), sql<string>`r.period::date::text`.as('period'), sql<number>`sum(r.struck)::int`.as('struck'), sql<number>`sum(r.on_time)::int`.as('on_time')])
    .groupBy(['r.child', 'r.period'])
    .execute();
}

/** Villages (the gongs expected each night) per unit one level below, from their roll-up. */
export const villagesByChild = (db: Q, scope: string[], underPath: string, key: ChildKey, covered?: Covered) =>
  db.selectFrom('commune_villages')
    .select([sql<string>`${sql.ref(key)}::text`.as('child'), sql<number>`sum(villages)::int`.as('villages')])
    .where(within(scope, underPath, covered))
    .groupBy(key)
    .execute();

/** The provinces of the country or the communes of a province, those in the scope. */
export const childUnits = (db: Q, scope: string[], parentId: number) =>
  db.selectFrom('units').select(['id', 'name', 'kind', 'province_code', 'code', 'path'])
    .where('parent_id', '=', parentId).where('kind', 'in', ['province', 'commune']).where(inScope('path', scope))
    .execute();

/**
 * Models under a path by template and stage, with the communes each template runs in (a model at
 * a commune or anything inside it counts for that commune: the third id of its path).
 */
export const modelStages = (db: Q, scope: string[], underPath: string) =>
  db.selectFrom('model_instances as mi')
    .innerJoin('model_templates as t', 't.id', 'mi.template_id')
    .select([
      't.family_id', sql<string>`min(t.name)`.as('template'),
      sql<number>`(count(*) filter (where mi.status = 'building'))::int`.as('building'),
      sql<number>`(count(*) filter (where mi.status = 'operating'))::int`.as('operating'),
      sql<number>`(count(*) filter (where mi.status = 'closed'))::int`.as('closed'),
      sql<number>`(count(distinct nullif(split_part(mi.unit_path, '/', 4), '')) filter (where mi.status <> 'closed'))::int`.as('communes'),
    ])
    .where('mi.unit_path', 'like', underPath + '%')
    .where(inScope('mi.unit_path', scope))
    .groupBy('t.family_id')
    .orderBy(sql`2`)
    .execute();

export const communesUnder = async (db: Q, scope: string[], underPath: string) =>
  (await db.selectFrom('units').select(sql<number>`count(*)::int`.as('n'))
    .where('kind', '=', 'commune').where('path', 'like', underPath + '%').where(inScope('path', scope))
    .executeTakeFirstOrThrow()).n;

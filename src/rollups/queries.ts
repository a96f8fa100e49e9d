/**
 * Reads of the gong roll-ups (migration 0010): whole months from gong_months, the nights at the
 * ends of a range from gong_nights, grouped by the unit one level below the one asked about.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';
import type { Split } from './periods.ts';

type Q = Kysely<DB>;

/** The path of the unit one level below `underPath` that a commune's path lies in. */
const childPath = (underPath: string) =>
  sql<string>`substr(commune_path, 1, ${underPath.length} + strpos(substr(commune_path, ${underPath.length + 1}), '/'))`;

const within = (scope: string[], underPath: string) => (eb: ExpressionBuilder<DB, 'gong_nights' | 'gong_months'>) =>
  eb.and([eb('commune_path', 'like', underPath + '%'), inScope('commune_path', scope)]);

/** Check-ins struck and on time per unit one level below, over the split range. */
export function struckByChild(db: Q, scope: string[], underPath: string, split: Split) {
  const parts = [];
  if (split.months) {
    parts.push(db.selectFrom('gong_months').select([childPath(underPath).as('child_path'), 'struck', 'on_time'])
      .where(within(scope, underPath)).where('month', '>=', split.months.from).where('month', '<=', split.months.to));
  }
  for (const r of split.nights) {
    parts.push(db.selectFrom('gong_nights').select([childPath(underPath).as('child_path'), 'struck', 'on_time'])
      .where(within(scope, underPath)).where('night', '>=', r.from).where('night', '<=', r.to));
  }
  if (!parts.length) return Promise.resolve([]);
  const all = parts.slice(1).reduce((u, p) => u.unionAll(p), parts[0]!);
  return db.selectFrom(all.as('r'))
    .select(['r.child_path', sql<number>`sum(r.struck)::int`.as('struck'), sql<number>`sum(r.on_time)::int`.as('on_time')])
    .groupBy('r.child_path')
    .execute();
}

/** Villages per unit one level below (the gongs expected each night), with the unit's name. */
export const villagesByChild = (db: Q, scope: string[], underPath: string) =>
  db.selectFrom('units as v')
    .innerJoin('units as c', 'c.id', 'v.parent_id')
    .select([sql<string>`substr(c.path, 1, ${underPath.length} + strpos(substr(c.path, ${underPath.length + 1}), '/'))`.as('child_path'), sql<number>`count(*)::int`.as('villages')])
    .where('v.kind', '=', 'village')
    .where('c.kind', '=', 'commune')
    .where('c.path', 'like', underPath + '%')
    .where(inScope('c.path', scope))
    .groupBy('child_path')
    .execute();

/** The provinces of the country or the communes of a province, those in the scope. */
export const childUnits = (db: Q, scope: string[], parentId: number) =>
  db.selectFrom('units').select(['id', 'name', 'kind', 'path', 'code'])
    .where('parent_id', '=', parentId).where('kind', 'in', ['province', 'commune']).where(inScope('path', scope))
    .execute();

/** Struck and on time per night (from, to) or per month (the split range) under a path. */
export function series(db: Q, scope: string[], underPath: string, range: { from: string; to: string; split: Split }, by: 'night' | 'month') {
  if (by === 'night') {
    return db.selectFrom('gong_nights')
      .select([sql<string>`night::text`.as('period'), sql<number>`sum(struck)::int`.as('struck'), sql<number>`sum(on_time)::int`.as('on_time')])
      .where(within(scope, underPath)).where('night', '>=', range.from).where('night', '<=', range.to)
      .groupBy('night').orderBy('night')
      .execute();
  }
  const parts = [];
  const { months, nights } = range.split;
  if (months) {
    parts.push(db.selectFrom('gong_months').select([sql<string>`month::text`.as('period'), 'struck', 'on_time'])
      .where(within(scope, underPath)).where('month', '>=', months.from).where('month', '<=', months.to));
  }
  for (const r of nights) {
    parts.push(db.selectFrom('gong_nights').select([sql<string>`date_trunc('month', night)::date::text`.as('period'), 'struck', 'on_time'])
      .where(within(scope, underPath)).where('night', '>=', r.from).where('night', '<=', r.to));
  }
  if (!parts.length) return Promise.resolve([]);
  const all = parts.slice(1).reduce((u, p) => u.unionAll(p), parts[0]!);
  return db.selectFrom(all.as('r'))
    .select(['r.period', sql<number>`sum(r.struck)::int`.as('struck'), sql<number>`sum(r.on_time)::int`.as('on_time')])
    .groupBy('r.period')
    .orderBy('r.period')
    .execute();
}

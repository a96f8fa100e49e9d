/**
 * What a report counts under a unit over a period, one row per unit right below it (the key is
 * that unit's id; '' for rows of the unit itself), so that a province's figures are the sum of
 * its communes' by construction and the breakdown table comes from the same query.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { dayEnd, dayStart } from '../shared/dates.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface Range { from: string; to: string }

/** The id of the unit right below `path` that a row's path lies in. */
const childOf = (column: string, path: string): RawBuilder<string> =>
  sql<string>`split_part(substr(${sql.ref(column)}, ${path.length + 1}), '/', 1)`;

/** The units right below, as the breakdown lists them. */
export const childrenOf = (db: Q, id: number) =>
  db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', id).where('kind', 'in', ['province', 'commune', 'village', 'school', 'agency']).execute();

export const patrolsByChild = (db: Q, path: string, r: Range) =>
  db
    .selectFrom('patrols as p')
    .select([
      childOf('p.unit_path', path).as('child'),
      sql<number>`count(*)::int`.as('patrols'),
      sql<number>`(count(*) filter (where exists (select 1 from patrol_incidents i where i.patrol_id = p.id)))::int`.as('with_incidents'),
    ])
    .where('p.unit_path', 'like', path + '%')
    .where('p.started_at', '>=', dayStart(r.from))
    .where('p.started_at', '<', dayEnd(r.to))
    .groupBy(sql`1`)
    .execute();

export const activitiesByChild = (db: Q, path: string, r: Range) =>
  db
    .selectFrom('activities as a')
    .select([childOf('a.unit_path', path).as('child'), 'a.kind', sql<number>`count(*)::int`.as('activities'), sql<number>`coalesce(sum(a.audience), 0)::int`.as('audience')])
    .where('a.unit_path', 'like', path + '%')
    .where('a.held_on', '>=', r.from)
    .where('a.held_on', '<=', r.to)
    .groupBy([sql`1`, 'a.kind'])
    .execute();

export const tipsByChild = (db: Q, path: string, r: Range) =>
  db
    .selectFrom('tips as t')
    .select([childOf('t.unit_path', path).as('child'), 't.category', 't.status', sql<number>`count(*)::int`.as('tips')])
    .where('t.unit_path', 'like', path + '%')
    .where('t.received_at', '>=', dayStart(r.from))
    .where('t.received_at', '<', dayEnd(r.to))
    .groupBy([sql`1`, 't.category', 't.status'])
    .execute();

/** Households, those in a fire-safety group and those holding a keychain, as they stand now. */
export const householdsByChild = (db: Q, path: string) =>
  db
    .selectFrom('households as h')
    .select([
      childOf('h.village_path', path).as('child'),
      sql<number>`count(*)::int`.as('households'),
      sql<number>`(count(*) filter (where exists (select 1 from fire_group_households f where f.household_id = h.id)))::int`.as('in_fire_groups'),
      sql<number>`(count(*) filter (where exists (select 1 from keychains k where k.household_id = h.id and k.revoked_at is null)))::int`.as('keychains'),
    ])
    .where('h.village_path', 'like', path + '%')
    .groupBy(sql`1`)
    .execute();

export const keychainsHandedOut = async (db: Q, path: string, r: Range) =>
  (await db
    .selectFrom('keychains as k')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('k.village_path', 'like', path + '%')
    .where('k.handed_on', '>=', r.from)
    .where('k.handed_on', '<=', r.to)
    .executeTakeFirstOrThrow()).count;

export const fireGroups = async (db: Q, path: string) =>
  (await db
    .selectFrom('fire_groups as g')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('g.village_path', 'like', path + '%')
    .executeTakeFirstOrThrow()).count;

export const commitments = (db: Q, path: string, r: Range) =>
  db
    .selectFrom('instance_commitments as c')
    .innerJoin('model_instances as mi', 'mi.id', 'c.instance_id')
    .select(['c.signer_kind', sql<number>`count(*)::int`.as('count')])
    .where('mi.unit_path', 'like', path + '%')
    .where('c.signed_on', '>=', r.from)
    .where('c.signed_on', '<=', r.to)
    .groupBy('c.signer_kind')
    .execute();

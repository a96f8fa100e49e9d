import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { DB, NewUnit, UnitKind } from '../db/schema.ts';
import { inScope } from '../access/policy.ts';
import { likeEscape } from '../shared/text.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const unitColumns = [
  'u.id', 'u.parent_id', 'u.code', 'u.kind', 'u.subkind', 'u.name', 'u.province_code', 'u.path', 'u.depth', 'u.note', 'u.remote_area', 'u.remote_basis',
] as const;

export const getUnit = (db: Q, id: number) =>
  db.selectFrom('units as u').select(unitColumns).where('u.id', '=', id).executeTakeFirst();

export const getUnitByCode = (db: Q, code: string) =>
  db.selectFrom('units as u').select(unitColumns).where('u.code', '=', code).executeTakeFirst();

export const getRoot = (db: Q) =>
  db.selectFrom('units as u').select(unitColumns).where('u.parent_id', 'is', null).executeTakeFirst();

/** Ancestors from the root down, read from the unit's path. */
export function getAncestors(db: Q, path: string) {
  const ids = path.split('/').filter(Boolean).slice(0, -1).map(Number);
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.kind', 'u.name', 'u.code', 'u.path'])
    .where('u.id', 'in', ids)
    .orderBy('u.depth')
    .execute();
}

export function countChildrenByKind(db: Q, id: number) {
  return db
    .selectFrom('units')
    .select(['kind', db.fn.countAll<number>().as('count')])
    .where('parent_id', '=', id)
    .groupBy('kind')
    .execute();
}

export interface ChildrenQuery {
  parentId: number;
  kind?: UnitKind | undefined;
  limit: number;
  offset: number;
}

export function listChildren(db: Q, q: ChildrenQuery) {
  let query = db.selectFrom('units as u').select(unitColumns).where('u.parent_id', '=', q.parentId);
  if (q.kind) query = query.where('u.kind', '=', q.kind);
  return query.orderBy('u.kind').orderBy('u.name_folded').orderBy('u.id').limit(q.limit).offset(q.offset).execute();
}

/** Every village under a path (a commune's villages), by name. */
export const villagesUnder = (db: Q, path: string) =>
  db.selectFrom('units as u').select(unitColumns).where('u.kind', '=', 'village').where('u.path', 'like', path + '%').orderBy('u.name_folded').execute();

/** A page of a unit's whole subtree in tree (path) order, keyset-paged on the path. */
export function listSubtree(db: Q, path: string, limit: number, after?: string) {
  let query = db
    .selectFrom('units as u')
    .select(unitColumns)
    .where('u.path', 'like', likeEscape(path) + '_%');
  if (after) query = query.where('u.path', '>', after);
  return query.orderBy('u.path').limit(limit).execute();
}

export function countSubtree(db: Q, path: string) {
  return db
    .selectFrom('units')
    .select(['kind', db.fn.countAll<number>().as('count')])
    .where('path', 'like', likeEscape(path) + '_%')
    .groupBy('kind')
    .execute();
}

/**
 * Units whose folded name-and-ancestors text contains every part, inside the scope: first
 * those whose own name holds the first part (exact name first), then, to fill the page,
 * those matched through an ancestor's name ("lao cai" → the villages of Lào Cai). Each step
 * stops at the page size, so a term matching ten thousand villages costs no more than a rare one.
 */
export async function searchUnits(db: Q, parts: string[], scope: string[], limit: number) {
  const first = parts[0]!;
  const matches = (eb: ExpressionBuilder<DB, 'units'>) =>
    eb.and([inScope('path', scope), ...parts.map((part) => eb('search_text', 'like', `%${likeEscape(part)}%`))]);
  const byName = await db
    .selectFrom('units')
    .select('id')
    .where(matches)
    .where('name_folded', 'like', `%${likeEscape(first)}%`)
    .orderBy(sql`(name_folded = ${first})`, 'desc')
    .orderBy('depth')
    .orderBy('name_folded')
    .limit(limit)
    .execute();
  const byAncestor =
    byName.length < limit
      ? await db
          .selectFrom('units')
          .select('id')
          .where(matches)
          .where('name_folded', 'not like', `%${likeEscape(first)}%`)
          .orderBy('depth')
          .orderBy('name_folded')
          .limit(limit - byName.length)
          .execute()
      : [];
  const ids = [...byName, ...byAncestor].map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select([...unitColumns, 'p.name as parent_name'])
    .where('u.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** Pre-2025 communes matching every part, with the units that replaced them (only those in scope). */
export async function searchLegacy(db: Q, parts: string[], scope: string[], limit: number) {
  const rows = await db
    .selectFrom('legacy_units as l')
    .select(['l.old_code', 'l.old_name', 'l.old_district_name', 'l.old_province_name'])
    .where((eb) => eb.and(parts.map((part) => eb('l.search_text', 'like', `%${likeEscape(part)}%`))))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('legacy_successors as s')
          .innerJoin('units as u', 'u.id', 's.unit_id')
          .whereRef('s.old_code', '=', 'l.old_code')
          .where(inScope('u.path', scope))
          .select(sql`1`.as('one')),
      ),
    )
    // Names ending with the words typed ("xa dien quan" for "dien quan") before names merely holding them.
    .orderBy(sql`(l.name_folded like ${'%' + likeEscape(parts[0]!)})`, 'desc')
    .orderBy(sql`(l.name_folded like ${'%' + likeEscape(parts[0]!) + '%'})`, 'desc')
    .orderBy('l.name_folded')
    .limit(limit)
    .execute();
  return withSuccessors(db, rows, scope);
}

/** Pre-2025 districts matching every part, each with the communes that replaced its communes (in scope). */
export async function searchLegacyDistricts(db: Q, parts: string[], scope: string[], limit: number) {
  const rows = await db
    .selectFrom('legacy_units as l')
    .innerJoin('legacy_successors as s', 's.old_code', 'l.old_code')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select([
      'l.old_district_code', 'l.old_district_name', 'l.old_province_name',
      sql<number[]>`array_agg(distinct u.id)`.as('unit_ids'),
    ])
    .where((eb) => eb.and(parts.map((part) => eb('l.district_folded', 'like', `%${likeEscape(part)}%`))))
    .where(inScope('u.path', scope))
    .groupBy(['l.old_district_code', 'l.old_district_name', 'l.old_province_name'])
    .orderBy('l.old_district_name')
    .limit(limit)
    .execute();
  const ids = [...new Set(rows.flatMap((r) => r.unit_ids))];
  const units = ids.length
    ? await db.selectFrom('units').select(['id', 'code', 'name', 'kind']).where('id', 'in', ids).orderBy('code').execute()
    : [];
  return rows.map(({ unit_ids, ...r }) => ({ ...r, replaced_by: units.filter((u) => unit_ids.includes(u.id)) }));
}

export async function legacyOf(db: Q, unitId: number) {
  return db
    .selectFrom('legacy_successors as s')
    .innerJoin('legacy_units as l', 'l.old_code', 's.old_code')
    .select(['l.old_code', 'l.old_name', 'l.old_district_name', 'l.old_province_name'])
    .where('s.unit_id', '=', unitId)
    .orderBy('l.old_district_name')
    .orderBy('l.old_name')
    .execute();
}

async function withSuccessors<T extends { old_code: string }>(db: Q, rows: T[], scope: string[]) {
  if (rows.length === 0) return [];
  const successors = await db
    .selectFrom('legacy_successors as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.old_code', 'u.id', 'u.code', 'u.name', 'u.kind'])
    .where('s.old_code', 'in', rows.map((r) => r.old_code))
    .where(inScope('u.path', scope))
    .orderBy('u.code')
    .execute();
  return rows.map((r) => ({
    ...r,
    replaced_by: successors.filter((s) => s.old_code === r.old_code).map(({ old_code: _, ...s }) => s),
  }));
}

export function insertUnits(db: Q, units: NewUnit[]) {
  return db
    .insertInto('units')
    .values(units)
    .returning(['id', 'parent_id', 'code', 'kind', 'subkind', 'name', 'province_code', 'path', 'depth', 'note'])
    .execute();
}

export function updateUnit(db: Q, id: number, patch: { name?: string; name_folded?: string; subkind?: string; note?: string | null }) {
  return db
    .updateTable('units')
    .set({ ...patch, updated_at: sql`now()` as never })
    .where('id', '=', id)
    .returning(['id'])
    .executeTakeFirst();
}

/**
 * After a rename, every descendant's search text ends with the renamed unit's old
 * search text: swap that tail for the new one.
 */
export async function refreshSearchText(db: Q, id: number, nameFolded: string) {
  const row = await db.selectFrom('units').select(['path', 'search_text', 'name_folded']).where('id', '=', id).executeTakeFirstOrThrow();
  const oldText = row.search_text;
  const newText = nameFolded + oldText.slice(row.name_folded.length);
  await db
    .updateTable('units')
    .set({
      search_text: sql`left(search_text, length(search_text) - ${oldText.length}) || ${newText}`,
    })
    .where('path', 'like', likeEscape(row.path) + '%')
    .execute();
}

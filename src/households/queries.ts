import type { Kysely, Selectable, Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB, HouseholdsTable } from '../db/schema.ts';
import { likeEscape } from '../shared/text.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type HouseholdFields = Pick<Selectable<HouseholdsTable>, 'head_name' | 'address' | 'members' | 'phone' | 'note' | 'identity' | 'search_folded'>;

const columns = [
  'h.id', 'h.village_id', 'h.head_name', 'h.address', 'h.members', 'h.phone', 'h.note', 'h.updated_at',
] as const;

/**
 * Households under a path inside the scope, with their village, fire-safety group and keychain;
 * `search` matches the folded head and address.
 */
export function householdsUnder(db: Q, scope: string[], underPath: string, opts: { search?: string | undefined; limit: number; offset: number }) {
  let query = db
    .selectFrom('households as h')
    .innerJoin('units as v', 'v.id', 'h.village_id')
    .leftJoin('fire_group_households as fh', 'fh.household_id', 'h.id')
    .leftJoin('fire_groups as g', 'g.id', 'fh.group_id')
    .leftJoin('keychains as k', (j) => j.onRef('k.household_id', '=', 'h.id').on('k.revoked_at', 'is', null))
    .select([...columns, 'v.name as village_name', 'g.id as fire_group_id', 'g.name as fire_group_name', 'k.code as keychain_code'])
    .where(inScope('h.village_path', scope))
    .where('h.village_path', 'like', underPath + '%');
  if (opts.search) query = query.where('h.search_folded', 'like', `%${likeEscape(opts.search)}%`);
  return query.orderBy('v.name_folded').orderBy('h.search_folded').orderBy('h.id').limit(opts.limit).offset(opts.offset).execute();
}

export const getHousehold = (db: Q, id: number) =>
  db.selectFrom('households as h').select([...columns, 'h.village_path', 'h.province_code', 'h.identity']).where('h.id', '=', id).executeTakeFirst();

/**
 * Locks the households for the rest of the transaction, so two hand-outs, two groups or a
 * deletion touching the same household run one after the other and the second sees the first.
 */
export const lockHouseholds = async (db: Transaction<DB>, ids: number[]) => {
  if (ids.length) await db.selectFrom('households').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
};

export const getHouseholds = (db: Q, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('households as h').select([...columns, 'h.village_path', 'h.province_code']).where('h.id', 'in', ids).execute();

export const householdByIdentity = (db: Q, villageId: number, identity: string) =>
  db.selectFrom('households').select('id').where('village_id', '=', villageId).where('identity', '=', identity).executeTakeFirst();

export const householdsOfVillages = (db: Q, villageIds: number[]) =>
  villageIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('households as h').select([...columns, 'h.identity']).where('h.village_id', 'in', villageIds).execute();

export const insertHouseholds = (db: Q, rows: (HouseholdFields & { village_id: number; village_path: string; province_code: string })[]) =>
  db.insertInto('households').values(rows).returning(['id', 'village_id', 'head_name', 'address', 'members', 'phone', 'note', 'updated_at']).execute();

export const updateHousehold = (db: Q, id: number, fields: HouseholdFields) =>
  db.updateTable('households').set({ ...fields, updated_at: new Date() }).where('id', '=', id).execute();

export const deleteHousehold = (db: Q, id: number) => db.deleteFrom('households').where('id', '=', id).execute();

/** A household that still has a keychain on record (revoked or not) stays: the register keeps it. */
export const hasKeychain = async (db: Q, id: number) =>
  !!(await db.selectFrom('keychains').select('id').where('household_id', '=', id).executeTakeFirst());

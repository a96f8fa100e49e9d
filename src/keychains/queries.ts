import { sql, type Kysely, type Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewKeychain {
  province_code: string;
  village_id: number;
  village_path: string;
  commune_id: number;
  household_id: number;
  code: string;
  locks: number;
  handed_on: string;
  contact_name: string;
  contact_phone: string;
}

const columns = ['k.id', 'k.village_id', 'k.household_id', 'k.code', 'k.locks', 'k.handed_on', 'k.contact_name', 'k.contact_phone', 'k.revoked_at', 'k.created_at'] as const;

/** The register under a path, with each household's head and address. */
export const keychainsUnder = (db: Q, scope: string[], underPath: string, opts: { villageId?: number | undefined; activeOnly?: boolean }) => {
  let query = db
    .selectFrom('keychains as k')
    .innerJoin('households as h', 'h.id', 'k.household_id')
    .innerJoin('units as v', 'v.id', 'k.village_id')
    .select([...columns, 'h.head_name', 'h.address', 'v.name as village_name'])
    .where(inScope('k.village_path', scope))
    .where('k.village_path', 'like', underPath + '%');
  if (opts.villageId) query = query.where('k.village_id', '=', opts.villageId);
  if (opts.activeOnly) query = query.where('k.revoked_at', 'is', null);
  return query.orderBy('v.name_folded').orderBy('h.search_folded').orderBy('k.id').limit(20_000).execute();
};

export const getKeychain = (db: Q, id: number) =>
  db.selectFrom('keychains as k').select([...columns, 'k.village_path', 'k.province_code']).where('k.id', '=', id).executeTakeFirst();

export const insertKeychains = (db: Q, rows: NewKeychain[]) =>
  db.insertInto('keychains').values(rows).onConflict((oc) => oc.column('code').doNothing()).returning(['id', 'village_id', 'household_id', 'code', 'locks', 'handed_on', 'contact_name', 'contact_phone', 'revoked_at', 'created_at']).execute();

/** Households among these that hold a keychain in use. */
export const householdsWithKeychain = (db: Q, householdIds: number[]) =>
  householdIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('keychains').select(['household_id', 'code']).where('household_id', 'in', householdIds).where('revoked_at', 'is', null).execute();

export const revoke = (db: Q, id: number) =>
  db.updateTable('keychains').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();

/** Where a code leads: its village, commune and province, and the contact on the card. */
export const route = (db: Q, code: string) =>
  db
    .selectFrom('keychains as k')
    .innerJoin('units as v', 'v.id', 'k.village_id')
    .innerJoin('units as c', 'c.id', 'k.commune_id')
    .leftJoin('units as p', 'p.code', 'k.province_code')
    .select([
      'k.code', 'k.revoked_at', 'k.contact_name', 'k.contact_phone',
      'v.id as village_id', 'v.name as village_name', 'c.id as commune_id', 'c.name as commune_name', 'c.code as commune_code',
      'p.name as province_name', 'k.province_code',
    ])
    .where('k.code', '=', code)
    .executeTakeFirst();

/** Households and those holding a keychain in use, per village under a path. */
export const handedOutPerVillage = (db: Q, scope: string[], underPath: string) =>
  db
    .selectFrom('units as v')
    .select([
      'v.id as village_id', 'v.name as village_name',
      sql<number>`(select count(*)::int from households h where h.village_id = v.id)`.as('households'),
      sql<number>`(select count(*)::int from keychains k where k.village_id = v.id and k.revoked_at is null)`.as('keychains'),
    ])
    .where('v.kind', '=', 'village')
    .where(inScope('v.path', scope))
    .where('v.path', 'like', underPath + '%')
    .orderBy('v.name_folded')
    .limit(5000)
    .execute();

import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB, FireGroupEquipmentTable, FireGroupsTable } from '../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type GroupFields = Pick<Selectable<FireGroupsTable>, 'name' | 'leader_name' | 'leader_phone' | 'leader_user_id' | 'note'>;
export type EquipmentFields = Pick<Selectable<FireGroupEquipmentTable>, 'item' | 'quantity' | 'condition' | 'checked_on'>;

const groupColumns = ['g.id', 'g.village_id', 'g.name', 'g.leader_name', 'g.leader_phone', 'g.leader_user_id', 'g.note', 'g.updated_at'] as const;

export const groupsUnder = (db: Q, scope: string[], underPath: string) =>
  db
    .selectFrom('fire_groups as g')
    .innerJoin('units as v', 'v.id', 'g.village_id')
    .select([...groupColumns, 'g.village_path', 'v.name as village_name', sql<number>`(select count(*)::int from fire_group_households fh where fh.group_id = g.id)`.as('households')])
    .where(inScope('g.village_path', scope))
    .where('g.village_path', 'like', underPath + '%')
    .orderBy('v.name_folded')
    .orderBy('g.name')
    .limit(2000)
    .execute();

export const getGroup = (db: Q, id: number) =>
  db.selectFrom('fire_groups as g').select([...groupColumns, 'g.village_path', 'g.province_code']).where('g.id', '=', id).executeTakeFirst();

export const equipmentOf = (db: Q, groupIds: number[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('fire_group_equipment').select(['id', 'group_id', 'item', 'quantity', 'condition', 'checked_on']).where('group_id', 'in', groupIds).orderBy('id').execute();

/** The member households of groups, with their head and address (personal data: callers check household.read). */
export const membersOf = (db: Q, groupIds: number[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db
      .selectFrom('fire_group_households as fh')
      .innerJoin('households as h', 'h.id', 'fh.household_id')
      .select(['fh.group_id', 'h.id', 'h.head_name', 'h.address'])
      .where('fh.group_id', 'in', groupIds)
      .orderBy('h.search_folded')
      .execute();

export const insertGroup = (db: Q, village: { id: number; path: string; province_code: string }, fields: GroupFields) =>
  db.insertInto('fire_groups').values({ ...fields, village_id: village.id, village_path: village.path, province_code: village.province_code }).returning('id').executeTakeFirstOrThrow();

export const updateGroup = (db: Q, id: number, fields: GroupFields) =>
  db.updateTable('fire_groups').set({ ...fields, updated_at: new Date() }).where('id', '=', id).execute();

export const deleteGroup = (db: Q, id: number) => db.deleteFrom('fire_groups').where('id', '=', id).execute();

/** The group's members and equipment become exactly these lists. */
export async function replaceParts(db: Q, group: { id: number; province_code: string }, householdIds: number[], equipment: EquipmentFields[]) {
  await db.deleteFrom('fire_group_households').where('group_id', '=', group.id).execute();
  await db.deleteFrom('fire_group_equipment').where('group_id', '=', group.id).execute();
  if (householdIds.length) {
    await db.insertInto('fire_group_households').values(householdIds.map((household_id) => ({ household_id, group_id: group.id, province_code: group.province_code }))).execute();
  }
  if (equipment.length) await db.insertInto('fire_group_equipment').values(equipment.map((e) => ({ ...e, group_id: group.id, province_code: group.province_code }))).execute();
}

/** Households by id with the group each is in now, if any. */
export const householdsWithGroup = (db: Q, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
      .selectFrom('households as h')
      .leftJoin('fire_group_households as fh', 'fh.household_id', 'h.id')
      .leftJoin('fire_groups as g', 'g.id', 'fh.group_id')
      .select(['h.id', 'h.village_id', 'h.head_name', 'g.id as group_id', 'g.name as group_name'])
      .where('h.id', 'in', ids)
      .execute();

/** A grant on the village or its commune: an account there serves the village. */
const servesVillage = (villagePath: string) =>
  sql<boolean>`exists (select 1 from grants gr join units u on u.id = gr.unit_id
    where gr.user_id = us.id and u.kind in ('village', 'commune') and ${villagePath} like u.path || '%')`;

/** Active users who serve the village: who can lead a group and be told of its alarms. */
export const usersServing = (db: Q, villagePath: string) =>
  db
    .selectFrom('users as us')
    .select(['us.id', 'us.full_name', 'us.username', 'us.phone'])
    .where('us.active', '=', true)
    .where(servesVillage(villagePath))
    .orderBy('us.full_name')
    .execute();

/** Per village under a path: households, those in a group, and groups. */
export const coverage = (db: Q, scope: string[], underPath: string) =>
  db
    .selectFrom('units as v')
    .select([
      'v.id as village_id', 'v.name as village_name',
      sql<number>`(select count(*)::int from households h where h.village_id = v.id)`.as('households'),
      sql<number>`(select count(*)::int from households h join fire_group_households fh on fh.household_id = h.id where h.village_id = v.id)`.as('in_groups'),
      sql<number>`(select count(*)::int from fire_groups g where g.village_id = v.id)`.as('groups'),
    ])
    .where('v.kind', '=', 'village')
    .where(inScope('v.path', scope))
    .where('v.path', 'like', underPath + '%')
    .orderBy('v.name_folded')
    .limit(5000)
    .execute();

/**
 * The accounts leading a fire-safety group in the village, while active and still serving it (a
 * grant withdrawn since would leave them told of alarms they cannot open): alarm recipients.
 */
export const leadersOf = (db: Q, village: { id: number; path: string }) =>
  db
    .selectFrom('fire_groups as g')
    .innerJoin('users as us', 'us.id', 'g.leader_user_id')
    .select('us.id as user_id')
    .distinct()
    .where('g.village_id', '=', village.id)
    .where('us.active', '=', true)
    .where(servesVillage(village.path))
    .execute();

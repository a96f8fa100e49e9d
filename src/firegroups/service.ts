import type { Kysely, Transaction } from 'kysely';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB, EquipmentCondition } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../http/errors.ts';
import { todayVN } from '../shared/dates.ts';
import { readableUnit, readableVillage } from '../units/service.ts';
import { lockHouseholds } from '../households/queries.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

/** Tổ liên gia an toàn PCCC: every household in a group is the target (seed 004). */
export const COVERAGE_TARGET = 100;

export interface GroupInput {
  name: string;
  leaderName: string;
  leaderPhone?: string | null | undefined;
  /** The leader's account, if they have one: they are then told of the village's alarms. */
  leaderUserId?: number | null | undefined;
  note?: string | null | undefined;
  householdIds: number[];
  equipment: { item: string; quantity: number; condition: EquipmentCondition; checkedOn?: string | null | undefined }[];
}

/**
 * Groups under a unit. Members and the leader's phone are households' personal data: given only
 * for groups in villages where the caller may read households.
 */
export async function listGroups(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await readableUnit(db, actor, unitId);
  const groups = await q.groupsUnder(db, scopeOf(actor, 'unit.read'), unit.path);
  const personal = new Set(groups.filter((g) => allows(actor, 'household.read', g.village_path)).map((g) => g.id));
  const [equipment, members] = await Promise.all([q.equipmentOf(db, groups.map((g) => g.id)), q.membersOf(db, [...personal])]);
  return groups.map(({ village_path: _, ...g }) => ({
    ...g,
    leader_phone: personal.has(g.id) ? g.leader_phone : null,
    equipment: equipment.filter((e) => e.group_id === g.id).map(({ group_id: _, ...e }) => e),
    members: personal.has(g.id) ? members.filter((m) => m.group_id === g.id).map(({ group_id: _, ...m }) => m) : null,
  }));
}

async function groupPage(db: Kysely<DB> | Transaction<DB>, id: number) {
  const g = (await q.getGroup(db, id))!;
  const [equipment, members] = await Promise.all([q.equipmentOf(db, [id]), q.membersOf(db, [id])]);
  return { ...g, equipment: equipment.map(({ group_id: _, ...e }) => e), members: members.map(({ group_id: _, ...m }) => m) };
}

/** Members must live in the group's village and not be in another group; the leader's account must serve the village. */
async function check(db: Transaction<DB>, village: { id: number; path: string; name: string }, input: GroupInput, groupId?: number) {
  const ids = [...new Set(input.householdIds)];
  await lockHouseholds(db, ids);
  const found = await q.householdsWithGroup(db, ids);
  const fields = [];
  for (const id of ids) {
    const h = found.find((f) => f.id === id);
    if (!h || h.village_id !== village.id) fields.push({ path: 'householdIds', message: `Hộ số ${id} không thuộc ${village.name}` });
    else if (h.group_id && h.group_id !== groupId) fields.push({ path: 'householdIds', message: `Hộ ${h.head_name} đã ở ${h.group_name}` });
  }
  if (fields.length) throw conflict(fields.map((f) => f.message).join('; '), fields);
  if (input.leaderUserId != null && !(await q.usersServing(db, village.path)).some((u) => u.id === input.leaderUserId)) {
    throw invalid('Tài khoản tổ trưởng phải là người được giao phụ trách thôn hoặc xã', [{ path: 'leaderUserId', message: 'Không phụ trách thôn' }]);
  }
  for (const [i, e] of input.equipment.entries()) {
    if (e.checkedOn && e.checkedOn > todayVN()) throw invalid('Ngày kiểm tra ở tương lai', [{ path: `equipment.${i}.checkedOn`, message: 'Ngày kiểm tra không được ở tương lai.' }]);
  }
  return ids;
}

const fieldsOf = (g: GroupInput): q.GroupFields => ({
  name: g.name, leader_name: g.leaderName, leader_phone: g.leaderPhone ?? null, leader_user_id: g.leaderUserId ?? null, note: g.note ?? null,
});
const equipmentOf = (g: GroupInput): q.EquipmentFields[] =>
  g.equipment.map((e) => ({ item: e.item, quantity: e.quantity, condition: e.condition, checked_on: e.checkedOn ?? null }));

async function writableVillage(db: Kysely<DB>, actor: Actor, villageId: number) {
  const v = await readableVillage(db, actor, villageId, 'Tổ liên gia được lập ở thôn, tổ dân phố');
  assertAllowed(actor, 'field.write', v.path);
  assertAllowed(actor, 'household.read', v.path);
  return v;
}

export async function createGroup(db: Kysely<DB>, ctx: Ctx, villageId: number, input: GroupInput) {
  const v = await writableVillage(db, ctx.actor, villageId);
  return db.transaction().execute(async (trx) => {
    const households = await check(trx, v, input);
    const { id } = await q.insertGroup(trx, v, fieldsOf(input));
    await q.replaceParts(trx, { id, province_code: v.province_code }, households, equipmentOf(input));
    const after = await groupPage(trx, id);
    await recordChange(trx, ctx, { action: 'create', entity: 'fire_group', entityId: id, unit: v, after });
    return after;
  });
}

async function writableGroup(db: Kysely<DB>, actor: Actor, id: number) {
  const g = await q.getGroup(db, id);
  if (!g || !allows(actor, 'unit.read', g.village_path)) throw notFound('Không tìm thấy tổ liên gia');
  return { group: g, village: await writableVillage(db, actor, g.village_id) };
}

export async function updateGroup(db: Kysely<DB>, ctx: Ctx, id: number, input: GroupInput) {
  const { village } = await writableGroup(db, ctx.actor, id);
  return db.transaction().execute(async (trx) => {
    const before = await groupPage(trx, id);
    const households = await check(trx, village, input, id);
    await q.updateGroup(trx, id, fieldsOf(input));
    await q.replaceParts(trx, { id, province_code: village.province_code }, households, equipmentOf(input));
    const after = await groupPage(trx, id);
    await recordChange(trx, ctx, { action: 'update', entity: 'fire_group', entityId: id, unit: village, before, after });
    return after;
  });
}

export async function deleteGroup(db: Kysely<DB>, ctx: Ctx, id: number) {
  const { village } = await writableGroup(db, ctx.actor, id);
  await db.transaction().execute(async (trx) => {
    const before = await groupPage(trx, id);
    await q.deleteGroup(trx, id);
    await recordChange(trx, ctx, { action: 'delete', entity: 'fire_group', entityId: id, unit: village, before });
  });
}

/** Who may lead a group with an account: active users granted on the village or its commune. */
export async function leaderCandidates(db: Kysely<DB>, actor: Actor, villageId: number) {
  const v = await writableVillage(db, actor, villageId);
  return q.usersServing(db, v.path);
}

/** Households in a group per village and in all, against the 100 % target. */
export async function coverage(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await readableUnit(db, actor, unitId);
  const villages = await q.coverage(db, scopeOf(actor, 'unit.read'), unit.path);
  const households = villages.reduce((s, v) => s + v.households, 0);
  const inGroups = villages.reduce((s, v) => s + v.in_groups, 0);
  return { target: COVERAGE_TARGET, households, in_groups: inGroups, share: households ? (100 * inGroups) / households : null, villages };
}

import type { Kysely } from 'kysely';
import { allows, assertAllowed, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { CSV_TYPE, toCsv, toXlsx, XLSX_TYPE, type TableColumn } from '../shared/table-export.ts';
import { fold } from '../shared/text.ts';
import { readableUnit, readableVillage } from '../units/service.ts';
import * as q from './queries.ts';
import type { HouseholdInput } from './schema.ts';
import { householdReadScope } from './scope.ts';

type Ctx = Context & { actor: Actor };

/**
 * What makes two rows the same household: the head and the address, whatever their case, spacing
 * and punctuation; not their diacritics (Lê Văn Hùng and Lê Văn Hưng are two households).
 */
const even = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
export const searchOf = (h: { headName: string; address: string }) => `${fold(h.headName)} | ${fold(h.address)}`;
export const identityOf = (h: { headName: string; address: string }) => `${even(h.headName)} | ${even(h.address)}`;

export const fieldsOf = (h: HouseholdInput): q.HouseholdFields => ({
  head_name: h.headName, address: h.address, members: h.members, phone: h.phone, note: h.note, identity: identityOf(h), search_folded: searchOf(h),
});

const PERSONAL = 'Danh sách hộ gia đình là dữ liệu cá nhân, chỉ cán bộ được giao phụ trách thôn, xã mới xem được';

/** The scope in which the caller may read households (or lists naming them) under a unit; refused, with `refusal`, when there is none. */
export async function householdScope(db: Kysely<DB>, actor: Actor, unitId: number, refusal = PERSONAL) {
  const unit = await readableUnit(db, actor, unitId);
  const scope = householdReadScope(actor, unit.path);
  if (!scope) throw forbidden(refusal);
  return { unit, scope };
}

export async function listHouseholds(db: Kysely<DB>, actor: Actor, unitId: number, opts: { search?: string | undefined; limit: number; offset: number }) {
  const { unit, scope } = await householdScope(db, actor, unitId);
  return q.householdsUnder(db, scope, unit.path, { ...opts, search: opts.search ? fold(opts.search) : undefined });
}

async function village(db: Kysely<DB>, actor: Actor, villageId: number) {
  const v = await readableVillage(db, actor, villageId, 'Hộ gia đình thuộc một thôn, tổ dân phố');
  assertAllowed(actor, 'household.write', v.path);
  return v;
}

const taken = (h: HouseholdInput) => conflict(`Thôn đã có hộ ${h.headName}, ${h.address}`, [{ path: 'headName', message: 'Đã có' }]);

export async function createHousehold(db: Kysely<DB>, ctx: Ctx, villageId: number, input: HouseholdInput) {
  const v = await village(db, ctx.actor, villageId);
  return db.transaction().execute(async (trx) => {
    if (await q.householdByIdentity(trx, v.id, identityOf(input))) throw taken(input);
    const [row] = await q.insertHouseholds(trx, [{ ...fieldsOf(input), village_id: v.id, village_path: v.path, province_code: v.province_code }]);
    await recordChange(trx, ctx, { action: 'create', entity: 'household', entityId: row!.id, unit: v, after: row });
    return row!;
  });
}

async function writableHousehold(db: Kysely<DB>, actor: Actor, id: number) {
  const h = await q.getHousehold(db, id);
  if (!h || !allows(actor, 'household.read', h.village_path)) throw notFound('Không tìm thấy hộ gia đình');
  assertAllowed(actor, 'household.write', h.village_path);
  return h;
}

const unitOf = (h: { village_id: number; village_path: string; province_code: string }) => ({ id: h.village_id, path: h.village_path, province_code: h.province_code });

export async function updateHousehold(db: Kysely<DB>, ctx: Ctx, id: number, input: HouseholdInput) {
  const before = await writableHousehold(db, ctx.actor, id);
  return db.transaction().execute(async (trx) => {
    const same = await q.householdByIdentity(trx, before.village_id, identityOf(input));
    if (same && same.id !== id) throw taken(input);
    await q.updateHousehold(trx, id, fieldsOf(input));
    const after = await q.getHousehold(trx, id);
    await recordChange(trx, ctx, { action: 'update', entity: 'household', entityId: id, unit: unitOf(before), before, after });
    return after!;
  });
}

export async function deleteHousehold(db: Kysely<DB>, ctx: Ctx, id: number) {
  const before = await writableHousehold(db, ctx.actor, id);
  await db.transaction().execute(async (trx) => {
    await q.lockHouseholds(trx, [id]);
    if (await q.hasKeychain(trx, id)) throw conflict('Hộ đã nhận khóa, móc khóa: sổ cấp phát giữ hộ này, không xóa được');
    await q.deleteHousehold(trx, id);
    await recordChange(trx, ctx, { action: 'delete', entity: 'household', entityId: id, unit: unitOf(before), before });
  });
}

type Row = Awaited<ReturnType<typeof q.householdsUnder>>[number];

/** The columns of the export, which the import reads back. */
export const EXPORT_COLUMNS: TableColumn<Row>[] = [
  { header: 'Thôn', value: (h) => h.village_name, width: 20 },
  { header: 'Chủ hộ', value: (h) => h.head_name, width: 24 },
  { header: 'Địa chỉ', value: (h) => h.address, width: 30 },
  { header: 'Số nhân khẩu', value: (h) => h.members, width: 12 },
  { header: 'Số điện thoại', value: (h) => h.phone, width: 14 },
  { header: 'Ghi chú', value: (h) => h.note, width: 30 },
  { header: 'Tổ liên gia', value: (h) => h.fire_group_name, width: 20 },
  { header: 'Mã móc khóa', value: (h) => h.keychain_code, width: 14 },
];

export const MAX_EXPORT_ROWS = 50_000;

export async function exportHouseholds(db: Kysely<DB>, actor: Actor, unitId: number, format: 'csv' | 'xlsx') {
  const { unit, scope } = await householdScope(db, actor, unitId);
  const rows = await q.householdsUnder(db, scope, unit.path, { limit: MAX_EXPORT_ROWS, offset: 0 });
  const name = `Hộ gia đình - ${unit.name}`;
  return format === 'csv'
    ? { name: `${name}.csv`, type: CSV_TYPE, content: toCsv(EXPORT_COLUMNS, rows) }
    : { name: `${name}.xlsx`, type: XLSX_TYPE, content: await toXlsx(EXPORT_COLUMNS, rows, unit.name) };
}

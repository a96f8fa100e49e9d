import { sql, type Kysely } from 'kysely';
import type { DB, UnitKind } from '../db/schema.ts';
import { allows, assertAllowed, parentPath, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import { AppError, conflict, invalid, notFound } from '../http/errors.ts';
import { fold } from '../shared/text.ts';
import { canonicalSubkind, PARENT_KINDS, type CreatableKind } from './kinds.ts';
import { unitLoader } from './loader.ts';
import * as q from './queries.ts';

const vietnamese = new Intl.Collator('vi');

export async function readableUnit(db: Kysely<DB>, actor: Actor, id: number) {
  const unit = await q.getUnit(db, id);
  // Outside the read scope a unit answers as if it did not exist.
  if (!unit || !allows(actor, 'unit.read', unit.path)) throw notFound('Không tìm thấy đơn vị');
  return unit;
}

/** A village the caller may read (404 otherwise); anything else is refused with `notAVillage`. */
export async function readableVillage(db: Kysely<DB>, actor: Actor, id: number, notAVillage: string) {
  const v = await unitLoader(db).load(id);
  if (!v || !allows(actor, 'unit.read', v.path)) throw notFound('Không tìm thấy thôn');
  if (v.kind !== 'village' || !v.province_code || !v.parent_id) throw invalid(notAVillage, [{ path: 'villageId', message: 'Không phải thôn' }]);
  return { ...v, province_code: v.province_code, parent_id: v.parent_id };
}

export async function unitPage(db: Kysely<DB>, actor: Actor, id: number) {
  const unit = await readableUnit(db, actor, id);
  const [ancestors, children, subtree, legacy] = await Promise.all([
    q.getAncestors(db, unit.path),
    q.countChildrenByKind(db, id),
    q.countSubtree(db, unit.path),
    q.legacyOf(db, id),
  ]);
  return {
    unit,
    ancestors,
    childCounts: Object.fromEntries(children.map((c) => [c.kind, c.count])),
    subtreeCounts: Object.fromEntries(subtree.map((c) => [c.kind, c.count])),
    legacy: legacy.sort((a, b) => vietnamese.compare(a.old_district_name, b.old_district_name) || vietnamese.compare(a.old_name, b.old_name)),
    canWrite: allows(actor, 'unit.write', unit.path),
    // Whether a commune is remote is decided above it (tips/service.ts setRemoteArea).
    canSetRemote: unit.kind === 'commune' && allows(actor, 'unit.write', parentPath(unit.path)),
  };
}

export async function children(db: Kysely<DB>, actor: Actor, id: number, opts: { kind?: UnitKind | undefined; limit: number; offset: number }) {
  await readableUnit(db, actor, id);
  return q.listChildren(db, { parentId: id, ...opts });
}

export async function subtree(db: Kysely<DB>, actor: Actor, id: number, limit: number, after?: string) {
  const unit = await readableUnit(db, actor, id);
  if (after !== undefined && !after.startsWith(unit.path)) throw invalid('Tham số "after" không thuộc cây đơn vị này');
  return q.listSubtree(db, unit.path, limit, after);
}

/** The units the actor was granted, as starting points for browsing. */
export async function roots(db: Kysely<DB>, actor: Actor) {
  const scope = scopeOf(actor, 'unit.read');
  const ids = actor.grants.filter((g) => scope.includes(g.unitPath)).map((g) => g.unitId);
  if (ids.length === 0) return [];
  return db.selectFrom('units as u').select(q.unitColumns).where('u.id', 'in', [...new Set(ids)]).orderBy('u.path').execute();
}

/**
 * Diacritic- and case-free search over units and pre-2025 communes and districts.
 * Comma-separated parts narrow it: "Điện Quan, Bảo Yên, Lào Cai".
 */
export async function search(db: Kysely<DB>, actor: Actor, text: string, limit: number) {
  const parts = text.split(',').map(fold).filter(Boolean);
  if (parts.length === 0 || parts.join('').length < 2) {
    throw invalid('Nhập ít nhất 2 ký tự để tìm kiếm', [{ path: 'q', message: 'Cần ít nhất 2 ký tự' }]);
  }
  const scope = scopeOf(actor, 'unit.read');
  const [units, legacy, districts] = await Promise.all([
    q.searchUnits(db, parts, scope, limit),
    q.searchLegacy(db, parts, scope, limit),
    q.searchLegacyDistricts(db, parts, scope, Math.min(limit, 10)),
  ]);
  return { units, legacy, legacyDistricts: districts };
}

export interface NewUnitInput {
  parentId: number;
  kind: CreatableKind;
  subkind: string;
  name: string;
  note?: string | null | undefined;
}

/** Checks one new unit against its parent; returns the row to insert or the reasons it can't be. */
export function checkNewUnit(parent: { kind: UnitKind; path: string } | undefined, input: Omit<NewUnitInput, 'parentId'>, actor: Actor) {
  const errors: { path: string; message: string }[] = [];
  if (!parent) errors.push({ path: 'parentId', message: 'Đơn vị cấp trên không tồn tại' });
  else if (!allows(actor, 'unit.write', parent.path)) errors.push({ path: 'parentId', message: 'Bạn không có quyền thêm đơn vị vào đơn vị cấp trên này' });
  else if (!PARENT_KINDS[input.kind].includes(parent.kind)) {
    errors.push({ path: 'parentId', message: `Không thể đặt loại đơn vị này trực thuộc ${parent.kind === 'village' ? 'thôn' : 'đơn vị đã chọn'}` });
  }
  const subkind = canonicalSubkind(input.kind, input.subkind);
  if (!subkind) errors.push({ path: 'subkind', message: `Phân loại "${input.subkind}" không hợp lệ` });
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name || fold(name) === '') errors.push({ path: 'name', message: 'Tên đơn vị không được để trống' });
  if (name.length > 200) errors.push({ path: 'name', message: 'Tên đơn vị tối đa 200 ký tự' });
  return { errors, subkind: subkind ?? '', name };
}

export async function createUnit(db: Kysely<DB>, ctx: Context & { actor: Actor }, input: NewUnitInput) {
  return db.transaction().execute(async (trx) => {
    const parent = await q.getUnit(trx, input.parentId);
    if (parent && !allows(ctx.actor, 'unit.read', parent.path)) throw notFound('Không tìm thấy đơn vị cấp trên');
    const checked = checkNewUnit(parent, input, ctx.actor);
    if (checked.errors.length) {
      const status = checked.errors.some((e) => e.message.startsWith('Bạn không có quyền')) ? 403 : 400;
      throw new AppError(status, status === 403 ? 'FORBIDDEN' : 'VALIDATION', checked.errors.map((e) => e.message).join('; '), checked.errors);
    }
    const duplicate = await trx
      .selectFrom('units').select('id')
      .where('parent_id', '=', input.parentId).where('kind', '=', input.kind).where(sql`lower(name)`, '=', checked.name.toLowerCase())
      .executeTakeFirst();
    if (duplicate) throw conflict(`Đã có "${checked.name}" trong đơn vị này`, [{ path: 'name', message: 'Tên đã tồn tại' }]);
    const [row] = await q.insertUnits(trx, [{
      parent_id: input.parentId, kind: input.kind, subkind: checked.subkind, name: checked.name,
      name_folded: fold(checked.name), note: input.note ?? null,
    }]);
    const unit = (await q.getUnit(trx, row!.id))!;
    await recordChange(trx, ctx, { action: 'create', entity: 'unit', entityId: unit.id, unit, after: unit });
    return unit;
  });
}

export async function updateUnit(
  db: Kysely<DB>,
  ctx: Context & { actor: Actor },
  id: number,
  patch: { name?: string | undefined; subkind?: string | undefined; note?: string | null | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const before = await q.getUnit(trx, id);
    if (!before || !allows(ctx.actor, 'unit.read', before.path)) throw notFound('Không tìm thấy đơn vị');
    assertAllowed(ctx.actor, 'unit.write', before.path);
    if (before.kind === 'country' || before.kind === 'province' || before.kind === 'commune') {
      if (patch.name !== undefined || patch.subkind !== undefined) {
        throw invalid('Tên và loại của tỉnh, xã theo danh mục chính thức, không sửa được', [{ path: 'name', message: 'Không sửa được' }]);
      }
    }
    const set: { name?: string; name_folded?: string; subkind?: string; note?: string | null } = {};
    if (patch.name !== undefined) {
      const name = patch.name.trim().replace(/\s+/g, ' ');
      if (!fold(name)) throw invalid('Tên đơn vị không được để trống', [{ path: 'name', message: 'Tên đơn vị không được để trống.' }]);
      set.name = name;
      set.name_folded = fold(name);
    }
    if (patch.subkind !== undefined) {
      const subkind = canonicalSubkind(before.kind as CreatableKind, patch.subkind);
      if (!subkind) throw invalid(`Phân loại "${patch.subkind}" không hợp lệ`, [{ path: 'subkind', message: 'Phân loại đơn vị không hợp lệ.' }]);
      set.subkind = subkind;
    }
    if (patch.note !== undefined) set.note = patch.note;
    if (set.name && set.name.toLowerCase() !== before.name.toLowerCase()) {
      const duplicate = await trx
        .selectFrom('units').select('id')
        .where('parent_id', '=', before.parent_id).where('kind', '=', before.kind).where(sql`lower(name)`, '=', set.name.toLowerCase())
        .where('id', '<>', id).executeTakeFirst();
      if (duplicate) throw conflict(`Đã có "${set.name}" trong đơn vị này`, [{ path: 'name', message: 'Tên đã tồn tại' }]);
    }
    // The search text is rebuilt from the old name's length, so before the name changes.
    if (set.name_folded) await q.refreshSearchText(trx, id, set.name_folded);
    await q.updateUnit(trx, id, set);
    const after = (await q.getUnit(trx, id))!;
    await recordChange(trx, ctx, { action: 'update', entity: 'unit', entityId: id, unit: after, before, after });
    return after;
  });
}

import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { allows, assertAllowed, parentPath, scopeOf, type Actor, type Role } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import { hashPassword, passwordProblems } from '../auth/passwords.ts';
import { conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { getUnit } from '../units/queries.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };
const unitOfGrant = (g: { unit_id: number; unit_path: string; province_code: string | null }) => ({
  id: g.unit_id, path: g.unit_path, province_code: g.province_code,
});

async function withGrants<T extends { id: number }>(db: Kysely<DB>, users: T[]) {
  const grants = await q.grantsOf(db, users.map((u) => u.id));
  return users.map((u) => ({ ...u, grants: grants.filter((g) => g.user_id === u.id) }));
}

export async function listUsers(db: Kysely<DB>, actor: Actor, opts: { q?: string | undefined; limit: number; offset: number }) {
  const users = await q.listUsers(db, scopeOf(actor, 'user.manage'), opts);
  return withGrants(db, users);
}

/**
 * A user may be managed only by someone who holds user.manage over every unit the user is
 * granted: a commune admin cannot reset the password of a province officer.
 */
async function manageableUser(db: Kysely<DB>, actor: Actor, id: number) {
  const user = await q.getUser(db, id);
  if (!user) throw notFound('Không tìm thấy người dùng');
  const [withG] = await withGrants(db, [user]);
  const grants = withG!.grants;
  const visible = grants.some((g) => allows(actor, 'user.manage', g.unit_path));
  if (!visible) throw notFound('Không tìm thấy người dùng');
  if (!grants.every((g) => allows(actor, 'user.manage', g.unit_path))) {
    throw forbidden('Người dùng này có quyền ở đơn vị ngoài phạm vi quản lý của bạn');
  }
  return withG!;
}

export const getUser = (db: Kysely<DB>, actor: Actor, id: number) => manageableUser(db, actor, id);

async function grantableUnit(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await getUnit(db, unitId);
  if (!unit || !allows(actor, 'unit.read', unit.path)) throw invalid('Đơn vị được phân quyền không tồn tại', [{ path: 'unitId', message: 'Không tồn tại' }]);
  assertAllowed(actor, 'user.manage', unit.path);
  return unit;
}

export interface NewUser {
  username: string;
  fullName: string;
  phone?: string | null | undefined;
  password: string;
  unitId: number;
  role: Role;
  /** The decision behind the grant: required for an investigator's assignment. */
  basis?: string | undefined;
}

/**
 * The checks a grant's role asks for beyond user.manage on the unit. An investigator is assigned
 * to a commune by a decision of the provincial investigation police, written on the grant, and
 * granted from above the commune; neither the investigator's nor the confidential role is given
 * to oneself: both are about who may not act alone (settling for the body, learning an informant).
 */
function grantBasis(ctx: Ctx, userId: number | null, role: Role, unit: { kind: string; path: string }, basis: string | undefined): string | null {
  const text = basis?.trim() || null;
  if ((role === 'investigator' || role === 'confidential') && userId === ctx.actor.userId) {
    throw forbidden('Không tự cấp cho mình vai trò này được; người quản trị khác phải cấp');
  }
  if (role !== 'investigator') return text;
  if (unit.kind !== 'commune') throw invalid('Điều tra viên được phân công tại một xã, phường, đặc khu', [{ path: 'unitId', message: 'Chọn một xã, phường, đặc khu.' }]);
  if (!allows(ctx.actor, 'user.manage', parentPath(unit.path))) {
    throw forbidden('Điều tra viên do cấp trên của xã cấp quyền, theo quyết định phân công của Cơ quan CSĐT Công an tỉnh');
  }
  if (!text) {
    throw invalid('Hãy ghi quyết định phân công Điều tra viên (số, ngày, người ký)', [{ path: 'basis', message: 'Chưa ghi quyết định phân công.' }]);
  }
  return text;
}

export async function createUser(db: Kysely<DB>, ctx: Ctx, input: NewUser) {
  const username = input.username.trim().toLowerCase();
  const problems = passwordProblems(input.password, username);
  if (problems.length) throw invalid(problems.join('; '), problems.map((m) => ({ path: 'password', message: m })));
  const unit = await grantableUnit(db, ctx.actor, input.unitId);
  const basis = grantBasis(ctx, null, input.role, unit, input.basis);
  const password_hash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw conflict(`Tên đăng nhập "${username}" đã được dùng`, [{ path: 'username', message: 'Đã tồn tại' }]);
    const user = await trx
      .insertInto('users')
      .values({ username, full_name: input.fullName.trim(), phone: input.phone ?? null, password_hash, must_change_password: true })
      .returning(['id', 'username', 'full_name', 'phone'])
      .executeTakeFirstOrThrow();
    const grant = await trx
      .insertInto('grants')
      .values({ user_id: user.id, unit_id: unit.id, role: input.role, basis, created_by: ctx.actor.userId })
      .returning(['id', 'unit_id', 'role', 'basis'])
      .executeTakeFirstOrThrow();
    await recordChange(trx, ctx, { action: 'create', entity: 'user', entityId: user.id, unit, after: { ...user, grant } });
    return user.id;
  });
  return manageableUser(db, ctx.actor, id);
}

export async function updateUser(db: Kysely<DB>, ctx: Ctx, id: number, patch: { fullName?: string | undefined; phone?: string | null | undefined; active?: boolean | undefined }) {
  const before = await manageableUser(db, ctx.actor, id);
  if (patch.active === false && id === ctx.actor.userId) throw invalid('Không thể tự khóa tài khoản của mình');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(patch.fullName !== undefined && { full_name: patch.fullName.trim() }),
        ...(patch.phone !== undefined && { phone: patch.phone }),
        ...(patch.active !== undefined && { active: patch.active }),
        ...(patch.active === true && { failed_logins: 0, locked_until: null }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (patch.active === false) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const after = await q.getUser(trx, id);
    await recordChange(trx, ctx, { action: 'update', entity: 'user', entityId: id, unit: before.grants[0] ? unitOfGrant(before.grants[0]) : null, before, after });
  });
  return manageableUser(db, ctx.actor, id);
}

/** An administrator sets a new password; the user must change it at next log-in and is logged out everywhere. */
export async function resetPassword(db: Kysely<DB>, ctx: Ctx, id: number, password: string) {
  const user = await manageableUser(db, ctx.actor, id);
  const problems = passwordProblems(password, user.username);
  if (problems.length) throw invalid(problems.join('; '), problems.map((m) => ({ path: 'password', message: m })));
  const password_hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash, must_change_password: true, failed_logins: 0, locked_until: null, updated_at: new Date() }).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordChange(trx, ctx, { action: 'password_change', entity: 'user', entityId: id, unit: user.grants[0] ? unitOfGrant(user.grants[0]) : null, after: { reset_by: ctx.actor.username } });
  });
}

export async function addGrant(db: Kysely<DB>, ctx: Ctx, userId: number, unitId: number, role: Role, basisText?: string) {
  await manageableUser(db, ctx.actor, userId);
  const unit = await grantableUnit(db, ctx.actor, unitId);
  const basis = grantBasis(ctx, userId, role, unit, basisText);
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('grants').select('id').where('user_id', '=', userId).where('unit_id', '=', unitId).where('role', '=', role).executeTakeFirst();
    if (exists) throw conflict('Người dùng đã có quyền này tại đơn vị này');
    const grant = await trx
      .insertInto('grants')
      .values({ user_id: userId, unit_id: unitId, role, basis, created_by: ctx.actor.userId })
      .returning(['id', 'user_id', 'unit_id', 'role', 'basis'])
      .executeTakeFirstOrThrow();
    await recordChange(trx, ctx, { action: 'grant', entity: 'grant', entityId: grant.id, unit, after: grant });
    return grant;
  });
}

export async function revokeGrant(db: Kysely<DB>, ctx: Ctx, grantId: number) {
  const grant = await q.getGrant(db, grantId);
  if (!grant || !allows(ctx.actor, 'user.manage', grant.unit_path)) throw notFound('Không tìm thấy quyền');
  const siblings = await q.grantsOf(db, [grant.user_id]);
  if (siblings.length === 1) throw invalid('Không thể thu hồi quyền cuối cùng; hãy khóa tài khoản nếu không dùng nữa');
  if (grant.user_id === ctx.actor.userId && grant.role === 'admin') throw invalid('Không thể tự thu hồi quyền quản trị của mình');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('grants').where('id', '=', grantId).execute();
    await recordChange(trx, ctx, { action: 'revoke', entity: 'grant', entityId: grantId, unit: unitOfGrant(grant), before: grant });
  });
}

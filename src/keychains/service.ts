import type { Kysely } from 'kysely';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChanges, recordChange, type Context } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../http/errors.ts';
import { getHouseholds, lockHouseholds } from '../households/queries.ts';
import { householdScope } from '../households/service.ts';
import { todayVN } from '../shared/dates.ts';
import { limiterOf, type Limit } from '../shared/rate-limit.ts';
import { unitLoader } from '../units/loader.ts';
import { readableUnit, readableVillage } from '../units/service.ts';
import { renderCards } from './cards.ts';
import { newCode, parseCode } from './code.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

/** Khóa an toàn: every household gets a lock and a keychain (seed 003). */
export const HANDOUT_TARGET = 100;

export interface HandOutInput {
  householdIds: number[];
  handedOn: string;
  locks: number;
  contactName: string;
  contactPhone: string;
}

/** The address a keychain's QR code opens: the public tip page, already routed by the code. */
export const tipUrl = (baseUrl: string, code: string) => `${baseUrl.replace(/\/$/, '')}/k/${code}`;

/** Hands a lock and keychain to each household, each with a new code, in one transaction. */
export async function handOut(db: Kysely<DB>, ctx: Ctx, input: HandOutInput) {
  if (input.handedOn > todayVN()) throw invalid('Ngày cấp ở tương lai', [{ path: 'handedOn', message: 'Ngày cấp không được ở tương lai.' }]);
  const ids = [...new Set(input.householdIds)];
  const households = await getHouseholds(db, ids);
  const missing = ids.filter((id) => !households.some((h) => h.id === id && allows(ctx.actor, 'household.read', h.village_path)));
  if (missing.length) throw notFound(`Không tìm thấy hộ gia đình số ${missing.join(', ')}`);
  for (const h of households) assertAllowed(ctx.actor, 'field.write', h.village_path);
  const villages = new Map((await unitLoader(db).loadMany([...new Set(households.map((h) => h.village_id))])).flatMap((v) => (v && !(v instanceof Error) ? [[v.id, v]] : [])));

  return db.transaction().execute(async (trx) => {
    await lockHouseholds(trx, ids);
    const holding = await q.householdsWithKeychain(trx, ids);
    if (holding.length) {
      const fields = holding.map((k) => ({ path: 'householdIds', message: `Hộ ${households.find((h) => h.id === k.household_id)!.head_name} đang giữ móc khóa ${k.code}` }));
      throw conflict(fields.map((f) => f.message).join('; '), fields);
    }
    let pending: q.NewKeychain[] = households.map((h) => ({
      province_code: h.province_code, village_id: h.village_id, village_path: h.village_path, commune_id: villages.get(h.village_id)!.parent_id!,
      household_id: h.id, code: newCode(), locks: input.locks, handed_on: input.handedOn, contact_name: input.contactName, contact_phone: input.contactPhone,
    }));
    const created = [];
    // A code already taken (one chance in 2^60 per pair) is simply drawn again.
    for (let attempt = 0; pending.length && attempt < 5; attempt++) {
      const rows = await q.insertKeychains(trx, pending);
      created.push(...rows);
      const done = new Set(rows.map((r) => r.household_id));
      pending = pending.filter((p) => !done.has(p.household_id)).map((p) => ({ ...p, code: newCode() }));
    }
    if (pending.length) throw new Error('keychain codes kept colliding');
    await recordChanges(trx, ctx, created.map((k) => ({
      action: 'create' as const, entity: 'keychain', entityId: k.id, unit: { id: k.village_id, path: villages.get(k.village_id)!.path, province_code: villages.get(k.village_id)!.province_code }, after: k,
    })));
    return created;
  });
}

const PERSONAL = 'Sổ cấp khóa có tên chủ hộ, chỉ cán bộ được giao phụ trách thôn, xã mới xem được';

export async function register(db: Kysely<DB>, actor: Actor, unitId: number) {
  const { unit, scope } = await householdScope(db, actor, unitId, PERSONAL);
  return q.keychainsUnder(db, scope, unit.path, {});
}

/** A lost keychain: its code stops leading anywhere, and the household may get a new one. */
export async function revokeKeychain(db: Kysely<DB>, ctx: Ctx, id: number) {
  const k = await q.getKeychain(db, id);
  if (!k || !allows(ctx.actor, 'household.read', k.village_path)) throw notFound('Không tìm thấy móc khóa');
  assertAllowed(ctx.actor, 'field.write', k.village_path);
  return db.transaction().execute(async (trx) => {
    // Checked by the update itself: of two revocations at once, one revokes and one is told.
    if (!Number((await q.revoke(trx, id)).numUpdatedRows)) throw conflict('Móc khóa này đã bị thu hồi');
    const after = (await q.getKeychain(trx, id))!;
    await recordChange(trx, ctx, { action: 'update', entity: 'keychain', entityId: id, unit: { id: k.village_id, path: k.village_path, province_code: k.province_code }, before: k, after });
    return after;
  });
}

/** A sheet of the village's keychain cards in use (or of some of them: one just handed out), ready to print and cut. */
export async function cardsPdf(db: Kysely<DB>, actor: Actor, villageId: number, baseUrl: string, ids?: number[]) {
  const village = await readableVillage(db, actor, villageId, 'Thẻ móc khóa được in theo thôn');
  assertAllowed(actor, 'household.read', village.path);
  const commune = (await unitLoader(db).load(village.parent_id))!;
  const inUse = await q.keychainsUnder(db, scopeOf(actor, 'household.read'), village.path, { villageId, activeOnly: true });
  const keychains = ids ? inUse.filter((k) => ids.includes(k.id)) : inUse;
  if (keychains.length === 0) throw invalid(`${village.name} chưa có móc khóa nào đang dùng để in`);
  const content = await renderCards({
    commune: commune.name, village: village.name,
    cards: keychains.map((k) => ({ code: k.code, url: tipUrl(baseUrl, k.code), contactName: k.contact_name, contactPhone: k.contact_phone })),
  });
  return { name: `Thẻ móc khóa - ${village.name} - ${commune.name}.pdf`, content };
}

/**
 * Look-ups of codes from one client address (the /k/ page, its JSON, the tip form opened by a
 * code): a phone scans one card, a loop trying codes to map households is turned away.
 */
export const KEYCHAIN_LOOKUPS: Limit = { bucket: 'keychain-lookup', max: 60, windowSeconds: 10 * 60 };

/** Counts one look-up of a code from this address; 429 past the limit. */
export async function countLookUp(db: Kysely<DB>, ip: string) {
  if (!(await limiterOf(db).take(KEYCHAIN_LOOKUPS, ip))) {
    const message = 'Có quá nhiều lượt tra mã móc khóa từ nơi này. Hãy thử lại sau ít phút, hoặc gọi 113 nếu khẩn cấp.';
    throw new AppError(429, 'RATE_LIMIT', message);
  }
}

/** routeOf, within the look-ups allowed to the address. */
export async function lookUp(db: Kysely<DB>, ip: string, text: string) {
  await countLookUp(db, ip);
  return routeOf(db, text);
}

/**
 * Where a code sends a tip: its commune and village (public: the code is on the keychain, and
 * says no more than what the card itself prints). A revoked code is refused, as an unknown one.
 */
export async function routeOf(db: Kysely<DB>, text: string) {
  const code = parseCode(text);
  const found = code ? await q.route(db, code) : undefined;
  if (!found) throw notFound('Không có móc khóa mang mã này');
  if (found.revoked_at) throw new AppError(410, 'REVOKED', 'Móc khóa này đã bị thu hồi (báo mất); hãy gửi tin qua trang chung hoặc gọi Công an xã');
  const { revoked_at: _, ...route } = found;
  return route;
}

/** Households holding a keychain in use, per village and in all, against the 100 % target. */
export async function handedOut(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await readableUnit(db, actor, unitId);
  const villages = await q.handedOutPerVillage(db, scopeOf(actor, 'unit.read'), unit.path);
  const households = villages.reduce((s, v) => s + v.households, 0);
  const keychains = villages.reduce((s, v) => s + v.keychains, 0);
  return { target: HANDOUT_TARGET, households, keychains, share: households ? (100 * keychains) / households : null, villages };
}

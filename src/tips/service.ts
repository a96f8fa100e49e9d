import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB, TipCategory, TipStatus } from '../db/schema.ts';
import * as files from '../files/queries.ts';
import { CLOCK_SKEW_MS } from '../gongs/night.ts';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { routeOf } from '../keychains/service.ts';
import { randomCode, parseCode } from '../shared/codes.ts';
import { dayStart, FIRST_DAY } from '../shared/dates.ts';
import { readableUnit } from '../units/service.ts';
import { unitLoader } from '../units/loader.ts';
import { dueAt, OPEN_STATUSES, urgencyOf } from './deadlines.ts';
import { cleanPhoto, MAX_PHOTOS } from './photos.ts';
import * as q from './queries.ts';
import type { Contact, Sealer } from './seal.ts';

type Ctx = Context & { actor: Actor };

export const CATEGORIES: Record<TipCategory, string> = {
  crime: 'Tội phạm', drugs: 'Ma túy', theft: 'Trộm cắp', traffic: 'Giao thông', fire: 'Cháy, nổ', social_evils: 'Tệ nạn xã hội', other: 'Khác',
};
export const STATUSES: Record<TipStatus, string> = {
  new: 'Mới', verifying: 'Đang xác minh', handling: 'Đang xử lý', resolved: 'Đã giải quyết', transferred: 'Chuyển cơ quan khác', unfounded: 'Không có cơ sở',
};

export const TRACKING_LENGTH = 10;
const SECRET_LENGTH = 16;
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface TipInput {
  category: TipCategory;
  description: string;
  /** When it happened, if the informant says. */
  occurredAt?: Date | undefined;
  place?: string | undefined;
  /** Where it goes: a keychain's code (its commune and village), or a commune. */
  keychainCode?: string | undefined;
  communeId?: number | undefined;
  contact?: Contact | undefined;
  photos?: { name: string; content: Uint8Array }[] | undefined;
}

/** The commune police a tip goes to, and the village when a keychain says it. */
async function destination(db: Kysely<DB>, input: TipInput) {
  if (input.keychainCode) {
    const route = await routeOf(db, input.keychainCode);
    const commune = (await unitLoader(db).load(route.commune_id))!;
    return { commune, villageId: route.village_id as number | null, keychainId: (await keychainIdOf(db, route.code)) ?? null };
  }
  const commune = input.communeId ? await unitLoader(db).load(input.communeId) : undefined;
  if (!commune || commune.kind !== 'commune') throw invalid('Hãy chọn xã, phường nơi xảy ra sự việc', [{ path: 'communeId', message: 'Chưa chọn xã, phường' }]);
  return { commune, villageId: null, keychainId: null };
}

const keychainIdOf = async (db: Kysely<DB>, code: string) =>
  (await db.selectFrom('keychains').select('id').where('code', '=', code).executeTakeFirst())?.id;

/**
 * Takes a tip from the public: checked, its photos cleaned, the contact sealed, all stored in one
 * transaction before the answer. The tracking code and the secret are given once, here.
 */
export async function submitTip(db: Kysely<DB>, sealer: Sealer, input: TipInput, channel: 'web' | 'keychain' | 'open311', now = new Date()) {
  if (input.occurredAt) {
    if (input.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('Thời điểm xảy ra ở tương lai', [{ path: 'occurredAt', message: 'Ở tương lai' }]);
    if (input.occurredAt < dayStart(FIRST_DAY)) throw invalid('Thời điểm xảy ra quá xa, hãy xem lại năm', [{ path: 'occurredAt', message: 'Quá cũ' }]);
  }
  if ((input.photos?.length ?? 0) > MAX_PHOTOS) throw invalid(`Gửi tối đa ${MAX_PHOTOS} ảnh`, [{ path: 'photos', message: 'Quá nhiều ảnh' }]);
  const { commune, villageId, keychainId } = await destination(db, input);
  const photos = await Promise.all((input.photos ?? []).map((p) => cleanPhoto(p.content)));
  const contact = input.contact && Object.values(input.contact).some(Boolean) ? input.contact : undefined;
  const secret = randomCode(SECRET_LENGTH);

  return db.transaction().execute(async (trx) => {
    let stored;
    let trackingCode = '';
    // A tracking code already taken (one chance in 2^50 per pair) is drawn again.
    for (let attempt = 0; !stored && attempt < 5; attempt++) {
      trackingCode = randomCode(TRACKING_LENGTH);
      stored = await q.insertTip(trx, {
        province_code: commune.province_code!, commune_id: commune.id, unit_path: commune.path, village_id: villageId, keychain_id: keychainId,
        category: input.category, description: input.description, occurred_at: input.occurredAt ?? null, place: input.place || null,
        contact_sealed: contact ? sealer.seal(contact, trackingCode) : null, tracking_code: trackingCode, secret_hash: hashSecret(secret),
        channel, due_at: dueAt('new', now),
      });
    }
    if (!stored) throw new Error('tracking codes kept colliding');
    const tip = { id: stored.id, province_code: commune.province_code! };
    await q.insertEvent(trx, { tip_id: tip.id, province_code: tip.province_code, actor_id: null, kind: 'received', status: 'new' });
    for (const [i, p] of photos.entries()) {
      const file = await files.insertFile(trx, {
        province_code: tip.province_code, unit_path: commune.path, name: `anh-${i + 1}.${p.ext}`, media_type: p.mediaType, size: p.content.length,
        sha256: createHash('sha256').update(p.content).digest('hex'), content: p.content, created_by: null,
      });
      await q.linkFile(trx, tip, file.id);
    }
    // The audit entry names the tip, never its informant.
    await recordChange(trx, { actor: null }, {
      action: 'create', entity: 'tip', entityId: tip.id, unit: { id: commune.id, path: commune.path, province_code: tip.province_code },
      after: { tracking_code: trackingCode, category: input.category, channel, photos: photos.length, has_contact: !!contact },
    });
    return { id: tip.id, trackingCode, secret, communeName: commune.name, receivedAt: stored.received_at };
  });
}

/** The public status page: the stage and the public reply, for whoever holds the code and its secret. */
export async function publicStatus(db: Kysely<DB>, code: string, secret: string) {
  const tracking = parseCode(code, TRACKING_LENGTH);
  const found = tracking ? await q.publicView(db, tracking) : undefined;
  const given = Buffer.from(hashSecret(secret.toUpperCase().replace(/[\s-]/g, '')));
  // One answer for an unknown code and a wrong secret: the page must not tell which codes exist.
  if (!found || !timingSafeEqual(given, Buffer.from(found.secret_hash))) throw notFound('Mã theo dõi hoặc mã bí mật không đúng');
  const { secret_hash: _, ...view } = found;
  return view;
}

const flagged = <T extends { due_at: Date | null; status: TipStatus }>(tip: T, now: Date) =>
  ({ ...tip, urgency: urgencyOf(OPEN_STATUSES.includes(tip.status) ? tip.due_at : null, now) });

/** The inbox of a commune (or of all the communes under a unit), for those who handle tips. */
export async function inbox(db: Kysely<DB>, actor: Actor, unitId: number, filter: q.InboxFilter & { overdue?: boolean | undefined }, page: { limit: number; offset: number }, now = new Date()) {
  const unit = await readableUnit(db, actor, unitId);
  const scope = scopeOf(actor, 'tip.read');
  if (!scope.some((root) => unit.path.startsWith(root) || root.startsWith(unit.path))) {
    throw new AppError(403, 'FORBIDDEN', 'Tin báo chỉ dành cho Công an xã được giao tiếp nhận');
  }
  const rows = await q.inbox(db, scope, unit.path, { ...filter, overdueBefore: filter.overdue ? now : undefined, status: filter.overdue ? 'open' : filter.status }, page);
  return rows.map((r) => flagged(r, now));
}

export async function readableTip(db: Kysely<DB>, actor: Actor, id: number) {
  const tip = await q.getTip(db, id);
  if (!tip || !allows(actor, 'tip.read', tip.unit_path)) throw notFound('Không tìm thấy tin báo');
  return tip;
}

/** A tip as its officers see it: the story, the stages, the notes and photos; the contact only through reveal. */
export async function tipPage(db: Kysely<DB>, actor: Actor, id: number, now = new Date()) {
  const tip = await readableTip(db, actor, id);
  const [events, notes, photos] = await Promise.all([q.eventsOf(db, id), q.notesOf(db, id), q.filesOf(db, id)]);
  const { unit_path: _, province_code: __, ...shown } = tip;
  return { tip: flagged(shown, now), events, notes, photos, canReveal: tip.has_contact && allows(actor, 'tip.reveal', tip.unit_path), canHandle: allows(actor, 'tip.handle', tip.unit_path) };
}

/** The informant's contact, for a holder of tip.reveal; each reading is written to the audit log. */
export async function revealContact(db: Kysely<DB>, sealer: Sealer, ctx: Ctx, id: number) {
  const tip = await readableTip(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'tip.reveal', tip.unit_path);
  const sealed = await q.sealedContact(db, id);
  if (!sealed.contact_sealed) throw notFound('Người báo tin không để lại thông tin liên hệ');
  const contact = sealer.open(sealed.contact_sealed, sealed.tracking_code);
  await recordChange(db, ctx, { action: 'reveal', entity: 'tip_contact', entityId: id, unit: { id: tip.commune_id, path: tip.unit_path, province_code: tip.province_code } });
  return contact;
}

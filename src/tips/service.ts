import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { allows, allowsSomeUnder, assertAllowed, roleAllows, ROLES, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, recordChanges, type Context } from '../audit/record.ts';
import type { DB, TipCategory, TipStatus } from '../db/schema.ts';
import { CLOCK_SKEW_MS } from '../gongs/night.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { routeOf } from '../keychains/service.ts';
import { randomCode, parseCode } from '../shared/codes.ts';
import { addDays, dayEnd, dayStart, FIRST_DAY, formatDay, todayVN } from '../shared/dates.ts';
import { readableUnit } from '../units/service.ts';
import { unitLoader } from '../units/loader.ts';
import { dueAt, dueSoonMs, extensionsOf, lastDayOf, legalDueAt, legalLastDay, NEXT, OPEN_STATUSES, urgencyOf, type Extension, type LegalTerm } from './deadlines.ts';
import { cleanPhoto, MAX_PHOTOS } from './photos.ts';
import { storeTip } from './intake.ts';
import { fold } from '../shared/text.ts';
import * as q from './queries.ts';
import type { Contact, Sealer } from './seal.ts';

type Ctx = Context & { actor: Actor };

export const CATEGORIES: Record<TipCategory, string> = {
  crime: 'Tội phạm', drugs: 'Ma túy', theft: 'Trộm cắp', traffic: 'Giao thông', fire: 'Cháy, nổ', social_evils: 'Tệ nạn xã hội', other: 'Khác',
};
export const STATUSES: Record<TipStatus, string> = {
  new: 'Mới', verifying: 'Đang xác minh', handling: 'Đang xử lý', resolved: 'Đã giải quyết', transferred: 'Chuyển cơ quan khác', unfounded: 'Không có cơ sở',
};

export const LEGAL_TERM_NAMES: Record<LegalTerm, string> = {
  standard: '20 ngày kể từ ngày nhận',
  complex: 'vụ việc phức tạp hoặc phải xác minh ở nhiều nơi, tối đa 02 tháng kể từ ngày nhận',
  procuracy: 'Viện kiểm sát gia hạn một lần, không quá 02 tháng',
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
  /** Where it goes, when the caller has already found it (the public form, to show it). */
  to?: Destination | undefined;
  contact?: Contact | undefined;
  photos?: { name: string; content: Uint8Array }[] | undefined;
}

export type Destination = Awaited<ReturnType<typeof destination>>;

/** The commune police a tip goes to, and the village when a keychain says it (with the code in its one spelling). */
export async function destination(db: Kysely<DB>, where: { keychainCode?: string | undefined; communeId?: number | undefined }) {
  if (where.keychainCode) {
    const route = await routeOf(db, where.keychainCode);
    const commune = (await unitLoader(db).load(route.commune_id))!;
    return { commune, villageId: route.village_id as number | null, villageName: route.village_name as string | null, keychainCode: route.code as string | undefined };
  }
  const commune = where.communeId ? await unitLoader(db).load(where.communeId) : undefined;
  if (!commune || commune.kind !== 'commune') throw invalid('Hãy chọn xã, phường nơi xảy ra sự việc', [{ path: 'communeId', message: 'Chưa chọn xã, phường' }]);
  return { commune, villageId: null, villageName: null, keychainCode: undefined };
}

/**
 * Takes a tip from the public: checked, its photos cleaned, the contact sealed, all stored in one
 * transaction before the answer. The tracking code and the secret are given once, here.
 */
export async function submitTip(db: Kysely<DB>, sealer: Sealer, input: TipInput, channel: 'web' | 'keychain' | 'open311', now = new Date()) {
  if (input.occurredAt) {
    if (input.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('Thời điểm xảy ra ở tương lai', [{ path: 'occurredAt', message: 'Thời điểm xảy ra không được ở tương lai.' }]);
    if (input.occurredAt < dayStart(FIRST_DAY)) throw invalid('Thời điểm xảy ra quá xa, hãy xem lại năm', [{ path: 'occurredAt', message: 'Thời điểm xảy ra quá xa; hãy xem lại năm.' }]);
  }
  if ((input.photos?.length ?? 0) > MAX_PHOTOS) throw invalid(`Gửi tối đa ${MAX_PHOTOS} ảnh`, [{ path: 'photos', message: `Một tin báo gửi được tối đa ${MAX_PHOTOS} ảnh.` }]);
  const { commune, villageId } = input.to ?? (await destination(db, input));
  const photos = await Promise.all((input.photos ?? []).map((p) => cleanPhoto(p.content, p.name)));
  const contact = input.contact && Object.values(input.contact).some(Boolean) ? input.contact : undefined;
  const secret = randomCode(SECRET_LENGTH);

  const hash = hashSecret(secret);
  const legalDue = legalDueAt(now);
  // A tracking code already taken (one chance in 2^50 per pair) is drawn again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingCode = randomCode(TRACKING_LENGTH);
    const stored = await storeTip(db, {
      tip: {
        province_code: commune.province_code!, commune_id: commune.id, unit_path: commune.path, village_id: villageId,
        category: input.category, description: input.description, occurred_at: input.occurredAt ?? null, place: input.place || null,
        search_folded: fold(`${input.description} ${input.place ?? ''}`),
        contact_sealed: contact ? sealer.seal(contact, trackingCode) : null, tracking_code: trackingCode, secret_hash: hash,
        channel, received_at: now, legal_due_at: legalDue, due_at: dueAt('new', now, legalDue),
      },
      photos,
    });
    if (stored) return { id: stored.id, trackingCode, secret, communeName: commune.name, receivedAt: stored.received_at };
  }
  throw new Error('tracking codes kept colliding');
}

/** The public status page: the stage and the public reply, for whoever holds the code and its secret. */
export async function publicStatus(db: Kysely<DB>, code: string, secret: string) {
  const tracking = parseCode(code, TRACKING_LENGTH);
  const found = tracking ? await q.publicView(db, tracking) : undefined;
  const given = Buffer.from(hashSecret(parseCode(secret, SECRET_LENGTH) ?? ''));
  // One answer for an unknown code and a wrong secret: the page must not tell which codes exist.
  if (!found || !timingSafeEqual(given, Buffer.from(found.secret_hash))) throw notFound('Mã theo dõi hoặc mã bí mật không đúng');
  const { secret_hash: _, ...view } = found;
  return view;
}

const flagged = <T extends { due_at: Date | null; status: TipStatus }>(tip: T, now: Date) =>
  ({ ...tip, urgency: urgencyOf(tip.status, tip.due_at, now) });

/** The inbox of a commune (or of all the communes under a unit), for those who handle tips. */
export async function inbox(db: Kysely<DB>, actor: Actor, unitId: number, filter: q.InboxFilter & { overdue?: boolean | undefined }, page: { limit: number; offset: number }, now = new Date()) {
  const unit = await readableUnit(db, actor, unitId);
  if (!allowsSomeUnder(actor, 'tip.read', unit.path)) throw forbidden('Tin báo chỉ dành cho Công an xã được giao tiếp nhận');
  const scope = scopeOf(actor, 'tip.read');
  // A code is searched as it was printed or read out ("2633-n95j-mh", O for 0): the one spelling stored.
  const trackingCode = filter.search ? parseCode(filter.search, TRACKING_LENGTH) : undefined;
  const rows = await q.inbox(db, scope, unit.path, { ...filter, trackingCode, overdueBefore: filter.overdue ? now : undefined, status: filter.overdue ? 'open' : filter.status }, page);
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

/** Opens a sealed contact; a key other than the one it was sealed with is a clear refusal, not a crash. */
export function openContact(sealer: Sealer, sealed: Uint8Array, trackingCode: string) {
  try {
    return sealer.open(sealed, trackingCode);
  } catch {
    throw new AppError(409, 'TIP_KEY_MISMATCH', 'Không mở được thông tin người báo tin: khóa mã hóa của máy chủ không phải khóa đã dùng khi nhận tin');
  }
}

/** The informant's contact, for a holder of tip.reveal; each reading is written to the audit log. */
export async function revealContact(db: Kysely<DB>, sealer: Sealer, ctx: Ctx, id: number) {
  const tip = await readableTip(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'tip.reveal', tip.unit_path);
  const sealed = await q.sealedContact(db, id);
  if (!sealed.contact_sealed) throw notFound('Người báo tin không để lại thông tin liên hệ');
  const contact = openContact(sealer, sealed.contact_sealed, sealed.tracking_code);
  await recordChange(db, ctx, { action: 'reveal', entity: 'tip_contact', entityId: id, unit: { id: tip.commune_id, path: tip.unit_path, province_code: tip.province_code } });
  return contact;
}

// ---------- Staff workflow: stages, assignment, notes, transfer, public reply ----------
// Each change is one transaction: the tip's row locked, the change, a tip_events row (notes are
// their own rows) and an audit entry that names the tip and what changed, never its informant.

/** The roles that handle tips: who may be given one. */
const HANDLER_ROLES = ROLES.filter((r) => roleAllows(r, 'tip.handle'));

type Locked = Awaited<ReturnType<typeof q.lockTip>>;
const placeOfTip = (t: { commune_id: number; unit_path: string; province_code: string }) => ({ id: t.commune_id, path: t.unit_path, province_code: t.province_code });
const stageOf = (t: Pick<Locked, 'status' | 'stage_started_at' | 'due_at' | 'assignee_id' | 'commune_id' | 'transferred_to'>) =>
  ({ status: t.status, stage_started_at: t.stage_started_at, due_at: t.due_at, assignee_id: t.assignee_id, commune_id: t.commune_id, transferred_to: t.transferred_to });

/**
 * Runs a change on a tip the caller handles: 404 outside their tip.read scope, 403 without
 * tip.handle. The check is made again on the locked row, which a transfer may have moved.
 */
async function onHandledTip<T>(db: Kysely<DB>, ctx: Ctx, id: number, change: (trx: Transaction<DB>, tip: Locked) => Promise<T>) {
  const tip = await readableTip(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'tip.handle', tip.unit_path);
  return db.transaction().execute(async (trx) => {
    const locked = await q.lockTip(trx, id);
    if (!allows(ctx.actor, 'tip.read', locked.unit_path)) throw notFound('Không tìm thấy tin báo');
    assertAllowed(ctx.actor, 'tip.handle', locked.unit_path);
    return change(trx, locked);
  });
}

const isOpen = (status: TipStatus) => OPEN_STATUSES.includes(status);
const stageList = (statuses: TipStatus[]) => statuses.map((s) => `"${STATUSES[s]}"`).join(', ');

export interface StatusChange {
  status: TipStatus;
  note?: string | undefined;
  /** The agency a tip goes to with 'transferred' (Công an huyện cũ, Cơ quan CSĐT Công an tỉnh…). */
  transferredTo?: string | undefined;
}

/** Moves a tip to its next stage (deadlines.ts NEXT), with that stage's deadline from now, within the legal one. */
export async function changeStatus(db: Kysely<DB>, ctx: Ctx, id: number, input: StatusChange, now = new Date()) {
  const transferredTo = input.transferredTo?.trim() || undefined;
  if (input.status === 'transferred' && !transferredTo) {
    throw invalid('Hãy ghi cơ quan nhận khi chuyển tin báo cho cơ quan khác', [{ path: 'transferredTo', message: 'Chưa ghi cơ quan nhận tin báo' }]);
  }
  if (input.status !== 'transferred' && transferredTo) {
    throw invalid('Chỉ ghi cơ quan nhận khi chuyển tin báo cho cơ quan khác', [{ path: 'transferredTo', message: `Không dùng với trạng thái "${STATUSES[input.status]}"` }]);
  }
  await onHandledTip(db, ctx, id, async (trx, before) => {
    const allowed = NEXT[before.status];
    if (!allowed.includes(input.status)) {
      const why = allowed.length
        ? `Không thể chuyển tin báo từ "${STATUSES[before.status]}" sang "${STATUSES[input.status]}"; bước tiếp theo có thể là ${stageList(allowed)}`
        : `Tin báo đã kết thúc ("${STATUSES[before.status]}"), không chuyển sang bước khác được`;
      throw conflict(why, [{ path: 'status', message: why }]);
    }
    const patch = { status: input.status, stage_started_at: now, due_at: dueAt(input.status, now, before.legal_due_at), transferred_to: input.status === 'transferred' ? transferredTo! : before.transferred_to };
    await q.updateTip(trx, id, patch);
    const note = input.note?.trim() || null;
    await q.insertEvent(trx, {
      tip_id: id, province_code: before.province_code, actor_id: ctx.actor.userId, kind: 'status', status: input.status,
      detail: [transferredTo && `Chuyển đến: ${transferredTo}`, note].filter(Boolean).join('. ') || null,
    });
    await recordChange(trx, ctx, { action: 'update', entity: 'tip', entityId: id, unit: placeOfTip(before), before: stageOf(before), after: stageOf({ ...before, ...patch }) });
  });
  return tipPage(db, ctx.actor, id, now);
}

/** Those a tip may be given to: active users who handle tips on its commune (granted there or above). */
export async function assignees(db: Kysely<DB>, actor: Actor, id: number) {
  const tip = await readableTip(db, actor, id);
  assertAllowed(actor, 'tip.handle', tip.unit_path);
  return q.usersWithRoleAt(db, tip.unit_path, HANDLER_ROLES);
}

/** Gives the tip to an officer (or to nobody, with null). */
export async function assign(db: Kysely<DB>, ctx: Ctx, id: number, userId: number | null, now = new Date()) {
  await onHandledTip(db, ctx, id, async (trx, before) => {
    const user = userId === null ? null : (await q.usersWithRoleAt(trx, before.unit_path, HANDLER_ROLES, userId))[0];
    if (userId !== null && !user) {
      throw invalid('Chỉ giao được cho cán bộ đang hoạt động có quyền xử lý tin báo của xã này', [{ path: 'userId', message: 'Người này không xử lý tin báo của xã' }]);
    }
    if (before.assignee_id === userId) return;
    await q.updateTip(trx, id, { assignee_id: userId });
    await q.insertEvent(trx, { tip_id: id, province_code: before.province_code, actor_id: ctx.actor.userId, kind: 'assigned', detail: user ? user.full_name : null });
    await recordChange(trx, ctx, { action: 'update', entity: 'tip', entityId: id, unit: placeOfTip(before), before: { assignee_id: before.assignee_id }, after: { assignee_id: userId } });
  });
  return tipPage(db, ctx.actor, id, now);
}

/** An internal note: officers only, never on the public status page. */
export async function addNote(db: Kysely<DB>, ctx: Ctx, id: number, body: string) {
  const text = body.trim();
  if (!text) throw invalid('Ghi chú trống', [{ path: 'body', message: 'Chưa viết ghi chú' }]);
  return onHandledTip(db, ctx, id, async (trx, tip) => {
    const note = await q.insertNote(trx, { tip_id: id, province_code: tip.province_code, author_id: ctx.actor.userId, body: text });
    // The audit names the note, not its words: a note may say what only the tip's officers should know.
    await recordChange(trx, ctx, { action: 'create', entity: 'tip_note', entityId: note.id, unit: placeOfTip(tip), after: { tip_id: id, chars: text.length } });
    return { ...note, author_name: ctx.actor.fullName };
  });
}

/**
 * Re-routes a tip the informant sent to the wrong commune. The receiving commune may lie outside
 * the caller's grants (any commune of the country): the informant chose wrongly, and the commune
 * where it happened must receive it. The tip starts again as new, with a fresh 24 hours and no
 * assignee, but its legal deadline still runs from its receipt; its photos follow it. The caller
 * keeps no access unless granted on the new commune.
 */
export async function transferToCommune(db: Kysely<DB>, ctx: Ctx, id: number, communeId: number, now = new Date()) {
  const target = await unitLoader(db).load(communeId);
  if (!target || target.kind !== 'commune' || !target.province_code) {
    throw invalid('Chỉ chuyển được tin báo cho một xã, phường, đặc khu', [{ path: 'communeId', message: 'Không phải xã, phường, đặc khu' }]);
  }
  return onHandledTip(db, ctx, id, async (trx, before) => {
    if (target.id === before.commune_id) throw invalid('Tin báo đã thuộc xã này', [{ path: 'communeId', message: 'Chọn một xã khác' }]);
    if (!isOpen(before.status)) throw conflict(`Tin báo đã kết thúc ("${STATUSES[before.status]}"), không chuyển xã được`, [{ path: 'communeId', message: 'Tin báo đã kết thúc' }]);
    // Through the transaction: on PGlite's single connection, a query beside it would wait for it forever.
    const from = await trx.selectFrom('units').select('name').where('id', '=', before.commune_id).executeTakeFirstOrThrow();
    const patch = {
      commune_id: target.id, unit_path: target.path, province_code: target.province_code!, village_id: null,
      status: 'new' as const, stage_started_at: now, due_at: dueAt('new', now, before.legal_due_at), assignee_id: null,
    };
    await q.updateTip(trx, id, patch);
    // The tip's rows and photos move with it, so the receiving commune reads them.
    for (const table of ['tip_events', 'tip_notes', 'tip_files'] as const) {
      await trx.updateTable(table).set({ province_code: target.province_code! }).where('tip_id', '=', id).execute();
    }
    await trx.updateTable('files').set({ unit_path: target.path, province_code: target.province_code! })
      .where('id', 'in', trx.selectFrom('tip_files').select('file_id').where('tip_id', '=', id)).execute();
    await q.insertEvent(trx, { tip_id: id, province_code: target.province_code!, actor_id: ctx.actor.userId, kind: 'transferred', status: 'new', detail: `${from.name} → ${target.name}` });
    const change = { action: 'update' as const, entity: 'tip' as const, entityId: id, before: stageOf(before), after: stageOf({ ...before, ...patch }) };
    // Written under both communes: the one that sent it away and the one that received it.
    await recordChanges(trx, ctx, [{ ...change, unit: placeOfTip(before) }, { ...change, unit: placeOfTip(patch) }]);
    return { id, commune_id: target.id, commune_name: target.name, status: patch.status, due_at: patch.due_at, stillReadable: allows(ctx.actor, 'tip.read', target.path) };
  });
}

export interface ExtensionInput {
  term: Extension;
  /** The decision that extends it: its number and date, as written on it. */
  decision: string;
  /** The new last day ('YYYY-MM-DD'); by default the latest the law allows. */
  until?: string | undefined;
}

/**
 * Extends a tip's legal deadline (art. 147(2)): for a complex case, to at most 2 months from
 * receipt, in one decision or several; then once, by at most 2 months more, by the procuracy.
 */
export async function extendLegalTerm(db: Kysely<DB>, ctx: Ctx, id: number, input: ExtensionInput, now = new Date()) {
  const decision = input.decision.trim();
  if (!decision) throw invalid('Hãy ghi số, ngày của quyết định kéo dài hoặc gia hạn', [{ path: 'decision', message: 'Chưa ghi quyết định' }]);
  await onHandledTip(db, ctx, id, async (trx, before) => {
    if (!isOpen(before.status)) throw conflict(`Tin báo đã kết thúc ("${STATUSES[before.status]}"), không còn thời hạn để kéo dài`, [{ path: 'term', message: 'Tin báo đã kết thúc' }]);
    const current = lastDayOf(before.legal_due_at);
    // An extension is decided before the term runs out (art. 147(2)); a late one is not the law's.
    if (before.legal_due_at.getTime() <= now.getTime()) {
      throw conflict(`Hạn giải quyết theo luật đã hết (hết ngày ${formatDay(current)}); không thể kéo dài hay gia hạn sau khi đã hết hạn`, [{ path: 'term', message: 'Hạn giải quyết theo luật đã hết.' }]);
    }
    if (!extensionsOf(before, now).includes(input.term)) {
      const why = before.legal_term === 'procuracy'
        ? 'Viện kiểm sát đã gia hạn một lần; luật chỉ cho gia hạn một lần'
        : input.term === 'procuracy'
          ? 'Viện kiểm sát chỉ gia hạn khi thời hạn đã được kéo dài đủ 02 tháng kể từ ngày nhận vì vụ việc phức tạp'
          : 'Thời hạn đã được kéo dài đến tối đa 02 tháng kể từ ngày nhận; nếu cần thêm, Viện kiểm sát gia hạn';
      throw conflict(why, [{ path: 'term', message: why }]);
    }
    const latest = legalLastDay(input.term, input.term === 'complex' ? todayVN(before.received_at) : current);
    const until = input.until ?? latest;
    if (until > latest) throw invalid(`Luật cho phép đến hết ngày ${formatDay(latest)}`, [{ path: 'until', message: `Muộn nhất ${formatDay(latest)}` }]);
    if (until <= current) throw invalid(`Thời hạn hiện tại là đến hết ngày ${formatDay(current)}; hãy chọn một ngày sau đó`, [{ path: 'until', message: `Ngày gia hạn phải sau ngày ${formatDay(current)}.` }]);
    const legalDue = dayEnd(until);
    const patch = { legal_term: input.term, legal_due_at: legalDue, due_at: dueAt(before.status, before.stage_started_at, legalDue) };
    await q.updateTip(trx, id, patch);
    await q.insertEvent(trx, {
      tip_id: id, province_code: before.province_code, actor_id: ctx.actor.userId, kind: 'extended',
      detail: `${input.term === 'complex' ? 'kéo dài' : 'gia hạn'} đến hết ngày ${formatDay(until)} (${LEGAL_TERM_NAMES[input.term]}; Điều 147 khoản 2 BLTTHS 2015). ${decision}`,
    });
    const term = (t: { legal_term: LegalTerm; legal_due_at: Date; due_at: Date | null }) => ({ legal_term: t.legal_term, legal_due_at: t.legal_due_at, due_at: t.due_at });
    await recordChange(trx, ctx, { action: 'update', entity: 'tip', entityId: id, unit: placeOfTip(before), before: term(before), after: { ...term(patch), decision } });
  });
  return tipPage(db, ctx.actor, id, now);
}

/** The words the informant reads on the status page (empty: none). */
export async function setPublicReply(db: Kysely<DB>, ctx: Ctx, id: number, reply: string, now = new Date()) {
  const text = reply.trim() || null;
  await onHandledTip(db, ctx, id, async (trx, before) => {
    if (before.public_reply === text) return;
    await q.updateTip(trx, id, { public_reply: text });
    await q.insertEvent(trx, { tip_id: id, province_code: before.province_code, actor_id: ctx.actor.userId, kind: 'replied', detail: text });
    await recordChange(trx, ctx, { action: 'update', entity: 'tip', entityId: id, unit: placeOfTip(before), before: { public_reply: before.public_reply }, after: { public_reply: text } });
  });
  return tipPage(db, ctx.actor, id, now);
}

/** Counts for every key of `labels` (categories, statuses), 0 where none; a key may come in several rows. */
export function tally<K extends string>(labels: Record<K, string>, rows: [K, number][]): Record<K, number> {
  const counts = Object.fromEntries(Object.keys(labels).map((k) => [k, 0])) as Record<K, number>;
  for (const [k, n] of rows) counts[k] += n;
  return counts;
}

/** The longest span a summary covers. */
export const SUMMARY_MAX_DAYS = 366;

/**
 * Counts for the commune's and the province's dashboards, no word of any tip: those received in
 * [from, to] (days in Vietnam, by default the last 30) by category, status and day, and the open
 * ones as they stand now: how many, overdue, due soon (deadlines.ts dueSoonMs), unassigned.
 */
export async function summary(db: Kysely<DB>, actor: Actor, unitId: number, range: { from?: string | undefined; to?: string | undefined }, now = new Date()) {
  const unit = await readableUnit(db, actor, unitId);
  if (!allowsSomeUnder(actor, 'tip.read', unit.path)) throw forbidden('Số liệu tin báo chỉ dành cho Công an xã, tỉnh được giao tiếp nhận tin báo');
  const to = range.to ?? todayVN(now);
  const from = range.from ?? addDays(to, -29);
  if (from > to) throw invalid('Ngày bắt đầu sau ngày kết thúc', [{ path: 'from', message: 'Ngày bắt đầu không được sau ngày kết thúc.' }]);
  if (addDays(from, SUMMARY_MAX_DAYS) <= to) throw invalid(`Chỉ thống kê tối đa ${SUMMARY_MAX_DAYS} ngày một lần`, [{ path: 'from', message: `Quá ${SUMMARY_MAX_DAYS} ngày` }]);
  const rows = await q.summary(db, scopeOf(actor, 'tip.read'), unit.path, dayStart(from), dayEnd(to), now, dueSoonMs);
  const byCategory = tally(CATEGORIES, rows.byCategory.map((r) => [r.category, r.count]));
  const byStatus = tally(STATUSES, rows.byStatus.map((r) => [r.status, r.count]));
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind }, from, to,
    received: rows.byStatus.reduce((s, r) => s + r.count, 0),
    byCategory, byStatus, byDay: rows.byDay,
    open: { total: rows.open.open, overdue: rows.open.overdue, dueSoon: rows.open.due_soon, unassigned: rows.open.unassigned },
  };
}

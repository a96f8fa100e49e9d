import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { allows, allowsSomeUnder, assertAllowed, parentPath, roleAllows, ROLES, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, recordChanges, type Context } from '../audit/record.ts';
import type { DB, TipCategory, TipStatus } from '../db/schema.ts';
import { CLOCK_SKEW_MS } from '../gongs/night.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { routeOf } from '../keychains/service.ts';
import { randomCode, parseCode } from '../shared/codes.ts';
import { addDays, dayEnd, dayStart, FIRST_DAY, formatDay, todayVN, vnDateTime } from '../shared/dates.ts';
import { readableUnit } from '../units/service.ts';
import { unitLoader } from '../units/loader.ts';
import {
  BODY_DECISIONS, EXTENSION_DECISION, extensionsOf, handoverDueAt, HANDOVER_SOON_HOURS, isBodyExtension, isBodyStage, isCommunesOwn, handoverHours,
  termPatch, isOpenStage, ISSUERS, lastDayOf, latestFor, legalLastDay, nextStages, noticesOf,
  procuracyAskBy, urgencyOf, type DecisionKind, type Extension, type LegalTerm, type Recipient, type TipKind,
} from './deadlines.ts';
import { cleanPhoto, MAX_PHOTOS } from './photos.ts';
import { storeTip } from './intake.ts';
import { fold } from '../shared/text.ts';
import * as q from './queries.ts';
import type { Contact, Sealer } from './seal.ts';

type Ctx = Context & { actor: Actor };

export const CATEGORIES: Record<TipCategory, string> = {
  crime: 'Tội phạm', drugs: 'Ma túy', theft: 'Trộm cắp', traffic: 'Giao thông', fire: 'Cháy, nổ', social_evils: 'Tệ nạn xã hội', other: 'Khác',
};
/** The stages as the informant reads them too (the public status page): none names an officer. */
export const STATUSES: Record<TipStatus, string> = {
  new: 'Mới', verifying: 'Đang xác minh', handling: 'Đang xử lý', suspended: 'Tạm đình chỉ giải quyết', resolved: 'Đã giải quyết',
  transferred: 'Đã chuyển cơ quan có thẩm quyền', not_accepted: 'Không thụ lý', unfounded: 'Không có cơ sở',
};

export const KIND_NAMES: Record<TipKind, string> = {
  crime: 'Tố giác, tin báo về tội phạm, kiến nghị khởi tố',
  denunciation: 'Tố cáo (Luật Tố cáo)',
  other: 'Phản ánh, kiến nghị khác',
};

export const LEGAL_TERM_NAMES: Record<LegalTerm, string> = {
  handover: 'Công an xã tiếp nhận, kiểm tra, xác minh sơ bộ và chuyển Cơ quan điều tra: 24 giờ (48 giờ ở vùng xa xôi, hẻo lánh, hải đảo)',
  standard: '20 ngày kể từ ngày Cơ quan điều tra nhận',
  complex: 'vụ việc phức tạp hoặc phải xác minh ở nhiều nơi, tối đa 02 tháng kể từ ngày Cơ quan điều tra nhận',
  procuracy: 'Viện kiểm sát gia hạn một lần, không quá 02 tháng',
  resumed: 'sau phục hồi, không quá 01 tháng kể từ ngày ra quyết định phục hồi',
  acceptance: 'xem xét thụ lý tố cáo: 07 ngày làm việc kể từ ngày nhận',
  acceptance_long: 'xem xét thụ lý tố cáo phải xác minh ở nhiều nơi: 10 ngày làm việc kể từ ngày nhận',
  denunciation: 'giải quyết tố cáo: 30 ngày kể từ ngày thụ lý',
  denunciation_extended: 'vụ việc phức tạp: gia hạn một lần, không quá 30 ngày',
  denunciation_extended_twice: 'vụ việc đặc biệt phức tạp: gia hạn lần hai, không quá 30 ngày',
  none: 'không có thời hạn luật định',
};

export const DECISION_NAMES: Record<DecisionKind, string> = {
  complex: 'Quyết định kéo dài thời hạn giải quyết', procuracy: 'Quyết định gia hạn của Viện kiểm sát', suspend: 'Quyết định tạm đình chỉ',
  resume: 'Quyết định phục hồi giải quyết', prosecute: 'Quyết định khởi tố vụ án hình sự', not_prosecute: 'Quyết định không khởi tố vụ án hình sự',
  accept: 'Quyết định thụ lý tố cáo', accept_long: 'Quyết định kéo dài thời hạn xem xét thụ lý', not_accept: 'Quyết định không thụ lý tố cáo',
  denunciation_extend: 'Quyết định gia hạn giải quyết tố cáo', concluded: 'Kết luận nội dung tố cáo',
};

/** Who a notice goes to, as the law of the case names them. */
export const recipientName = (kind: TipKind | null, r: Recipient) =>
  (r === 'procuracy' ? 'Viện kiểm sát' : kind === 'denunciation' ? 'người tố cáo' : 'người tố giác, báo tin');

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
  // Not yet classified: timed as a crime report, the commune's shortest duty.
  const due = handoverDueAt(now, commune.remote_area);
  // A tracking code already taken (one chance in 2^50 per pair) is drawn again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingCode = randomCode(TRACKING_LENGTH);
    const stored = await storeTip(db, {
      tip: {
        province_code: commune.province_code!, commune_id: commune.id, unit_path: commune.path, village_id: villageId,
        category: input.category, description: input.description, occurred_at: input.occurredAt ?? null, place: input.place || null,
        search_folded: fold(`${input.description} ${input.place ?? ''}`),
        contact_sealed: contact ? sealer.seal(contact, trackingCode) : null, tracking_code: trackingCode, secret_hash: hash,
        channel, received_at: now, ...termPatch('handover', due),
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

const flagged = <T extends { due_at: Date | null; due_soon_at: Date | null }>(tip: T, now: Date) =>
  ({ ...tip, urgency: urgencyOf(tip.due_at, tip.due_soon_at, now) });

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
  const [events, notes, photos, decisions, notices] = await Promise.all([q.eventsOf(db, id), q.notesOf(db, id), q.filesOf(db, id), q.decisionsOf(db, id), q.noticesOf(db, id)]);
  const { unit_path: _, province_code: __, ...shown } = tip;
  const canHandle = allows(actor, 'tip.handle', tip.unit_path);
  const settles = settledHere(tip);
  const settlesHere = settles && allows(actor, 'tip.settle', tip.unit_path);
  // A term runs only while a stage has a deadline: none once closed, handed over or suspended.
  const running = tip.due_at !== null && isOpenStage(tip.status, settles);
  return {
    tip: { ...flagged(shown, now), procuracy_ask_by: running ? procuracyAskBy(tip, now) : null },
    events, notes, photos, decisions,
    notices: notices.map((n) => ({ ...n, overdue: !n.sent_on && n.due_at.getTime() < now.getTime() })),
    canReveal: tip.has_contact && allows(actor, 'tip.reveal', tip.unit_path), canHandle,
    // What the caller may do next: the stages the kind allows, the body's only for its investigators.
    canSettle: settlesHere,
    next: canHandle ? nextStages(tip.kind, tip.status, settles).filter((s) => !isBodyStage(tip.kind, s) || settlesHere) : [],
    // A crime report's term is the body's: extended only by its investigator here.
    extensions: canHandle && running ? extensionsOf(tip, now).filter((e) => !isBodyExtension(e) || settlesHere) : [],
  };
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

// ---------- Staff workflow: classification, stages, decisions, notices, assignment, notes ----------
// Each change is one transaction: the tip's row locked, the change, a tip_events row (notes are
// their own rows) and an audit entry that names the tip and what changed, never its informant.

/** The roles that handle tips: who may be given one. */
const HANDLER_ROLES = ROLES.filter((r) => roleAllows(r, 'tip.handle'));
const SETTLER_ROLES = ROLES.filter((r) => roleAllows(r, 'tip.settle'));

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

const stageList = (statuses: TipStatus[]) => statuses.map((s) => `"${STATUSES[s]}"`).join(', ');
const settledHere = (t: { settler_id: number | null }) => t.settler_id !== null;

/** The body's decisions on a crime report are recorded only by an investigator it assigned to the commune. */
function assertSettler(ctx: Ctx, tip: Locked) {
  if (!settledHere(tip)) {
    throw conflict('Tin báo đã chuyển cho cơ quan có thẩm quyền; các bước sau là của cơ quan đó', [{ path: 'status', message: 'Không có Điều tra viên của xã được phân công giải quyết tin báo này.' }]);
  }
  if (!allows(ctx.actor, 'tip.settle', tip.unit_path)) {
    throw forbidden('Chỉ Điều tra viên được phân công (Trưởng, Phó Trưởng Công an xã) mới ghi được các bước giải quyết của Cơ quan điều tra');
  }
}

export interface DecisionInput {
  /** Its number, as written on it: "12/QĐ-CSĐT". */
  reference: string;
  signedOn: string;
  issuerTitle: string;
  issuerName: string;
  detail?: string | undefined;
}

/**
 * Checks a decision against who may issue it and when it can have been signed: not after today,
 * not before the case reached its signer (the receipt; the body's receipt for the body's
 * decisions), nor before the decision it follows.
 */
async function checkDecision(trx: Transaction<DB>, kind: DecisionKind, d: DecisionInput | undefined, tip: Locked, now: Date): Promise<DecisionInput> {
  if (!d) throw invalid(`Hãy ghi ${DECISION_NAMES[kind].toLowerCase()}: số, ngày, người ký`, [{ path: 'decision', message: 'Chưa ghi quyết định.' }]);
  if (!ISSUERS[kind].includes(d.issuerTitle)) {
    const who = ISSUERS[kind].map((t) => `"${t}"`).join(', ');
    throw invalid(`${DECISION_NAMES[kind]} do ${who} ký`, [{ path: 'decision.issuerTitle', message: `Người ký phải là một trong: ${who}.` }]);
  }
  if (d.signedOn > todayVN(now)) throw invalid('Ngày ký quyết định ở sau hôm nay', [{ path: 'decision.signedOn', message: 'Ngày ký không được sau hôm nay.' }]);
  const earliest = [todayVN(tip.received_at), BODY_DECISIONS.includes(kind) && tip.body_received_at ? todayVN(tip.body_received_at) : '', (await q.lastDecisionDay(trx, tip.id)) ?? '']
    .reduce((a, b) => (a > b ? a : b));
  if (d.signedOn < earliest) {
    const why = `Ngày ký phải từ ngày ${formatDay(earliest)} (ngày nhận tin báo hoặc ngày của quyết định trước)`;
    throw invalid(why, [{ path: 'decision.signedOn', message: `Ngày ký không được trước ngày ${formatDay(earliest)}.` }]);
  }
  return { ...d, reference: d.reference.trim(), issuerName: d.issuerName.trim(), detail: d.detail?.trim() || undefined };
}

/** Stores a decision, its event and the notices it owes; returns its id. */
async function recordDecision(trx: Transaction<DB>, ctx: Ctx, tip: Locked, kind: DecisionKind, d: DecisionInput, now: Date, summaryText: string) {
  const row = await q.insertDecision(trx, {
    tip_id: tip.id, province_code: tip.province_code, kind, reference: d.reference, signed_on: d.signedOn, issuer_title: d.issuerTitle,
    issuer_name: d.issuerName, detail: d.detail ?? null, recorded_by: ctx.actor.userId,
  });
  await q.insertNotices(trx, noticesOf(kind, d.signedOn, now).map((n) => ({ tip_id: tip.id, province_code: tip.province_code, decision_id: row.id, recipient: n.recipient, due_at: n.due })));
  await q.insertEvent(trx, {
    tip_id: tip.id, province_code: tip.province_code, actor_id: ctx.actor.userId, kind: 'decision',
    detail: `${summaryText}: ${d.reference}, ký ngày ${formatDay(d.signedOn)}, ${d.issuerTitle} ${d.issuerName}`,
  });
  return row.id;
}

/** The term a case starts with at receipt, or when classified as another kind (counted from receipt). */
function startingTerm(kind: TipKind | null, receivedAt: Date, remote: boolean): { legal_term: LegalTerm; legal_due_at: Date | null; due_at: Date; due_soon_at: Date | null } {
  if (kind === 'denunciation') {
    return termPatch('acceptance', dayEnd(legalLastDay('acceptance', todayVN(receivedAt))));
  }
  if (kind === 'other') {
    // No term in law: the platform's own reminder of one day, as before.
    const due = new Date(receivedAt.getTime() + OTHER_FOLLOW_UP_MS);
    return { ...termPatch('handover', due), legal_term: 'none', legal_due_at: null };
  }
  return termPatch('handover', handoverDueAt(receivedAt, remote));
}
const OTHER_FOLLOW_UP_MS = 24 * 3_600_000;

export interface Classification {
  kind: TipKind;
  /** Required to change a kind already given. */
  reason?: string | undefined;
}

/**
 * Classifies a case as a crime report, a denunciation or neither; changing a kind already given
 * needs a reason. The new kind's term runs from the receipt, as the law counts it; a case already
 * handed over, accepted or decided keeps its kind.
 */
export async function classify(db: Kysely<DB>, ctx: Ctx, id: number, input: Classification, now = new Date()) {
  const reason = input.reason?.trim() || undefined;
  await onHandledTip(db, ctx, id, async (trx, before) => {
    if (before.kind === input.kind) throw conflict(`Tin báo đã được phân loại là "${KIND_NAMES[input.kind]}"`, [{ path: 'kind', message: 'Chọn một loại khác.' }]);
    if (before.kind && !reason) throw invalid('Hãy ghi lý do phân loại lại', [{ path: 'reason', message: 'Phân loại lại phải có lý do.' }]);
    if (!isCommunesOwn(before)) {
      throw conflict('Tin báo đã chuyển, đã thụ lý hoặc đã có quyết định; không phân loại lại được', [{ path: 'kind', message: 'Không phân loại lại được ở bước này.' }]);
    }
    const remote = await q.isRemote(trx, before.commune_id);
    // A commune's own stages are kept where the new kind has them; otherwise the case starts again as new.
    const status: TipStatus = input.kind !== 'denunciation' && before.status === 'verifying' ? 'verifying' : input.kind === 'other' && before.status === 'handling' ? 'handling' : 'new';
    const term = startingTerm(input.kind, before.received_at, remote);
    // Past "new", a report that is neither a crime nor a denunciation has no term left to run.
    const patch = {
      kind: input.kind, status, stage_started_at: status === before.status ? before.stage_started_at : now,
      ...(input.kind === 'other' && status !== 'new' ? { ...term, due_at: null, due_soon_at: null } : term),
    };
    await q.updateTip(trx, id, patch);
    const detail = before.kind
      ? `Phân loại lại: ${KIND_NAMES[before.kind]} → ${KIND_NAMES[input.kind]}. Lý do: ${reason}`
      : `Phân loại: ${KIND_NAMES[input.kind]}${reason ? `. ${reason}` : ''}`;
    await q.insertEvent(trx, { tip_id: id, province_code: before.province_code, actor_id: ctx.actor.userId, kind: 'classified', status, detail });
    await recordChange(trx, ctx, {
      action: 'update', entity: 'tip', entityId: id, unit: placeOfTip(before),
      before: { kind: before.kind, status: before.status, legal_term: before.legal_term }, after: { kind: input.kind, status, legal_term: patch.legal_term, reason },
    });
  });
  return tipPage(db, ctx.actor, id, now);
}

export interface Handover {
  /** The receiving body's own document: "Công văn số 15/CAX ngày…", "Biên bản giao nhận…". */
  document?: string | undefined;
  /** When it was handed over, if recorded after the fact. */
  handedOverAt?: Date | undefined;
  /** When that body received it, if not at once. */
  bodyReceivedAt?: Date | undefined;
  /** The commune's investigator the provincial body assigned to settle it. */
  settlerId?: number | undefined;
}

export interface StatusChange {
  status: TipStatus;
  note?: string | undefined;
  /** The agency it goes to with 'transferred' (Cơ quan CSĐT Công an tỉnh…). */
  transferredTo?: string | undefined;
  handover?: Handover | undefined;
  /** With 'resolved' of a crime report: the body's decision to prosecute or not. */
  outcome?: 'prosecute' | 'not_prosecute' | undefined;
  /** With 'suspended': art. 148(1) point a, b or c. */
  ground?: 'a' | 'b' | 'c' | undefined;
  decision?: DecisionInput | undefined;
}

export const SUSPENSION_GROUNDS = {
  a: 'Đã trưng cầu giám định, yêu cầu định giá tài sản, yêu cầu nước ngoài tương trợ tư pháp nhưng chưa có kết quả',
  b: 'Đã yêu cầu cơ quan, tổ chức, cá nhân cung cấp tài liệu, đồ vật quan trọng có ý nghĩa quyết định đối với việc khởi tố hoặc không khởi tố vụ án nhưng chưa có kết quả',
  c: 'Không thể kết thúc việc kiểm tra, xác minh để quyết định khởi tố hoặc không khởi tố vụ án vì lý do bất khả kháng do thiên tai, dịch bệnh',
} as const;

/** What a stage change decides, by kind: the decision it records (if any) and the term it sets. */
async function stagePatch(trx: Transaction<DB>, ctx: Ctx, before: Locked, input: StatusChange, transferredTo: string | undefined, now: Date): Promise<q.TipPatch> {
  const kind = before.kind ?? 'crime';
  const closed = { due_at: null, due_soon_at: null };
  const decide = async (decisionKind: DecisionKind, text: string) => {
    const d = await checkDecision(trx, decisionKind, input.decision, before, now);
    await recordDecision(trx, ctx, before, decisionKind, d, now, text);
    return d;
  };
  if (input.status === 'transferred') {
    if (kind !== 'crime') return { transferred_to: transferredTo!, ...closed };
    // The commune's own duty ends with the handover; the body's terms run from its receipt.
    const h = input.handover ?? {};
    // Recorded after the fact, a handover keeps its own moment: its lateness is judged by it.
    const handedOverAt = h.handedOverAt ?? now;
    const bodyReceivedAt = h.bodyReceivedAt ?? handedOverAt;
    const between = (at: Date, from: Date) => at.getTime() <= now.getTime() + CLOCK_SKEW_MS && at >= from;
    if (!between(handedOverAt, before.received_at)) {
      throw invalid('Thời điểm chuyển tin báo phải từ lúc xã nhận đến bây giờ', [{ path: 'handover.handedOverAt', message: 'Không trước lúc xã nhận, không sau bây giờ.' }]);
    }
    if (!between(bodyReceivedAt, handedOverAt)) {
      throw invalid('Thời điểm cơ quan nhận tin báo phải từ lúc xã chuyển đến bây giờ', [{ path: 'handover.bodyReceivedAt', message: 'Không trước lúc xã chuyển, không sau bây giờ.' }]);
    }
    let settler: { id: number; full_name: string } | undefined;
    if (h.settlerId !== undefined) {
      settler = (await q.usersWithRoleAt(trx, before.unit_path, SETTLER_ROLES, h.settlerId))[0];
      if (!settler) throw invalid('Người này không phải Điều tra viên được phân công tại xã', [{ path: 'handover.settlerId', message: 'Chọn một Điều tra viên được phân công tại xã.' }]);
    }
    const late = before.legal_term === 'handover' && before.legal_due_at !== null && handedOverAt > before.legal_due_at;
    await q.insertEvent(trx, {
      tip_id: before.id, province_code: before.province_code, actor_id: ctx.actor.userId, kind: 'handed_over',
      detail: [`Chuyển ${transferredTo} lúc ${vnDateTime(handedOverAt)}`, h.document?.trim(), `cơ quan nhận lúc ${vnDateTime(bodyReceivedAt)}`, settler && `Điều tra viên giải quyết: ${settler.full_name}`,
        late && `chuyển quá thời hạn ${handoverHours(await q.isRemote(trx, before.commune_id))} giờ`].filter(Boolean).join('; '),
    });
    return {
      transferred_to: transferredTo!, handed_over_at: handedOverAt, handover_document: h.document?.trim() || null, body_received_at: bodyReceivedAt,
      // The investigator settling it is its handler from now on: it is in their "Giao cho tôi".
      ...(settler
        ? { settler_id: settler.id, assignee_id: settler.id, ...termPatch('standard', dayEnd(legalLastDay('standard', todayVN(bodyReceivedAt)))) }
        : { settler_id: null, ...closed }),
    };
  }
  if (isBodyStage(kind, input.status)) {
    assertSettler(ctx, before);
    if (input.status === 'handling' && before.status === 'suspended') {
      const d = await decide('resume', 'Quyết định phục hồi giải quyết (Điều 149 BLTTHS)');
      return termPatch('resumed', dayEnd(legalLastDay('resumed', d.signedOn)));
    }
    if (input.status === 'handling') return {};
    if (input.status === 'suspended') {
      if (!input.ground) throw invalid('Hãy chọn căn cứ tạm đình chỉ (Điều 148 khoản 1)', [{ path: 'ground', message: 'Chưa chọn căn cứ.' }]);
      // Art. 148(1): "Hết thời hạn quy định tại Điều 147": decided, and signed, when the term runs out.
      const last = lastDayOf(before.legal_due_at!);
      if (todayVN(now) < last || (input.decision && input.decision.signedOn < last)) {
        throw conflict(`Chỉ tạm đình chỉ khi hết thời hạn giải quyết (ngày ${formatDay(last)}), Điều 148 khoản 1`, [{ path: 'status', message: `Thời hạn đến hết ngày ${formatDay(last)}.` }]);
      }
      await decide('suspend', `Quyết định tạm đình chỉ (Điều 148 khoản 1 điểm ${input.ground}: ${SUSPENSION_GROUNDS[input.ground]})`);
      return closed;
    }
    const outcome = input.outcome;
    if (!outcome) throw invalid('Hãy chọn quyết định: khởi tố hoặc không khởi tố vụ án hình sự', [{ path: 'outcome', message: 'Chưa chọn quyết định.' }]);
    await decide(outcome, DECISION_NAMES[outcome]);
    return { outcome, ...closed };
  }
  if (kind === 'denunciation') {
    if (input.status === 'handling') {
      const d = await decide('accept', 'Quyết định thụ lý tố cáo (Điều 29 Luật Tố cáo)');
      return { accepted_on: d.signedOn, ...termPatch('denunciation', dayEnd(legalLastDay('denunciation', d.signedOn))) };
    }
    if (input.status === 'not_accepted') {
      await decide('not_accept', DECISION_NAMES.not_accept);
      return { outcome: 'not_accepted', ...closed };
    }
    if (input.status === 'resolved') {
      await decide('concluded', DECISION_NAMES.concluded);
      return { outcome: 'concluded', ...closed };
    }
  }
  // A crime report's check runs within the commune's hours. The platform's reminder for any
  // other report is for taking it up; the law sets it no term after that.
  return kind === 'other' ? closed : {};
}

/** Moves a case to a stage its kind allows next (deadlines.ts nextStages), recording what the law asks of it. */
export async function changeStatus(db: Kysely<DB>, ctx: Ctx, id: number, input: StatusChange, now = new Date()) {
  const transferredTo = input.transferredTo?.trim() || undefined;
  if (input.status === 'transferred' && !transferredTo) {
    throw invalid('Hãy ghi cơ quan nhận khi chuyển tin báo', [{ path: 'transferredTo', message: 'Chưa ghi cơ quan nhận tin báo.' }]);
  }
  if (input.status !== 'transferred' && (transferredTo || input.handover)) {
    throw invalid('Chỉ ghi cơ quan nhận khi chuyển tin báo cho cơ quan khác', [{ path: 'transferredTo', message: `Không dùng với trạng thái "${STATUSES[input.status]}".` }]);
  }
  await onHandledTip(db, ctx, id, async (trx, before) => {
    const allowed = nextStages(before.kind, before.status, settledHere(before));
    if (!allowed.includes(input.status)) {
      const why = allowed.length
        ? `Không thể chuyển tin báo từ "${STATUSES[before.status]}" sang "${STATUSES[input.status]}"; bước tiếp theo có thể là ${stageList(allowed)}`
        : before.status === 'transferred'
          ? 'Tin báo đã chuyển cho cơ quan có thẩm quyền; các bước sau là của cơ quan đó'
          : `Tin báo đã kết thúc ("${STATUSES[before.status]}"), không chuyển sang bước khác được`;
      throw conflict(why, [{ path: 'status', message: why }]);
    }
    const decided = await stagePatch(trx, ctx, before, input, transferredTo, now);
    const patch: q.TipPatch = { status: input.status, stage_started_at: now, ...decided };
    await q.updateTip(trx, id, patch);
    const note = input.note?.trim() || null;
    await q.insertEvent(trx, {
      tip_id: id, province_code: before.province_code, actor_id: ctx.actor.userId, kind: 'status', status: input.status,
      // A crime report's handover has its own event naming the body.
      detail: [!decided.handed_over_at && transferredTo && `Chuyển đến: ${transferredTo}`, note].filter(Boolean).join('. ') || null,
    });
    const after = { ...before, ...patch } as Locked;
    await recordChange(trx, ctx, { action: 'update', entity: 'tip', entityId: id, unit: placeOfTip(before), before: stageOf(before), after: { ...stageOf(after), legal_due_at: after.legal_due_at, outcome: after.outcome } });
  });
  return tipPage(db, ctx.actor, id, now);
}

/**
 * Active users granted on the tip's commune (or above) in a role that does the work: those it may
 * be given to ('handlers'), or the investigators who may settle it for the provincial body.
 */
export async function peopleFor(db: Kysely<DB>, actor: Actor, id: number, work: 'handlers' | 'investigators') {
  const tip = await readableTip(db, actor, id);
  assertAllowed(actor, 'tip.handle', tip.unit_path);
  return q.usersWithRoleAt(db, tip.unit_path, work === 'handlers' ? HANDLER_ROLES : SETTLER_ROLES);
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
 * where it happened must receive it. The tip starts again as new and unassigned, its term still
 * counted from its receipt (the receiving commune's remoteness applies); its photos follow it.
 * The caller keeps no access unless granted on the new commune.
 */
export async function transferToCommune(db: Kysely<DB>, ctx: Ctx, id: number, communeId: number, now = new Date()) {
  const target = await unitLoader(db).load(communeId);
  if (!target || target.kind !== 'commune' || !target.province_code) {
    throw invalid('Chỉ chuyển được tin báo cho một xã, phường, đặc khu', [{ path: 'communeId', message: 'Không phải xã, phường, đặc khu' }]);
  }
  return onHandledTip(db, ctx, id, async (trx, before) => {
    if (target.id === before.commune_id) throw invalid('Tin báo đã thuộc xã này', [{ path: 'communeId', message: 'Chọn một xã khác' }]);
    // Handed over or accepted, the case is no longer the commune's to send elsewhere.
    if (!isCommunesOwn(before)) {
      throw conflict(`Tin báo đã ở bước "${STATUSES[before.status]}", không chuyển xã được`, [{ path: 'communeId', message: 'Không chuyển xã được ở bước này.' }]);
    }
    // Through the transaction: on PGlite's single connection, a query beside it would wait for it forever.
    const from = await trx.selectFrom('units').select('name').where('id', '=', before.commune_id).executeTakeFirstOrThrow();
    const patch = {
      commune_id: target.id, unit_path: target.path, province_code: target.province_code!, village_id: null,
      status: 'new' as const, stage_started_at: now, assignee_id: null, ...startingTerm(before.kind, before.received_at, target.remote_area),
    };
    await q.updateTip(trx, id, patch);
    // The tip's rows and photos move with it, so the receiving commune reads them.
    for (const table of ['tip_events', 'tip_notes', 'tip_files', 'tip_decisions', 'tip_notices'] as const) {
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
  decision: DecisionInput;
  /** The new last day ('YYYY-MM-DD'); by default the latest the law allows. */
  until?: string | undefined;
}

/**
 * Extends a case's term with the decision that does it (deadlines.ts extensionsOf): a crime
 * report's, recorded by the commune's assigned investigator (art. 147(2)); a denunciation's, by
 * its handlers (Luật Tố cáo art. 30). Each decided before the term runs out.
 */
export async function extendLegalTerm(db: Kysely<DB>, ctx: Ctx, id: number, input: ExtensionInput, now = new Date()) {
  await onHandledTip(db, ctx, id, async (trx, before) => {
    if (!isOpenStage(before.status, settledHere(before)) || !before.legal_due_at || before.status === 'suspended') {
      throw conflict(`Tin báo đang ở bước "${STATUSES[before.status]}", không có thời hạn để kéo dài`, [{ path: 'term', message: 'Không có thời hạn để kéo dài.' }]);
    }
    if (isBodyExtension(input.term)) assertSettler(ctx, before);
    const current = lastDayOf(before.legal_due_at);
    // An extension is decided before the term runs out; a late one is not the law's.
    if (before.legal_due_at.getTime() <= now.getTime()) {
      throw conflict(`Thời hạn đã hết (hết ngày ${formatDay(current)}); không thể kéo dài hay gia hạn sau khi đã hết hạn`, [{ path: 'term', message: 'Thời hạn đã hết.' }]);
    }
    if (!extensionsOf(before, now).includes(input.term)) {
      const why = before.legal_term === 'procuracy'
        ? 'Viện kiểm sát đã gia hạn một lần; luật chỉ cho gia hạn một lần'
        : input.term === 'procuracy'
          ? 'Viện kiểm sát chỉ gia hạn khi thời hạn đã được kéo dài đủ 02 tháng vì vụ việc phức tạp'
          : input.term === 'complex'
            ? 'Thời hạn đã được kéo dài đến tối đa 02 tháng; nếu cần thêm, Viện kiểm sát gia hạn'
            : `Thời hạn "${LEGAL_TERM_NAMES[before.legal_term]}" không kéo dài theo cách này được`;
      throw conflict(why, [{ path: 'term', message: why }]);
    }
    const latest = latestFor(before, input.term);
    const until = input.until ?? latest;
    if (until > latest) throw invalid(`Luật cho phép đến hết ngày ${formatDay(latest)}`, [{ path: 'until', message: `Muộn nhất ${formatDay(latest)}.` }]);
    if (until <= current) throw invalid(`Thời hạn hiện tại là đến hết ngày ${formatDay(current)}; hãy chọn một ngày sau đó`, [{ path: 'until', message: `Ngày gia hạn phải sau ngày ${formatDay(current)}.` }]);
    const decisionKind = EXTENSION_DECISION[input.term];
    const d = await checkDecision(trx, decisionKind, input.decision, before, now);
    if (d.signedOn > current) {
      throw invalid(`Quyết định kéo dài, gia hạn phải ký trước khi hết thời hạn (hết ngày ${formatDay(current)})`, [{ path: 'decision.signedOn', message: `Ngày ký không được sau ngày ${formatDay(current)}.` }]);
    }
    await recordDecision(trx, ctx, before, decisionKind, d, now, `${DECISION_NAMES[decisionKind]} đến hết ngày ${formatDay(until)} (${LEGAL_TERM_NAMES[input.term]})`);
    const patch = termPatch(input.term, dayEnd(until));
    await q.updateTip(trx, id, patch);
    const term = (t: { legal_term: LegalTerm; legal_due_at: Date | null; due_at: Date | null }) => ({ legal_term: t.legal_term, legal_due_at: t.legal_due_at, due_at: t.due_at });
    await recordChange(trx, ctx, { action: 'update', entity: 'tip', entityId: id, unit: placeOfTip(before), before: term(before), after: { ...term(patch), decision: d.reference } });
  });
  return tipPage(db, ctx.actor, id, now);
}

/** Records that a notice a decision owed was sent, with its document. */
export async function recordNotice(db: Kysely<DB>, ctx: Ctx, id: number, noticeId: number, input: { sentOn: string; reference?: string | undefined }, now = new Date()) {
  await onHandledTip(db, ctx, id, async (trx, tip) => {
    const notice = await q.lockNotice(trx, id, noticeId);
    if (!notice) throw notFound('Không tìm thấy thông báo này của tin báo');
    // The body's notices are sent by the body: here, by its investigator.
    if (BODY_DECISIONS.includes(notice.decision_kind)) assertSettler(ctx, tip);
    if (notice.sent_on) throw conflict(`Đã ghi gửi thông báo này ngày ${formatDay(notice.sent_on)}`, [{ path: 'sentOn', message: 'Đã ghi rồi.' }]);
    if (input.sentOn > todayVN(now)) throw invalid('Ngày gửi ở sau hôm nay', [{ path: 'sentOn', message: 'Ngày gửi không được sau hôm nay.' }]);
    if (input.sentOn < notice.signed_on) {
      throw invalid(`Ngày gửi trước ngày ký quyết định (${formatDay(notice.signed_on)})`, [{ path: 'sentOn', message: `Ngày gửi không được trước ngày ${formatDay(notice.signed_on)}.` }]);
    }
    const reference = input.reference?.trim() || null;
    await q.markNoticeSent(trx, noticeId, input.sentOn, reference, ctx.actor.userId);
    const late = dayStart(input.sentOn).getTime() >= notice.due_at.getTime();
    await q.insertEvent(trx, {
      tip_id: id, province_code: tip.province_code, actor_id: ctx.actor.userId, kind: 'notice',
      detail: `Đã gửi thông báo cho ${recipientName(tip.kind, notice.recipient)} ngày ${formatDay(input.sentOn)}${reference ? ` (${reference})` : ''}${late ? ' — quá hạn' : ''}`,
    });
    await recordChange(trx, ctx, { action: 'update', entity: 'tip', entityId: id, unit: placeOfTip(tip), after: { notice: noticeId, recipient: notice.recipient, sent_on: input.sentOn } });
  });
  return tipPage(db, ctx.actor, id, now);
}

/**
 * Sets whether a commune is remote (48 hours to hand a crime report over, not 24), with the
 * document that says so. Decided above the commune: by whoever may change the units over it.
 */
export async function setRemoteArea(db: Kysely<DB>, ctx: Ctx, communeId: number, input: { remote: boolean; basis?: string | undefined }) {
  const unit = await readableUnit(db, ctx.actor, communeId);
  if (unit.kind !== 'commune') throw invalid('Chỉ xã, phường, đặc khu mới có thời hạn chuyển tin báo', [{ path: 'unitId', message: 'Không phải xã, phường, đặc khu.' }]);
  if (!allows(ctx.actor, 'unit.write', parentPath(unit.path))) throw forbidden('Việc xác định xã ở vùng xa xôi, hẻo lánh do cấp tỉnh quyết định');
  const basis = input.basis?.trim() || null;
  if (input.remote && !basis) throw invalid('Hãy ghi văn bản xác định xã ở vùng xa xôi, hẻo lánh, hải đảo', [{ path: 'basis', message: 'Chưa ghi văn bản căn cứ.' }]);
  await db.transaction().execute(async (trx) => {
    await q.setRemote(trx, communeId, input.remote, basis, handoverHours(input.remote), HANDOVER_SOON_HOURS);
    await recordChange(trx, ctx, { action: 'update', entity: 'unit', entityId: communeId, unit: { id: unit.id, path: unit.path, province_code: unit.province_code }, after: { remote_area: input.remote, remote_basis: basis } });
  });
  return { id: communeId, remote_area: input.remote, remote_basis: basis, handover_hours: handoverHours(input.remote) };
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
  const rows = await q.summary(db, scopeOf(actor, 'tip.read'), unit.path, dayStart(from), dayEnd(to), now);
  const byCategory = tally(CATEGORIES, rows.byCategory.map((r) => [r.category, r.count]));
  const byStatus = tally(STATUSES, rows.byStatus.map((r) => [r.status, r.count]));
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind }, from, to,
    received: rows.byStatus.reduce((s, r) => s + r.count, 0),
    byCategory, byStatus, byDay: rows.byDay,
    open: { total: rows.open.open, overdue: rows.open.overdue, dueSoon: rows.open.due_soon, unassigned: rows.open.unassigned },
  };
}

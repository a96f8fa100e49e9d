/**
 * Periodic reports (báo cáo định kỳ): what each unit owes the unit above, from its models'
 * templates and from the plans of the units above; drafted from data, written, submitted, and
 * accepted or returned by the unit above, which sees who is on time, late or not started and
 * can remind them. docs/reports.md has the rules.
 */
import type { Kysely } from 'kysely';
import { allows, allowsSomeUnder, assertAllowed, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB, ReportPeriodKind, ReporterKind, ReportStatus } from '../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { dayStart, formatDay, todayVN, vnDateTime } from '../shared/dates.ts';
import { readableUnit } from '../units/service.ts';
import { signerTitle } from './document.ts';
import { draftFigures, type ReportFigures } from './figures.ts';
import { isLate, isSent, summaryOf } from './lateness.ts';
import { MOVEMENT, NATIONAL_SCHEDULES } from './national.ts';
import { periodLabel, periodsDueIn } from './periods.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

export interface Narrative { results: string; limitations: string; causes: string; proposals: string }
export interface Signer { title: string; name: string }
export const EMPTY_NARRATIVE: Narrative = { results: '', limitations: '', causes: '', proposals: '' };

/** What one unit owes for one period, and where it stands. */
export interface Duty {
  unit: { id: number; name: string; kind: string };
  receiver: { id: number; name: string };
  schedule_key: string;
  title: string;
  /** What it reports on: "mô hình …" or "Kế hoạch …". */
  subject: string;
  period: ReportPeriodKind;
  period_label: string;
  period_start: string;
  period_end: string;
  due_on: string;
  report_id: number | null;
  /** 'not_started' until someone opens the draft. */
  status: ReportStatus | 'not_started';
  submitted_at: Date | null;
  /** Past its due day without being sent, or sent after it. */
  late: boolean;
  reminders: number;
  /** When the latest reminder was sent, if any: one a day. */
  last_reminded_at: Date | null;
}

interface Owed {
  unit: { id: number; name: string; kind: string; path: string; province_code: string | null };
  receiver: { id: number; name: string; path: string };
  schedule_key: string; title: string; subject: string; period: ReportPeriodKind;
  period_label: string; period_start: string; period_end: string; due_on: string;
}

type ModelDuty = Awaited<ReturnType<typeof q.modelDuties>>[number];
type Schedule = Awaited<ReturnType<typeof q.schedulesIssuedAt>>[number];

/** "Triển khai …" inside a sentence: "Kế hoạch triển khai …". */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);

function fromModel(m: ModelDuty, year: number): Owed[] {
  const reports = m.reports as { title: string; period: ReportPeriodKind; due: { day: number; month?: number } }[];
  return reports.flatMap((r, i) =>
    periodsDueIn(r.period, r.due, year)
      // A model owes nothing for the time before it started.
      .filter((p) => !m.started_on || p.end >= m.started_on)
      .map((p) => ({
        unit: { id: m.unit_id, name: m.unit_name, kind: m.unit_kind, path: m.unit_path, province_code: m.province_code },
        receiver: { id: m.receiver_id, name: m.receiver_name, path: m.receiver_path },
        schedule_key: `model:${m.instance_id}:${i}`, title: r.title, subject: `mô hình ${m.instance_name}`, period: r.period,
        period_label: p.label, period_start: p.start, period_end: p.end, due_on: p.due,
      })));
}

function fromSchedule(s: Schedule, unit: Owed['unit'], year: number): Owed[] {
  // Only the periods the plan runs over: from its start (or its issue) to its end.
  const start = s.period_start ?? s.issued_on;
  const periods = periodsDueIn(s.period, { day: s.due_day, month: s.due_month }, year)
    .filter((p) => (!start || p.end >= start) && (!s.period_end || p.start <= s.period_end));
  return periods.map((p) => ({
    unit, receiver: { id: s.receiver_id, name: s.receiver_name, path: s.receiver_path },
    schedule_key: `plan:${s.id}`, title: s.title, subject: `Kế hoạch ${lowerFirst(s.plan_title)}`, period: s.period,
    period_label: p.label, period_start: p.start, period_end: p.end, due_on: p.due,
  }));
}

function fromNational(unit: Owed['unit'], country: Owed['receiver'], year: number): Owed[] {
  return NATIONAL_SCHEDULES.flatMap((s, i) => periodsDueIn(s.period, s.due, year).map((p) => ({
    unit, receiver: country, schedule_key: `national:${i}`, title: s.title, subject: MOVEMENT, period: s.period,
    period_label: p.label, period_start: p.start, period_end: p.end, due_on: p.due,
  })));
}

/** What a unit owes in a year: its models' reports, those the plans above ask of its kind, and a province's to the country. */
async function owedBy(db: Kysely<DB>, unit: Owed['unit'] & { parent_id: number | null }, year: number): Promise<Owed[]> {
  const [models, schedules, parent] = await Promise.all([
    q.modelDuties(db, { unitIds: [unit.id] }),
    q.schedulesAbove(db, unit),
    unit.kind === 'province' && unit.parent_id ? q.unitRef(db, unit.parent_id) : undefined,
  ]);
  return [
    ...models.flatMap((m) => fromModel(m, year)),
    ...schedules.flatMap((s) => fromSchedule(s, unit, year)),
    ...(parent ? fromNational(unit, parent, year) : []),
  ];
}

/** What the units below owe a unit in a year: their models' reports, and those its own plans ask for. */
async function owedTo(db: Kysely<DB>, receiver: { id: number; name: string; path: string; kind: string }, year: number): Promise<Owed[]> {
  const [models, schedules] = await Promise.all([q.modelDuties(db, { parentId: receiver.id }), q.schedulesIssuedAt(db, receiver.id)]);
  const kinds = [...new Set(schedules.map((s) => s.reporter_kind))] as ReporterKind[];
  if (receiver.kind === 'country') kinds.push('province');
  const reporters = kinds.length ? await q.unitsOfKindsUnder(db, receiver.path, kinds) : [];
  return [
    ...models.flatMap((m) => fromModel(m, year)),
    ...schedules.flatMap((s) => reporters.filter((u) => u.kind === s.reporter_kind).flatMap((u) => fromSchedule(s, u, year))),
    ...(receiver.kind === 'country' ? reporters.filter((u) => u.kind === 'province').flatMap((u) => fromNational(u, receiver, year)) : []),
  ];
}

const keyOf = (unitId: number, scheduleKey: string, periodStart: string) => `${unitId}|${scheduleKey}|${periodStart}`;

type ReportRow = Awaited<ReturnType<typeof q.reportsDue>>[number];

/** A report started once stays listed when what asked for it is gone (a model closed, a plan closed). */
const owedByRow = (r: ReportRow): Owed => ({
  unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, path: '', province_code: null },
  receiver: { id: r.receiver_id, name: r.receiver_name, path: '' },
  schedule_key: r.schedule_key, title: r.title, subject: r.subject, period: r.period,
  period_label: periodLabel(r.period, Number(r.period_start.slice(0, 4)), Number(r.period_start.slice(5, 7))),
  period_start: r.period_start, period_end: r.period_end, due_on: r.due_on,
});

async function withStatus(db: Kysely<DB>, owedNow: Owed[], where: { unitIds: number[] } | { receiverId: number }, year: number, now: Date): Promise<Duty[]> {
  const reports = await q.reportsDue(db, where, `${year}-01-01`, `${year}-12-31`);
  const byKey = new Map(reports.map((r) => [keyOf(r.unit_id, r.schedule_key, r.period_start), r]));
  const listed = new Set(owedNow.map((o) => keyOf(o.unit.id, o.schedule_key, o.period_start)));
  const owed = [...owedNow, ...reports.filter((r) => !listed.has(keyOf(r.unit_id, r.schedule_key, r.period_start))).map(owedByRow)];
  const reminders = await q.remindersTo(db, [...new Set(owed.map((o) => o.unit.id))], `${year - 1}-01-01`);
  const reminded = new Map<string, { count: number; last: Date }>();
  for (const m of reminders) {
    const k = keyOf(m.unit_id, m.schedule_key, m.period_start);
    const seen = reminded.get(k);
    // remindersTo lists the latest first.
    reminded.set(k, { count: (seen?.count ?? 0) + 1, last: seen?.last ?? m.sent_at });
  }
  return owed
    .map((o) => {
      const k = keyOf(o.unit.id, o.schedule_key, o.period_start);
      const r = byKey.get(k);
      const sent = r?.submitted_at && isSent(r.status) ? r.submitted_at : null;
      const late = isLate(o.due_on, sent, now);
      return {
        unit: { id: o.unit.id, name: o.unit.name, kind: o.unit.kind }, receiver: { id: o.receiver.id, name: o.receiver.name },
        schedule_key: o.schedule_key, title: o.title, subject: o.subject, period: o.period, period_label: o.period_label,
        period_start: o.period_start, period_end: o.period_end, due_on: o.due_on,
        report_id: r?.id ?? null, status: r?.status ?? 'not_started', submitted_at: sent, late,
        reminders: reminded.get(k)?.count ?? 0, last_reminded_at: reminded.get(k)?.last ?? null,
      } satisfies Duty;
    })
    .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.unit.name.localeCompare(b.unit.name, 'vi') || a.title.localeCompare(b.title, 'vi'));
}

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('Năm không hợp lệ', [{ path: 'year', message: 'Năm phải từ 2000 đến 2100.' }]);
}

/** The reports a unit owes in a year, each with its status. */
export async function dutiesOf(db: Kysely<DB>, actor: Actor, unitId: number, year: number, now = new Date()) {
  checkYear(year);
  const unit = await readableUnit(db, actor, unitId);
  const owed = await owedBy(db, unit, year);
  return { unit: { id: unit.id, name: unit.name, kind: unit.kind }, year, duties: await withStatus(db, owed, { unitIds: [unit.id] }, year, now), canWrite: allows(actor, 'report.write', unit.path) };
}

/** For the unit above: every report owed to it in a year, who has sent, who is late, who has not started. */
export async function completeness(db: Kysely<DB>, actor: Actor, receiverId: number, year: number, now = new Date()) {
  checkYear(year);
  const receiver = await readableUnit(db, actor, receiverId);
  const duties = await withStatus(db, await owedTo(db, receiver, year), { receiverId: receiver.id }, year, now);
  return {
    unit: { id: receiver.id, name: receiver.name, kind: receiver.kind }, year,
    summary: summaryOf(duties, now),
    duties,
    canReview: allows(actor, 'report.review', receiver.path),
  };
}

/** The duty a start or a reminder names, checked against what the unit really owes. */
async function findDuty(db: Kysely<DB>, unit: Owed['unit'] & { parent_id: number | null }, scheduleKey: string, periodStart: string, dueYear: number) {
  const owed = (await owedBy(db, unit, dueYear)).find((o) => o.schedule_key === scheduleKey && o.period_start === periodStart);
  if (!owed) throw invalid('Đơn vị không phải nộp báo cáo này', [{ path: 'scheduleKey', message: 'Không có trong lịch báo cáo' }]);
  return owed;
}

export interface DutyRef { unitId: number; scheduleKey: string; periodStart: string; dueYear: number }

/** Opens the draft of a report owed (once: a second start finds the first). */
export async function startReport(db: Kysely<DB>, ctx: Ctx, ref: DutyRef) {
  const unit = await readableUnit(db, ctx.actor, ref.unitId);
  assertAllowed(ctx.actor, 'report.write', unit.path);
  const o = await findDuty(db, unit, ref.scheduleKey, ref.periodStart, ref.dueYear);
  if (o.period_start > todayVN()) throw invalid('Kỳ báo cáo này chưa bắt đầu', [{ path: 'periodStart', message: 'Chưa đến kỳ' }]);
  return db.transaction().execute(async (trx) => {
    // A plan's schedule removed meanwhile (removeSchedule locks it) leaves nothing to report on.
    const planSchedule = /^plan:(\d+)$/.exec(o.schedule_key);
    if (planSchedule && !(await q.shareSchedule(trx, Number(planSchedule[1])))) throw invalid('Lịch báo cáo này vừa bị xóa', [{ path: 'scheduleKey', message: 'Lịch báo cáo này không còn.' }]);
    const inserted = await q.insertReport(trx, {
      province_code: unit.province_code ?? '', unit_id: unit.id, unit_path: unit.path, receiver_id: o.receiver.id, receiver_path: o.receiver.path,
      schedule_key: o.schedule_key, title: o.title, subject: o.subject, period: o.period, period_start: o.period_start, period_end: o.period_end, due_on: o.due_on,
      created_by: ctx.actor.userId,
    });
    if (!inserted) return { id: (await q.findReport(trx, unit.id, o.schedule_key, o.period_start))!.id, created: false };
    await q.insertEvent(trx, { province_code: unit.province_code ?? '', report_id: inserted.id, actor_id: ctx.actor.userId, action: 'created' });
    await recordChange(trx, ctx, { action: 'create', entity: 'report', entityId: inserted.id, unit, after: { title: o.title, due_on: o.due_on } });
    return { id: inserted.id, created: true };
  });
}

async function readableReport(db: Kysely<DB>, actor: Actor, id: number) {
  const r = await q.getReport(db, id);
  if (!r || !allows(actor, 'unit.read', r.unit_path)) throw notFound('Không tìm thấy báo cáo');
  return r;
}

/** A report with its figures: drafted afresh while it is being written, as sent once it is sent. */
export async function reportView(db: Kysely<DB>, actor: Actor, id: number, now = new Date()) {
  const r = await readableReport(db, actor, id);
  const editable = r.status === 'draft' || r.status === 'returned';
  const [figures, events, facts] = await Promise.all([
    editable || !r.figures ? draftFigures(db, actor, { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, path: r.unit_path }, r.period_start, r.period_end, now) : (r.figures as ReportFigures),
    q.eventsOf(db, id),
    q.documentFacts(db, r.unit_path, r.unit_id),
  ]);
  const { unit_path: _, receiver_path: __, province_code: ___, ...report } = r;
  return {
    report: { ...report, narrative: { ...EMPTY_NARRATIVE, ...(r.narrative as Partial<Narrative>) } },
    // Until someone writes who signs, the unit's leader under the title its kind of unit signs with.
    signer: { title: r.signer_title || signerTitle(r.unit_kind), name: r.signer_name || facts.leader_name || '' },
    place: facts.locality ?? r.unit_name,
    figures: tipsFor(actor, r.unit_path, figures), figuresAsOf: editable ? now : r.submitted_at, events,
    canWrite: editable && allows(actor, 'report.write', r.unit_path),
    canReview: r.status === 'submitted' && allows(actor, 'report.review', r.receiver_path),
  };
}

/** Tip counts are shown, as on the statistics page, only to those who handle tips there. */
function tipsFor(actor: Actor, path: string, f: ReportFigures): ReportFigures {
  if (!f.tips || allowsSomeUnder(actor, 'tip.read', path)) return f;
  return { ...f, tips: null, breakdown: f.breakdown.map((b) => ({ ...b, tips: 0 })) };
}

function stale(): never {
  throw conflict('Báo cáo vừa được người khác thay đổi; hãy tải lại để xem bản mới nhất', [{ path: 'version', message: 'Bản đang sửa đã cũ; hãy tải lại.' }]);
}

export async function saveReport(
  db: Kysely<DB>, ctx: Ctx, id: number, body: { version: number; narrative: Narrative; signer?: Signer | undefined },
) {
  const r = await readableReport(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'report.write', r.unit_path);
  if (r.status !== 'draft' && r.status !== 'returned') throw conflict('Báo cáo đã gửi, không sửa được nữa');
  await db.transaction().execute(async (trx) => {
    if (!(await q.saveNarrative(trx, id, body.version, body.narrative, body.signer))) stale();
    const signer = body.signer && { signer_title: body.signer.title, signer_name: body.signer.name };
    await recordChange(trx, ctx, {
      action: 'update', entity: 'report', entityId: id, unit: { id: r.unit_id, path: r.unit_path, province_code: r.province_code },
      before: signer ? { ...(r.narrative as object), signer_title: r.signer_title, signer_name: r.signer_name } : r.narrative,
      after: { ...body.narrative, ...signer },
    });
  });
  return reportView(db, ctx.actor, id);
}

/** Sends the report up, its figures frozen as they are now. */
export async function submitReport(db: Kysely<DB>, ctx: Ctx, id: number, version: number, now = new Date()) {
  const r = await readableReport(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'report.write', r.unit_path);
  if (r.status !== 'draft' && r.status !== 'returned') throw conflict('Báo cáo đã được gửi');
  const narrative = { ...EMPTY_NARRATIVE, ...(r.narrative as Partial<Narrative>) };
  if (!narrative.results.trim()) throw invalid('Hãy viết phần kết quả đạt được trước khi gửi', [{ path: 'narrative.results', message: 'Phần kết quả đạt được chưa có nội dung.' }]);
  const figures = await draftFigures(db, ctx.actor, { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, path: r.unit_path }, r.period_start, r.period_end, now);
  await db.transaction().execute(async (trx) => {
    if (!(await q.setStatus(trx, id, version, ['draft', 'returned'], { status: 'submitted', figures: JSON.stringify(figures), submitted_by: ctx.actor.userId, submitted: true }))) stale();
    await q.insertEvent(trx, { province_code: r.province_code, report_id: id, actor_id: ctx.actor.userId, action: 'submitted' });
    await recordChange(trx, ctx, { action: 'update', entity: 'report', entityId: id, unit: { id: r.unit_id, path: r.unit_path, province_code: r.province_code }, before: { status: r.status }, after: { status: 'submitted' } });
  });
  return reportView(db, ctx.actor, id, now);
}

/** The unit above accepts a report, or returns it with what to fix. */
export async function reviewReport(db: Kysely<DB>, ctx: Ctx, id: number, body: { version: number; decision: 'accept' | 'return'; comment?: string | undefined }) {
  const r = await readableReport(db, ctx.actor, id);
  if (!allows(ctx.actor, 'report.review', r.receiver_path)) throw forbidden('Chỉ đơn vị cấp trên nhận báo cáo mới được duyệt hoặc trả lại');
  if (r.status !== 'submitted') throw conflict(r.status === 'accepted' ? 'Báo cáo đã được tiếp nhận' : 'Báo cáo chưa được gửi');
  const comment = body.comment?.trim() || null;
  if (body.decision === 'return' && !comment) throw invalid('Hãy ghi rõ nội dung cần bổ sung, chỉnh sửa', [{ path: 'comment', message: 'Ý kiến trả lại chưa có nội dung.' }]);
  const status = body.decision === 'accept' ? 'accepted' : 'returned';
  await db.transaction().execute(async (trx) => {
    if (!(await q.setStatus(trx, id, body.version, ['submitted'], { status, reviewed_by: ctx.actor.userId, review_comment: comment, reviewed: true }))) stale();
    await q.insertEvent(trx, { province_code: r.province_code, report_id: id, actor_id: ctx.actor.userId, action: status, comment });
    await recordChange(trx, ctx, { action: 'update', entity: 'report', entityId: id, unit: { id: r.unit_id, path: r.unit_path, province_code: r.province_code }, before: { status: r.status }, after: { status, comment } });
  });
  return reportView(db, ctx.actor, id);
}

/** The unit above reminds a unit of a report it has not sent. */
export async function remind(db: Kysely<DB>, ctx: Ctx, ref: DutyRef & { message?: string | undefined }) {
  const unit = await readableUnit(db, ctx.actor, ref.unitId);
  const o = await findDuty(db, unit, ref.scheduleKey, ref.periodStart, ref.dueYear);
  if (!allows(ctx.actor, 'report.review', o.receiver.path)) throw forbidden('Chỉ đơn vị cấp trên nhận báo cáo mới được nhắc');
  const existing = await q.findReport(db, unit.id, o.schedule_key, o.period_start);
  if (isSent(existing?.status)) throw conflict('Đơn vị đã gửi báo cáo này');
  return db.transaction().execute(async (trx) => {
    // Once a day (Vietnam's calendar day) is a reminder; a second click, or a second officer, would
    // only be noise. Two at the same moment are served one after the other.
    await q.lockReminders(trx, { unit_id: unit.id, schedule_key: o.schedule_key, period_start: o.period_start });
    const today = await q.reminderSince(trx, { unit_id: unit.id, schedule_key: o.schedule_key, period_start: o.period_start }, dayStart(todayVN()));
    if (today) throw conflict(`Đã nhắc ${unit.name} gửi báo cáo này lúc ${vnDateTime(today.sent_at)}; mỗi ngày chỉ nhắc một lần`);
    const sent = await q.insertReminder(trx, {
      province_code: unit.province_code ?? '', unit_id: unit.id, schedule_key: o.schedule_key, period_start: o.period_start,
      sent_by: ctx.actor.userId, message: ref.message?.trim() || `Đề nghị ${unit.name} gửi ${o.title} (${o.period_label}), hạn ${formatDay(o.due_on)}.`,
    });
    await recordChange(trx, ctx, { action: 'create', entity: 'report_reminder', entityId: sent.id, unit, after: { title: o.title, message: ref.message ?? null } });
    return sent;
  });
}

/** Reminders to a unit this year and last, for its report list. */
export async function remindersOf(db: Kysely<DB>, actor: Actor, unitId: number, year: number) {
  const unit = await readableUnit(db, actor, unitId);
  return q.remindersTo(db, [unit.id], `${year - 1}-01-01`);
}

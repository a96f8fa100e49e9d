import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import { attachFile, detachFile, type Attachment, type Upload } from '../files/service.ts';
import { conflict, invalid, notFound } from '../http/errors.ts';
import { addDays, formatDay, lastDayOfMonth, todayVN } from '../shared/dates.ts';
import { fold } from '../shared/text.ts';
import { getUnit, villagesUnder } from '../units/queries.ts';
import { readableUnit } from '../units/service.ts';
import type { PlanDocument } from './document.ts';
import * as q from './queries.ts';
import { CHECKIN_DAYS_BACK } from '../gongs/service.ts';
import { communePathOf, measuredOf, type Measure } from './measure.ts';
import { MAX_OCCURRENCES, occurrences, type Recurrence } from './recurrence.ts';
import type { PlanInput } from './schema.ts';

type Ctx = Context & { actor: Actor };
const unitRef = (p: { unit_id: number; unit_path: string; province_code: string }) => ({ id: p.unit_id, path: p.unit_path, province_code: p.province_code });

function documentOf(input: PlanInput) {
  const { issuer, bases, preamble, sections, closing, recipients, signer } = input;
  return JSON.stringify({ issuer, bases, preamble, sections, closing, recipients, signer });
}

function checkPeriod(input: { periodStart?: string | null | undefined; periodEnd?: string | null | undefined }) {
  if (input.periodStart && input.periodEnd && input.periodStart > input.periodEnd) {
    throw invalid('Thời gian kết thúc kế hoạch trước thời gian bắt đầu', [{ path: 'periodEnd', message: 'Ngày kết thúc kế hoạch phải từ ngày bắt đầu trở đi.' }]);
  }
}

export async function readablePlan(db: Kysely<DB>, actor: Actor, id: number) {
  const plan = await q.getPlan(db, id);
  if (!plan || !allows(actor, 'unit.read', plan.unit_path)) throw notFound('Không tìm thấy kế hoạch');
  return plan;
}

/** A plan may implement another the caller can see, but never itself, directly or through others. */
async function checkParent(db: Kysely<DB>, actor: Actor, planId: number | null, parentId: number | null | undefined) {
  if (parentId == null) return;
  const parent = await q.getPlan(db, parentId);
  if (!parent || !allows(actor, 'unit.read', parent.unit_path)) throw invalid('Kế hoạch cấp trên không tồn tại', [{ path: 'parentPlanId', message: 'Không tồn tại' }]);
  if (planId !== null && (await q.ancestorsOf(db, parentId)).some((p) => p.id === planId)) {
    throw invalid('Kế hoạch không thể thực hiện chính nó (vòng lặp kế hoạch cấp trên)', [{ path: 'parentPlanId', message: 'Tạo thành vòng lặp' }]);
  }
}

export async function createPlan(db: Kysely<DB>, ctx: Ctx, input: PlanInput) {
  const unit = await getUnit(db, input.unitId);
  if (!unit || !allows(ctx.actor, 'unit.read', unit.path)) throw invalid('Đơn vị ban hành không tồn tại', [{ path: 'unitId', message: 'Không tồn tại' }]);
  if (!unit.province_code) throw invalid('Chọn đơn vị cấp tỉnh trở xuống', [{ path: 'unitId', message: 'Đơn vị phải từ cấp tỉnh trở xuống.' }]);
  assertAllowed(ctx.actor, 'plan.write', unit.path);
  checkPeriod(input);
  await checkParent(db, ctx.actor, null, input.parentPlanId);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('plans')
      .values({
        province_code: unit.province_code!, unit_id: unit.id, unit_path: unit.path, number: input.number ?? null, symbol: input.symbol,
        place: input.place, issued_on: input.issuedOn ?? null, title: input.title, title_folded: fold(input.title),
        document: documentOf(input), parent_plan_id: input.parentPlanId ?? null, period_start: input.periodStart ?? null,
        period_end: input.periodEnd ?? null, created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plan = (await q.getPlan(trx, row.id))!;
    await recordChange(trx, ctx, { action: 'create', entity: 'plan', entityId: plan.id, unit: unitRef(plan), after: plan });
    return plan;
  });
}

export async function updatePlan(db: Kysely<DB>, ctx: Ctx, id: number, input: PlanInput) {
  const before = await readablePlan(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'plan.write', before.unit_path);
  if (before.status !== 'draft') throw conflict('Kế hoạch đã ban hành, không sửa nội dung được');
  if (input.unitId !== before.unit_id) throw invalid('Không đổi đơn vị ban hành của kế hoạch', [{ path: 'unitId', message: 'Không đổi được' }]);
  checkPeriod(input);
  await checkParent(db, ctx.actor, id, input.parentPlanId);
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('plans')
      .set({
        number: input.number ?? null, symbol: input.symbol, place: input.place, issued_on: input.issuedOn ?? null, title: input.title,
        title_folded: fold(input.title), document: documentOf(input), parent_plan_id: input.parentPlanId ?? null,
        period_start: input.periodStart ?? null, period_end: input.periodEnd ?? null, updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await q.getPlan(trx, id))!;
    await recordChange(trx, ctx, { action: 'update', entity: 'plan', entityId: id, unit: unitRef(after), before, after });
    return after;
  });
}

const NEXT_STATUS = { draft: 'issued', issued: 'closed' } as const;

/** draft → issued (with its number and date) → closed; a leader or administrator approves. */
export async function setStatus(db: Kysely<DB>, ctx: Ctx, id: number, status: 'issued' | 'closed') {
  const before = await readablePlan(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'plan.approve', before.unit_path);
  if (NEXT_STATUS[before.status as 'draft' | 'issued'] !== status) {
    throw conflict(`Không chuyển được từ "${STATUS_LABELS[before.status]}" sang "${STATUS_LABELS[status]}"`);
  }
  if (status === 'issued' && (!before.number || !before.issued_on)) {
    throw invalid('Cần số và ngày ban hành trước khi ban hành kế hoạch', [
      ...(!before.number ? [{ path: 'number', message: 'Kế hoạch chưa có số.' }] : []),
      ...(!before.issued_on ? [{ path: 'issuedOn', message: 'Kế hoạch chưa có ngày ban hành.' }] : []),
    ]);
  }
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('plans').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
    const after = (await q.getPlan(trx, id))!;
    await recordChange(trx, ctx, { action: 'update', entity: 'plan', entityId: id, unit: unitRef(after), before: { status: before.status }, after: { status } });
    return after;
  });
}

export const STATUS_LABELS: Record<string, string> = { draft: 'Dự thảo', issued: 'Đã ban hành', closed: 'Đã kết thúc' };

export async function planPage(db: Kysely<DB>, actor: Actor, id: number) {
  const plan = await readablePlan(db, actor, id);
  const [tasks, children, instances, chain] = await Promise.all([
    q.tasksOf(db, id), q.childPlans(db, id), q.governedInstances(db, id), q.ancestorsOf(db, id),
  ]);
  const parent = plan.parent_plan_id ? await q.getPlan(db, plan.parent_plan_id) : undefined;
  const canSee = (path: string) => allows(actor, 'unit.read', path);
  return {
    plan: { ...plan, document: plan.document as Omit<PlanDocument, 'number' | 'symbol' | 'place' | 'issuedOn' | 'title'> },
    parent: parent && canSee(parent.unit_path) ? { id: parent.id, title: parent.title, number: parent.number, symbol: parent.symbol } : null,
    depth: chain.length - 1,
    children: children.filter((c) => canSee(c.unit_path)).map(({ unit_path: _, ...c }) => c),
    instances: instances.filter((m) => canSee(m.unit_path)).map(({ unit_path: _, ...m }) => m),
    tasks,
    canWrite: allows(actor, 'plan.write', plan.unit_path) && plan.status === 'draft',
    canAddTasks: allows(actor, 'plan.write', plan.unit_path) && plan.status !== 'closed',
    canApprove: allows(actor, 'plan.approve', plan.unit_path),
  };
}

export async function listPlans(db: Kysely<DB>, actor: Actor, opts: { unitId?: number | undefined; status?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
  const underPath = opts.unitId ? (await readableUnit(db, actor, opts.unitId)).path : undefined;
  return q.listPlans(db, scopeOf(actor, 'unit.read'), { ...opts, q: opts.q ? fold(opts.q) : undefined, underPath });
}

/** The plan as the official document the exports render. */
export async function planDocument(db: Kysely<DB>, actor: Actor, id: number): Promise<PlanDocument> {
  const plan = await readablePlan(db, actor, id);
  const rest = plan.document as Omit<PlanDocument, 'number' | 'symbol' | 'place' | 'issuedOn' | 'title'>;
  return { ...rest, number: plan.number, symbol: plan.symbol, place: plan.place, issuedOn: plan.issued_on, title: plan.title };
}

/**
 * A task is work under its plan: due before the plan starts (its period, or its issue when it has
 * no period) or after the plan ends, it is a slip of the pen, so it is refused, naming both dates.
 */
type PlanSpan = { period_start: string | null; period_end: string | null; issued_on: string | null };
type TaskSpan = { startsOn?: string | undefined; endsOn?: string | undefined };

function checkWithinPlan(plan: PlanSpan, r: Recurrence, input: TaskSpan) {
  const [start, startWord] = plan.period_start
    ? [plan.period_start, 'ngày bắt đầu'] : [plan.issued_on, 'ngày ban hành'];
  const end = plan.period_end;
  const due = r.freq === 'once' ? { day: r.due, path: 'recurrence.due', what: 'Hạn nhiệm vụ' } : null;
  const first = due ?? (input.startsOn && { day: input.startsOn, path: 'startsOn', what: 'Ngày bắt đầu nhiệm vụ' });
  const last = due ?? (input.endsOn && { day: input.endsOn, path: 'endsOn', what: 'Ngày kết thúc nhiệm vụ' });
  if (start && first && first.day < start) {
    const message = `${first.what} (${formatDay(first.day)}) trước ${startWord} kế hoạch (${formatDay(start)})`;
    throw invalid(message, [{ path: first.path, message: `Trước ${formatDay(start)}` }]);
  }
  if (end && last && last.day > end) {
    const message = `${last.what} (${formatDay(last.day)}) sau ngày kết thúc kế hoạch (${formatDay(end)})`;
    throw invalid(message, [{ path: last.path, message: `Sau ${formatDay(end)}` }]);
  }
}

export interface NewTask {
  title: string;
  description?: string | undefined;
  leadUnitId: number;
  supportUnitIds?: number[] | undefined;
  recurrence: Recurrence;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
  measure?: Measure | null | undefined;
}

/**
 * Adds a task to a plan and lays out its occurrences. The lead agency must lie within the
 * caller's own units; a recurring task needs a span (its own, or the plan's period).
 */
export async function addTask(db: Kysely<DB>, ctx: Ctx, planId: number, input: NewTask) {
  const plan = await readablePlan(db, ctx.actor, planId);
  assertAllowed(ctx.actor, 'plan.write', plan.unit_path);
  if (plan.status === 'closed') throw conflict('Kế hoạch đã kết thúc, không thêm nhiệm vụ được');
  const lead = await getUnit(db, input.leadUnitId);
  if (!lead || !allows(ctx.actor, 'unit.read', lead.path)) throw invalid('Đơn vị chủ trì không tồn tại', [{ path: 'leadUnitId', message: 'Không tồn tại' }]);
  if (!allows(ctx.actor, 'plan.write', lead.path) || !lead.province_code) {
    throw invalid('Chỉ giao nhiệm vụ cho đơn vị thuộc phạm vi của bạn', [{ path: 'leadUnitId', message: 'Đơn vị chủ trì phải thuộc phạm vi của bạn.' }]);
  }
  const supportIds = [...new Set(input.supportUnitIds ?? [])];
  for (const id of supportIds) {
    const u = await getUnit(db, id);
    if (!u || !allows(ctx.actor, 'unit.read', u.path)) throw invalid(`Đơn vị phối hợp ${id} không tồn tại`, [{ path: 'supportUnitIds', message: 'Không tồn tại' }]);
  }
  // The gong is answered by villages' check-ins: a task in a commune without villages would never be done.
  if (input.measure === 'gong' && (await villagesUnder(db, communePathOf(lead.path))).length === 0) {
    throw invalid('Xã chưa có thôn, làng nào để tính điểm danh kẻng; hãy thêm thôn, làng trước', [{ path: 'measure', message: 'Chưa có thôn, làng' }]);
  }
  const r = input.recurrence;
  checkWithinPlan(plan, r, input);
  const startsOn = input.startsOn ?? (r.freq === 'once' ? r.due : plan.period_start ?? plan.issued_on ?? undefined);
  const endsOn = input.endsOn ?? (r.freq === 'once' ? r.due : plan.period_end ?? (startsOn ? addDays(startsOn, 364) : undefined));
  if (!startsOn || !endsOn) throw invalid('Nhiệm vụ lặp lại cần ngày bắt đầu và kết thúc (hoặc kế hoạch có thời gian thực hiện)', [{ path: 'startsOn', message: 'Hãy chọn ngày bắt đầu và ngày kết thúc.' }]);
  if (startsOn > endsOn) throw invalid('Ngày kết thúc nhiệm vụ trước ngày bắt đầu', [{ path: 'endsOn', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' }]);
  const dates = occurrences(r, startsOn, endsOn);
  if (dates.length > MAX_OCCURRENCES) throw invalid(`Nhiệm vụ lặp quá ${MAX_OCCURRENCES} lần; hãy rút ngắn thời gian`, [{ path: 'endsOn', message: `Nhiệm vụ lặp tối đa ${MAX_OCCURRENCES} lần; hãy chọn ngày kết thúc sớm hơn.` }]);
  if (dates.length === 0) throw invalid('Nhiệm vụ không có lần nào trong khoảng thời gian đã chọn', [{ path: 'recurrence', message: 'Cách lặp này không có lần nào trong khoảng thời gian đã chọn.' }]);
  return db.transaction().execute(async (trx) => {
    const task = await trx
      .insertInto('tasks')
      .values({
        province_code: lead.province_code!, plan_id: planId, title: input.title, description: input.description ?? '',
        lead_unit_id: lead.id, lead_unit_path: lead.path, support_unit_ids: supportIds, recurrence: JSON.stringify(r),
        starts_on: r.freq === 'once' ? (startsOn < r.due ? startsOn : r.due) : startsOn, ends_on: r.freq === 'once' ? r.due : endsOn,
        measure: input.measure ?? null,
      })
      .returning(['id', 'title', 'lead_unit_id', 'starts_on', 'ends_on', 'measure'])
      .executeTakeFirstOrThrow();
    for (let i = 0; i < dates.length; i += 1000) {
      await trx
        .insertInto('task_occurrences')
        .values(dates.slice(i, i + 1000).map((o) => ({ province_code: lead.province_code!, task_id: task.id, unit_path: lead.path, due_on: o.due, due_time: o.time })))
        .execute();
    }
    await recordChange(trx, ctx, { action: 'create', entity: 'task', entityId: task.id, unit: lead, after: { ...task, recurrence: r, occurrences: dates.length } });
    return { ...task, occurrences: dates.length };
  });
}

/** Marks one occurrence done (with evidence) or open again. */
export async function updateOccurrence(db: Kysely<DB>, ctx: Ctx, id: number, patch: { status: 'open' | 'done'; evidence?: string | null | undefined }) {
  const before = await q.getOccurrence(db, id);
  if (!before || !allows(ctx.actor, 'unit.read', before.unit_path)) throw notFound('Không tìm thấy việc cần làm');
  assertAllowed(ctx.actor, 'task.update', before.unit_path);
  if (before.measure) throw conflict('Việc này được đánh dấu tự động theo dữ liệu ghi nhận trên hệ thống, không đánh dấu bằng tay');
  return db.transaction().execute(async (trx) => {
    const done = patch.status === 'done';
    await trx
      .updateTable('task_occurrences')
      .set({ status: patch.status, done_at: done ? new Date() : null, done_by: done ? ctx.actor.userId : null, ...(patch.evidence !== undefined && { evidence: patch.evidence }) })
      .where('id', '=', id)
      .execute();
    const after = (await q.getOccurrence(trx, id))!;
    await recordChange(trx, ctx, { action: 'update', entity: 'task_occurrence', entityId: id, unit: { id: before.lead_unit_id, path: before.unit_path, province_code: before.province_code }, before, after });
    return after;
  });
}

/** The occurrences of several lists, each with its evidence files, in one query. */
type FileRow = Omit<Awaited<ReturnType<typeof q.filesOfOccurrences>>[number], 'occurrence_id'>;
async function withFiles<T extends { id: number }>(db: Kysely<DB>, ...lists: T[][]): Promise<(T & { files: FileRow[] })[][]> {
  const byOccurrence = new Map<number, FileRow[]>();
  for (const { occurrence_id, ...f } of await q.filesOfOccurrences(db, lists.flat().map((r) => r.id))) {
    byOccurrence.set(occurrence_id, [...(byOccurrence.get(occurrence_id) ?? []), f]);
  }
  return lists.map((rows) => rows.map((r) => ({ ...r, files: byOccurrence.get(r.id) ?? [] })));
}

/** An occurrence as the client reads it: its status as counted, and what the data recorded when it answers the task. */
type Row = Awaited<ReturnType<typeof q.calendar>>[number];
const answered = ({ stored_status: _stored, measured, ...r }: Row) => ({ ...r, measured: measuredOf(measured) });

export async function myWork(db: Kysely<DB>, actor: Actor, days: number, limit: number) {
  const today = todayVN();
  // A night older than a check-in may be reported (gongs CHECKIN_DAYS_BACK) is settled history, not work.
  const work = await q.myWork(
    db, scopeOf(actor, 'unit.read'), today, addDays(today, days), limit, addDays(today, -days), addDays(today, -CHECKIN_DAYS_BACK),
  );
  const [overdue = [], due = [], done = []] = await withFiles(db, work.overdue.map(answered), work.due.map(answered), work.done.map(answered));
  return { today, overdue, due, done, counts: work.counts };
}

export async function calendar(db: Kysely<DB>, actor: Actor, month: string) {
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  const [rows = []] = await withFiles(db, (await q.calendar(db, scopeOf(actor, 'unit.read'), from, to)).map(answered));
  const days: Record<string, typeof rows> = {};
  for (const r of rows) (days[r.due_on] ??= []).push(r);
  return { month, from, to, days };
}

/** An occurrence the caller may update, as the place its evidence hangs. */
async function occurrenceAttachment(db: Kysely<DB>, actor: Actor, id: number): Promise<Attachment> {
  const o = await q.getOccurrence(db, id);
  if (!o || !allows(actor, 'unit.read', o.unit_path)) throw notFound('Không tìm thấy việc cần làm');
  assertAllowed(actor, 'task.update', o.unit_path);
  return {
    unit: { id: o.lead_unit_id, path: o.unit_path, province_code: o.province_code }, entity: 'task_occurrence_file', about: { occurrence_id: id, task_id: o.task_id },
    link: (trx, fileId) => q.linkOccurrenceFile(trx, o, fileId),
    unlink: (trx, fileId) => q.unlinkOccurrenceFile(trx, id, fileId),
  };
}

/** Evidence of a task done: a photo of the banner, the minutes of the meeting. */
export async function attachOccurrenceFile(db: Kysely<DB>, ctx: Ctx, id: number, upload: Upload) {
  return attachFile(db, ctx, await occurrenceAttachment(db, ctx.actor, id), upload);
}

export async function removeOccurrenceFile(db: Kysely<DB>, ctx: Ctx, id: number, fileId: number) {
  return detachFile(db, ctx, await occurrenceAttachment(db, ctx.actor, id), fileId);
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, recordChanges, type Context } from '../audit/record.ts';
import { conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { addDays, todayVN } from '../shared/dates.ts';
import { attachFile, detachFile, type Attachment, type Upload } from '../files/service.ts';
import { getUnit } from '../units/queries.ts';
import { readableUnit } from '../units/service.ts';
import { BUILTIN_TEMPLATES } from './builtin.ts';
import { STEPS, STEP_LABELS, type Step, type TemplateParts } from './parts.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

/**
 * A step is late when it is not done by its planned end; running the model ("operating") goes on
 * until the final review, so it is late only when it has not started by its planned start.
 * queries.ts counts late steps by the same rule.
 */
function isLate(s: { step: string; planned_start: string | null; planned_end: string | null; actual_start: string | null; actual_end: string | null }, today: string): boolean {
  if (s.step === 'operating') return !s.actual_start && !!s.planned_start && s.planned_start < today;
  return !s.actual_end && !!s.planned_end && s.planned_end < today;
}

/** Adds the built-in templates a database lacks (first start, or a release that brings a new one). */
export async function loadBuiltinTemplates(db: Kysely<DB>) {
  const have = new Set((await db.selectFrom('model_templates').select('builtin_key').where('builtin_key', 'is not', null).execute()).map((r) => r.builtin_key));
  for (const { key, ...parts } of BUILTIN_TEMPLATES.filter((t) => !have.has(t.key))) {
    await db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('model_templates').values({ builtin_key: key, ...serialise(parts) }).returning('id').executeTakeFirstOrThrow();
      await trx.updateTable('model_templates').set({ family_id: row.id }).where('id', '=', row.id).execute();
    });
  }
}

function serialise(p: TemplateParts) {
  return {
    name: p.name, field: p.field, purpose: p.purpose,
    steps: JSON.stringify(p.steps), activities: JSON.stringify(p.activities),
    targets: JSON.stringify(p.targets), reports: JSON.stringify(p.reports),
  };
}

export async function listTemplates(db: Kysely<DB>, actor: Actor) {
  return q.listTemplates(db, scopeOf(actor, 'unit.read'));
}

async function visibleTemplate(db: Kysely<DB>, actor: Actor, id: number) {
  const t = await q.getTemplate(db, id);
  const scope = scopeOf(actor, 'unit.read');
  const visible = t && (t.builtin_key || scope.some((root) => t.owner_path && (root.startsWith(t.owner_path) || t.owner_path.startsWith(root))));
  if (!t || !visible) throw notFound('Không tìm thấy mẫu mô hình');
  return t;
}

export async function getTemplate(db: Kysely<DB>, actor: Actor, id: number) {
  const t = await visibleTemplate(db, actor, id);
  return { ...t, versions: await q.templateVersions(db, t.family_id!) };
}

export async function createTemplate(db: Kysely<DB>, ctx: Ctx, ownerUnitId: number, parts: TemplateParts) {
  const owner = await getUnit(db, ownerUnitId);
  if (!owner || !allows(ctx.actor, 'unit.read', owner.path)) throw invalid('Đơn vị sở hữu mẫu không tồn tại', [{ path: 'ownerUnitId', message: 'Không tồn tại' }]);
  assertAllowed(ctx.actor, 'template.write', owner.path);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('model_templates')
      .values({ owner_unit_id: owner.id, owner_path: owner.path, created_by: ctx.actor.userId, ...serialise(parts) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('model_templates').set({ family_id: row.id }).where('id', '=', row.id).execute();
    const t = (await q.getTemplate(trx, row.id))!;
    await recordChange(trx, ctx, { action: 'create', entity: 'model_template', entityId: t.id, unit: owner, after: t });
    return t;
  });
}

/**
 * Edits a template. One that no instance uses yet changes in place; one in use gets a new
 * version, and its instances keep the version they started on.
 */
export async function updateTemplate(db: Kysely<DB>, ctx: Ctx, id: number, parts: TemplateParts) {
  const before = await visibleTemplate(db, ctx.actor, id);
  if (before.builtin_key) throw invalid('Mẫu dựng sẵn không sửa được; hãy tạo mẫu riêng của đơn vị');
  if (!before.is_current) throw conflict('Đây là phiên bản cũ; hãy sửa phiên bản hiện hành');
  assertAllowed(ctx.actor, 'template.write', before.owner_path!);
  const owner = (await getUnit(db, before.owner_unit_id!))!;
  return db.transaction().execute(async (trx) => {
    let currentId = id;
    if (await q.templateInUse(trx, id)) {
      await trx.updateTable('model_templates').set({ is_current: false }).where('id', '=', id).execute();
      const row = await trx
        .insertInto('model_templates')
        .values({
          family_id: before.family_id, version: before.version + 1, owner_unit_id: before.owner_unit_id,
          owner_path: before.owner_path, created_by: ctx.actor.userId, ...serialise(parts),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      currentId = row.id;
    } else {
      await trx.updateTable('model_templates').set(serialise(parts)).where('id', '=', id).execute();
    }
    const after = (await q.getTemplate(trx, currentId))!;
    await recordChange(trx, ctx, { action: 'update', entity: 'model_template', entityId: currentId, unit: owner, before, after });
    return after;
  });
}

export interface NewInstance {
  templateId: number;
  unitId: number;
  name?: string | undefined;
  startedOn: string;
  planId?: number | null | undefined;
  extraUnitIds?: number[] | undefined;
}

/** The rows that start one instance of a template at a unit: the instance and its lifecycle steps. */
async function startInstances(
  trx: Transaction<DB>,
  ctx: Ctx,
  template: { id: number; name: string; steps: unknown },
  targets: { id: number; name: string; path: string; province_code: string | null }[],
  opts: { startedOn: string; planId?: number | null | undefined; replicatedFrom?: number | undefined; name?: string | undefined },
) {
  const created = [];
  for (let i = 0; i < targets.length; i += 500) {
    const chunk = targets.slice(i, i + 500);
    const rows = await trx
      .insertInto('model_instances')
      .values(chunk.map((u) => ({
        province_code: u.province_code!, template_id: template.id, unit_id: u.id, unit_path: u.path,
        name: opts.name ?? `${template.name} — ${u.name}`, plan_id: opts.planId ?? null,
        replicated_from_id: opts.replicatedFrom ?? null, started_on: opts.startedOn, created_by: ctx.actor.userId,
      })))
      .returning(['id', 'province_code', 'unit_id', 'unit_path', 'name'])
      .execute();
    const steps = template.steps as TemplateParts['steps'];
    const stepRows = rows.flatMap((m) =>
      steps.map((s) => ({
        province_code: m.province_code, instance_id: m.id, step: s.step, ordinal: STEPS.indexOf(s.step), title: s.title,
        planned_start: addDays(opts.startedOn, s.startDay), planned_end: addDays(opts.startedOn, s.endDay),
      })),
    );
    for (let j = 0; j < stepRows.length; j += 2000) await trx.insertInto('instance_steps').values(stepRows.slice(j, j + 2000)).execute();
    created.push(...rows);
  }
  await recordChanges(trx, ctx, created.map((m) => ({
    action: 'create' as const, entity: 'model_instance', entityId: m.id,
    unit: { id: m.unit_id, path: m.unit_path, province_code: m.province_code },
    after: { ...m, template_id: template.id, replicated_from_id: opts.replicatedFrom ?? null },
  })));
  return created;
}

async function duplicateAt(trx: Transaction<DB>, templateFamily: number | null, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return trx
    .selectFrom('model_instances as m')
    .innerJoin('model_templates as t', 't.id', 'm.template_id')
    .select('m.unit_id')
    .where('t.family_id', '=', templateFamily)
    .where('m.unit_id', 'in', unitIds)
    .where('m.status', '<>', 'closed')
    .execute();
}

export async function createInstance(db: Kysely<DB>, ctx: Ctx, input: NewInstance) {
  const template = await visibleTemplate(db, ctx.actor, input.templateId);
  if (!template.is_current) throw invalid('Hãy dùng phiên bản hiện hành của mẫu', [{ path: 'templateId', message: 'Phiên bản cũ' }]);
  const unit = await getUnit(db, input.unitId);
  if (!unit || !allows(ctx.actor, 'unit.read', unit.path)) throw invalid('Đơn vị không tồn tại', [{ path: 'unitId', message: 'Không tồn tại' }]);
  if (unit.kind === 'country' || unit.kind === 'province') throw invalid('Mô hình chạy ở xã, thôn, trường học hoặc cơ quan', [{ path: 'unitId', message: 'Chọn đơn vị cấp xã trở xuống' }]);
  assertAllowed(ctx.actor, 'model.write', unit.path);
  const extras: { id: number }[] = [];
  for (const id of new Set(input.extraUnitIds ?? [])) {
    const u = await getUnit(db, id);
    if (!u || !u.path.startsWith(unit.path) || u.id === unit.id) throw invalid('Đơn vị tham gia phải nằm trong đơn vị chạy mô hình', [{ path: 'extraUnitIds', message: `Đơn vị ${id} không hợp lệ` }]);
    extras.push(u);
  }
  if (input.planId != null) await planInScope(db, ctx.actor, input.planId);
  return db.transaction().execute(async (trx) => {
    if ((await duplicateAt(trx, template.family_id, [unit.id])).length) {
      throw conflict(`${unit.name} đã có mô hình "${template.name}" đang chạy`);
    }
    const [m] = await startInstances(trx, ctx, template, [unit], { startedOn: input.startedOn, planId: input.planId, name: input.name });
    if (extras.length) await trx.insertInto('model_instance_units').values(extras.map((u) => ({ instance_id: m!.id, unit_id: u.id }))).execute();
    return (await q.getInstance(trx, m!.id))!;
  });
}

async function planInScope(db: Kysely<DB>, actor: Actor, planId: number) {
  const plan = await db.selectFrom('plans').select(['id', 'unit_path']).where('id', '=', planId).executeTakeFirst();
  if (!plan || !allows(actor, 'unit.read', plan.unit_path)) throw invalid('Kế hoạch không tồn tại', [{ path: 'planId', message: 'Không tồn tại' }]);
  return plan;
}

export async function readableInstance(db: Kysely<DB>, actor: Actor, id: number) {
  const m = await q.getInstance(db, id);
  if (!m || !allows(actor, 'unit.read', m.unit_path)) throw notFound('Không tìm thấy mô hình');
  return m;
}

export async function instancePage(db: Kysely<DB>, actor: Actor, id: number) {
  const m = await readableInstance(db, actor, id);
  const today = todayVN();
  const [steps, files, members, commitments, replicas, extraUnits, origin] = await Promise.all([
    q.stepsOf(db, id), q.stepFilesOf(db, id), q.membersOf(db, id), q.commitmentCounts(db, id), q.replicasOf(db, id), q.extraUnitsOf(db, id),
    m.replicated_from_id ? q.getInstance(db, m.replicated_from_id) : Promise.resolve(undefined),
  ]);
  const canRead = (path: string) => allows(actor, 'unit.read', path);
  return {
    instance: m,
    steps: steps.map((s) => ({
      ...s, label: STEP_LABELS[s.step as Step], late: isLate(s, today),
      files: files.filter((f) => f.step === s.step).map(({ step: _, ...f }) => f),
    })),
    members,
    commitments: Object.fromEntries(commitments.map((c) => [c.signer_kind, c.count])),
    replicatedFrom: origin ? { id: origin.id, name: origin.name, unit_name: canRead(origin.unit_path) ? origin.unit_name : null } : null,
    replicas: replicas.filter((r) => canRead(r.unit_path)).map(({ unit_path: _, ...r }) => r),
    replicaCount: replicas.length,
    extraUnits: extraUnits.map(({ path: _, ...u }) => u),
    canWrite: allows(actor, 'model.write', m.unit_path),
  };
}

export async function listInstances(db: Kysely<DB>, actor: Actor, opts: { unitId?: number | undefined; templateId?: number | undefined; limit: number; offset: number }) {
  const underPath = opts.unitId ? (await readableUnit(db, actor, opts.unitId)).path : undefined;
  return q.listInstances(db, scopeOf(actor, 'unit.read'), { ...opts, underPath, today: todayVN() });
}

export interface StepPatch {
  plannedStart?: string | null | undefined;
  plannedEnd?: string | null | undefined;
  actualStart?: string | null | undefined;
  actualEnd?: string | null | undefined;
  responsible?: string | null | undefined;
  notes?: string | null | undefined;
}

export async function updateStep(db: Kysely<DB>, ctx: Ctx, id: number, step: Step, patch: StepPatch) {
  const m = await readableInstance(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'model.write', m.unit_path);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('instance_steps').selectAll().where('instance_id', '=', id).where('step', '=', step).executeTakeFirst();
    if (!before) throw notFound('Mô hình này không có bước đó');
    const next = {
      planned_start: patch.plannedStart === undefined ? before.planned_start : patch.plannedStart,
      planned_end: patch.plannedEnd === undefined ? before.planned_end : patch.plannedEnd,
      actual_start: patch.actualStart === undefined ? before.actual_start : patch.actualStart,
      actual_end: patch.actualEnd === undefined ? before.actual_end : patch.actualEnd,
      responsible: patch.responsible === undefined ? before.responsible : patch.responsible,
      notes: patch.notes === undefined ? before.notes : patch.notes,
    };
    const fields = [];
    if (next.planned_start && next.planned_end && next.planned_start > next.planned_end) fields.push({ path: 'plannedEnd', message: 'Ngày kết thúc dự kiến trước ngày bắt đầu' });
    if (next.actual_start && next.actual_end && next.actual_start > next.actual_end) fields.push({ path: 'actualEnd', message: 'Ngày hoàn thành trước ngày bắt đầu' });
    const today = todayVN();
    if (next.actual_start && next.actual_start > today) fields.push({ path: 'actualStart', message: 'Ngày thực tế không thể ở tương lai' });
    if (next.actual_end && next.actual_end > today) fields.push({ path: 'actualEnd', message: 'Ngày thực tế không thể ở tương lai' });
    if (fields.length) throw invalid(fields.map((f) => f.message).join('; '), fields);
    await trx.updateTable('instance_steps').set(next).where('id', '=', before.id).execute();
    if (step === 'launch' && next.actual_end) await trx.updateTable('model_instances').set({ status: 'operating' }).where('id', '=', id).where('status', '=', 'building').execute();
    const after = await trx.selectFrom('instance_steps').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow();
    await recordChange(trx, ctx, { action: 'update', entity: 'instance_step', entityId: before.id, unit: { id: m.unit_id, path: m.unit_path, province_code: m.province_code }, before, after });
    return after;
  });
}

export async function addMember(db: Kysely<DB>, ctx: Ctx, id: number, member: { fullName: string; role: string; position?: string | null | undefined }) {
  const m = await readableInstance(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'model.write', m.unit_path);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('instance_members')
      .values({ province_code: m.province_code, instance_id: id, full_name: member.fullName.trim(), role: member.role.trim(), position: member.position ?? null })
      .returning(['id', 'full_name', 'role', 'position'])
      .executeTakeFirstOrThrow();
    await recordChange(trx, ctx, { action: 'create', entity: 'instance_member', entityId: row.id, unit: { id: m.unit_id, path: m.unit_path, province_code: m.province_code }, after: row });
    return row;
  });
}

export type MemberInput = { fullName: string; role: string; position?: string | null | undefined };

/** A member of the instance's working group that the caller may change: 404 outside read scope, 403 without model.write. */
async function writableMember(db: Kysely<DB>, actor: Actor, id: number, memberId: number) {
  const m = await readableInstance(db, actor, id);
  const member = await q.getMember(db, id, memberId);
  if (!member) throw notFound('Không tìm thấy thành viên tổ giúp việc');
  assertAllowed(actor, 'model.write', m.unit_path);
  return { m, member };
}

export async function updateMember(db: Kysely<DB>, ctx: Ctx, id: number, memberId: number, input: MemberInput) {
  const { m, member: before } = await writableMember(db, ctx.actor, id, memberId);
  return db.transaction().execute(async (trx) => {
    const after = await q.updateMember(trx, memberId, {
      full_name: input.fullName.trim(), role: input.role.trim(), position: input.position?.trim() || null,
    });
    const unit = { id: m.unit_id, path: m.unit_path, province_code: m.province_code };
    await recordChange(trx, ctx, { action: 'update', entity: 'instance_member', entityId: memberId, unit, before, after });
    return after;
  });
}

export async function removeMember(db: Kysely<DB>, ctx: Ctx, id: number, memberId: number) {
  const { m, member: before } = await writableMember(db, ctx.actor, id, memberId);
  await db.transaction().execute(async (trx) => {
    await q.deleteMember(trx, memberId);
    const unit = { id: m.unit_id, path: m.unit_path, province_code: m.province_code };
    await recordChange(trx, ctx, { action: 'delete', entity: 'instance_member', entityId: memberId, unit, before });
  });
}

export interface Commitment {
  signerKind: 'parent' | 'student' | 'household' | 'staff' | 'other';
  signerName: string;
  detail?: string | null | undefined;
  signedOn: string;
}

/** Records signed commitments, one or a whole list; a list with any bad row records none. */
export async function addCommitments(db: Kysely<DB>, ctx: Ctx, id: number, list: Commitment[]) {
  const m = await readableInstance(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'model.write', m.unit_path);
  const today = todayVN();
  const errors = list.flatMap((c, i) => (c.signedOn > today ? [{ path: `${i}.signedOn`, message: 'Ngày ký không thể ở tương lai' }] : []));
  if (errors.length) throw invalid(`Có ${errors.length} dòng lỗi, chưa ghi dòng nào`, errors);
  return db.transaction().execute(async (trx) => {
    for (let i = 0; i < list.length; i += 1000) {
      await trx
        .insertInto('instance_commitments')
        .values(list.slice(i, i + 1000).map((c) => ({
          province_code: m.province_code, instance_id: id, signer_kind: c.signerKind, signer_name: c.signerName.trim(),
          detail: c.detail ?? null, signed_on: c.signedOn,
        })))
        .execute();
    }
    await recordChange(trx, ctx, { action: 'create', entity: 'instance_commitments', entityId: id, unit: { id: m.unit_id, path: m.unit_path, province_code: m.province_code }, after: { count: list.length } });
    return { added: list.length };
  });
}

export interface ReplicateInput {
  /** Explicit target units… */
  unitIds?: number[] | undefined;
  /** …or every unit of a kind (and subkind) under a unit: "every lower-secondary school of a commune". */
  under?: { unitId: number; kind: 'village' | 'school' | 'agency' | 'commune'; subkind?: string | undefined } | undefined;
  startedOn: string;
}

/**
 * Starts the same model, on the same template version, schedule and targets, at many units
 * in one transaction. Units that already run it are skipped and reported; a target the
 * caller may not write refuses the whole request.
 */
export async function replicate(db: Kysely<DB>, ctx: Ctx, id: number, input: ReplicateInput) {
  const origin = await readableInstance(db, ctx.actor, id);
  const template = (await q.getTemplate(db, origin.template_id))!;
  let targets: { id: number; name: string; path: string; province_code: string | null; kind: string }[];
  if (input.under) {
    const root = await getUnit(db, input.under.unitId);
    if (!root || !allows(ctx.actor, 'unit.read', root.path)) throw invalid('Đơn vị không tồn tại', [{ path: 'under.unitId', message: 'Không tồn tại' }]);
    let query = db.selectFrom('units').select(['id', 'name', 'path', 'province_code', 'kind']).where('path', 'like', root.path + '_%').where('kind', '=', input.under.kind);
    if (input.under.subkind) query = query.where('subkind', '=', input.under.subkind);
    targets = await query.orderBy('path').limit(5001).execute();
  } else {
    const ids = [...new Set(input.unitIds ?? [])];
    targets = ids.length ? await db.selectFrom('units').select(['id', 'name', 'path', 'province_code', 'kind']).where('id', 'in', ids).execute() : [];
    const missing = ids.filter((i) => !targets.some((t) => t.id === i && allows(ctx.actor, 'unit.read', t.path)));
    if (missing.length) throw invalid(`Không tìm thấy ${missing.length} đơn vị`, missing.map((m) => ({ path: 'unitIds', message: `Đơn vị ${m} không tồn tại` })));
  }
  if (targets.length === 0) throw invalid('Không có đơn vị nào để nhân rộng');
  if (targets.length > 5000) throw invalid('Mỗi lần nhân rộng tối đa 5.000 đơn vị');
  const bad = targets.filter((t) => t.kind === 'country' || t.kind === 'province');
  if (bad.length) throw invalid('Mô hình chạy ở xã, thôn, trường học hoặc cơ quan');
  const denied = targets.filter((t) => !allows(ctx.actor, 'model.write', t.path));
  if (denied.length) throw forbidden(`Bạn không có quyền xây dựng mô hình tại ${denied.length} đơn vị đã chọn (ví dụ ${denied[0]!.name})`);
  return db.transaction().execute(async (trx) => {
    const taken = new Set((await duplicateAt(trx, template.family_id, targets.map((t) => t.id))).map((r) => r.unit_id));
    const fresh = targets.filter((t) => !taken.has(t.id) && t.id !== origin.unit_id);
    const created = await startInstances(trx, ctx, template, fresh, { startedOn: input.startedOn, planId: origin.plan_id, replicatedFrom: origin.id });
    return {
      created: created.length,
      instances: created.map((m) => ({ id: m.id, name: m.name, unit_id: m.unit_id })),
      skipped: targets.filter((t) => taken.has(t.id) || t.id === origin.unit_id).map((t) => ({ unit_id: t.id, name: t.name, reason: 'Đã có mô hình này' })),
    };
  });
}


/** A step of an instance the caller may change, as the place its files hang. */
async function stepAttachment(db: Kysely<DB>, actor: Actor, id: number, step: Step): Promise<Attachment> {
  const m = await readableInstance(db, actor, id);
  assertAllowed(actor, 'model.write', m.unit_path);
  const row = await q.stepOf(db, id, step);
  if (!row) throw notFound('Mô hình này không có bước đó');
  return {
    unit: { id: m.unit_id, path: m.unit_path, province_code: m.province_code }, entity: 'instance_step_file', about: { instance_id: id, step },
    link: (trx, fileId) => q.linkStepFile(trx, row, fileId),
    unlink: (trx, fileId) => q.unlinkStepFile(trx, row.id, fileId),
  };
}

/** Attaches a file (minutes, decision, photo, signed list) to a step of an instance. */
export async function attachStepFile(db: Kysely<DB>, ctx: Ctx, id: number, step: Step, upload: Upload) {
  return attachFile(db, ctx, await stepAttachment(db, ctx.actor, id, step), upload);
}

export async function removeStepFile(db: Kysely<DB>, ctx: Ctx, id: number, step: Step, fileId: number) {
  return detachFile(db, ctx, await stepAttachment(db, ctx.actor, id, step), fileId);
}

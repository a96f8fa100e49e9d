/** Report schedules a plan sets for the units under its issuer (seed 002: every school, by 10/5 and 15/11). */
import type { Kysely } from 'kysely';
import { allows, assertAllowed, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB, ReportPeriodKind, ReporterKind } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../http/errors.ts';
import { readablePlan } from '../plans/service.ts';
import { isRealDate } from '../shared/dates.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

export interface ScheduleInput { title: string; period: ReportPeriodKind; dueDay: number; dueMonth?: number | null | undefined; reporterKind: ReporterKind }

export async function planSchedules(db: Kysely<DB>, actor: Actor, planId: number) {
  const plan = await readablePlan(db, actor, planId);
  return { schedules: await q.schedulesOfPlan(db, planId), canWrite: allows(actor, 'plan.write', plan.unit_path) && plan.status !== 'closed' };
}

export async function addSchedule(db: Kysely<DB>, ctx: Ctx, planId: number, input: ScheduleInput) {
  const plan = await readablePlan(db, ctx.actor, planId);
  assertAllowed(ctx.actor, 'plan.write', plan.unit_path);
  if (plan.status === 'closed') throw invalid('Kế hoạch đã kết thúc');
  // 2024 is a leap year: 29/2 is a day a report may be due.
  if (input.dueMonth && !isRealDate(`2024-${String(input.dueMonth).padStart(2, '0')}-${String(input.dueDay).padStart(2, '0')}`)) {
    throw invalid(`Tháng ${input.dueMonth} không có ngày ${input.dueDay}`, [{ path: 'dueDay', message: 'Ngày không có trong tháng' }]);
  }
  if (input.dueMonth && (input.period === 'month' || input.period === 'quarter')) {
    throw invalid('Báo cáo tháng, quý hạn nộp theo ngày của tháng sau kỳ, không chọn tháng', [{ path: 'dueMonth', message: 'Bỏ trống' }]);
  }
  return db.transaction().execute(async (trx) => {
    const row = {
      province_code: plan.province_code, plan_id: planId, title: input.title.trim(), period: input.period,
      due_day: input.dueDay, due_month: input.dueMonth ?? null, reporter_kind: input.reporterKind, created_by: ctx.actor.userId,
    };
    const { id } = await q.insertSchedule(trx, row);
    await recordChange(trx, ctx, { action: 'create', entity: 'report_schedule', entityId: id, unit: { id: plan.unit_id, path: plan.unit_path, province_code: plan.province_code }, after: row });
    return { id, ...row };
  });
}

export async function removeSchedule(db: Kysely<DB>, ctx: Ctx, planId: number, id: number) {
  const plan = await readablePlan(db, ctx.actor, planId);
  assertAllowed(ctx.actor, 'plan.write', plan.unit_path);
  if (plan.status === 'closed') throw invalid('Kế hoạch đã kết thúc');
  await db.transaction().execute(async (trx) => {
    // Locked first, so a report cannot be started between the check and the deletion.
    if (!(await q.lockSchedule(trx, planId, id))) throw notFound('Không tìm thấy lịch báo cáo');
    if (await q.reportsOfSchedule(trx, id)) throw conflict('Đã có báo cáo lập theo lịch này; không xóa được');
    await q.deleteSchedule(trx, planId, id);
    await recordChange(trx, ctx, { action: 'delete', entity: 'report_schedule', entityId: id, unit: { id: plan.unit_id, path: plan.unit_path, province_code: plan.province_code } });
  });
}

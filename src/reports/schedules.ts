/** Report schedules a plan sets for the units under its issuer (seed 001: every school, 10/6 and 10/11). */
import type { Kysely } from 'kysely';
import { allows, assertAllowed, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB, ReportPeriodKind, ReporterKind } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../http/errors.ts';
import { readablePlan } from '../plans/service.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

export interface ScheduleInput { title: string; period: ReportPeriodKind; dueDay: number; dueMonth?: number | null | undefined; reporterKind: ReporterKind }

const DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export async function planSchedules(db: Kysely<DB>, actor: Actor, planId: number) {
  const plan = await readablePlan(db, actor, planId);
  return { schedules: await q.schedulesOfPlan(db, planId), canWrite: allows(actor, 'plan.write', plan.unit_path) && plan.status !== 'closed' };
}

export async function addSchedule(db: Kysely<DB>, ctx: Ctx, planId: number, input: ScheduleInput) {
  const plan = await readablePlan(db, ctx.actor, planId);
  assertAllowed(ctx.actor, 'plan.write', plan.unit_path);
  if (plan.status === 'closed') throw invalid('Kế hoạch đã kết thúc');
  if (input.dueMonth && input.dueDay > DAYS_IN[input.dueMonth - 1]!) {
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
  if (await q.reportsOfSchedule(db, id)) throw conflict('Đã có báo cáo lập theo lịch này; không xóa được');
  await db.transaction().execute(async (trx) => {
    const gone = await q.deleteSchedule(trx, planId, id);
    if (!gone.numDeletedRows) throw notFound('Không tìm thấy lịch báo cáo');
    await recordChange(trx, ctx, { action: 'delete', entity: 'report_schedule', entityId: id, unit: { id: plan.unit_id, path: plan.unit_path, province_code: plan.province_code } });
  });
}

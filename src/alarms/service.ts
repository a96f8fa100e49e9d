import type { Kysely } from 'kysely';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { AlarmClosing, AlarmKind, DB } from '../db/schema.ts';
import { CLOCK_SKEW_MS } from '../gongs/night.ts';
import { readableUnit, readableVillage } from '../units/service.ts';
import { conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { leadersOf as fireGroupLeadersOf } from '../firegroups/queries.ts';
import { CHANNELS } from './channels.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

export const ALARM_KINDS: Record<AlarmKind, string> = { crime: 'Tội phạm', fire: 'Cháy', other: 'Sự việc khác' };

export interface AlarmInput {
  villageId: number;
  kind: AlarmKind;
  description: string;
  /** When it happened; by default when the alarm is raised. */
  occurredAt?: string | undefined;
  idempotencyKey: string;
  /** false: the public CAP feed says only what happened where, not the description. */
  publicDetails?: boolean | undefined;
}

/**
 * Raises the alarm gong: the alarm, its notifications on every channel and the audit entry in
 * one transaction, committed before the answer. A replay of the same key answers the same alarm.
 */
export async function raiseAlarm(db: Kysely<DB>, ctx: Ctx, input: AlarmInput, now = new Date()) {
  const village = await readableVillage(db, ctx.actor, input.villageId, 'Báo động được phát ở thôn, tổ dân phố');
  assertAllowed(ctx.actor, 'alarm.raise', village.path);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('Thời điểm xảy ra ở tương lai', [{ path: 'occurredAt', message: 'Thời điểm xảy ra không được ở tương lai.' }]);
  if (occurredAt.getTime() < now.getTime() - 24 * 3_600_000) throw invalid('Báo động cho sự việc trong 24 giờ qua; việc cũ hơn hãy ghi vào nhật ký', [{ path: 'occurredAt', message: 'Thời điểm xảy ra phải trong 24 giờ qua.' }]);
  const provinceCode = village.province_code;
  return db.transaction().execute(async (trx) => {
    const row = await q.insertAlarm(trx, {
      province_code: provinceCode, village_id: village.id, village_path: village.path, kind: input.kind,
      description: input.description, occurred_at: occurredAt, raised_by: ctx.actor.userId, idempotency_key: input.idempotencyKey,
      public_details: input.publicDetails ?? true,
    });
    if (!row) {
      const replay = (await q.alarmIdByKey(trx, input.idempotencyKey))!;
      if (replay.village_id !== village.id) throw conflict('Mã gửi này đã dùng cho một báo động khác', [{ path: 'idempotencyKey', message: 'Đã dùng' }]);
      return { created: false, alarm: (await q.getAlarm(trx, replay.id, ctx.actor.userId))!, recipients: 0 };
    }
    // The commune's officers and the village's operators, and the leaders of its fire-safety groups.
    const recipients = [...new Set([
      ...(await q.recipientsOf(trx, { id: village.id, parent_id: village.parent_id, path: village.path })),
      ...(await fireGroupLeadersOf(trx, village)),
    ].map((r) => r.user_id))];
    const notifications = recipients.map((userId) => ({ alarmId: row.id, userId, provinceCode }));
    for (const channel of CHANNELS) await channel.deliver(trx, notifications);
    const alarm = (await q.getAlarm(trx, row.id, ctx.actor.userId))!;
    await recordChange(trx, ctx, { action: 'create', entity: 'alarm', entityId: row.id, unit: village, after: { ...alarm, recipients: recipients.length } });
    return { created: true, alarm, recipients: recipients.length };
  });
}

/** The alarms the user may see, newest first; with unitId, those raised under that unit. */
export async function listAlarms(db: Kysely<DB>, actor: Actor, opts: { unacked: boolean; unitId?: number | undefined; afterId?: number; limit: number }) {
  const underPath = opts.unitId === undefined ? undefined : (await readableUnit(db, actor, opts.unitId)).path;
  return q.listAlarms(db, scopeOf(actor, 'unit.read'), actor.userId, { ...opts, underPath });
}

/** An alarm the user may read (404 otherwise: its existence is not revealed). */
async function readableAlarm(db: Kysely<DB>, actor: Actor, id: number) {
  const alarm = await q.getAlarm(db, id, actor.userId);
  if (!alarm || !allows(actor, 'unit.read', alarm.village_path)) throw notFound('Không tìm thấy báo động');
  return alarm;
}

/**
 * Records that the user has seen the alarm (once; again is a no-op). Reading the village is not
 * enough: an acknowledgement tells the others that someone answers, so only those it was sent to
 * and those who may raise alarms there (who answer them) may give one.
 */
export async function acknowledge(db: Kysely<DB>, ctx: Ctx, id: number) {
  const alarm = await readableAlarm(db, ctx.actor, id);
  if (!alarm.notified && !allows(ctx.actor, 'alarm.raise', alarm.village_path)) {
    throw forbidden('Chỉ người nhận báo động và người được phát báo động ở thôn này mới xác nhận được');
  }
  return db.transaction().execute(async (trx) => {
    const ack = await q.insertAck(trx, { alarm_id: id, user_id: ctx.actor.userId, province_code: alarm.province_code });
    if (ack) await recordChange(trx, ctx, { action: 'update', entity: 'alarm_ack', entityId: id, unit: { id: alarm.village_id, path: alarm.village_path, province_code: alarm.province_code }, after: { acked_at: ack.acked_at } });
    return (await q.getAlarm(trx, id, ctx.actor.userId))!;
  });
}

/**
 * Declares the alarm over ('ended') or raised by mistake ('cancelled'), once; the CAP feed then
 * publishes an Update or a Cancel referring to the first alert, so readers stop sounding it.
 */
export async function closeAlarm(db: Kysely<DB>, ctx: Ctx, id: number, closedAs: AlarmClosing) {
  const alarm = await readableAlarm(db, ctx.actor, id);
  assertAllowed(ctx.actor, 'alarm.raise', alarm.village_path);
  return db.transaction().execute(async (trx) => {
    const closed = await q.closeAlarm(trx, id, { closed_as: closedAs, closed_by: ctx.actor.userId });
    if (!closed) {
      throw conflict(alarm.closed_as === 'cancelled' ? 'Báo động này đã được hủy' : 'Báo động này đã kết thúc');
    }
    const unit = { id: alarm.village_id, path: alarm.village_path, province_code: alarm.province_code };
    const change = { action: 'update', entity: 'alarm', entityId: id, unit, before: { closed_as: null }, after: closed } as const;
    await recordChange(trx, ctx, change);
    return (await q.getAlarm(trx, id, ctx.actor.userId))!;
  });
}

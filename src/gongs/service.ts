import type { Kysely, Transaction } from 'kysely';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB, GongCondition } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../http/errors.ts';
import { addDays, formatDay, todayVN } from '../shared/dates.ts';
import { checkPeriod, REPORT_DAYS } from '../shared/period.ts';
import { readableUnit, readableVillage } from '../units/service.ts';
import { groupCommit } from './group-commit.ts';
import { CLOCK_SKEW_MS, coveredBy, inNight, isOnTime, lastDueNight, lateMinutes, nightsBetween } from './night.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

/** How far back a phone that was offline may still report a night. */
export const CHECKIN_DAYS_BACK = 31;
const village = (db: Kysely<DB>, actor: Actor, id: number) => readableVillage(db, actor, id, 'Kẻng được đặt ở thôn, tổ dân phố');

export async function listGongs(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await readableUnit(db, actor, unitId);
  const gongs = await q.gongsUnder(db, scopeOf(actor, 'unit.read'), unit.path);
  const strikers = await q.strikersOf(db, gongs.map((g) => g.id));
  // A striker's phone is a villager's personal data, like a household's.
  return gongs.map(({ village_path, ...g }) => {
    const phones = allows(actor, 'household.read', village_path);
    return { ...g, strikers: strikers.filter((s) => s.gong_id === g.id).map(({ gong_id: _, ...s }) => ({ ...s, phone: phones ? s.phone : null })) };
  });
}

export interface GongInput {
  location: string;
  condition: GongCondition;
  allowancePerStrike?: number | null | undefined;
  allowancePerMonth?: number | null | undefined;
  note?: string | null | undefined;
  strikers: { fullName: string; phone?: string | null | undefined }[];
}

const fieldsOf = (g: GongInput): q.GongFields => ({
  location: g.location, condition: g.condition, allowance_per_strike: g.allowancePerStrike ?? null,
  allowance_per_month: g.allowancePerMonth ?? null, note: g.note ?? null,
});
const strikersOf = (g: GongInput) => g.strikers.map((s) => ({ full_name: s.fullName, phone: s.phone ?? null }));

async function gongPage(db: Kysely<DB> | Transaction<DB>, id: number) {
  const g = (await q.getGong(db, id))!;
  return { ...g, strikers: await q.strikersOf(db, [id]) };
}

export async function createGong(db: Kysely<DB>, ctx: Ctx, villageId: number, input: GongInput) {
  const v = await village(db, ctx.actor, villageId);
  assertAllowed(ctx.actor, 'gong.manage', v.path);
  return db.transaction().execute(async (trx) => {
    const { id } = await q.insertGong(trx, v, fieldsOf(input));
    await q.replaceStrikers(trx, { id, province_code: v.province_code }, strikersOf(input));
    const after = await gongPage(trx, id);
    await recordChange(trx, ctx, { action: 'create', entity: 'gong', entityId: id, unit: v, after });
    return after;
  });
}

export async function updateGong(db: Kysely<DB>, ctx: Ctx, id: number, input: GongInput) {
  const before = await q.getGong(db, id);
  if (!before || !allows(ctx.actor, 'unit.read', before.village_path)) throw notFound('Không tìm thấy kẻng');
  assertAllowed(ctx.actor, 'gong.manage', before.village_path);
  return db.transaction().execute(async (trx) => {
    const old = await gongPage(trx, id);
    await q.updateGong(trx, id, fieldsOf(input));
    await q.replaceStrikers(trx, before, strikersOf(input));
    const after = await gongPage(trx, id);
    await recordChange(trx, ctx, { action: 'update', entity: 'gong', entityId: id, unit: { id: before.village_id, path: before.village_path, province_code: before.province_code }, before: old, after });
    return after;
  });
}

/** One group-commit writer per database. */
const writers = new WeakMap<Kysely<DB>, ReturnType<typeof groupCommit>>();
function writerFor(db: Kysely<DB>) {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = groupCommit(db)));
  return writer;
}

export interface CheckinInput {
  villageId: number;
  night: string;
  /** When the striker tapped, from the phone: a queued check-in keeps its own time. */
  struckAt?: string | undefined;
  idempotencyKey: string;
}

/**
 * The nightly check-in. Committed before it is answered; a replay of the same key answers the
 * same row (created: false), a second check-in for the night is refused.
 */
export async function checkIn(db: Kysely<DB>, actor: Actor, input: CheckinInput, now = new Date()) {
  const v = await village(db, actor, input.villageId);
  assertAllowed(actor, 'gong.checkin', v.path);
  const today = todayVN(now);
  if (input.night > today) throw invalid('Không báo trước cho đêm chưa tới', [{ path: 'night', message: 'Đêm báo đánh kẻng không được ở tương lai.' }]);
  if (input.night < addDays(today, -CHECKIN_DAYS_BACK)) throw invalid(`Chỉ báo được trong ${CHECKIN_DAYS_BACK} ngày gần đây`, [{ path: 'night', message: `Đêm báo đánh kẻng phải trong ${CHECKIN_DAYS_BACK} ngày gần đây.` }]);
  const struckAt = input.struckAt ? new Date(input.struckAt) : now;
  if (struckAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('Giờ đánh kẻng ở tương lai', [{ path: 'struckAt', message: 'Giờ đánh kẻng không được ở tương lai.' }]);
  if (!inNight(input.night, struckAt)) throw invalid('Giờ đánh kẻng không thuộc đêm đã chọn (từ 18 giờ đến 6 giờ sáng hôm sau)', [{ path: 'struckAt', message: 'Giờ đánh kẻng phải trong đêm đã chọn, từ 18 giờ đến 6 giờ sáng hôm sau.' }]);

  const row = await writerFor(db)({
    province_code: v.province_code, village_id: v.id, village_path: v.path, night: input.night, struck_at: struckAt,
    late_minutes: lateMinutes(input.night, struckAt), idempotency_key: input.idempotencyKey, recorded_by: actor.userId,
  });
  // The phone says "late" from this flag, so the rule stays with the server's.
  if (row) return { created: true, checkin: { ...row, on_time: isOnTime(row.late_minutes) } };
  const replay = await q.checkinByKey(db, input.idempotencyKey);
  if (replay) {
    if (replay.village_id !== v.id || replay.night !== input.night) throw conflict('Mã gửi này đã dùng cho một lần báo khác', [{ path: 'idempotencyKey', message: 'Mã gửi này đã dùng cho một lần báo khác.' }]);
    return { created: false, checkin: { ...replay, on_time: isOnTime(replay.late_minutes) } };
  }
  const taken = await q.checkinOfNight(db, v.id, input.night);
  const at = taken ? new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(taken.struck_at) : '';
  throw conflict(`${v.name} đã báo đánh kẻng đêm ${formatDay(input.night)}${at ? ` lúc ${at}` : ''}`, [{ path: 'night', message: 'Đêm này đã được báo đánh kẻng.' }]);
}

/**
 * Nights struck on time, late and missed per village under a unit; nights still to come are not
 * counted. Only a village a gong model covers (operating, at the village or above it) is expected
 * to strike: the others are listed as not covered, with nothing missed and no part in the shares.
 */
export async function compliance(db: Kysely<DB>, actor: Actor, unitId: number, from: string, to: string, now = new Date()) {
  checkPeriod(from, to, REPORT_DAYS);
  const unit = await readableUnit(db, actor, unitId);
  // Tonight counts once its gong is due; before 22:00 it is neither struck nor missed.
  const lastDue = lastDueNight(now);
  const until = to < lastDue ? to : lastDue;
  const nights = until >= from ? nightsBetween(from, until) : [];
  const scope = scopeOf(actor, 'unit.read');
  const paths = await q.gongModelPaths(db, unit.path);
  const covered = coveredBy(paths);
  // Struck nights are counted only under the models inside the unit, unless one covers it whole.
  const within = covered(unit.path) ? undefined : paths;
  const [rows, perNight] = await Promise.all([
    q.compliance(db, scope, unit.path, from, until),
    nights.length && paths.length ? q.strikesPerNight(db, scope, unit.path, from, until, within) : Promise.resolve([]),
  ]);
  const villages = rows.map(({ village_path, ...v }) => {
    const isCovered = covered(village_path);
    return { ...v, covered: isCovered, missed: isCovered ? nights.length - v.on_time - v.late : 0 };
  });
  const expected = villages.filter((v) => v.covered).length;
  const byNight = new Map(perNight.map((p) => [p.night, p]));
  return {
    from, to: until, nights: nights.length, covered: expected > 0,
    villages,
    perNight: nights.map((night) => ({ night, struck: byNight.get(night)?.struck ?? 0, on_time: byNight.get(night)?.on_time ?? 0, villages: expected })),
  };
}

/** The night whose gong is due now: before 06:00 it is still last night. */
export function currentNight(now = new Date()): string {
  return todayVN(new Date(now.getTime() - 6 * 3_600_000));
}

/** What a striker's phone lists: the villages they may report for, struck or not this night. */
export async function villagesToStrike(db: Kysely<DB>, actor: Actor, night = currentNight()) {
  const rows = await q.villagesToStrike(db, scopeOf(actor, 'gong.checkin'), night);
  return { night, villages: rows.map((r) => ({ id: r.id, name: r.name, commune_name: r.commune_name, struck_at: r.struck_at, late_minutes: r.late_minutes,
    on_time: r.late_minutes === null ? null : isOnTime(r.late_minutes),
  })) };
}

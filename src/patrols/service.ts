import type { Kysely, Transaction } from 'kysely';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB, PatrolCadence } from '../db/schema.ts';
import type { Attachment } from '../files/service.ts';
import { CLOCK_SKEW_MS } from '../gongs/night.ts';
import { invalid } from '../http/errors.ts';
import { addDays, dayEnd, dayStart, FIRST_DAY, mondayOf } from '../shared/dates.ts';
import { checkPeriod, REPORT_DAYS } from '../shared/period.ts';
import { placeOf, writable, type Place } from '../access/rows.ts';
import { readableUnit } from '../units/service.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

const HOUR = 3_600_000;
/** Longer than a day is a typing slip (a wrong date), not a patrol. */
export const MAX_PATROL_HOURS = 24;
/** A village or commune where the caller may record patrols. */
async function patrolPlace(db: Kysely<DB>, actor: Actor, unitId: number): Promise<Place> {
  const unit = await readableUnit(db, actor, unitId);
  assertAllowed(actor, 'field.write', unit.path);
  if ((unit.kind !== 'village' && unit.kind !== 'commune') || !unit.province_code) {
    throw invalid('Tuần tra được tổ chức ở thôn, tổ dân phố hoặc xã, phường', [{ path: 'unitId', message: 'Không phải thôn hoặc xã' }]);
  }
  return { id: unit.id, path: unit.path, province_code: unit.province_code };
}

// ── Schedules ──

export interface ScheduleInput {
  cadence: PatrolCadence;
  weekday?: number | null | undefined;
  startTime: string;
  area: string;
  team?: string | null | undefined;
  active: boolean;
}

/** The night patrol goes out after the 22:00 gong (gongs/night.ts) and before dawn. */
const afterGong = (time: string) => time >= '22:00' || time < '06:00';

function scheduleFields(s: ScheduleInput): q.ScheduleFields {
  const weekday = s.weekday ?? null;
  if (s.cadence === 'weekly' && weekday === null) throw invalid('Lịch tuần tra hằng tuần cần chọn thứ trong tuần', [{ path: 'weekday', message: 'Chưa chọn thứ' }]);
  if (s.cadence === 'nightly' && weekday !== null) {
    throw invalid('Lịch tuần tra hằng đêm đi mọi đêm, không chọn thứ trong tuần', [{ path: 'weekday', message: 'Bỏ trống với lịch hằng đêm' }]);
  }
  if (s.cadence === 'nightly' && !afterGong(s.startTime)) {
    throw invalid('Tuần tra hằng đêm bắt đầu sau giờ đánh kẻng: từ 22:00 đến trước 06:00 sáng', [{ path: 'startTime', message: 'Giờ bắt đầu tuần tra hằng đêm phải sau giờ đánh kẻng, từ 22:00 đến trước 06:00 sáng.' }]);
  }
  return { cadence: s.cadence, weekday, start_time: s.startTime, area: s.area, team: s.team || null, active: s.active };
}

export async function listSchedules(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await readableUnit(db, actor, unitId);
  return q.schedulesUnder(db, scopeOf(actor, 'unit.read'), unit.path);
}

export async function createSchedule(db: Kysely<DB>, ctx: Ctx, unitId: number, input: ScheduleInput) {
  const place = await patrolPlace(db, ctx.actor, unitId);
  const fields = scheduleFields(input);
  return db.transaction().execute(async (trx) => {
    const { id } = await q.insertSchedule(trx, place, fields);
    const after = (await q.getSchedule(trx, id))!;
    await recordChange(trx, ctx, { action: 'create', entity: 'patrol_schedule', entityId: id, unit: place, after });
    return after;
  });
}

/** Changes a schedule, or stops it (active: false) while the patrols done under it stay linked. */
export async function updateSchedule(db: Kysely<DB>, ctx: Ctx, id: number, input: ScheduleInput) {
  const before = writable(ctx.actor, await q.getSchedule(db, id), 'Không tìm thấy lịch tuần tra');
  const fields = scheduleFields(input);
  return db.transaction().execute(async (trx) => {
    await q.updateSchedule(trx, id, fields);
    const after = (await q.getSchedule(trx, id))!;
    await recordChange(trx, ctx, { action: 'update', entity: 'patrol_schedule', entityId: id, unit: placeOf(before), before, after });
    return after;
  });
}

// ── Patrols ──

export interface PatrolInput {
  scheduleId?: number | null | undefined;
  startedAt: string;
  endedAt: string;
  area: string;
  participants: string[];
  findings?: string | null | undefined;
  alarmIds: number[];
}

function checkTimes(started: Date, ended: Date, now: Date) {
  if (ended.getTime() <= started.getTime()) throw invalid('Giờ kết thúc phải sau giờ bắt đầu', [{ path: 'endedAt', message: 'Giờ kết thúc phải sau giờ bắt đầu.' }]);
  if (started.getTime() < dayStart(FIRST_DAY).getTime()) throw invalid('Giờ bắt đầu trước năm 2000: hãy xem lại năm', [{ path: 'startedAt', message: 'Giờ bắt đầu không được trước năm 2000.' }]);
  if (started.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw invalid('Giờ bắt đầu ở tương lai: chỉ ghi những lần tuần tra đã diễn ra', [{ path: 'startedAt', message: 'Giờ bắt đầu không được ở tương lai.' }]);
  }
  if (ended.getTime() - started.getTime() > MAX_PATROL_HOURS * HOUR) {
    throw invalid(`Một lần tuần tra dài tối đa ${MAX_PATROL_HOURS} giờ; hãy xem lại ngày giờ bắt đầu và kết thúc`, [{ path: 'endedAt', message: `Quá ${MAX_PATROL_HOURS} giờ sau giờ bắt đầu` }]);
  }
}

/** A schedule the patrol followed: readable, and of the patrol's unit, one above it or one below it. */
async function checkSchedule(db: Kysely<DB>, actor: Actor, place: Place, scheduleId: number) {
  const s = await q.getSchedule(db, scheduleId);
  if (!s || !allows(actor, 'unit.read', s.unit_path)) throw invalid('Không tìm thấy lịch tuần tra', [{ path: 'scheduleId', message: 'Không tồn tại' }]);
  if (!s.unit_path.startsWith(place.path) && !place.path.startsWith(s.unit_path)) {
    throw invalid(`Lịch tuần tra này thuộc ${s.unit_name}, không thuộc đơn vị của lần tuần tra`, [{ path: 'scheduleId', message: 'Thuộc đơn vị khác' }]);
  }
}

/** The alarms met on the patrol: each readable and raised inside the patrol's unit. */
async function checkAlarms(db: Kysely<DB>, actor: Actor, place: Place, ids: number[]) {
  const found = new Map((await q.alarmsByIds(db, ids)).map((a) => [a.id, a.village_path]));
  const fields = ids.flatMap((id, i) => {
    if (ids.indexOf(id) !== i) return [];
    const path = found.get(id);
    if (!path || !allows(actor, 'unit.read', path)) return [{ path: `alarmIds.${i}`, message: `Không tìm thấy báo động số ${id}` }];
    if (!path.startsWith(place.path)) return [{ path: `alarmIds.${i}`, message: `Báo động số ${id} ở ngoài địa bàn của lần tuần tra` }];
    return [];
  });
  if (fields.length) throw invalid(fields.map((f) => f.message).join('; '), fields);
}

async function patrolFields(db: Kysely<DB>, actor: Actor, place: Place, p: PatrolInput, now: Date): Promise<q.PatrolFields> {
  const started = new Date(p.startedAt);
  const ended = new Date(p.endedAt);
  checkTimes(started, ended, now);
  if (p.scheduleId) await checkSchedule(db, actor, place, p.scheduleId);
  await checkAlarms(db, actor, place, p.alarmIds);
  return { schedule_id: p.scheduleId ?? null, started_at: started, ended_at: ended, area: p.area, participants: p.participants, findings: p.findings || null };
}

type PatrolRow = Awaited<ReturnType<typeof q.patrolsUnder>>[number];

/** Patrols as lists show them: their schedule, the alarms met and the files attached. */
async function withDetails<T extends PatrolRow>(db: Kysely<DB> | Transaction<DB>, rows: T[]) {
  const ids = rows.map((r) => r.id);
  const incidents = await q.incidentsOf(db, ids);
  const files = await q.filesOfPatrols(db, ids);
  return rows.map(({ schedule_cadence: cadence, schedule_weekday: weekday, schedule_start_time: start_time, schedule_area: area, ...p }) => ({
    ...p,
    schedule: p.schedule_id && cadence ? { id: p.schedule_id, cadence, weekday, start_time, area } : null,
    incidents: incidents.filter((i) => i.patrol_id === p.id).map(({ patrol_id: _, ...i }) => i),
    files: files.filter((f) => f.patrol_id === p.id).map(({ patrol_id: _, ...f }) => f),
  }));
}

async function patrolPage(db: Kysely<DB> | Transaction<DB>, id: number) {
  const [page] = await withDetails(db, [(await q.getPatrol(db, id))!]);
  return page!;
}

export async function listPatrols(db: Kysely<DB>, actor: Actor, unitId: number, opts: { from: string; to: string; limit: number; offset: number }) {
  checkPeriod(opts.from, opts.to);
  const unit = await readableUnit(db, actor, unitId);
  const rows = await q.patrolsUnder(db, scopeOf(actor, 'unit.read'), unit.path, { ...opts, from: dayStart(opts.from), until: dayEnd(opts.to) });
  return withDetails(db, rows);
}

const uniqueAlarms = (p: PatrolInput) => [...new Set(p.alarmIds)];

export async function createPatrol(db: Kysely<DB>, ctx: Ctx, unitId: number, input: PatrolInput, now = new Date()) {
  const place = await patrolPlace(db, ctx.actor, unitId);
  const fields = await patrolFields(db, ctx.actor, place, input, now);
  return db.transaction().execute(async (trx) => {
    const { id } = await q.insertPatrol(trx, place, fields, ctx.actor.userId);
    await q.replaceIncidents(trx, { id, province_code: place.province_code }, uniqueAlarms(input));
    const after = await patrolPage(trx, id);
    await recordChange(trx, ctx, { action: 'create', entity: 'patrol', entityId: id, unit: place, after });
    return after;
  });
}

const writablePatrol = async (db: Kysely<DB>, actor: Actor, id: number) => writable(actor, await q.getPatrol(db, id), 'Không tìm thấy lần tuần tra');

export async function updatePatrol(db: Kysely<DB>, ctx: Ctx, id: number, input: PatrolInput, now = new Date()) {
  const place = placeOf(await writablePatrol(db, ctx.actor, id));
  const fields = await patrolFields(db, ctx.actor, place, input, now);
  return db.transaction().execute(async (trx) => {
    const before = await patrolPage(trx, id);
    await q.updatePatrol(trx, id, fields);
    await q.replaceIncidents(trx, { id, province_code: place.province_code }, uniqueAlarms(input));
    const after = await patrolPage(trx, id);
    await recordChange(trx, ctx, { action: 'update', entity: 'patrol', entityId: id, unit: place, before, after });
    return after;
  });
}

/** Deletes a patrol with its incident links and its files. */
export async function deletePatrol(db: Kysely<DB>, ctx: Ctx, id: number) {
  const place = placeOf(await writablePatrol(db, ctx.actor, id));
  await db.transaction().execute(async (trx) => {
    const before = await patrolPage(trx, id);
    await q.deletePatrol(trx, id);
    await recordChange(trx, ctx, { action: 'delete', entity: 'patrol', entityId: id, unit: place, before });
  });
}

/** A patrol the caller may change, as the place its photos and minutes hang. */
export async function patrolAttachment(db: Kysely<DB>, actor: Actor, id: number): Promise<Attachment> {
  const p = await writablePatrol(db, actor, id);
  const owner = { id, province_code: p.province_code };
  return {
    unit: placeOf(p), entity: 'patrol_file', about: { patrol_id: id },
    link: (trx, fileId) => q.linkPatrolFile(trx, owner, fileId),
    unlink: (trx, fileId) => q.unlinkPatrolFile(trx, id, fileId),
  };
}

/**
 * Patrols per ISO week (Monday to Sunday, Vietnam's time) under a unit, over whole weeks from
 * the one `from` is in to the one `to` is in, beside what the active schedules ask for a week.
 */
export async function patrolsPerWeek(db: Kysely<DB>, actor: Actor, unitId: number, from: string, to: string) {
  checkPeriod(from, to, REPORT_DAYS);
  const unit = await readableUnit(db, actor, unitId);
  const first = mondayOf(from);
  const last = mondayOf(to);
  const scope = scopeOf(actor, 'unit.read');
  const counts = await q.patrolsPerWeek(db, scope, unit.path, dayStart(first), dayStart(addDays(last, 7)));
  const expected = await q.expectedPerWeek(db, scope, unit.path);
  const byWeek = new Map(counts.map((c) => [c.week_start, c.patrols]));
  const weeks = [];
  for (let week = first; week <= last; week = addDays(week, 7)) weeks.push({ week_start: week, patrols: byWeek.get(week) ?? 0 });
  return { from: first, to: addDays(last, 6), expected, weeks };
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, ReportAction, ReportPeriodKind, ReporterKind, ReportStatus } from '../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

// ── What is owed ──

/** The models running at these units, or at the units right under a receiver, whose template asks for reports. */
export function modelDuties(db: Q, where: { unitIds: number[] } | { parentId: number }) {
  let query = db
    .selectFrom('model_instances as mi')
    .innerJoin('model_templates as t', 't.id', 'mi.template_id')
    .innerJoin('units as u', 'u.id', 'mi.unit_id')
    .innerJoin('units as r', 'r.id', 'u.parent_id')
    .select([
      'mi.id as instance_id', 'mi.name as instance_name', 'mi.started_on', 't.reports',
      'u.id as unit_id', 'u.name as unit_name', 'u.path as unit_path', 'u.kind as unit_kind', 'u.province_code',
      'r.id as receiver_id', 'r.name as receiver_name', 'r.path as receiver_path',
    ])
    .where('mi.status', '<>', 'closed')
    .where(sql<boolean>`jsonb_array_length(t.reports) > 0`);
  query = 'unitIds' in where ? query.where('u.id', 'in', where.unitIds.length ? where.unitIds : [0]) : query.where('u.parent_id', '=', where.parentId);
  return query.orderBy('u.name').orderBy('mi.id').execute();
}

const scheduleColumns = [
  's.id', 's.plan_id', 's.title', 's.period', 's.due_day', 's.due_month', 's.reporter_kind',
  'p.title as plan_title', 'p.period_start', 'p.period_end', 'p.issued_on', 'p.unit_id as receiver_id', 'r.name as receiver_name', 'r.path as receiver_path',
] as const;

const schedules = (db: Q) =>
  db
    .selectFrom('report_schedules as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .innerJoin('units as r', 'r.id', 'p.unit_id')
    .select(scheduleColumns)
    .where('p.status', '=', 'issued');

/** Schedules of issued plans from the units above this one that ask its kind of unit to report. */
export const schedulesAbove = (db: Q, unit: { path: string; kind: string }) =>
  schedules(db)
    .where('s.reporter_kind', '=', unit.kind as ReporterKind)
    .where(sql<boolean>`${unit.path} like r.path || '%'`)
    .where('r.path', '<>', unit.path)
    .orderBy('s.id')
    .execute();

/** Schedules of the issued plans of a unit: what it asks of the units under it. */
export const schedulesIssuedAt = (db: Q, receiverId: number) =>
  schedules(db).where('p.unit_id', '=', receiverId).orderBy('s.id').execute();

export const schedulesOfPlan = (db: Q, planId: number) =>
  db.selectFrom('report_schedules').selectAll().where('plan_id', '=', planId).orderBy('id').execute();

export const insertSchedule = (db: Q, row: { province_code: string; plan_id: number; title: string; period: ReportPeriodKind; due_day: number; due_month: number | null; reporter_kind: ReporterKind; created_by: number }) =>
  db.insertInto('report_schedules').values(row).returning('id').executeTakeFirstOrThrow();

export const reportsOfSchedule = async (db: Q, id: number) =>
  (await db.selectFrom('reports').select(sql<number>`count(*)::int`.as('count')).where('schedule_key', '=', `plan:${id}`).executeTakeFirstOrThrow()).count;

export const lockSchedule = (db: Q, planId: number, id: number) =>
  db.selectFrom('report_schedules').select('id').where('plan_id', '=', planId).where('id', '=', id).forUpdate().executeTakeFirst();

export const shareSchedule = (db: Q, id: number) =>
  db.selectFrom('report_schedules').select('id').where('id', '=', id).forShare().executeTakeFirst();

export const deleteSchedule = (db: Q, planId: number, id: number) =>
  db.deleteFrom('report_schedules').where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();

export const unitRef = (db: Q, id: number) =>
  db.selectFrom('units').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirstOrThrow();

/** The units of these kinds under a path (not the unit itself): who a plan's schedules ask. */
export const unitsOfKindsUnder = (db: Q, path: string, kinds: ReporterKind[]) =>
  db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.path', 'u.kind', 'u.province_code'])
    .where('u.path', 'like', path + '_%')
    .where('u.kind', 'in', [...new Set(kinds)])
    .orderBy('u.name_folded')
    .limit(10_000)
    .execute();

// ── Reports ──

export const reportColumns = [
  'r.id', 'r.unit_id', 'u.name as unit_name', 'u.kind as unit_kind', 'r.receiver_id', 'rc.name as receiver_name', 'r.schedule_key', 'r.title', 'r.subject',
  'r.period', 'r.period_start', 'r.period_end', 'r.due_on', 'r.status', 'r.submitted_at', 'r.reviewed_at', 'r.review_comment', 'r.version', 'r.updated_at',
] as const;

const reportQuery = (db: Q) =>
  db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id').innerJoin('units as rc', 'rc.id', 'r.receiver_id');

/** The reports of these units or to this receiver due in [from, to]. */
export function reportsDue(db: Q, where: { unitIds: number[] } | { receiverId: number }, from: string, to: string) {
  let query = reportQuery(db).select(reportColumns).where('r.due_on', '>=', from).where('r.due_on', '<=', to);
  query = 'unitIds' in where ? query.where('r.unit_id', 'in', where.unitIds.length ? where.unitIds : [0]) : query.where('r.receiver_id', '=', where.receiverId);
  return query.execute();
}

export const getReport = (db: Q, id: number) =>
  reportQuery(db)
    .select([
      ...reportColumns, 'r.unit_path', 'r.receiver_path', 'r.province_code', 'r.narrative', 'r.figures', 'r.created_at',
      'r.signer_title', 'r.signer_name', 'rc.kind as receiver_kind',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();

/**
 * What a report's document needs beyond the report: the commune or province the unit sits in
 * (the place in the date line), and the name of a leader granted at the unit itself, if any.
 */
export const documentFacts = (db: Q, unitPath: string, unitId: number) =>
  db
    .selectNoFrom((eb) => [
      eb.selectFrom('units as a').select('a.name')
        .where(sql<boolean>`${unitPath} like a.path || '%'`).where('a.kind', 'in', ['commune', 'province'])
        .orderBy('a.depth', 'desc').limit(1).as('locality'),
      eb.selectFrom('grants as g').innerJoin('users as us', 'us.id', 'g.user_id').select('us.full_name')
        .where('g.unit_id', '=', unitId).where('g.role', '=', 'leader').where('us.active', '=', true)
        .orderBy('g.id').limit(1).as('leader_name'),
    ])
    .executeTakeFirstOrThrow();

export const findReport = (db: Q, unitId: number, scheduleKey: string, periodStart: string) =>
  db.selectFrom('reports').select(['id', 'status']).where('unit_id', '=', unitId).where('schedule_key', '=', scheduleKey).where('period_start', '=', periodStart).executeTakeFirst();

export interface NewReport {
  province_code: string; unit_id: number; unit_path: string; receiver_id: number; receiver_path: string; schedule_key: string;
  title: string; subject: string; period: ReportPeriodKind; period_start: string; period_end: string; due_on: string; created_by: number;
}

/** A report once per unit, schedule and period: a second start finds the first. */
export const insertReport = (db: Q, row: NewReport) =>
  db.insertInto('reports').values(row).onConflict((oc) => oc.columns(['unit_id', 'schedule_key', 'period_start']).doNothing()).returning('id').executeTakeFirst();

/** Writes the narrative and signer while the version is the one the writer read; false when someone wrote first. */
export const saveNarrative = async (
  db: Q, id: number, version: number, narrative: unknown, signer?: { title: string; name: string },
) =>
  (await db
    .updateTable('reports')
    .set({
      narrative: JSON.stringify(narrative), ...(signer && { signer_title: signer.title, signer_name: signer.name }),
      version: sql`version + 1`, updated_at: sql`now()`,
    })
    .where('id', '=', id).where('version', '=', version).where('status', 'in', ['draft', 'returned'])
    .executeTakeFirst()).numUpdatedRows > 0n;

export const setStatus = async (
  db: Q, id: number, version: number, from: ReportStatus[],
  set: { status: ReportStatus; figures?: string; submitted_by?: number; reviewed_by?: number; review_comment?: string | null; submitted?: boolean; reviewed?: boolean },
) => {
  const { submitted, reviewed, ...rest } = set;
  return (await db
    .updateTable('reports')
    .set({
      ...rest,
      // A report sent on time, returned and sent again was sent on time: the first sending counts;
      // the review it answers is in the events, no longer on the report.
      ...(submitted ? { submitted_at: sql`coalesce(submitted_at, now())`, reviewed_at: null, reviewed_by: null, review_comment: null } : {}),
      ...(reviewed ? { reviewed_at: sql`now()` } : {}),
      version: sql`version + 1`, updated_at: sql`now()`,
    })
    .where('id', '=', id).where('version', '=', version).where('status', 'in', from)
    .executeTakeFirst()).numUpdatedRows > 0n;
};

export const insertEvent = (db: Q, e: { province_code: string; report_id: number; actor_id: number; action: ReportAction; comment?: string | null }) =>
  db.insertInto('report_events').values(e).execute();

export const eventsOf = (db: Q, reportId: number) =>
  db
    .selectFrom('report_events as e')
    .leftJoin('users as us', 'us.id', 'e.actor_id')
    .select(['e.id', 'e.at', 'e.action', 'e.comment', 'us.full_name as actor_name'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.id')
    .execute();

// ── Reminders ──

export const insertReminder = (db: Q, r: { province_code: string; unit_id: number; schedule_key: string; period_start: string; sent_by: number; message: string | null }) =>
  db.insertInto('report_reminders').values(r).returning(['id', 'sent_at']).executeTakeFirstOrThrow();

/** Holds the reminders of one report to a unit until the transaction ends. */
export const lockReminders = (db: Q, r: { unit_id: number; schedule_key: string; period_start: string }) =>
  sql`select pg_advisory_xact_lock(hashtextextended(${`reminder:${r.unit_id}:${r.schedule_key}:${r.period_start}`}, 0))`.execute(db);

/** The latest reminder of one report to a unit since a moment, if any. */
export const reminderSince = (db: Q, r: { unit_id: number; schedule_key: string; period_start: string }, since: Date) =>
  db.selectFrom('report_reminders').select(['id', 'sent_at'])
    .where('unit_id', '=', r.unit_id).where('schedule_key', '=', r.schedule_key).where('period_start', '=', r.period_start).where('sent_at', '>=', since)
    .orderBy('sent_at', 'desc').limit(1).executeTakeFirst();

/** Reminders to these units since a day, the latest first. */
export const remindersTo = (db: Q, unitIds: number[], since: string) =>
  db
    .selectFrom('report_reminders as m')
    .leftJoin('users as us', 'us.id', 'm.sent_by')
    .select(['m.id', 'm.unit_id', 'm.schedule_key', 'm.period_start', 'm.sent_at', 'm.message', 'us.full_name as sender_name'])
    .where('m.unit_id', 'in', unitIds.length ? unitIds : [0])
    .where('m.period_start', '>=', since)
    .orderBy('m.sent_at', 'desc')
    .limit(1000)
    .execute();

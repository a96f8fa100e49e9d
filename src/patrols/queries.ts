import { sql, type Kysely, type Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB, PatrolCadence } from '../db/schema.ts';
import { fileColumns } from '../files/queries.ts';

type Q = Kysely<DB> | Transaction<DB>;
type Owner = { id: number; province_code: string };
type Place = { id: number; path: string; province_code: string };

const atPlace = (p: Place) => ({ unit_id: p.id, unit_path: p.path, province_code: p.province_code });

// ── Schedules ──

export interface ScheduleFields {
  cadence: PatrolCadence;
  weekday: number | null;
  start_time: string;
  area: string;
  team: string | null;
  active: boolean;
}

const scheduleColumns = ['s.id', 's.unit_id', 's.cadence', 's.weekday', 's.start_time', 's.area', 's.team', 's.active', 's.created_at'] as const;

/** Schedules of the units under a path (inside the scope), with their unit's name. */
export const schedulesUnder = (db: Q, scope: string[], underPath: string) =>
  db
    .selectFrom('patrol_schedules as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select([...scheduleColumns, 'u.name as unit_name'])
    .where(inScope('s.unit_path', scope))
    .where('s.unit_path', 'like', underPath + '%')
    .orderBy('s.unit_path')
    .orderBy('s.start_time')
    .orderBy('s.id')
    .limit(2000)
    .execute();

export const getSchedule = (db: Q, id: number) =>
  db
    .selectFrom('patrol_schedules as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select([...scheduleColumns, 'u.name as unit_name', 's.unit_path', 's.province_code'])
    .where('s.id', '=', id)
    .executeTakeFirst();

export const insertSchedule = (db: Q, place: Place, fields: ScheduleFields) =>
  db.insertInto('patrol_schedules').values({ ...fields, ...atPlace(place) }).returning('id').executeTakeFirstOrThrow();

export const updateSchedule = (db: Q, id: number, fields: ScheduleFields) =>
  db.updateTable('patrol_schedules').set(fields).where('id', '=', id).execute();

/** The patrols a week asks for under a path: 7 for each nightly schedule, 1 for each weekly one. */
export const expectedPerWeek = async (db: Q, scope: string[], underPath: string) =>
  (
    await db
      .selectFrom('patrol_schedules as s')
      .select(sql<number>`coalesce(sum(case when s.cadence = 'nightly' then 7 else 1 end), 0)::int`.as('expected'))
      .where(inScope('s.unit_path', scope))
      .where('s.unit_path', 'like', underPath + '%')
      .where('s.active', '=', true)
      .executeTakeFirstOrThrow()
  ).expected;

// ── Patrols ──

export interface PatrolFields {
  schedule_id: number | null;
  started_at: Date;
  ended_at: Date;
  area: string;
  participants: string[];
  findings: string | null;
}

const patrolQuery = (db: Q) =>
  db
    .selectFrom('patrols as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('patrol_schedules as s', 's.id', 'p.schedule_id')
    .select([
      'p.id', 'p.unit_id', 'u.name as unit_name', 'p.schedule_id', 'p.started_at', 'p.ended_at', 'p.area', 'p.participants', 'p.findings',
      'p.recorded_by', 'p.created_at', 's.cadence as schedule_cadence', 's.weekday as schedule_weekday', 's.start_time as schedule_start_time',
      's.area as schedule_area',
    ]);

/** Patrols under a path inside the scope that started in [from, until), newest first. */
export const patrolsUnder = (db: Q, scope: string[], underPath: string, opts: { from: Date; until: Date; limit: number; offset: number }) =>
  patrolQuery(db)
    .where(inScope('p.unit_path', scope))
    .where('p.unit_path', 'like', underPath + '%')
    .where('p.started_at', '>=', opts.from)
    .where('p.started_at', '<', opts.until)
    .orderBy('p.started_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();

export const getPatrol = (db: Q, id: number) =>
  patrolQuery(db).select(['p.unit_path', 'p.province_code']).where('p.id', '=', id).executeTakeFirst();

export const insertPatrol = (db: Q, place: Place, fields: PatrolFields, recordedBy: number) =>
  db.insertInto('patrols').values({ ...fields, ...atPlace(place), recorded_by: recordedBy }).returning('id').executeTakeFirstOrThrow();

export const updatePatrol = (db: Q, id: number, fields: PatrolFields) => db.updateTable('patrols').set(fields).where('id', '=', id).execute();

/** The patrol and the files attached to it: a file belongs to its owner and goes with it. */
export async function deletePatrol(db: Q, id: number) {
  await db.deleteFrom('files').where('id', 'in', db.selectFrom('patrol_files').select('file_id').where('patrol_id', '=', id)).execute();
  await db.deleteFrom('patrols').where('id', '=', id).execute();
}

/** Patrols per ISO week (Monday, in Vietnam's time) under a path, of those started in [from, until). */
export function patrolsPerWeek(db: Q, scope: string[], underPath: string, from: Date, until: Date) {
  const week = sql<string>`(date_trunc('week', p.started_at at time zone 'Asia/Ho_Chi_Minh'))::date`;
  return db
    .selectFrom('patrols as p')
    .select([week.as('week_start'), sql<number>`count(*)::int`.as('patrols')])
    .where(inScope('p.unit_path', scope))
    .where('p.unit_path', 'like', underPath + '%')
    .where('p.started_at', '>=', from)
    .where('p.started_at', '<', until)
    .groupBy(week)
    .execute();
}

// ── Incidents and files ──

/** The alarms met on these patrols, with the start of their description. */
export const incidentsOf = (db: Q, patrolIds: number[]) =>
  patrolIds.length === 0
    ? Promise.resolve([])
    : db
      .selectFrom('patrol_incidents as i')
      .innerJoin('alarms as a', 'a.id', 'i.alarm_id')
      .select(['i.patrol_id', 'a.id', 'a.kind', sql<string>`left(a.description, 200)`.as('description'), 'a.occurred_at'])
      .where('i.patrol_id', 'in', patrolIds)
      .orderBy('a.occurred_at')
      .orderBy('a.id')
      .execute();

export const alarmsByIds = (db: Q, ids: number[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('alarms').select(['id', 'village_path']).where('id', 'in', ids).execute();

/** The incidents of a patrol become exactly these alarms. */
export async function replaceIncidents(db: Q, patrol: Owner, alarmIds: number[]) {
  await db.deleteFrom('patrol_incidents').where('patrol_id', '=', patrol.id).execute();
  if (alarmIds.length) {
    await db.insertInto('patrol_incidents').values(alarmIds.map((alarm_id) => ({ patrol_id: patrol.id, alarm_id, province_code: patrol.province_code }))).execute();
  }
}

export const filesOfPatrols = (db: Q, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
      .selectFrom('patrol_files as pf')
      .innerJoin('files as f', 'f.id', 'pf.file_id')
      .select(['pf.patrol_id', ...fileColumns])
      .where('pf.patrol_id', 'in', ids)
      .orderBy('f.id')
      .execute();

export const linkPatrolFile = (db: Q, patrol: Owner, fileId: number) =>
  db.insertInto('patrol_files').values({ patrol_id: patrol.id, file_id: fileId, province_code: patrol.province_code }).execute();

/** Whether the patrol had the file. */
export const unlinkPatrolFile = async (db: Q, patrolId: number, fileId: number) =>
  !!(await db.deleteFrom('patrol_files').where('patrol_id', '=', patrolId).where('file_id', '=', fileId).returning('file_id').executeTakeFirst());

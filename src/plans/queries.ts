import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { inScope } from '../access/policy.ts';
import { fileColumns } from '../files/queries.ts';

type Q = Kysely<DB> | Transaction<DB>;

const planColumns = [
  'p.id', 'p.province_code', 'p.unit_id', 'p.unit_path', 'p.number', 'p.symbol', 'p.place', 'p.issued_on', 'p.title',
  'p.document', 'p.status', 'p.parent_plan_id', 'p.period_start', 'p.period_end', 'p.created_at', 'p.updated_at',
] as const;

export const getPlan = (db: Q, id: number) =>
  db
    .selectFrom('plans as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([...planColumns, 'u.name as unit_name'])
    .where('p.id', '=', id)
    .executeTakeFirst();

export function listPlans(db: Q, scope: string[], opts: { underPath?: string | undefined; status?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
  let query = db
    .selectFrom('plans as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.number', 'p.symbol', 'p.issued_on', 'p.title', 'p.status', 'p.unit_id', 'u.name as unit_name', 'p.parent_plan_id', 'p.period_start', 'p.period_end'])
    .where(inScope('p.unit_path', scope));
  if (opts.underPath) query = query.where('p.unit_path', 'like', opts.underPath + '%');
  if (opts.status) query = query.where('p.status', '=', opts.status as 'draft');
  if (opts.q) query = query.where('p.title_folded', 'like', `%${opts.q}%`);
  return query.orderBy('p.issued_on', (ob) => ob.desc().nullsFirst()).orderBy('p.id', 'desc').limit(opts.limit).offset(opts.offset).execute();
}

/** The chain of plans above one, nearest first (for cycle checks and the breadcrumb). */
export async function ancestorsOf(db: Q, id: number) {
  const rows = await sql<{ id: number; parent_plan_id: number | null; depth: number }>`
    with recursive up(id, parent_plan_id, depth) as (
      select id, parent_plan_id, 0 from plans where id = ${id}
      union all
      select p.id, p.parent_plan_id, up.depth + 1 from plans p join up on p.id = up.parent_plan_id where up.depth < 50
    )
    select id, parent_plan_id, depth from up order by depth`.execute(db);
  return rows.rows;
}

export const childPlans = (db: Q, id: number) =>
  db.selectFrom('plans').select(['id', 'number', 'symbol', 'title', 'status', 'unit_path']).where('parent_plan_id', '=', id).orderBy('id').execute();

export const governedInstances = (db: Q, id: number) =>
  db
    .selectFrom('model_instances as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.name', 'm.status', 'm.unit_path', 'u.name as unit_name'])
    .where('m.plan_id', '=', id)
    .orderBy('m.id')
    .limit(500)
    .execute();

/** Whether each occurrence of task t is done, by its tick or by the data (as in occurrencesIn). */
const doneOfTask = sql`(select case when t.measure is null then o.status = 'done' else (select m[1] >= m[2] and m[2] > 0
  from (select task_measure(o.id) as m) x) end as done from task_occurrences o where o.task_id = t.id)`;

export const tasksOf = (db: Q, planId: number) =>
  db
    .selectFrom('tasks as t')
    .innerJoin('units as u', 'u.id', 't.lead_unit_id')
    .select([
      't.id', 't.title', 't.description', 't.lead_unit_id', 'u.name as lead_unit_name', 't.support_unit_ids', 't.recurrence',
      't.starts_on', 't.ends_on', 't.status', 't.measure',
      sql<number>`(select count(*) filter (where not d.done)::int from ${doneOfTask} d)`.as('open_occurrences'),
      sql<number>`(select count(*) filter (where d.done)::int from ${doneOfTask} d)`.as('done_occurrences'),
    ])
    .where('t.plan_id', '=', planId)
    .orderBy('t.id')
    .execute();

const occurrenceColumns = [
  'o.id', 'o.task_id', 'o.due_on', 'o.due_time', 'o.done_at', 'o.evidence', 't.measure',
  't.title', 't.plan_id', 'p.title as plan_title', 'p.number as plan_number', 'p.symbol as plan_symbol', 'u.name as lead_unit_name',
] as const;

/**
 * Done when ticked off or, for a task answered by the data, when the data records what it asks
 * ({recorded, required} from migration 0017's task_measure). A measured occurrence is never
 * ticked, so it stays 'open' in the table and an open-only filter keeps it.
 */
const status = sql<'open' | 'done'>`case when w.measured is null then w.stored_status
  when w.measured[1] >= w.measured[2] and w.measured[2] > 0 then 'done' else 'open' end`;

interface Window {
  /** Stored status: 'open' keeps measured occurrences and those not yet ticked off. */
  stored?: 'open' | 'done';
  from?: string;
  to?: string;
  /** Only the occurrences ticked by hand, or only those the data answers. */
  kind?: 'ticked' | 'measured';
}

/**
 * Occurrences inside the scope with the status that counts. Those the data answers are read
 * behind offset 0, which keeps task_measure to one call a row; those ticked by hand need no
 * call, so without the fence the planner takes their filters, order and limit to the indexes.
 */
function occurrencesIn(db: Q, scope: string[], w: Window) {
  let rows = db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('units as u', 'u.id', 't.lead_unit_id')
    .select([
      ...occurrenceColumns, 'o.status as stored_status',
      w.kind === 'ticked'
        ? sql<[number, number] | null>`null::int[]`.as('measured')
        : sql<[number, number] | null>`case when t.measure is not null then task_measure(o.id) end`.as('measured'),
    ])
    .where(inScope('o.unit_path', scope));
  if (w.kind) rows = rows.where('t.measure', w.kind === 'ticked' ? 'is' : 'is not', null);
  if (w.stored) rows = rows.where('o.status', '=', w.stored);
  if (w.from) rows = rows.where('o.due_on', '>=', w.from);
  if (w.to) rows = rows.where('o.due_on', '<=', w.to);
  return db.selectFrom((w.kind === 'ticked' ? rows : rows.offset(0)).as('w')).selectAll('w').select(status.as('status'));
}

type Occurrence = Awaited<ReturnType<ReturnType<typeof occurrencesIn>['execute']>>[number];
const byDue = (a: Occurrence, b: Occurrence) => (a.due_on < b.due_on ? -1 : a.due_on > b.due_on ? 1 : a.id - b.id);
/** When an occurrence was done: its tick, or for one the data answers, when it fell due. */
const doneMoment = (o: Occurrence) => o.done_at?.getTime() ?? Date.parse(`${o.due_on}T${o.due_time ?? '23:59'}:00+07:00`);

/**
 * "My work": overdue and coming occurrences (open), and the latest done, inside the scope. Those
 * ticked by hand come from the indexes; those the data answers are few (a task's nights since
 * `measuredFrom`, after which a night can no longer be reported) and are judged, then merged.
 */
export async function myWork(
  db: Q, scope: string[], today: string, horizon: string, limit: number, recentFrom: string, measuredFrom: string,
) {
  const ticked = (stored: 'open' | 'done') => occurrencesIn(db, scope, { kind: 'ticked', stored, to: stored === 'open' ? horizon : undefined });
  const [overdue, due, done, counts, measured] = await Promise.all([
    ticked('open').where('w.due_on', '<', today).orderBy('w.due_on').orderBy('w.id').limit(limit).execute(),
    ticked('open').where('w.due_on', '>=', today).orderBy('w.due_on').orderBy('w.id').limit(limit).execute(),
    ticked('done').orderBy('w.done_at', 'desc').orderBy('w.id', 'desc').limit(Math.min(limit, 20)).execute(),
    db
      .selectFrom('task_occurrences as o')
      .innerJoin('tasks as t', 't.id', 'o.task_id')
      .select([
        sql<number>`count(*) filter (where o.due_on < ${today})::int`.as('overdue'),
        sql<number>`count(*) filter (where o.due_on >= ${today})::int`.as('due'),
      ])
      .where('o.status', '=', 'open')
      .where('t.measure', 'is', null)
      .where('o.due_on', '<=', horizon)
      .where(inScope('o.unit_path', scope))
      .executeTakeFirstOrThrow(),
    // Coming work is what someone must do: a night the data will answer is listed on its day only.
    occurrencesIn(db, scope, { kind: 'measured', stored: 'open', from: recentFrom < measuredFrom ? recentFrom : measuredFrom, to: today })
      .execute(),
  ]);
  const open = measured.filter((o) => o.status === 'open');
  const late = open.filter((o) => o.due_on < today && o.due_on >= measuredFrom);
  const tonight = open.filter((o) => o.due_on === today);
  return {
    overdue: [...overdue, ...late].sort(byDue).slice(0, limit),
    due: [...due, ...tonight].sort(byDue).slice(0, limit),
    done: [...done, ...measured.filter((o) => o.status === 'done' && o.due_on >= recentFrom)]
      .sort((a, b) => doneMoment(b) - doneMoment(a) || b.id - a.id).slice(0, Math.min(limit, 20)),
    counts: { overdue: counts.overdue + late.length, due: counts.due + tonight.length },
  };
}

/** Occurrences per day of a month inside the scope, with the first few of each day. */
export function calendar(db: Q, scope: string[], from: string, to: string) {
  return occurrencesIn(db, scope, { from, to }).orderBy('w.due_on').orderBy('w.id').limit(2000).execute();
}

export const getOccurrence = (db: Q, id: number) =>
  db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select(['o.id', 'o.task_id', 'o.unit_path', 'o.province_code', 'o.due_on', 'o.status', 'o.evidence', 'o.done_at', 't.lead_unit_id', 't.measure'])
    .where('o.id', '=', id)
    .executeTakeFirst();

/** The evidence files of these occurrences, oldest first. */
export const filesOfOccurrences = (db: Q, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
      .selectFrom('task_occurrence_files as of')
      .innerJoin('files as f', 'f.id', 'of.file_id')
      .select(['of.occurrence_id', ...fileColumns])
      .where('of.occurrence_id', 'in', ids)
      .orderBy('f.id')
      .execute();

export const linkOccurrenceFile = (db: Q, occurrence: { id: number; province_code: string }, fileId: number) =>
  db.insertInto('task_occurrence_files').values({ occurrence_id: occurrence.id, file_id: fileId, province_code: occurrence.province_code }).execute();

/** Whether the occurrence had the file. */
export const unlinkOccurrenceFile = async (db: Q, occurrenceId: number, fileId: number) =>
  !!(await db.deleteFrom('task_occurrence_files').where('occurrence_id', '=', occurrenceId).where('file_id', '=', fileId).returning('file_id').executeTakeFirst());

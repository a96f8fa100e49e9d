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

export const tasksOf = (db: Q, planId: number) =>
  db
    .selectFrom('tasks as t')
    .innerJoin('units as u', 'u.id', 't.lead_unit_id')
    .select([
      't.id', 't.title', 't.description', 't.lead_unit_id', 'u.name as lead_unit_name', 't.support_unit_ids', 't.recurrence',
      't.starts_on', 't.ends_on', 't.status',
      sql<number>`(select count(*)::int from task_occurrences o where o.task_id = t.id and o.status = 'open')`.as('open_occurrences'),
      sql<number>`(select count(*)::int from task_occurrences o where o.task_id = t.id and o.status = 'done')`.as('done_occurrences'),
    ])
    .where('t.plan_id', '=', planId)
    .orderBy('t.id')
    .execute();

const occurrenceColumns = [
  'o.id', 'o.task_id', 'o.due_on', 'o.due_time', 'o.status', 'o.done_at', 'o.evidence',
  't.title', 't.plan_id', 'p.title as plan_title', 'p.number as plan_number', 'p.symbol as plan_symbol', 'u.name as lead_unit_name',
] as const;

function occurrencesIn(db: Q, scope: string[]) {
  return db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('units as u', 'u.id', 't.lead_unit_id')
    .select(occurrenceColumns)
    .where(inScope('o.unit_path', scope));
}

/** "My work": overdue and coming occurrences (open), and the latest done, inside the scope. */
export async function myWork(db: Q, scope: string[], today: string, horizon: string, limit: number) {
  const [overdue, due, done, counts] = await Promise.all([
    occurrencesIn(db, scope).where('o.status', '=', 'open').where('o.due_on', '<', today).orderBy('o.due_on').orderBy('o.id').limit(limit).execute(),
    occurrencesIn(db, scope).where('o.status', '=', 'open').where('o.due_on', '>=', today).where('o.due_on', '<=', horizon).orderBy('o.due_on').orderBy('o.id').limit(limit).execute(),
    occurrencesIn(db, scope).where('o.status', '=', 'done').orderBy('o.done_at', 'desc').limit(Math.min(limit, 20)).execute(),
    db
      .selectFrom('task_occurrences as o')
      .select([
        sql<number>`count(*) filter (where o.due_on < ${today})::int`.as('overdue'),
        sql<number>`count(*) filter (where o.due_on >= ${today} and o.due_on <= ${horizon})::int`.as('due'),
      ])
      .where('o.status', '=', 'open')
      .where(inScope('o.unit_path', scope))
      .executeTakeFirstOrThrow(),
  ]);
  return { overdue, due, done, counts };
}

/** Occurrences per day of a month inside the scope, with the first few of each day. */
export function calendar(db: Q, scope: string[], from: string, to: string) {
  return occurrencesIn(db, scope).where('o.due_on', '>=', from).where('o.due_on', '<=', to).orderBy('o.due_on').orderBy('o.id').limit(2000).execute();
}

export const getOccurrence = (db: Q, id: number) =>
  db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select(['o.id', 'o.task_id', 'o.unit_path', 'o.province_code', 'o.due_on', 'o.status', 'o.evidence', 'o.done_at', 't.lead_unit_id'])
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

import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { ActivitiesTable, ActivityKind, DB } from '../db/schema.ts';
import { fileColumns } from '../files/queries.ts';
import { likeEscape } from '../shared/text.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type ActivityFields = Pick<
  Selectable<ActivitiesTable>,
  'kind' | 'channel' | 'title' | 'title_folded' | 'topic' | 'held_on' | 'audience' | 'description' | 'instance_id' | 'fire_group_id'
>;

export interface ActivityFilter {
  kind?: ActivityKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Folded text to find in the folded title. */
  search?: string | undefined;
}

const activityQuery = (db: Q) =>
  db
    .selectFrom('activities as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('model_instances as m', 'm.id', 'a.instance_id')
    .leftJoin('fire_groups as g', 'g.id', 'a.fire_group_id')
    .select([
      'a.id', 'a.unit_id', 'u.name as unit_name', 'a.kind', 'a.channel', 'a.title', 'a.topic', 'a.held_on', 'a.audience', 'a.description',
      'a.instance_id', 'm.name as instance_name', 'a.fire_group_id', 'g.name as fire_group_name', 'a.recorded_by', 'a.created_at',
    ]);

/** Activities under a path inside the scope that pass the filter, the latest held first. */
export function activitiesUnder(db: Q, scope: string[], underPath: string, filter: ActivityFilter & { limit: number; offset: number }) {
  let query = activityQuery(db).where(inScope('a.unit_path', scope)).where('a.unit_path', 'like', underPath + '%');
  if (filter.kind) query = query.where('a.kind', '=', filter.kind);
  if (filter.from) query = query.where('a.held_on', '>=', filter.from);
  if (filter.to) query = query.where('a.held_on', '<=', filter.to);
  if (filter.search) query = query.where('a.title_folded', 'like', `%${likeEscape(filter.search)}%`);
  return query.orderBy('a.held_on', 'desc').orderBy('a.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

export const getActivity = (db: Q, id: number) =>
  activityQuery(db).select(['a.unit_path', 'a.province_code']).where('a.id', '=', id).executeTakeFirst();

export const insertActivity = (db: Q, unit: { id: number; path: string; province_code: string }, fields: ActivityFields, recordedBy: number) =>
  db
    .insertInto('activities')
    .values({ ...fields, unit_id: unit.id, unit_path: unit.path, province_code: unit.province_code, recorded_by: recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateActivity = (db: Q, id: number, fields: ActivityFields) => db.updateTable('activities').set(fields).where('id', '=', id).execute();

/** The activity and the files attached to it: a file belongs to its owner and goes with it. */
export async function deleteActivity(db: Q, id: number) {
  await db.deleteFrom('files').where('id', 'in', db.selectFrom('activity_files').select('file_id').where('activity_id', '=', id)).execute();
  await db.deleteFrom('activities').where('id', '=', id).execute();
}

/** A model instance with the paths of every unit it covers: its own and the further ones. */
export async function instanceCoverage(db: Q, id: number) {
  const m = await db.selectFrom('model_instances').select(['id', 'name', 'unit_path']).where('id', '=', id).executeTakeFirst();
  if (!m) return undefined;
  const extra = await db
    .selectFrom('model_instance_units as x')
    .innerJoin('units as u', 'u.id', 'x.unit_id')
    .select('u.path')
    .where('x.instance_id', '=', id)
    .execute();
  return { ...m, paths: [m.unit_path, ...extra.map((e) => e.path)] };
}

export const getFireGroup = (db: Q, id: number) =>
  db.selectFrom('fire_groups').select(['id', 'name', 'village_path']).where('id', '=', id).executeTakeFirst();

export const filesOfActivities = (db: Q, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
      .selectFrom('activity_files as af')
      .innerJoin('files as f', 'f.id', 'af.file_id')
      .select(['af.activity_id', ...fileColumns])
      .where('af.activity_id', 'in', ids)
      .orderBy('f.id')
      .execute();

export const linkActivityFile = (db: Q, activity: { id: number; province_code: string }, fileId: number) =>
  db.insertInto('activity_files').values({ activity_id: activity.id, file_id: fileId, province_code: activity.province_code }).execute();

/** Whether the activity had the file. */
export const unlinkActivityFile = async (db: Q, activityId: number, fileId: number) =>
  !!(await db.deleteFrom('activity_files').where('activity_id', '=', activityId).where('file_id', '=', fileId).returning('file_id').executeTakeFirst());

/** Activities and the people they reached per kind, or per channel of the outreach, under a path over a period. */
export function activityCounts(db: Q, scope: string[], underPath: string, period: { from: string; to: string }, by: 'kind' | 'channel') {
  const key = sql.ref<string>(by === 'kind' ? 'a.kind' : 'a.channel');
  let query = db
    .selectFrom('activities as a')
    .select([key.as('key'), sql<number>`count(*)::int`.as('activities'), sql<number>`coalesce(sum(a.audience), 0)::bigint`.as('audience')])
    .where(inScope('a.unit_path', scope))
    .where('a.unit_path', 'like', underPath + '%')
    .where('a.held_on', '>=', period.from)
    .where('a.held_on', '<=', period.to);
  if (by === 'channel') query = query.where('a.kind', '=', 'outreach');
  return query.groupBy(key).orderBy(key).execute();
}

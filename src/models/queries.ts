import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { InstanceMembersTable } from '../db/schema.ts';
import type { DB } from '../db/schema.ts';
import { fileColumns } from '../files/queries.ts';
import { inScope } from '../access/policy.ts';

type Q = Kysely<DB> | Transaction<DB>;

const templateColumns = [
  't.id', 't.family_id', 't.version', 't.is_current', 't.builtin_key', 't.owner_unit_id', 't.owner_path',
  't.name', 't.field', 't.purpose', 't.steps', 't.activities', 't.targets', 't.reports', 't.created_at',
] as const;

export const getTemplate = (db: Q, id: number) =>
  db.selectFrom('model_templates as t').select(templateColumns).where('t.id', '=', id).executeTakeFirst();

/** Current templates the caller may use: built-in ones, and those of units in or above their scope. */
export function listTemplates(db: Q, scope: string[]) {
  return db
    .selectFrom('model_templates as t')
    .leftJoin('units as u', 'u.id', 't.owner_unit_id')
    .select([...templateColumns, 'u.name as owner_name'])
    .where('t.is_current', '=', true)
    .where((eb) =>
      eb.or([
        eb('t.builtin_key', 'is not', null),
        inScope('t.owner_path', scope),
        ...scope.map((root) => eb(sql.lit(root), 'like', sql<string>`t.owner_path || '%'`)),
      ]),
    )
    .orderBy('t.builtin_key')
    .orderBy('t.name')
    .execute();
}

export const templateVersions = (db: Q, familyId: number) =>
  db.selectFrom('model_templates').select(['id', 'version', 'is_current', 'created_at']).where('family_id', '=', familyId).orderBy('version').execute();

export const templateInUse = async (db: Q, id: number) =>
  !!(await db.selectFrom('model_instances').select('id').where('template_id', '=', id).limit(1).executeTakeFirst());

const instanceColumns = [
  'm.id', 'm.province_code', 'm.template_id', 'm.unit_id', 'm.unit_path', 'm.name', 'm.status',
  'm.replicated_from_id', 'm.plan_id', 'm.started_on', 'm.created_at',
] as const;

export const getInstance = (db: Q, id: number) =>
  db
    .selectFrom('model_instances as m')
    .innerJoin('model_templates as t', 't.id', 'm.template_id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select([...instanceColumns, 't.name as template_name', 't.version as template_version', 't.field', 'u.name as unit_name'])
    .where('m.id', '=', id)
    .executeTakeFirst();

/** Instances inside the scope (and under a unit when given), with their progress through the lifecycle. */
export function listInstances(db: Q, scope: string[], opts: { underPath?: string | undefined; templateId?: number | undefined; limit: number; offset: number; today: string }) {
  let q = db
    .selectFrom('model_instances as m')
    .innerJoin('model_templates as t', 't.id', 'm.template_id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select([
      ...instanceColumns, 't.name as template_name', 't.field', 'u.name as unit_name',
      // The rule of isLate (service.ts): running the model is late only when it has not started.
      sql<number>`(select count(*)::int from instance_steps s where s.instance_id = m.id and case when s.step = 'operating' then s.actual_start is null and s.planned_start < ${opts.today} else s.actual_end is null and s.planned_end < ${opts.today} end)`.as('late_steps'),
      sql<string | null>`(select s.step from instance_steps s where s.instance_id = m.id and s.actual_end is null order by s.ordinal limit 1)`.as('current_step'),
    ])
    .where(inScope('m.unit_path', scope));
  if (opts.underPath) q = q.where('m.unit_path', 'like', opts.underPath + '%');
  if (opts.templateId) q = q.where('m.template_id', '=', opts.templateId);
  return q.orderBy('m.unit_path').orderBy('m.id').limit(opts.limit).offset(opts.offset).execute();
}

export const stepsOf = (db: Q, instanceId: number) =>
  db.selectFrom('instance_steps').selectAll().where('instance_id', '=', instanceId).orderBy('ordinal').execute();

export const stepOf = (db: Q, instanceId: number, step: string) =>
  db.selectFrom('instance_steps').select(['id', 'province_code']).where('instance_id', '=', instanceId).where('step', '=', step).executeTakeFirst();

export const linkStepFile = (db: Q, step: { id: number; province_code: string }, fileId: number) =>
  db.insertInto('instance_step_files').values({ step_id: step.id, file_id: fileId, province_code: step.province_code }).execute();

/** Whether the step had the file. */
export const unlinkStepFile = async (db: Q, stepId: number, fileId: number) =>
  !!(await db.deleteFrom('instance_step_files').where('step_id', '=', stepId).where('file_id', '=', fileId).returning('file_id').executeTakeFirst());

/** The files attached to the steps of an instance, oldest first. */
export const stepFilesOf = (db: Q, instanceId: number) =>
  db
    .selectFrom('instance_step_files as sf')
    .innerJoin('instance_steps as s', 's.id', 'sf.step_id')
    .innerJoin('files as f', 'f.id', 'sf.file_id')
    .select(['s.step', ...fileColumns])
    .where('s.instance_id', '=', instanceId)
    .orderBy('f.id')
    .execute();

export const membersOf = (db: Q, instanceId: number) =>
  db.selectFrom('instance_members').select(['id', 'full_name', 'role', 'position']).where('instance_id', '=', instanceId).orderBy('id').execute();

const memberColumns = ['id', 'full_name', 'role', 'position'] as const;

/** One member of this instance's working group; a member of another instance is not found. */
export const getMember = (db: Q, instanceId: number, memberId: number) =>
  db.selectFrom('instance_members').select(memberColumns)
    .where('instance_id', '=', instanceId).where('id', '=', memberId)
    .executeTakeFirst();

export const updateMember = (db: Q, memberId: number, fields: Pick<Updateable<InstanceMembersTable>, 'full_name' | 'role' | 'position'>) =>
  db.updateTable('instance_members').set(fields).where('id', '=', memberId).returning(memberColumns).executeTakeFirstOrThrow();

export const deleteMember = (db: Q, memberId: number) =>
  db.deleteFrom('instance_members').where('id', '=', memberId).execute();

export const commitmentCounts = (db: Q, instanceId: number) =>
  db
    .selectFrom('instance_commitments')
    .select(['signer_kind', db.fn.countAll<number>().as('count')])
    .where('instance_id', '=', instanceId)
    .groupBy('signer_kind')
    .execute();

export const replicasOf = (db: Q, instanceId: number) =>
  db
    .selectFrom('model_instances as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.name', 'm.status', 'u.name as unit_name', 'm.unit_path'])
    .where('m.replicated_from_id', '=', instanceId)
    .orderBy('m.id')
    .execute();

export const extraUnitsOf = (db: Q, instanceId: number) =>
  db
    .selectFrom('model_instance_units as x')
    .innerJoin('units as u', 'u.id', 'x.unit_id')
    .select(['u.id', 'u.name', 'u.kind', 'u.path'])
    .where('x.instance_id', '=', instanceId)
    .orderBy('u.name')
    .execute();

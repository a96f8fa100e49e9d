import { sql, type Kysely, type Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * The targets of the models that cover a unit: those running at it or above it, and those
 * covering it (or a unit above it) by name; the nearest first.
 */
export const targetsCovering = (db: Q, unitPath: string) =>
  db
    .selectFrom('model_instances as i')
    .innerJoin('model_templates as t', 't.id', 'i.template_id')
    .select(['i.id as instance_id', 'i.name as instance_name', 'i.unit_path', sql<{ key: string; title: string; value: number; unit: '%' | 'count' }[]>`t.targets`.as('targets')])
    .where('i.status', '<>', 'closed')
    .where(sql<boolean>`(${unitPath} like i.unit_path || '%' or exists (
      select 1 from model_instance_units mu join units u on u.id = mu.unit_id where mu.instance_id = i.id and ${unitPath} like u.path || '%'))`)
    .orderBy(sql`length(i.unit_path)`, 'desc')
    .orderBy('i.id')
    .execute();

/**
 * Schools under a path, and those of them with a plan of their own: a model running at the school
 * or a plan it issued (the school model's "every school has a plan" target).
 */
export const schoolsWithPlan = (db: Q, scope: string[], underPath: string) =>
  db
    .selectFrom('units as s')
    .select([
      sql<number>`count(*)::int`.as('schools'),
      sql<number>`(count(*) filter (where exists (select 1 from model_instances i where i.unit_id = s.id and i.status <> 'closed')
        or exists (select 1 from plans p where p.unit_id = s.id and p.status <> 'draft')))::int`.as('with_plan'),
    ])
    .where('s.kind', '=', 'school')
    .where('s.path', 'like', underPath + '%')
    .where(inScope('s.path', scope))
    .executeTakeFirstOrThrow();

/**
 * Commitments signed in the models under a path (or covering it) whose template holds the
 * commitment target, per model, with the number of signatures the model expects, if set.
 */
export const commitmentsSigned = (db: Q, scope: string[], underPath: string) =>
  db
    .selectFrom('instance_commitments as c')
    .innerJoin('model_instances as i', 'i.id', 'c.instance_id')
    .innerJoin('model_templates as t', 't.id', 'i.template_id')
    .select(sql<number>`count(*)::int`.as('signed'))
    .where('i.status', '<>', 'closed')
    .where(sql<boolean>`t.targets @> '[{"key":"cam-ket"}]'::jsonb`)
    .where('i.unit_path', 'like', underPath + '%')
    .where(inScope('i.unit_path', scope))
    .executeTakeFirstOrThrow();

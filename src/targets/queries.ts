import { sql, type Kysely, type Transaction } from 'kysely';
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

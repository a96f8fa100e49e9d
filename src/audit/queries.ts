import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { inScope } from '../access/policy.ts';

export interface AuditFilter {
  scope: string[];
  /** Entries tied to no unit (log-ins, accounts): only for whole-country auditors. */
  includeUnitless?: boolean;
  entity?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** Newest first, keyset-paged by id. Entries not tied to a unit (log-ins, accounts) are shown to whole-country auditors only. */
export function listAudit(db: Kysely<DB>, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id', 'a.at', 'a.actor_id', 'a.actor_name', 'a.action', 'a.entity', 'a.entity_id',
      'a.unit_id', 'u.name as unit_name', 'a.before', 'a.after', 'a.ip',
    ])
    .where((eb) => (f.includeUnitless ? eb.or([inScope('a.unit_path', f.scope), eb('a.unit_path', 'is', null)]) : inScope('a.unit_path', f.scope)));
  if (f.entity) q = q.where('a.entity', '=', f.entity);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.actor) q = q.where('a.actor_name', '=', f.actor);
  if (f.before) q = q.where('a.id', '<', f.before);
  return q.orderBy('a.id', 'desc').limit(f.limit).execute();
}

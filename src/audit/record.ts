import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/policy.ts';
import type { AuditAction, AuditEntity } from './entities.ts';

/** Who is acting and from where; passed into every service that changes data. */
export interface Context {
  actor: Actor | null;
  ip?: string | undefined;
}

export interface Change {
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | number | null;
  unit?: { id: number; path: string; province_code: string | null } | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log inside the caller's transaction, so the record and the change stand or fall together. */
export async function recordChanges(trx: Kysely<DB> | Transaction<DB>, ctx: Context, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  for (let i = 0; i < changes.length; i += 1000) {
    await trx
      .insertInto('audit_log')
      .values(
        changes.slice(i, i + 1000).map((c) => ({
          actor_id: ctx.actor?.userId ?? null,
          actor_name: ctx.actor?.username ?? null,
          action: c.action,
          entity: c.entity,
          entity_id: c.entityId == null ? null : String(c.entityId),
          unit_id: c.unit?.id ?? null,
          unit_path: c.unit?.path ?? null,
          province_code: c.unit?.province_code ?? null,
          before: c.before === undefined ? null : JSON.stringify(c.before),
          after: c.after === undefined ? null : JSON.stringify(c.after),
          ip: ctx.ip ?? null,
        })),
      )
      .execute();
  }
}

export const recordChange = (trx: Kysely<DB> | Transaction<DB>, ctx: Context, change: Change) =>
  recordChanges(trx, ctx, [change]);

import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor, Role } from '../access/policy.ts';

export const findUserByUsername = (db: Kysely<DB>, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

/** The live session for a token hash, with its user; expired sessions and inactive users yield nothing. */
export const findSession = (db: Kysely<DB>, tokenHash: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.token_hash', 's.csrf_token', 's.expires_at', 'u.id as user_id', 'u.username', 'u.full_name', 'u.must_change_password'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.active', '=', true)
    .executeTakeFirst();

export async function loadGrants(db: Kysely<DB>, userId: number): Promise<Actor['grants']> {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.unit_id', 'u.path', 'u.name', 'g.role'])
    .where('g.user_id', '=', userId)
    .orderBy('u.path')
    .execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitPath: r.path, unitName: r.name, role: r.role as Role }));
}

export const insertSession = (
  db: Kysely<DB>,
  s: { token_hash: string; user_id: number; csrf_token: string; expires_at: Date; ip: string | null; user_agent: string | null },
) => db.insertInto('sessions').values(s).execute();

export const extendSession = (db: Kysely<DB>, tokenHash: string, expiresAt: Date) =>
  db.updateTable('sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();

export const deleteSession = (db: Kysely<DB>, tokenHash: string) =>
  db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();

export const deleteOtherSessions = (db: Kysely<DB>, userId: number, keep: string) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', keep).execute();

export const deleteExpiredSessions = (db: Kysely<DB>) =>
  db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).execute();

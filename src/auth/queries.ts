import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/policy.ts';

export const findUserByUsername = (db: Kysely<DB>, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

/**
 * The live sessions of these token hashes, with their users and the users' grants, in one round
 * trip for all the requests that ask at once; expired sessions and inactive users yield nothing.
 */
export const findSessions = (db: Kysely<DB>, tokenHashes: readonly string[]) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.token_hash', 's.csrf_token', 's.expires_at', 'u.id as user_id', 'u.username', 'u.full_name', 'u.must_change_password',
      sql<Actor['grants']>`(
        select coalesce(json_agg(json_build_object('id', g.id, 'unitId', g.unit_id, 'unitPath', gu.path, 'unitName', gu.name, 'role', g.role) order by gu.path), '[]'::json)
        from grants g join units gu on gu.id = g.unit_id where g.user_id = u.id
      )`.as('grants'),
    ])
    .where('s.token_hash', 'in', tokenHashes)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.active', '=', true)
    .execute();

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

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
      's.token_hash', 's.csrf_token', 's.created_at', 's.expires_at', 'u.id as user_id', 'u.username', 'u.full_name', 'u.must_change_password',
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

/**
 * Reserves one attempt on a log-in counter, counted as a failure until it succeeds: the count
 * goes up and the next attempt waits `delaySeconds(failures)`, unless the counter is still
 * waiting (then nothing, and no row returned). The row lock orders attempts made at once, so
 * twenty parallel guesses are counted one after the other, each against the last one's delay.
 * A counter quiet for a day starts again from one.
 */
export const reserveLoginAttempt = (db: Kysely<DB>, key: string, rule: { free: number; capSeconds: number }) => {
  const failures = sql<number>`case when login_failures.last_at < clock_timestamp() - interval '1 day' then 1
    else login_failures.failures + 1 end`;
  const delay = (n: unknown) => sql<Date>`clock_timestamp() + make_interval(secs => case when ${n} <= ${rule.free}::int then 0
    else least(${rule.capSeconds}::int, power(2, least(${n} - ${rule.free}::int - 1, 30))) end)`;
  return db
    .insertInto('login_failures')
    .values({ key, failures: 1, next_at: delay(sql`1`), last_at: sql<Date>`clock_timestamp()` })
    .onConflict((oc) => oc.column('key')
      .doUpdateSet({ failures, next_at: delay(failures), last_at: sql<Date>`clock_timestamp()` })
      .where('login_failures.next_at', '<=', sql<Date>`clock_timestamp()`))
    .returning(['key', 'failures'])
    .executeTakeFirst();
};

/** When the latest of these counters allows the next attempt, if any still waits. */
export const loginWaitUntil = (db: Kysely<DB>, keys: string[]) =>
  db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.max('next_at').as('next_at'))
    .where('key', 'in', keys)
    .where('next_at', '>', sql<Date>`clock_timestamp()`)
    .executeTakeFirst();

export const deleteLoginFailures = (db: Kysely<DB>, keys: string[]) =>
  db.deleteFrom('login_failures').where('key', 'in', keys).execute();

export const deleteStaleLoginFailures = (db: Kysely<DB>) =>
  db
    .deleteFrom('login_failures')
    .where('last_at', '<', sql<Date>`now() - interval '1 day'`)
    .where('next_at', '<', sql<Date>`now()`)
    .execute();

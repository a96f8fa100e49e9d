import crypto from 'node:crypto';
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import { AppError, invalid } from '../http/errors.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import * as q from './queries.ts';
import { perEventLoopTurn } from '../shared/batching.ts';
import { forgetFailures, reserveAttempt } from './throttle.ts';

export const SESSION_HOURS = 12;
/** A session ends this long after log-in however much it is used, unless SESSION_MAX_HOURS says otherwise. */
export const SESSION_MAX_HOURS = 12;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const randomToken = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');

const badCredentials = () => new AppError(401, 'BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');

/**
 * Checks a password and opens a session. Each attempt is reserved on the failure counters before
 * the password is checked (throttle.ts): too soon after failures, 429 with the wait.
 */
export async function login(db: Kysely<DB>, ctx: Context & { userAgent?: string | undefined }, username: string, password: string) {
  const name = username.trim().toLowerCase();
  const ip = ctx.ip ?? '';
  await reserveAttempt(db, name, ip);
  const user = await q.findUserByUsername(db, name);
  const ok = await verifyPassword(user?.password_hash, password);
  if (!user || !ok || !user.active) {
    if (user) {
      const change = { action: 'login_failed', entity: 'user', entityId: user.id, after: { username: user.username } } as const;
      await recordChange(db, { actor: null, ip: ctx.ip }, change);
    }
    throw badCredentials();
  }
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await db.transaction().execute(async (trx) => {
    await forgetFailures(trx, name, ip);
    await q.insertSession(trx, {
      token_hash: hashToken(token), user_id: user.id, csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000),
      ip: ctx.ip ?? null, user_agent: ctx.userAgent?.slice(0, 300) ?? null,
    });
    const actor = { userId: user.id, username: user.username, fullName: user.full_name, grants: [] };
    await recordChange(trx, { actor, ip: ctx.ip }, { action: 'login', entity: 'user', entityId: user.id, after: { username: user.username } });
  });
  return { token, csrfToken, userId: user.id };
}

type Session = Awaited<ReturnType<typeof q.findSessions>>[number];

/**
 * Every request looks its session up; those read in the same turn of the event loop share one
 * query. No cache: each lookup reads the database, so a logout or a revoked grant counts at once.
 */
const sessionLoaders = new WeakMap<Kysely<DB>, DataLoader<string, Session | undefined>>();
function sessionLoader(db: Kysely<DB>) {
  let loader = sessionLoaders.get(db);
  if (!loader) {
    loader = new DataLoader(async (hashes: readonly string[]) => {
      const found = new Map((await q.findSessions(db, hashes)).map((s) => [s.token_hash, s]));
      return hashes.map((h) => found.get(h));
    }, { cache: false, ...perEventLoopTurn });
    sessionLoaders.set(db, loader);
  }
  return loader;
}

/**
 * The session behind a cookie token, extended when past half its idle life, never past
 * maxHours after log-in: a stolen cookie kept busy still dies.
 */
export async function resume(db: Kysely<DB>, token: string, maxHours = SESSION_MAX_HOURS) {
  const tokenHash = hashToken(token);
  const session = await sessionLoader(db).load(tokenHash);
  if (!session) return undefined;
  const end = new Date(session.created_at).getTime() + maxHours * 3600_000;
  if (end <= Date.now()) return undefined;
  const left = session.expires_at.getTime() - Date.now();
  if (left < (SESSION_HOURS * 3600_000) / 2 && session.expires_at.getTime() < end) {
    await q.extendSession(db, tokenHash, new Date(Math.min(end, Date.now() + SESSION_HOURS * 3600_000)));
  }
  return { tokenHash, session, grants: session.grants };
}

export async function logout(db: Kysely<DB>, ctx: Context, tokenHash: string) {
  await db.transaction().execute(async (trx) => {
    await q.deleteSession(trx, tokenHash);
    await recordChange(trx, ctx, { action: 'logout', entity: 'user', entityId: ctx.actor?.userId });
  });
}

/** Changes one's own password; every other session of the user is closed. */
export async function changePassword(db: Kysely<DB>, ctx: Context & { actor: Actor }, tokenHash: string, current: string, next: string) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  // A session in other hands must not be a way to guess the password around the log-in's delays.
  await reserveAttempt(db, user.username, ctx.ip ?? '');
  if (!(await verifyPassword(user.password_hash, current))) {
    throw invalid('Mật khẩu hiện tại không đúng', [{ path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' }]);
  }
  const problems = passwordProblems(next, user.username);
  if (current === next) problems.push('Mật khẩu mới phải khác mật khẩu hiện tại');
  if (problems.length) throw invalid(problems.join('; '), problems.map((m) => ({ path: 'newPassword', message: m })));
  const password_hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash, must_change_password: false, updated_at: new Date() }).where('id', '=', user.id).execute();
    await q.deleteOtherSessions(trx, user.id, tokenHash);
    await forgetFailures(trx, user.username, ctx.ip ?? '');
    await recordChange(trx, ctx, { action: 'password_change', entity: 'user', entityId: user.id });
  });
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { PERMISSIONS, ROLES, roleAllows } from '../access/policy.ts';
import { ErrorBody } from '../http/errors.ts';
import { actorOf, contextOf, SESSION_COOKIE } from './plugin.ts';
import { changePassword, login, logout, resume, SESSION_HOURS } from './service.ts';
import { TooSoon } from './throttle.ts';

const Me = z
  .object({
    user: z.object({ id: z.number(), username: z.string(), fullName: z.string() }),
    grants: z.array(z.object({
      id: z.number(), unitId: z.number(), unitName: z.string(), unitPath: z.string(),
      role: z.enum(ROLES), permissions: z.array(z.enum(PERMISSIONS)),
    })),
    csrfToken: z.string(),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Me' });

/** Says when to try again on a 429 of the password checks, as the header clients read. */
const withRetryAfter = (reply: FastifyReply) => (e: unknown): never => {
  if (e instanceof TooSoon) reply.header('retry-after', String(e.retryAfterSeconds));
  throw e;
};

export function authRoutes(app: FastifyInstance, db: Kysely<DB>, opts: { cookieSecure: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tài khoản'];

  const me = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    return {
      user: { id: actor.userId, username: actor.username, fullName: actor.fullName },
      grants: actor.grants.map((g) => ({ ...g, permissions: PERMISSIONS.filter((p) => roleAllows(g.role, p)) })),
      csrfToken: req.csrfToken!,
      mustChangePassword: actor.mustChangePassword ?? false,
    };
  };

  r.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags, summary: 'Đăng nhập',
      body: z.object({ username: z.string().min(1).max(50), password: z.string().min(1).max(200) }),
      response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
    },
  }, async (req, reply) => {
    const ctx = { actor: null, ip: req.ip, userAgent: req.headers['user-agent'] };
    const { token, userId } = await login(db, ctx, req.body.username, req.body.password).catch(withRetryAfter(reply));
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: opts.cookieSecure, maxAge: SESSION_HOURS * 3600,
    });
    const found = (await resume(db, token))!;
    req.actor = {
      userId, username: found.session.username, fullName: found.session.full_name, grants: found.grants,
      mustChangePassword: found.session.must_change_password,
    };
    req.csrfToken = found.session.csrf_token;
    return me(req);
  });

  r.get('/api/auth/me', {
    schema: { tags, summary: 'Người dùng hiện tại, quyền và mã CSRF', response: { 200: Me, 401: ErrorBody } },
  }, async (req) => me(req));

  // The app asks this before it knows whether anyone is logged in (the cookie is HttpOnly): an
  // anonymous visitor is an answer here, not an error, so a log-in page loads without a 401.
  r.get('/api/auth/session', {
    config: { public: true },
    schema: { tags, summary: 'Phiên hiện tại: người dùng, quyền và mã CSRF, hoặc null khi chưa đăng nhập', response: { 200: Me.nullable() } },
  }, async (req) => (req.actor ? me(req) : null));

  r.post('/api/auth/logout', {
    schema: { tags, summary: 'Đăng xuất', response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody } },
  }, async (req, reply) => {
    await logout(db, contextOf(req), req.sessionTokenHash!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.post('/api/auth/password', {
    schema: {
      tags, summary: 'Đổi mật khẩu của mình',
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
      response: { 204: z.null(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
    },
  }, async (req, reply) => {
    const { currentPassword, newPassword } = req.body;
    await changePassword(db, contextOf(req), req.sessionTokenHash!, currentPassword, newPassword).catch(withRetryAfter(reply));
    return reply.status(204).send(null);
  });
}

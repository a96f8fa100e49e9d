import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/policy.ts';
import { AppError } from '../http/errors.ts';
import { resume } from './service.ts';

export const SESSION_COOKIE = 'by_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (log-in, health, docs). */
    public?: boolean;
  }
}

export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập');

/** The caller, or 401. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** Who acts and from where, for the services that change data (and audit it). */
export const contextOf = (req: FastifyRequest) => ({ actor: actorOf(req), ip: req.ip });

/**
 * Resolves the session cookie into req.actor on every API request, refuses anonymous
 * callers on non-public routes, and checks the CSRF token on every state-changing one.
 */
export function registerAuth(app: FastifyInstance, db: Kysely<DB>, sessionMaxHours?: number) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    // The path the router matched, decoded: the raw URL may spell /api/ as /%61pi/ and reach the
    // same handler. Unmatched paths answer 404 (the staff app's catch-all says so for /api/).
    if (!req.routeOptions.url?.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await resume(db, token, sessionMaxHours);
      if (found) {
        req.actor = {
          userId: found.session.user_id,
          username: found.session.username,
          fullName: found.session.full_name,
          grants: found.grants,
          mustChangePassword: found.session.must_change_password,
        };
        req.sessionTokenHash = found.tokenHash;
        req.csrfToken = found.session.csrf_token;
      }
    }
    const isPublic = req.routeOptions.config?.public === true;
    if (SAFE_METHODS.has(req.method)) {
      if (!isPublic && !req.actor) throw unauthenticated();
      return;
    }
    if (isPublic) {
      // Log-in has no session yet: a cross-site form cannot send JSON, and a foreign Origin is refused.
      const origin = req.headers.origin;
      if (origin && hostOf(origin) !== req.headers.host) {
        throw new AppError(403, 'CSRF', 'Yêu cầu từ trang khác bị từ chối');
      }
      return;
    }
    if (!req.actor) throw unauthenticated();
    if (req.headers['x-csrf-token'] !== req.csrfToken) {
      throw new AppError(403, 'CSRF', 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF), hãy tải lại trang');
    }
  });
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

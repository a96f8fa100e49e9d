/**
 * The headers every answer carries, so that a page of the platform cannot be framed (clickjacking),
 * run a script it did not load from here, have its type guessed, or tell another site where it was.
 * A route that needs a stricter policy (the public pages, an uploaded file) sets its own and keeps it.
 */
import type { FastifyInstance } from 'fastify';

/**
 * Scripts only from this origin: the staff app, the API docs and /keng load theirs from files, and
 * the public pages run none. Inline styles stay allowed: /keng and the public pages carry theirs
 * in the page, and a style cannot run code. Images may be data: URLs (the app's icon).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance, opts: { cookieSecure: boolean }) {
  const headers: Record<string, string> = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    // For browsers older than frame-ancestors.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // A tip's receipt and a keychain's page carry codes in their address: no link may pass it on.
    'referrer-policy': 'no-referrer',
  };
  // Only where the platform is served over HTTPS (COOKIE_SECURE=1): over plain HTTP the header
  // would be ignored, and a test or intranet install must not be pinned to HTTPS by it.
  if (opts.cookieSecure) headers['strict-transport-security'] = 'max-age=31536000';
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
}

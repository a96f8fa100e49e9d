/**
 * The striker's phone page, /keng: plain HTML and a few kilobytes of script (no framework), so
 * it opens fast on a cheap Android phone with poor signal, installs as an app (manifest) and
 * works offline (service worker, queue in localStorage).
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';

const DIR = new URL('./phone/', import.meta.url);

const FILES: Record<string, [file: string, type: string]> = {
  '/keng': ['index.html', 'text/html; charset=utf-8'],
  '/keng/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/keng/sw.js': ['sw.js', 'text/javascript; charset=utf-8'],
  '/keng/manifest.webmanifest': ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
  '/keng/icon.svg': ['icon.svg', 'image/svg+xml'],
};

export function phoneRoutes(app: FastifyInstance) {
  for (const [url, [file, type]] of Object.entries(FILES)) {
    const body = fs.readFileSync(new URL(file, DIR));
    app.get(url, { schema: { hide: true } }, (_req, reply) =>
      reply
        .type(type)
        // Revalidated each time: a fixed village phone must not keep an old script for long.
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        // The worker lives in /keng/ but serves /keng itself.
        .header('service-worker-allowed', '/keng')
        .send(body));
  }
}

import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/support/server.ts';
import { buildApp } from '../app.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The raw answer, bytes as sent (fetch would undo the compression and hide it). */
function raw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const WEB_DIST = new URL('../../web/dist/', import.meta.url);
const mainScript = () => fs.readFileSync(new URL('index.html', WEB_DIST), 'utf8').match(/src="\/(assets\/index-[\w-]+\.js)"/)![1]!;

describe('security headers', () => {
  it('an API route, the app shell and a public page forbid framing, sniffing and referrers', async () => {
    for (const path of ['/api/health', '/', '/some/client/route', '/bao-tin', '/keng']) {
      const res = await raw(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
    }
    expect((await raw(server.url + '/')).headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    // The public pages keep their own, stricter policy: no script at all.
    expect((await raw(server.url + '/bao-tin')).headers['content-security-policy']).toMatch(/^default-src 'none'/);
  });

  it('sends HSTS only when served over HTTPS (COOKIE_SECURE=1)', async () => {
    const app = await buildApp({ database: server.database, config: { cookieSecure: true } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const res = await raw(`http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/health`);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await app.close();
    }
  });
});

describe('compression and caching', () => {
  it('sends the main script brotli-compressed, the same bytes once decompressed, cached for a year', async () => {
    const file = mainScript();
    const res = await raw(`${server.url}/${file}`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const original = fs.readFileSync(new URL(file, WEB_DIST));
    expect(res.body.length).toBeLessThan(original.length / 2);
    expect(zlib.brotliDecompressSync(res.body).equals(original)).toBe(true);
  });

  it('gzips for a client without brotli, and sends plain bytes to one that accepts neither', async () => {
    const file = mainScript();
    const original = fs.readFileSync(new URL(file, WEB_DIST));
    const gz = await raw(`${server.url}/${file}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await raw(`${server.url}/${file}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('asks again for index.html each time, so a new build reaches every browser', async () => {
    for (const path of ['/', '/index.html', '/units/1']) {
      const res = await raw(server.url + path, { 'accept-encoding': 'br' });
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(zlib.brotliDecompressSync(res.body).toString(), path).toContain('<div id="root">');
    }
  });

  it('compresses the API answers too', async () => {
    const res = await raw(`${server.url}/api/openapi.json`, { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(res.body).toString()).openapi).toBe('3.1.0');
  });
});

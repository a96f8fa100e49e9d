import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { startTestServer, type TestServer } from '../../tests/support/server.ts';
import { limiterOf } from './rate-limit.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('rate limits in the database', () => {
  it('lets the takes of one moment through up to the limit, in the order they came', async () => {
    const limit = { bucket: 'test', max: 3, windowSeconds: 600 };
    const limiter = limiterOf(server.database.db);
    expect(await limiter.spent(limit, 'k')).toBe(false);
    expect(await Promise.all([1, 2, 3, 4, 5].map(() => limiter.take(limit, 'k')))).toEqual([true, true, true, false, false]);
    expect(await limiter.spent(limit, 'k')).toBe(true);
    expect(await limiter.take(limit, 'other')).toBe(true);
  });

  it('counts Open311 look-ups per code named, the same on every instance and after a restart', async () => {
    const from = { 'x-forwarded-for': '198.51.100.20' };
    const ids = Array.from({ length: 50 }, (_, i) => `ZZZZZZZZ${'ABCDEFGHJK'[i % 10]}${'ABCDE'[Math.floor(i / 10)]}`).join(',');
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.url}/open311/v2/requests.json?service_request_id=${ids}`, { headers: from });
      expect(res.status).toBe(200);
    }
    // Another instance on the same database (or this one restarted) has seen those 300 codes.
    const other = await buildApp({ database: server.database, config: { cookieSecure: false, trustProxy: 1 } });
    try {
      const one = await other.inject({ method: 'GET', url: '/open311/v2/requests/ZZZZZZZZAB.json', headers: from });
      expect(one.statusCode).toBe(429);
      expect(one.json()).toEqual([{ code: 429, description: expect.stringMatching(/^Có quá nhiều yêu cầu từ nơi này/) }]);
      const list = await other.inject({ method: 'GET', url: '/open311/v2/requests.json?service_request_id=ZZZZZZZZAB', headers: from });
      expect(list.statusCode).toBe(429);
      const elsewhere = await other.inject({ method: 'GET', url: '/open311/v2/requests/ZZZZZZZZAB.json', headers: { 'x-forwarded-for': '198.51.100.21' } });
      expect(elsewhere.statusCode).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('limits look-ups of keychain codes from one address', async () => {
    const from = { 'x-forwarded-for': '198.51.100.22' };
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await fetch(`${server.url}/k/ABCD-EFGH-JK${i % 10}A`, { headers: from })).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
    const page = await (await fetch(`${server.url}/k/ABCD-EFGH-JKAA`, { headers: from })).text();
    expect(page).toContain('Có quá nhiều lượt tra mã móc khóa từ nơi này');
    const json = await fetch(`${server.url}/api/public/keychains/ABCDEFGHJKAA`, { headers: from });
    expect(json.status).toBe(429);
    const form = await fetch(`${server.url}/bao-tin?ma=ABCDEFGHJKAA`, { headers: from });
    expect(form.status).toBe(429);
  });

  it('behind one proxy, counts the address the proxy saw, whatever the client writes before it', async () => {
    const guess = (i: number) => fetch(`${server.url}/bao-tin/theo-doi`, {
      method: 'POST', headers: { 'x-forwarded-for': `10.0.${i}.1, 203.0.113.50` }, body: new URLSearchParams({ code: 'ZZZZ-ZZZZ-ZZ', secret: 'AAAA' }),
    });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await guess(i)).status);
    expect(statuses.slice(0, 30)).not.toContain(429);
    expect(statuses[30]).toBe(429);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/support/server.ts';
import { TEST_PASSWORD } from '../../tests/support/prepare.ts';
import { sql } from 'kysely';
import { RULES } from './throttle.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('log-in', () => {
  it('opens an HttpOnly, SameSite session and returns the grants and a CSRF token', async () => {
    const c = server.anonymous();
    const res = await c.post('/api/auth/login', { username: 'canbo', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.body.user).toMatchObject({ username: 'canbo', fullName: 'Lò Văn Minh' });
    expect(res.body.grants).toEqual([expect.objectContaining({ unitName: 'Xã Thượng Hà', role: 'officer' })]);
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('canbo');
  });

  it('keeps sessions in the database, not in server memory', async () => {
    const client = await server.login('xem');
    const { count } = await server.database.db
      .selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    expect(count).toBeGreaterThan(0);
    // A second server on the same database accepts the same cookie.
    const { buildApp } = await import('../app.ts');
    const other = await buildApp({ database: server.database, config: { cookieSecure: false } });
    const res = await other.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(200);
    await other.close();
  });

  it('refuses a wrong password and an unknown user with the same Vietnamese message', async () => {
    const a = await server.anonymous().post('/api/auth/login', { username: 'canbo', password: 'sai-mat-khau1' });
    const b = await server.anonymous().post('/api/auth/login', { username: 'khongco', password: 'sai-mat-khau1' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body).toEqual(b.body);
    expect(a.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  const from = (ip: string, username: string, password: string) =>
    server.anonymous().request('POST', '/api/auth/login', { username, password }, { 'x-forwarded-for': ip });

  it('checks only a handful of 20 wrong passwords sent at once, and a stranger does not lock the user out', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => from('198.51.100.7', 'thon', 'sai-mat-khau' + i)));
    const checked = results.filter((r) => r.status === 401).length;
    expect(checked).toBeGreaterThan(0);
    // The free tries and one more at once; on a slow machine the 1 s and 2 s waits after them may
    // also run out before the last of the 20 is read.
    expect(checked).toBeLessThanOrEqual(RULES.accountAddress.free + 3);
    const refused = results.filter((r) => r.status === 429);
    expect(refused.length).toBe(20 - checked);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused[0]!.body.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/^Đã nhập sai nhiều lần\. Hãy thử lại sau \d+ giây\.$/) });
    // The same guesser writing another left-most X-Forwarded-For is still the same address.
    expect((await from('203.0.113.1, 198.51.100.7', 'thon', 'sai-nua')).status).toBe(429);
    // The user, from another address, logs in at once.
    expect((await from('192.0.2.44', 'thon', TEST_PASSWORD)).status).toBe(200);
  });

  it('makes each wait after the free tries longer than the last', async () => {
    const ip = '198.51.100.8';
    const waits: (number | null)[] = [];
    for (let i = 0; i <= RULES.accountAddress.free; i++) expect((await from(ip, 'khongco', 'sai' + i)).status).toBe(401);
    for (let round = 0; round < 3; round++) {
      const res = await from(ip, 'khongco', 'sai-lan-nua');
      expect(res.status).toBe(429);
      waits.push(Number(res.headers.get('retry-after')));
      // The wait has passed (set back rather than waited for): the next try is checked, and fails.
      await sql`update login_failures set next_at = clock_timestamp() - interval '1 second' where key like ${'%' + ip}`.execute(server.database.db);
      expect((await from(ip, 'khongco', 'sai-lan-nua')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
  });

  it('forgets the failures of an address once the right password comes from it', async () => {
    const ip = '198.51.100.9';
    for (let i = 0; i < RULES.accountAddress.free; i++) expect((await from(ip, 'xem', 'sai' + i)).status).toBe(401);
    expect((await from(ip, 'xem', TEST_PASSWORD)).status).toBe(200);
    const left = await server.database.db.selectFrom('login_failures').select('key').where('key', 'like', `%${ip}`).execute();
    expect(left).toEqual([]);
  });

  it('refuses a log-in posted from another site', async () => {
    const res = await server.anonymous().request('POST', '/api/auth/login', { username: 'canbo', password: TEST_PASSWORD }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
  });

  it('checks the path the router matched, not how the address spells it', async () => {
    const login = await server.anonymous().request('POST', '/%61pi/auth/login', { username: 'canbo', password: TEST_PASSWORD }, { origin: 'https://evil.example' });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('CSRF');
    const c = await server.login('canbo');
    const roots = (await c.get('/api/units/roots')).body;
    c.csrf = '';
    const res = await c.post('/%61pi/units', { parentId: roots[0].id, kind: 'village', subkind: 'Thôn', name: 'Thôn Đường Vòng' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
    expect(await server.database.db.selectFrom('units').select('id').where('name', '=', 'Thôn Đường Vòng').execute()).toEqual([]);
  });

  it('answers 400 with field errors for a malformed log-in', async () => {
    const res = await server.anonymous().post('/api/auth/login', { username: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.fields.map((f: any) => f.path)).toEqual(expect.arrayContaining(['username', 'password']));
  });
});

describe('session-protected API', () => {
  it('answers 401 without a session', async () => {
    const res = await server.anonymous().get('/api/units/roots');
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập' });
  });

  it('refuses a state-changing request without the CSRF token and changes nothing', async () => {
    const c = await server.login('canbo');
    const roots = (await c.get('/api/units/roots')).body;
    c.csrf = '';
    const res = await c.post('/api/units', { parentId: roots[0].id, kind: 'village', subkind: 'Thôn', name: 'Thôn Giả Mạo' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
    const found = await server.database.db.selectFrom('units').select('id').where('name', '=', 'Thôn Giả Mạo').execute();
    expect(found).toEqual([]);
  });

  it('ends a session its maximum lifetime after log-in, however busy it was', async () => {
    const c = await server.login('xem');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    // Logged in 13 hours ago and used all along: its idle expiry is still ahead.
    await sql`update sessions set created_at = now() - interval '13 hours', expires_at = now() + interval '11 hours'
      where token_hash in (select token_hash from sessions s join users u on u.id = s.user_id where u.username = 'xem')`.execute(server.database.db);
    const res = await c.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('logs out: the cookie stops working', async () => {
    const c = await server.login('xem');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    c.cookie = cookie;
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('answers the session probe with null, not 401, for an anonymous or logged-out caller; /me still refuses them', async () => {
    const anonymous = server.anonymous();
    const none = await anonymous.get('/api/auth/session');
    expect(none.status).toBe(200);
    expect(none.body).toBeNull();
    expect((await anonymous.get('/api/auth/me')).status).toBe(401);

    const c = await server.login('xem');
    const live = await c.get('/api/auth/session');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ user: { username: 'xem' }, csrfToken: expect.stringMatching(/^[\w-]{20,}$/) });
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    c.cookie = cookie;
    const after = await c.get('/api/auth/session');
    expect(after.status).toBe(200);
    expect(after.body).toBeNull();
  });
});

describe('password change', () => {
  it('checks the current password and the rules, then closes the other sessions', async () => {
    const a = await server.login('truonghoc');
    const b = await server.login('truonghoc');
    const wrong = await a.post('/api/auth/password', { currentPassword: 'khong-dung1', newPassword: 'MatKhauMoi#2025' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('Mật khẩu hiện tại không đúng');
    const weak = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'ngan' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('newPassword');
    const ok = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi#2025' });
    expect(ok.status).toBe(204);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    await expect(server.login('truonghoc')).rejects.toThrow(/401/);
    await server.login('truonghoc', 'MatKhauMoi#2025');
    // Guessing the current password through a session meets the log-in's delays.
    const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => a.post('/api/auth/password', { currentPassword: 'doan-sai' + i, newPassword: 'MatKhauKhac#2025' })));
    expect(guesses.filter((g) => g.status === 429).length).toBeGreaterThan(0);
    expect(guesses.find((g) => g.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/);
    const hash = await server.database.db.selectFrom('users').select('password_hash').where('username', '=', 'truonghoc').executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';

let server: TestServer;
let admin: Client;
let thuongHa: any;
let laoCai: any;
let trieuSon: any;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('quantri');
  const find = async (q: string, code: string) =>
    (await admin.get(`/api/units/search?q=${encodeURIComponent(q)}`)).body.units.find((u: any) => u.code === code);
  thuongHa = await find('thuong ha', '02968');
  laoCai = await find('lao cai', '15');
  trieuSon = await find('trieu son', '15664');
});
afterAll(() => server.close());

describe('users and grants', () => {
  it('creates a user with a first grant; the user must change the password and sees only that subtree', async () => {
    const res = await admin.post('/api/users', {
      username: 'CongAn.ThuongHa', fullName: 'Giàng Seo Phủ', phone: '0912 345 678', password: 'Ban-dau#2025', unitId: thuongHa.id, role: 'officer',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'congan.thuongha', full_name: 'Giàng Seo Phủ', active: true });
    expect(res.body.grants).toEqual([expect.objectContaining({ unit_name: 'Xã Thượng Hà', role: 'officer' })]);
    const u = await server.login('congan.thuongha', 'Ban-dau#2025');
    expect((await u.get('/api/units/roots')).body.map((x: any) => x.code)).toEqual(['02968']);
    expect((await u.get(`/api/units/${laoCai.id}`)).status).toBe(404);
    const row = await server.database.db.selectFrom('users').select(['must_change_password', 'password_hash']).where('username', '=', 'congan.thuongha').executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(true);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a duplicate username, a weak password and a bad username, saving nothing', async () => {
    const count = async () => (await server.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const base = { fullName: 'A', password: 'Mat-khau#2025', unitId: thuongHa.id, role: 'viewer' };
    const dup = await admin.post('/api/users', { ...base, username: 'canbo' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0].path).toBe('username');
    const weak = await admin.post('/api/users', { ...base, username: 'nguoimoi', password: 'abc' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('password');
    const bad = await admin.post('/api/users', { ...base, username: 'có dấu' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('username');
    const role = await admin.post('/api/users', { ...base, username: 'nguoimoi2', role: 'god' });
    expect(role.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lets a commune administrator manage only users inside the commune', async () => {
    const created = await admin.post('/api/users', { username: 'quantri.xa', fullName: 'Quản trị xã', password: 'Quan-tri#2025', unitId: thuongHa.id, role: 'admin' });
    expect(created.status).toBe(201);
    const local = await server.login('quantri.xa', 'Quan-tri#2025');
    const list = (await local.get('/api/users')).body.map((u: any) => u.username);
    expect(list).toEqual(expect.arrayContaining(['canbo', 'lanhdao', 'truonghoc', 'thon', 'quantri.xa']));
    expect(list).not.toContain('quantri');
    expect(list).not.toContain('xem');
    const outside = await local.post('/api/users', { username: 'ngoaixa', fullName: 'X', password: 'Mat-khau#2025', unitId: trieuSon.id, role: 'viewer' });
    expect([400, 403]).toContain(outside.status);
    const xem = (await admin.get('/api/users?q=xem')).body[0];
    expect((await local.post(`/api/users/${xem.id}/password`, { password: 'Chiem-quyen#1' })).status).toBe(404);
    const canbo = (await admin.get('/api/users?q=canbo')).body[0];
    const grantOut = await local.post(`/api/users/${canbo.id}/grants`, { unitId: laoCai.id, role: 'viewer' });
    expect([400, 403]).toContain(grantOut.status);
    const grantIn = await local.post(`/api/users/${canbo.id}/grants`, { unitId: thuongHa.id, role: 'viewer' });
    expect(grantIn.status).toBe(201);
    expect((await local.delete(`/api/grants/${grantIn.body.id}`)).status).toBe(204);
  });

  it('locks and unlocks an account; a locked account cannot log in and loses its sessions', async () => {
    const session = await server.login('lanhdao');
    const user = (await admin.get('/api/users?q=lanhdao')).body[0];
    expect((await admin.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    await expect(server.login('lanhdao')).rejects.toThrow(/401/);
    expect((await admin.patch(`/api/users/${user.id}`, { active: true })).status).toBe(200);
    await server.login('lanhdao');
  });

  it('resets a password: old sessions end, the new password works', async () => {
    const session = await server.login('truonghoc');
    const user = (await admin.get('/api/users?q=truonghoc')).body[0];
    expect((await admin.post(`/api/users/${user.id}/password`, { password: 'Dat-lai#2025' })).status).toBe(204);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    await server.login('truonghoc', 'Dat-lai#2025');
  });

  it('records in the audit log who created a user, and who granted and revoked which role where', async () => {
    const entries = (entity: string, id: number) =>
      server.database.db.selectFrom('audit_log').select(['action', 'actor_name', 'unit_id', 'before', 'after'])
        .where('entity', '=', entity).where('entity_id', '=', String(id)).orderBy('id').execute();
    const user = await admin.post('/api/users', { username: 'ghi.nhat.ky', fullName: 'Vàng Thị Ký', password: 'Nhat-ky#2025', unitId: thuongHa.id, role: 'officer' });
    expect(user.status).toBe(201);
    expect(await entries('user', user.body.id)).toEqual([
      { action: 'create', actor_name: 'quantri', unit_id: thuongHa.id, before: null, after: expect.objectContaining({ username: 'ghi.nhat.ky', grant: expect.objectContaining({ role: 'officer' }) }) },
    ]);
    const grant = await admin.post(`/api/users/${user.body.id}/grants`, { unitId: laoCai.id, role: 'viewer' });
    expect(grant.status).toBe(201);
    expect((await admin.delete(`/api/grants/${grant.body.id}`)).status).toBe(204);
    expect(await entries('grant', grant.body.id)).toEqual([
      { action: 'grant', actor_name: 'quantri', unit_id: laoCai.id, before: null, after: expect.objectContaining({ user_id: user.body.id, role: 'viewer' }) },
      { action: 'revoke', actor_name: 'quantri', unit_id: laoCai.id, before: expect.objectContaining({ role: 'viewer' }), after: null },
    ]);
  });

  it('refuses to revoke a user\'s last grant', async () => {
    const user = (await admin.get('/api/users?q=xem')).body[0];
    const res = await admin.delete(`/api/grants/${user.grants[0].id}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/quyền cuối cùng/);
  });

  it('keeps users and grants out of reach of roles without user.manage', async () => {
    const officer = await server.login('canbo');
    expect((await officer.get('/api/users')).body).toEqual([]);
    const res = await officer.post('/api/users', { username: 'lenh', fullName: 'X', password: 'Mat-khau#2025', unitId: thuongHa.id, role: 'admin' });
    expect(res.status).toBe(403);
  });
});

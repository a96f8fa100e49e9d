import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('audit log', () => {
  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = server.database.db;
    await (await server.login('canbo')).post('/api/auth/logout');
    const before = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('audit_log').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('records log-ins, failures and changes with who, when, what, before and after', async () => {
    await server.anonymous().post('/api/auth/login', { username: 'canbo', password: 'sai-mat-khau' });
    const officer = await server.login('canbo');
    const root = (await officer.get('/api/units/roots')).body[0];
    const created = (await officer.post('/api/units', { parentId: root.id, kind: 'village', subkind: 'Thôn', name: 'Thôn Nhật Ký' })).body;
    await officer.patch(`/api/units/${created.id}`, { note: 'đã kiểm tra' });
    const rows = await server.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(5).execute();
    const [update, create, login, failed] = rows;
    expect(update).toMatchObject({ action: 'update', entity: 'unit', actor_name: 'canbo', entity_id: String(created.id) });
    expect((update!.before as any).note).toBeNull();
    expect((update!.after as any).note).toBe('đã kiểm tra');
    expect(create).toMatchObject({ action: 'create', actor_name: 'canbo' });
    expect(login).toMatchObject({ action: 'login', entity: 'user' });
    expect(failed).toMatchObject({ action: 'login_failed', entity: 'user' });
    expect(update!.at).toBeInstanceOf(Date);
  });

  it('shows each auditor only the entries of units in their subtree', async () => {
    const leader = await server.login('lanhdao'); // leader at Xã Thượng Hà
    const entries = (await leader.get('/api/audit?limit=200')).body;
    expect(entries.length).toBeGreaterThan(0);
    const paths = await server.database.db.selectFrom('audit_log').select(['id', 'unit_path']).where('id', 'in', entries.map((e: any) => e.id)).execute();
    const thuongHa = (await leader.get('/api/units/roots')).body[0].path;
    for (const p of paths) expect(p.unit_path?.startsWith(thuongHa)).toBe(true);
    const officer = await server.login('canbo'); // officers have no audit.read
    expect((await officer.get('/api/audit')).body).toEqual([]);
    const admin = await server.login('quantri');
    const all = (await admin.get('/api/audit?action=login&limit=5')).body;
    expect(all.length).toBe(5);
  });

  it('pages newest first with before=<id>', async () => {
    const admin = await server.login('quantri');
    const first = (await admin.get('/api/audit?limit=3')).body;
    const next = (await admin.get(`/api/audit?limit=3&before=${first.at(-1).id}`)).body;
    const ids = [...first, ...next].map((e: any) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(6);
  });
});

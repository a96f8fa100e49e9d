import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';

let server: TestServer;
let head: Client; // thon: village operator of Thôn Làng Ngần, Xã Thượng Hà
let officer: Client; // canbo: officer of Xã Thượng Hà
let thuongHa: any;
let langNgan: any;
let banLu: any;
const households: number[] = [];
let elsewhere: number;

beforeAll(async () => {
  server = await startTestServer();
  head = await server.login('thon');
  officer = await server.login('canbo');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  const villages = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body;
  langNgan = villages.find((u: any) => u.name === 'Thôn Làng Ngần');
  banLu = villages.find((u: any) => u.name === 'Thôn Bản Lự');
  for (const [i, name] of ['Hoàng Văn Một', 'Hoàng Văn Hai', 'Hoàng Văn Ba', 'Hoàng Văn Bốn'].entries()) {
    households.push((await head.post('/api/households', { villageId: langNgan.id, headName: name, address: `Xóm Đồi, nhà ${i + 1}`, members: 4 })).body.id);
  }
  elsewhere = (await officer.post('/api/households', { villageId: banLu.id, headName: 'Lý Văn Năm', address: 'Bản Lự', members: 3 })).body.id;
});
afterAll(() => server.close());

describe('tổ liên gia an toàn PCCC', () => {
  let groupId: number;

  it('keeps a group of neighbouring households with its leader and fire equipment; coverage counts its households', async () => {
    const before = (await officer.get(`/api/fire-groups/coverage?unitId=${langNgan.id}`)).body;
    const res = await head.post('/api/fire-groups', {
      villageId: langNgan.id, name: 'Tổ liên gia số 1', leaderName: 'Hoàng Văn Một', leaderPhone: '0912 111 222',
      householdIds: households.slice(0, 3),
      equipment: [{ item: 'Bình chữa cháy bột 4 kg', quantity: 3, checkedOn: '2026-01-15' }, { item: 'Thang dây', quantity: 1, condition: 'needs_service' }],
    });
    expect(res.status).toBe(201);
    groupId = res.body.id;
    expect(res.body.members.map((m: any) => m.head_name).sort()).toEqual(['Hoàng Văn Ba', 'Hoàng Văn Hai', 'Hoàng Văn Một']);
    expect(res.body.equipment.map((e: any) => [e.item, e.quantity, e.condition])).toEqual([['Bình chữa cháy bột 4 kg', 3, 'ready'], ['Thang dây', 1, 'needs_service']]);

    const after = (await officer.get(`/api/fire-groups/coverage?unitId=${langNgan.id}`)).body;
    expect(after.in_groups - before.in_groups).toBe(3);
    expect(after).toMatchObject({ target: 100 });
    expect(after.share).toBeCloseTo((100 * after.in_groups) / after.households);
    const village = (await officer.get(`/api/fire-groups/coverage?unitId=${thuongHa.id}`)).body.villages.find((v: any) => v.village_id === langNgan.id);
    expect(village).toMatchObject({ in_groups: after.in_groups, households: after.households, groups: after.villages[0].groups });
    const listed = (await officer.get(`/api/households?unitId=${langNgan.id}&q=hoang van mot`)).body[0];
    expect(listed.fire_group_name).toBe('Tổ liên gia số 1');
  });

  it('refuses a household already in another group or from another village, and changes nothing', async () => {
    const twice = await head.post('/api/fire-groups', { villageId: langNgan.id, name: 'Tổ liên gia số 2', leaderName: 'Hoàng Văn Bốn', householdIds: [households[2], households[3]] });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('Hộ Hoàng Văn Ba đã ở Tổ liên gia số 1');
    const foreign = await officer.request('PUT', `/api/fire-groups/${groupId}`, { name: 'Tổ liên gia số 1', leaderName: 'Hoàng Văn Một', householdIds: [households[0], elsewhere] });
    expect(foreign.status).toBe(409);
    expect(foreign.body.error.message).toMatch(/không thuộc Thôn Làng Ngần/);
    const groups = (await officer.get(`/api/fire-groups?unitId=${langNgan.id}`)).body;
    expect(groups.map((g: any) => [g.name, g.households])).toEqual([['Tổ liên gia số 1', 3]]);
    const seenByViewer = (await (await server.login('xem')).get(`/api/fire-groups?unitId=${thuongHa.id}`)).body[0];
    expect(seenByViewer).toMatchObject({ name: 'Tổ liên gia số 1', members: null, leader_phone: null });
  });

  it('tells the group leader\'s account of the village\'s alarms; an account that does not serve the village cannot lead', async () => {
    const admin = await server.login('quantri');
    const created = await admin.post('/api/users', { username: 'totruong.langngan', fullName: 'Hoàng Văn Một', password: 'To-truong#2025', unitId: langNgan.id, role: 'viewer' });
    expect(created.status).toBe(201);
    const candidates = (await head.get(`/api/fire-groups/leader-candidates?villageId=${langNgan.id}`)).body;
    const leader = candidates.find((c: any) => c.username === 'totruong.langngan');
    expect(leader).toBeTruthy();
    const xem = (await server.database.db.selectFrom('users').select('id').where('username', '=', 'xem').executeTakeFirstOrThrow()).id;
    const notServing = await head.request('PUT', `/api/fire-groups/${groupId}`, { name: 'Tổ liên gia số 1', leaderName: 'Hoàng Văn Một', leaderUserId: xem, householdIds: households.slice(0, 3) });
    expect(notServing.status).toBe(400);
    expect(notServing.body.error.fields[0].path).toBe('leaderUserId');

    expect((await head.request('PUT', `/api/fire-groups/${groupId}`, { name: 'Tổ liên gia số 1', leaderName: 'Hoàng Văn Một', leaderUserId: leader.id, householdIds: households.slice(0, 3) })).status).toBe(200);
    const alarm = await head.post('/api/alarms', { villageId: langNgan.id, kind: 'fire', description: 'Cháy bếp nhà ông Hai', idempotencyKey: randomUUID() });
    expect(alarm.status).toBe(201);
    const leaderClient = await server.login('totruong.langngan', 'To-truong#2025');
    const unacked = (await leaderClient.get('/api/alarms?unacked=true')).body;
    expect(unacked.find((a: any) => a.id === alarm.body.alarm.id)).toMatchObject({ notified: true });
  });

  it('dissolves a group, audited, and its households are free again', async () => {
    expect((await head.delete(`/api/fire-groups/${groupId}`)).status).toBe(204);
    expect((await head.post('/api/fire-groups', { villageId: langNgan.id, name: 'Tổ liên gia số 2', leaderName: 'Hoàng Văn Bốn', householdIds: [households[2], households[3]] })).status).toBe(201);
    const audit = await server.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'fire_group').where('entity_id', '=', String(groupId)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
  });
});

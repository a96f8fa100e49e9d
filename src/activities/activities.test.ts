import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import type { DB } from '../db/schema.ts';
import { addDays, todayVN } from '../shared/dates.ts';

let server: TestServer;
let head: Client; // thon: village operator of Thôn Làng Ngần, Xã Thượng Hà
let officer: Client; // canbo: officer of Xã Thượng Hà
let viewer: Client; // xem: viewer of Lào Cai province
let teacher: Client; // truonghoc: school staff of Trường THCS Điện Quan
let thuongHa: any;
let langNgan: any;
let banLu: any;
let school: any;
let schoolModel: any;
let admin: Client; // quantri: administrator of the whole country
let country: any;

const yesterday = () => addDays(todayVN(), -1);
const count = async (table: keyof DB) => Number((await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const auditOf = async (id: number) =>
  (await server.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'activity').where('entity_id', '=', String(id)).execute()).map((a) => a.action).sort();
const outreach = (over: Record<string, unknown> = {}) => ({
  unitId: langNgan.id, kind: 'outreach', channel: 'loudspeaker', title: 'Tuyên truyền phòng, chống ma túy', topic: 'Tác hại của ma túy',
  heldOn: yesterday(), audience: 120, ...over,
});
/** A fire-safety group of a village, written straight to the table: the groups' own API is not this area's. */
const fireGroup = async (village: any, name: string) =>
  (await server.database.db.insertInto('fire_groups').values({ province_code: village.province_code, village_id: village.id, village_path: village.path, name, leader_name: 'Lò Văn Hai' })
    .returning('id').executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  server = await startTestServer();
  head = await server.login('thon');
  officer = await server.login('canbo');
  viewer = await server.login('xem');
  teacher = await server.login('truonghoc');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  const children = (await officer.get(`/api/units/${thuongHa.id}/children`)).body;
  const named = (name: string) => children.find((u: any) => u.name === name);
  [langNgan, banLu, school] = ['Thôn Làng Ngần', 'Thôn Bản Lự', 'Trường THCS Điện Quan'].map(named);
  schoolModel = (await teacher.get(`/api/models?unitId=${school.id}`)).body[0];
  admin = await server.login('quantri');
  country = (await admin.get('/api/units/roots')).body[0];
});
afterAll(() => server.close());

describe('activities', () => {
  it('records an outreach session, finds it without diacritics, edits and deletes it, audited', async () => {
    const res = await head.post('/api/activities', outreach());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ unit_name: 'Thôn Làng Ngần', kind: 'outreach', channel: 'loudspeaker', held_on: yesterday(), audience: 120, files: [] });
    const id = res.body.id;
    const search = async (q: string) => (await officer.get(`/api/activities?unitId=${thuongHa.id}&q=${encodeURIComponent(q)}`)).body.map((a: any) => a.id);
    expect(await search('tuyen truyen')).toContain(id);
    expect(await search('PHÒNG, CHỐNG ma tuy')).toContain(id);
    expect(await search('pháo nổ')).not.toContain(id);
    expect(await search('100%_')).toEqual([]);

    const edited = await head.request('PUT', `/api/activities/${id}`, outreach({ kind: 'meeting', channel: null, title: 'Họp dân về an ninh trật tự', audience: 45 }));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ kind: 'meeting', channel: null, title: 'Họp dân về an ninh trật tự', audience: 45 });
    expect(await search('hop dan')).toContain(id);
    expect(await search('tuyen truyen')).not.toContain(id);
    expect((await head.delete(`/api/activities/${id}`)).status).toBe(204);
    expect(await search('hop dan')).not.toContain(id);
    expect(await auditOf(id)).toEqual(['create', 'delete', 'update']);
  });

  it('filters by kind and period, the latest first', async () => {
    const days = ['2024-05-10', '2024-05-20', '2024-05-25'];
    const ids = [];
    for (const heldOn of days) ids.push((await head.post('/api/activities', { unitId: langNgan.id, kind: 'training', title: 'Tập huấn kỹ năng chữa cháy', heldOn })).body.id);
    const list = (await head.get(`/api/activities?unitId=${langNgan.id}&kind=training&from=${days[0]}&to=${days[1]}`)).body;
    expect(list.map((a: any) => a.id)).toEqual([ids[1], ids[0]]);
    expect((await head.get(`/api/activities?unitId=${langNgan.id}&kind=training&limit=1`)).body.map((a: any) => a.id)).toEqual([ids[2]]);
    const reversed = await head.get(`/api/activities?unitId=${langNgan.id}&from=${days[1]}&to=${days[0]}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toEqual([{ path: 'to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' }]);
  });

  it('links a school\'s activity to its model, and a drill to a village\'s fire-safety group', async () => {
    const training = await teacher.post('/api/activities', { unitId: school.id, kind: 'training', title: 'Tập huấn an toàn giao thông cho học sinh', heldOn: yesterday(), audience: 300, instanceId: schoolModel.id });
    expect(training.status).toBe(201);
    expect(training.body).toMatchObject({ instance_id: schoolModel.id, instance_name: schoolModel.name });
    const group = await fireGroup(langNgan, 'Tổ liên gia an toàn PCCC số 1');
    const drill = await head.post('/api/activities', { unitId: langNgan.id, kind: 'drill', title: 'Diễn tập chữa cháy khu dân cư', heldOn: yesterday(), fireGroupId: group });
    expect(drill.status).toBe(201);
    expect(drill.body).toMatchObject({ fire_group_id: group, fire_group_name: 'Tổ liên gia an toàn PCCC số 1' });
    // The commune's drill may name a group of one of its villages.
    expect((await officer.post('/api/activities', { unitId: thuongHa.id, kind: 'drill', title: 'Diễn tập cấp xã', heldOn: yesterday(), fireGroupId: group })).status).toBe(201);
  });

  it.each([
    ['an outreach without its channel', () => outreach({ channel: undefined }), 'channel', 'Hoạt động tuyên truyền cần chọn hình thức tuyên truyền'],
    ['a channel on a training', () => outreach({ kind: 'training' }), 'channel', 'Chỉ hoạt động tuyên truyền mới có hình thức tuyên truyền'],
    ['a day in the future', () => outreach({ heldOn: addDays(todayVN(), 1) }), 'heldOn', 'Ngày tổ chức ở tương lai: chỉ ghi những hoạt động đã diễn ra'],
    ['a mistyped year', () => outreach({ heldOn: '1926-01-05' }), 'heldOn', /heldOn: Năm phải từ 2000 đến 2100/],
    ['a day that does not exist', () => outreach({ heldOn: '2026-02-30' }), 'heldOn', /Ngày không hợp lệ/],
    ['a negative audience', () => outreach({ audience: -1 }), 'audience', /Số người tham dự không âm/],
    ['a fractional audience', () => outreach({ audience: 2.5 }), 'audience', /Số người tham dự phải là số nguyên/],
    ['no title', () => outreach({ title: ' ' }), 'title', /Chưa có tên hoạt động/],
    ['an unknown kind', () => outreach({ kind: 'party' }), 'kind', /^Dữ liệu không hợp lệ: kind/],
    ['an unknown channel', () => outreach({ channel: 'tv' }), 'channel', /^Dữ liệu không hợp lệ: channel/],
    ['a fire-safety group on a meeting', () => outreach({ kind: 'meeting', channel: null, fireGroupId: 1 }), 'fireGroupId', 'Chỉ buổi diễn tập mới gắn với một tổ liên gia an toàn PCCC'],
    ['a fire-safety group that does not exist', () => outreach({ kind: 'drill', channel: null, fireGroupId: 999_999_999 }), 'fireGroupId', 'Không tìm thấy tổ liên gia'],
    ['a model the village cannot see', () => outreach({ instanceId: schoolModel.id }), 'instanceId', 'Không tìm thấy mô hình'],
    ['the country', () => outreach({ unitId: country.id }), 'unitId', 'Hoạt động được ghi ở tỉnh, xã, thôn, trường học hoặc cơ quan'],
  ])('refuses %s and stores nothing', async (_what, body, field, message) => {
    const before = await count('activities');
    const who = field === 'unitId' ? admin : head;
    const res = await who.post('/api/activities', body());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.fields.map((f: any) => f.path)).toContain(field);
    expect(await count('activities')).toBe(before);
  });

  it('refuses a model that does not run at the unit, and a group of a village outside it', async () => {
    const before = await count('activities');
    const model = await officer.post('/api/activities', outreach({ unitId: thuongHa.id, instanceId: schoolModel.id }));
    expect(model.status).toBe(400);
    expect(model.body.error).toMatchObject({ message: `Mô hình "${schoolModel.name}" không triển khai ở đơn vị này`, fields: [{ path: 'instanceId' }] });
    const theirs = await fireGroup(banLu, 'Tổ liên gia Bản Lự');
    const group = await officer.post('/api/activities', { unitId: langNgan.id, kind: 'drill', title: 'Diễn tập', heldOn: yesterday(), fireGroupId: theirs });
    expect(group.body.error).toMatchObject({ message: 'Tổ liên gia Bản Lự không thuộc đơn vị của hoạt động', fields: [{ path: 'fireGroupId' }] });
    expect((await head.post('/api/activities', { unitId: langNgan.id, kind: 'drill', title: 'Diễn tập', heldOn: yesterday(), fireGroupId: theirs })).body.error.message).toBe('Không tìm thấy tổ liên gia');
    expect(await count('activities')).toBe(before);
  });

  it('answers 404 outside the caller\'s units and 403 without the right to write', async () => {
    const theirs = (await officer.post('/api/activities', outreach({ unitId: banLu.id }))).body;
    const before = await count('activities');
    expect((await head.post('/api/activities', outreach({ unitId: banLu.id }))).status).toBe(404);
    expect((await head.request('PUT', `/api/activities/${theirs.id}`, outreach())).status).toBe(404);
    expect((await head.delete(`/api/activities/${theirs.id}`)).status).toBe(404);
    expect((await teacher.post('/api/activities', outreach())).status).toBe(404);
    expect((await teacher.get(`/api/activities?unitId=${thuongHa.id}`)).status).toBe(404);
    expect((await viewer.post('/api/activities', outreach())).status).toBe(403);
    expect((await viewer.request('PUT', `/api/activities/${theirs.id}`, outreach())).status).toBe(403);
    expect((await viewer.get(`/api/activities?unitId=${thuongHa.id}`)).body.some((a: any) => a.id === theirs.id)).toBe(true);
    expect(await count('activities')).toBe(before);
  });
});

describe('activity photos', () => {
  it('takes a real photo, refuses a fake or oversized one, and deletes the photos with the activity', async () => {
    const { id } = (await head.post('/api/activities', outreach({ channel: 'banner', title: 'Treo băng rôn tuyên truyền' }))).body;
    const photo = PNG.sync.write(new PNG({ width: 3, height: 2 }));
    const res = await head.upload(`/api/activities/${id}/files`, 'băng rôn.jpg', photo);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'băng rôn.png', media_type: 'image/png', size: photo.length });
    const down = await fetch(`${server.url}/api/files/${res.body.id}`, { headers: { cookie: officer.cookie } });
    expect(down.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await down.arrayBuffer()).equals(photo)).toBe(true);
    expect((await head.get(`/api/activities?unitId=${langNgan.id}&q=bang ron`)).body[0].files).toEqual([expect.objectContaining({ id: res.body.id })]);

    const before = await count('files');
    const fake = await head.upload(`/api/activities/${id}/files`, 'ảnh.jpg', new TextEncoder().encode('GIF89a? không, chỉ là chữ'));
    expect(fake.status).toBe(400);
    expect(fake.body.error).toMatchObject({ message: expect.stringMatching(/^Chỉ nhận tệp PDF, ảnh JPEG/), fields: [{ path: 'file' }] });
    const huge = await head.upload(`/api/activities/${id}/files`, 'ảnh.png', new Uint8Array(10 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect((await viewer.upload(`/api/activities/${id}/files`, 'a.png', photo)).status).toBe(403);
    expect((await teacher.upload(`/api/activities/${id}/files`, 'a.png', photo)).status).toBe(404);
    expect(await count('files')).toBe(before);

    expect((await head.delete(`/api/activities/${id}/files/999999999`)).status).toBe(404);
    expect((await head.delete(`/api/activities/${id}`)).status).toBe(204);
    expect((await officer.get(`/api/files/${res.body.id}`)).status).toBe(404);
    expect(await count('files')).toBe(before - 1);
  });
});

describe('summary', () => {
  it('counts activities and people reached per kind and per outreach channel over a period', async () => {
    const summary = async (client: Client, unit: any) => {
      const res = await client.get(`/api/activities/summary?unitId=${unit.id}&from=2026-01-01&to=2026-01-31`);
      expect(res.status).toBe(200);
      return {
        kinds: Object.fromEntries(res.body.byKind.map((k: any) => [k.kind, [k.activities, k.audience]])),
        channels: Object.fromEntries(res.body.byChannel.map((c: any) => [c.channel, [c.activities, c.audience]])),
      };
    };
    /** What grew between two summaries, leaving out what did not (the demo may hold activities of its own). */
    const change = (before: Record<string, number[]>, after: Record<string, number[]>) => {
      const grown: Record<string, number[]> = {};
      for (const [key, [n, people]] of Object.entries(after) as [string, [number, number]][]) {
        if (n > before[key]![0]!) grown[key] = [n - before[key]![0]!, people - before[key]![1]!];
      }
      return grown;
    };
    const [commune, village] = [await summary(officer, thuongHa), await summary(head, langNgan)];
    const add = (client: Client, body: Record<string, unknown>) => client.post('/api/activities', { title: 'Hoạt động tháng 1', ...body });
    await add(head, { unitId: langNgan.id, kind: 'outreach', channel: 'loudspeaker', heldOn: '2026-01-05', audience: 100 });
    await add(head, { unitId: langNgan.id, kind: 'outreach', channel: 'zalo', heldOn: '2026-01-10', audience: 50 });
    await add(officer, { unitId: banLu.id, kind: 'outreach', channel: 'loudspeaker', heldOn: '2026-01-31' });
    await add(officer, { unitId: thuongHa.id, kind: 'meeting', heldOn: '2026-01-20', audience: 30 });
    await add(officer, { unitId: thuongHa.id, kind: 'meeting', heldOn: '2026-02-01', audience: 999 });

    const communeAfter = await summary(officer, thuongHa);
    expect(Object.keys(communeAfter.kinds)).toEqual(['outreach', 'training', 'meeting', 'drill', 'launch', 'commitment_campaign']);
    expect(Object.keys(communeAfter.channels)).toHaveLength(8);
    expect(change(commune.kinds, communeAfter.kinds)).toEqual({ outreach: [3, 150], meeting: [1, 30] });
    expect(change(commune.channels, communeAfter.channels)).toEqual({ loudspeaker: [2, 100], zalo: [1, 50] });
    expect(change(village.kinds, (await summary(head, langNgan)).kinds)).toEqual({ outreach: [2, 150] });
    expect((await head.get(`/api/activities/summary?unitId=${thuongHa.id}&from=2026-01-01&to=2026-01-31`)).status).toBe(404);
    expect((await officer.get(`/api/activities/summary?unitId=${thuongHa.id}&from=2026-01-31&to=2026-01-01`)).status).toBe(400);
  });
});

import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import type { DB } from '../db/schema.ts';

let server: TestServer;
let head: Client; // thon: village operator of Thôn Làng Ngần, Xã Thượng Hà
let officer: Client; // canbo: officer of Xã Thượng Hà
let viewer: Client; // xem: viewer of Lào Cai province
let thuongHa: any;
let langNgan: any;
let banLu: any;
let kheBam: any;
let school: any;

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const count = async (table: keyof DB) => Number((await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const auditOf = async (entity: string, id: number) =>
  (await server.database.db.selectFrom('audit_log').select('action').where('entity', '=', entity).where('entity_id', '=', String(id)).execute()).map((a) => a.action).sort();
const patrol = (over: Record<string, unknown> = {}) => ({
  unitId: langNgan.id, startedAt: ago(3), endedAt: ago(1), area: 'Đường liên thôn, khu nhà văn hóa', participants: ['Vàng A Sử', 'Lý Văn Páo'], ...over,
});

beforeAll(async () => {
  server = await startTestServer();
  head = await server.login('thon');
  officer = await server.login('canbo');
  viewer = await server.login('xem');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  const children = (await officer.get(`/api/units/${thuongHa.id}/children`)).body;
  const named = (name: string) => children.find((u: any) => u.name === name);
  [langNgan, banLu, kheBam, school] = ['Thôn Làng Ngần', 'Thôn Bản Lự', 'Thôn Khe Bàm', 'Trường THCS Điện Quan'].map(named);
});
afterAll(() => server.close());

describe('patrol schedules', () => {
  it('keeps a village\'s nightly schedule and a commune\'s weekly one; editing and stopping are audited', async () => {
    const nightly = await head.post('/api/patrol-schedules', { unitId: langNgan.id, cadence: 'nightly', startTime: '22:30', area: 'Trục đường chính của thôn', team: 'Tổ tự quản số 1' });
    expect(nightly.status).toBe(201);
    expect(nightly.body).toMatchObject({ unit_id: langNgan.id, unit_name: 'Thôn Làng Ngần', cadence: 'nightly', weekday: null, start_time: '22:30', active: true });
    const weekly = await officer.post('/api/patrol-schedules', { unitId: thuongHa.id, cadence: 'weekly', weekday: 6, startTime: '19:30', area: 'Chợ phiên và bến xe' });
    expect(weekly.status).toBe(201);

    const stopped = await head.request('PUT', `/api/patrol-schedules/${nightly.body.id}`, { cadence: 'nightly', startTime: '23:00', area: 'Trục đường chính của thôn', active: false });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ start_time: '23:00', active: false, team: null });
    const commune = (await officer.get(`/api/patrol-schedules?unitId=${thuongHa.id}`)).body;
    expect(commune.map((s: any) => s.id).sort()).toEqual([nightly.body.id, weekly.body.id].sort());
    // The village head sees the village's schedules, not the commune's.
    expect((await head.get(`/api/patrol-schedules?unitId=${langNgan.id}`)).body.map((s: any) => s.id)).toEqual([nightly.body.id]);
    expect(await auditOf('patrol_schedule', nightly.body.id)).toEqual(['create', 'update']);
  });

  it.each([
    ['a weekly schedule without its day', { cadence: 'weekly' }, 'weekday', 'Lịch tuần tra hằng tuần cần chọn thứ trong tuần'],
    ['a nightly schedule with a day', { weekday: 3 }, 'weekday', 'Lịch tuần tra hằng đêm đi mọi đêm, không chọn thứ trong tuần'],
    ['a nightly patrol before the gong', { startTime: '20:00' }, 'startTime', 'Tuần tra hằng đêm bắt đầu sau giờ đánh kẻng: từ 22:00 đến trước 06:00 sáng'],
    ['a day that is no day', { cadence: 'weekly', weekday: 8 }, 'weekday', /^Dữ liệu không hợp lệ: weekday: Thứ từ 1/],
    ['an impossible time', { startTime: '24:10' }, 'startTime', /Giờ dạng HH:MM/],
    ['no area', { area: '  ' }, 'area', /Chưa có địa bàn tuần tra/],
    ['a school', { unitId: 'school' }, 'unitId', 'Tuần tra được tổ chức ở thôn, tổ dân phố hoặc xã, phường'],
  ])('refuses %s and stores nothing', async (_what, over, field, message) => {
    const before = await count('patrol_schedules');
    const body = { unitId: thuongHa.id, cadence: 'nightly', startTime: '22:30', area: 'Toàn xã', ...over };
    if (body.unitId === 'school') body.unitId = school.id;
    const res = await officer.post('/api/patrol-schedules', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.fields.map((f: any) => f.path)).toContain(field);
    expect(await count('patrol_schedules')).toBe(before);
  });

  it('answers 404 outside the caller\'s units and 403 without the right to write', async () => {
    const before = await count('patrol_schedules');
    const body = { cadence: 'nightly', startTime: '22:30', area: 'Đầu bản' };
    expect((await head.post('/api/patrol-schedules', { ...body, unitId: banLu.id })).status).toBe(404);
    expect((await head.get(`/api/patrol-schedules?unitId=${thuongHa.id}`)).status).toBe(404);
    expect((await viewer.post('/api/patrol-schedules', { ...body, unitId: langNgan.id })).status).toBe(403);
    const theirs = (await officer.post('/api/patrol-schedules', { ...body, unitId: banLu.id })).body;
    expect((await head.request('PUT', `/api/patrol-schedules/${theirs.id}`, { ...body, active: false })).status).toBe(404);
    expect((await viewer.request('PUT', `/api/patrol-schedules/${theirs.id}`, { ...body, active: false })).status).toBe(403);
    expect(await count('patrol_schedules')).toBe(before + 1);
  });
});

describe('patrols', () => {
  it('logs a patrol with its team, schedule and the alarms met; lists, edits and deletes it, audited', async () => {
    const schedule = (await head.post('/api/patrol-schedules', { unitId: langNgan.id, cadence: 'nightly', startTime: '22:15', area: 'Toàn thôn' })).body;
    const alarm = (await head.post('/api/alarms', { villageId: langNgan.id, kind: 'crime', description: 'Phát hiện người lạ cạy cửa nhà ông Páo', idempotencyKey: randomUUID() })).body.alarm;
    const res = await head.post('/api/patrols', patrol({ scheduleId: schedule.id, findings: 'Một người lạ bỏ chạy về phía suối', alarmIds: [alarm.id, alarm.id] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      unit_name: 'Thôn Làng Ngần', participants: ['Vàng A Sử', 'Lý Văn Páo'], findings: 'Một người lạ bỏ chạy về phía suối',
      schedule: { id: schedule.id, cadence: 'nightly', start_time: '22:15' },
      incidents: [{ id: alarm.id, kind: 'crime', description: 'Phát hiện người lạ cạy cửa nhà ông Páo' }], files: [],
    });
    const id = res.body.id;

    const listed = (await officer.get(`/api/patrols?unitId=${thuongHa.id}&from=2026-01-01&to=2099-12-31`)).body;
    expect(listed.find((p: any) => p.id === id)).toMatchObject({ incidents: [{ id: alarm.id }], schedule: { id: schedule.id } });

    const edited = await head.request('PUT', `/api/patrols/${id}`, patrol({ participants: ['Vàng A Sử'], findings: 'Bình thường' }));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ participants: ['Vàng A Sử'], findings: 'Bình thường', schedule: null, incidents: [] });
    expect((await head.delete(`/api/patrols/${id}`)).status).toBe(204);
    expect(await server.database.db.selectFrom('patrols').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    expect(await auditOf('patrol', id)).toEqual(['create', 'delete', 'update']);
  });

  it('lists newest first, within the days asked in Vietnam\'s time, a page at a time', async () => {
    const ids = [];
    // 00:30 on 3 June in Vietnam is still 2 June in UTC: it belongs to the 3rd.
    for (const start of ['2024-06-01T21:00:00+07:00', '2024-06-02T23:30:00+07:00', '2024-06-03T00:30:00+07:00']) {
      ids.push((await head.post('/api/patrols', patrol({ startedAt: start, endedAt: new Date(Date.parse(start) + 2 * HOUR).toISOString() }))).body.id);
    }
    const list = async (query: string) => (await head.get(`/api/patrols?unitId=${langNgan.id}&${query}`)).body.map((p: any) => p.id);
    expect(await list('from=2024-06-01&to=2024-06-03&limit=2')).toEqual([ids[2], ids[1]]);
    expect(await list('from=2024-06-01&to=2024-06-03&limit=2&offset=2')).toEqual([ids[0]]);
    expect(await list('from=2024-06-01&to=2024-06-02')).toEqual([ids[1], ids[0]]);
    expect(await list('from=2024-06-03&to=2024-06-03')).toEqual([ids[2]]);
    const reversed = await head.get(`/api/patrols?unitId=${langNgan.id}&from=2024-06-03&to=2024-06-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error).toMatchObject({ message: 'Ngày bắt đầu sau ngày kết thúc', fields: [{ path: 'to' }] });
  });

  it.each([
    ['an end before the start', () => ({ startedAt: ago(1), endedAt: ago(2) }), 'endedAt', 'Giờ kết thúc phải sau giờ bắt đầu'],
    ['a start in the future', () => ({ startedAt: ago(-1), endedAt: ago(-2) }), 'startedAt', 'Giờ bắt đầu ở tương lai: chỉ ghi những lần tuần tra đã diễn ra'],
    ['a mistyped year', () => ({ startedAt: '1926-03-01T22:00:00+07:00', endedAt: '1926-03-01T23:00:00+07:00' }), 'startedAt', /startedAt: Năm phải từ 2000 đến 2100/],
    ['a patrol of more than a day', () => ({ startedAt: ago(30), endedAt: ago(5) }), 'endedAt', /^Một lần tuần tra dài tối đa 24 giờ/],
    ['no participant', () => ({ participants: [] }), 'participants', /Chưa có người tham gia/],
    ['a blank participant', () => ({ participants: ['Vàng A Sử', ' '] }), 'participants.1', /Chưa có tên người tham gia/],
    ['no area', () => ({ area: '' }), 'area', /Chưa có địa bàn tuần tra/],
    ['a time without its zone', () => ({ startedAt: '2026-03-01T22:00:00' }), 'startedAt', /Ngày giờ dạng ISO 8601 có múi giờ/],
    ['a time that is no time', () => ({ endedAt: 'đêm qua' }), 'endedAt', /Ngày giờ dạng ISO 8601/],
    ['an alarm that does not exist', () => ({ alarmIds: [999_999_999, 999_999_999] }), 'alarmIds.0', 'Không tìm thấy báo động số 999999999'],
    ['a schedule that does not exist', () => ({ scheduleId: 999_999_999 }), 'scheduleId', 'Không tìm thấy lịch tuần tra'],
    ['a school', () => ({ unitId: school.id }), 'unitId', 'Tuần tra được tổ chức ở thôn, tổ dân phố hoặc xã, phường'],
  ])('refuses %s and stores nothing', async (_what, over, field, message) => {
    const before = [await count('patrols'), await count('patrol_incidents')];
    const res = await officer.post('/api/patrols', patrol(over()));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.fields.map((f: any) => f.path)).toContain(field);
    expect([await count('patrols'), await count('patrol_incidents')]).toEqual(before);
  });

  it('says beside each field, in a whole sentence naming it, what is wrong', async () => {
    const reversed = await officer.post('/api/patrols', patrol({ startedAt: ago(1), endedAt: ago(2) }));
    expect(reversed.body.error.fields).toEqual([{ path: 'endedAt', message: 'Giờ kết thúc phải sau giờ bắt đầu.' }]);
    const future = await officer.post('/api/patrols', patrol({ startedAt: ago(-1), endedAt: ago(-2) }));
    expect(future.body.error.fields.map((f: any) => f.message)).toContain('Giờ bắt đầu không được ở tương lai.');
  });

  it('refuses a schedule or an alarm of another village, and keeps the patrol as it was', async () => {
    const theirSchedule = (await officer.post('/api/patrol-schedules', { unitId: banLu.id, cadence: 'weekly', weekday: 2, startTime: '20:00', area: 'Bản Lự' })).body;
    const theirAlarm = (await officer.post('/api/alarms', { villageId: banLu.id, kind: 'fire', description: 'Cháy rơm sau nhà văn hóa', idempotencyKey: randomUUID() })).body.alarm;
    const mine = (await officer.post('/api/patrols', patrol())).body;
    const schedule = await officer.request('PUT', `/api/patrols/${mine.id}`, patrol({ scheduleId: theirSchedule.id }));
    expect(schedule.status).toBe(400);
    expect(schedule.body.error).toMatchObject({ message: 'Lịch tuần tra này thuộc Thôn Bản Lự, không thuộc đơn vị của lần tuần tra', fields: [{ path: 'scheduleId' }] });
    const alarm = await officer.request('PUT', `/api/patrols/${mine.id}`, patrol({ alarmIds: [theirAlarm.id] }));
    expect(alarm.status).toBe(400);
    expect(alarm.body.error).toMatchObject({ message: `Báo động số ${theirAlarm.id} ở ngoài địa bàn của lần tuần tra`, fields: [{ path: 'alarmIds.0' }] });
    // The village head cannot read Bản Lự's alarm at all.
    expect((await head.request('PUT', `/api/patrols/${mine.id}`, patrol({ alarmIds: [theirAlarm.id] }))).body.error.message).toBe(`Không tìm thấy báo động số ${theirAlarm.id}`);
    // A commune patrol may follow a village's schedule and meet its alarms.
    const commune = await officer.post('/api/patrols', patrol({ unitId: thuongHa.id, scheduleId: theirSchedule.id, alarmIds: [theirAlarm.id] }));
    expect(commune.status).toBe(201);
    const after = (await officer.get(`/api/patrols?unitId=${langNgan.id}&from=2026-01-01&to=2099-12-31`)).body.find((p: any) => p.id === mine.id);
    expect(after).toMatchObject({ schedule: null, incidents: [] });
  });

  it('answers 404 outside the caller\'s units and 403 without the right to write', async () => {
    const theirs = (await officer.post('/api/patrols', patrol({ unitId: banLu.id }))).body;
    const before = await count('patrols');
    expect((await head.post('/api/patrols', patrol({ unitId: banLu.id }))).status).toBe(404);
    expect((await head.request('PUT', `/api/patrols/${theirs.id}`, patrol())).status).toBe(404);
    expect((await head.delete(`/api/patrols/${theirs.id}`)).status).toBe(404);
    expect((await head.get(`/api/patrols?unitId=${banLu.id}&from=2026-01-01&to=2026-12-31`)).status).toBe(404);
    expect((await viewer.post('/api/patrols', patrol())).status).toBe(403);
    expect((await viewer.delete(`/api/patrols/${theirs.id}`)).status).toBe(403);
    expect((await viewer.get(`/api/patrols?unitId=${thuongHa.id}&from=2026-01-01&to=2099-12-31`)).body.some((p: any) => p.id === theirs.id)).toBe(true);
    expect((await (await server.login('truonghoc')).post('/api/patrols', patrol())).status).toBe(404);
    expect(await count('patrols')).toBe(before);
  });
});

describe('patrol files', () => {
  it('takes a real photo, refuses a fake or oversized one, and deletes the files with the patrol', async () => {
    const { id } = (await head.post('/api/patrols', patrol())).body;
    const photo = PNG.sync.write(new PNG({ width: 4, height: 3 }));
    const res = await head.upload(`/api/patrols/${id}/files`, 'ảnh tuần tra.jpg', photo);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'ảnh tuần tra.png', media_type: 'image/png', size: photo.length });
    const down = await fetch(`${server.url}/api/files/${res.body.id}`, { headers: { cookie: officer.cookie } });
    expect(down.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await down.arrayBuffer()).equals(photo)).toBe(true);
    const listed = (await head.get(`/api/patrols?unitId=${langNgan.id}&from=2026-01-01&to=2099-12-31`)).body.find((p: any) => p.id === id);
    expect(listed.files).toEqual([expect.objectContaining({ id: res.body.id, name: 'ảnh tuần tra.png' })]);

    const before = await count('files');
    const fake = await head.upload(`/api/patrols/${id}/files`, 'ảnh.jpg', new TextEncoder().encode('đây không phải ảnh'));
    expect(fake.status).toBe(400);
    expect(fake.body.error).toMatchObject({ message: expect.stringMatching(/^Chỉ nhận tệp PDF, ảnh JPEG/), fields: [{ path: 'file' }] });
    const huge = await head.upload(`/api/patrols/${id}/files`, 'ảnh.png', new Uint8Array(10 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('Tệp lớn hơn 10 MB, hãy gửi tệp nhỏ hơn');
    expect((await viewer.upload(`/api/patrols/${id}/files`, 'a.png', photo)).status).toBe(403);
    expect((await head.upload('/api/patrols/999999999/files', 'a.png', photo)).status).toBe(404);
    expect(await count('files')).toBe(before);

    const second = (await head.upload(`/api/patrols/${id}/files`, 'biên bản.png', photo)).body;
    expect((await head.delete(`/api/patrols/${id}/files/${second.id}`)).status).toBe(204);
    expect((await head.delete(`/api/patrols/${id}/files/${second.id}`)).status).toBe(404);
    expect(await auditOf('patrol_file', second.id)).toEqual(['create', 'delete']);
    expect((await head.delete(`/api/patrols/${id}`)).status).toBe(204);
    expect((await officer.get(`/api/files/${res.body.id}`)).status).toBe(404);
    expect(await count('files')).toBe(before - 1);
  });
});

describe('patrols per week', () => {
  it('counts patrols per week from Monday in Vietnam\'s time, beside what the active schedules ask', async () => {
    const weekly = async (unit: any, from: string, to: string) => (await officer.get(`/api/patrols/weekly?unitId=${unit.id}&from=${from}&to=${to}`)).body;
    const before = await weekly(kheBam, '2026-03-04', '2026-03-18');
    const schedule = { unitId: kheBam.id, startTime: '22:30', area: 'Khe Bàm' };
    await officer.post('/api/patrol-schedules', { ...schedule, cadence: 'nightly' });
    await officer.post('/api/patrol-schedules', { ...schedule, cadence: 'weekly', weekday: 7 });
    const stopped = (await officer.post('/api/patrol-schedules', { ...schedule, cadence: 'weekly', weekday: 3 })).body;
    await officer.request('PUT', `/api/patrol-schedules/${stopped.id}`, { ...schedule, cadence: 'weekly', weekday: 3, active: false });

    const at = (start: string) => officer.post('/api/patrols', patrol({ unitId: kheBam.id, startedAt: start, endedAt: new Date(Date.parse(start) + 2 * HOUR).toISOString() }));
    // Sunday 23:30 in Vietnam is still the week of Monday 2 March; Monday 00:30 is the next week, though both are Sunday in UTC.
    for (const start of ['2026-03-02T22:30:00+07:00', '2026-03-08T23:30:00+07:00', '2026-03-09T00:30:00+07:00', '2026-03-20T22:00:00+07:00']) {
      expect((await at(start)).status).toBe(201);
    }
    const after = await weekly(kheBam, '2026-03-04', '2026-03-18');
    expect(after).toMatchObject({ from: '2026-03-02', to: '2026-03-22', expected: before.expected + 8 });
    expect(after.weeks.map((w: any) => w.week_start)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(after.weeks.map((w: any, i: number) => w.patrols - before.weeks[i].patrols)).toEqual([2, 1, 1]);
    const commune = await weekly(thuongHa, '2026-03-02', '2026-03-08');
    expect(commune.weeks).toHaveLength(1);
    expect(commune.weeks[0].patrols).toBeGreaterThanOrEqual(2);
    expect(commune.expected).toBeGreaterThanOrEqual(after.expected);
    expect((await head.get(`/api/patrols/weekly?unitId=${kheBam.id}&from=2026-03-02&to=2026-03-08`)).status).toBe(404);
    const long = await officer.get(`/api/patrols/weekly?unitId=${kheBam.id}&from=2024-01-01&to=2026-03-08`);
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ message: 'Tối đa một năm mỗi lần xem', fields: [{ path: 'to' }] });
  });
});

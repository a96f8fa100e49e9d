import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOperatingModel } from '../../tests/support/models.ts';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { addDays, todayVN } from '../shared/dates.ts';
import { gongTime } from './night.ts';

let server: TestServer;
let head: Client; // thon: village operator of Thôn Làng Ngần, Xã Thượng Hà
let officer: Client; // canbo: officer of Xã Thượng Hà
let thuongHa: any;
let langNgan: any;
let banLu: any;
const yesterday = () => addDays(todayVN(), -1);
const at = (night: string, minutesAfter22: number) => new Date(gongTime(night).getTime() + minutesAfter22 * 60_000).toISOString();
const checkins = async () => Number((await server.database.db.selectFrom('gong_checkins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  server = await startTestServer();
  head = await server.login('thon');
  officer = await server.login('canbo');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  const villages = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body;
  const list = Array.isArray(villages) ? villages : villages.items ?? villages.units;
  langNgan = list.find((u: any) => u.name === 'Thôn Làng Ngần');
  banLu = list.find((u: any) => u.name === 'Thôn Bản Lự');
});
afterAll(() => server.close());

describe('gong inventory', () => {
  it('keeps a village\'s gong, where it hangs, its strikers and allowance; changes are audited', async () => {
    const res = await head.post('/api/gongs', {
      villageId: langNgan.id, location: 'Nhà văn hóa thôn', allowancePerMonth: 200_000,
      strikers: [{ fullName: 'Hoàng Văn Páo', phone: '0912345678' }, { fullName: 'Lý Thị Mai' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ location: 'Nhà văn hóa thôn', condition: 'in_use', allowance_per_month: 200_000 });
    expect(res.body.strikers.map((s: any) => s.full_name)).toEqual(['Hoàng Văn Páo', 'Lý Thị Mai']);

    const damaged = await head.request('PUT', `/api/gongs/${res.body.id}`, { location: 'Nhà văn hóa thôn', condition: 'damaged', strikers: [{ fullName: 'Lý Thị Mai' }] });
    expect(damaged.status).toBe(200);
    const listed = (await officer.get(`/api/gongs?unitId=${thuongHa.id}`)).body.find((g: any) => g.id === res.body.id);
    expect(listed).toMatchObject({ condition: 'damaged', village_name: 'Thôn Làng Ngần' });
    expect(listed.strikers.map((s: any) => s.full_name)).toEqual(['Lý Thị Mai']);
    // A provincial viewer sees who strikes the gong, not their phone.
    await head.request('PUT', `/api/gongs/${res.body.id}`, { location: 'Nhà văn hóa thôn', condition: 'damaged', strikers: [{ fullName: 'Lý Thị Mai', phone: '0987 000 111' }] });
    const seen = (await (await server.login('xem')).get(`/api/gongs?unitId=${thuongHa.id}`)).body.find((g: any) => g.id === res.body.id);
    expect(seen.strikers).toMatchObject([{ full_name: 'Lý Thị Mai', phone: null }]);
    expect((await officer.get(`/api/gongs?unitId=${thuongHa.id}`)).body.find((g: any) => g.id === res.body.id).strikers[0].phone).toBe('0987000111');
    const audit = await server.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'gong').where('entity_id', '=', String(res.body.id)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it('refuses a gong outside the village head\'s village, at a commune, or without a place', async () => {
    expect((await head.post('/api/gongs', { villageId: banLu.id, location: 'Đầu thôn' })).status).toBe(404);
    const commune = await officer.post('/api/gongs', { villageId: thuongHa.id, location: 'Trụ sở xã' });
    expect(commune.status).toBe(400);
    expect(commune.body.error.message).toBe('Kẻng được đặt ở thôn, tổ dân phố');
    const empty = await head.post('/api/gongs', { villageId: langNgan.id, location: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0]).toMatchObject({ path: 'location', message: 'Nơi treo kẻng không được để trống.' });
    expect((await (await server.login('xem')).post('/api/gongs', { villageId: langNgan.id, location: 'Đầu thôn' })).status).toBe(403);
  });
});

describe('nightly check-in', () => {
  it('records the 22:00 gong once per night; a replay of the same key finds the same row', async () => {
    const night = yesterday();
    const key = randomUUID();
    const first = await head.post('/api/gong-checkins', { villageId: langNgan.id, night, struckAt: at(night, 5), idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, checkin: { village_id: langNgan.id, night, late_minutes: 5, on_time: true } });
    const before = await checkins();

    const replay = await head.post('/api/gong-checkins', { villageId: langNgan.id, night, struckAt: at(night, 5), idempotencyKey: key });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ created: false, checkin: { id: first.body.checkin.id } });
    const second = await head.post('/api/gong-checkins', { villageId: langNgan.id, night, struckAt: at(night, 30), idempotencyKey: randomUUID() });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/^Thôn Làng Ngần đã báo đánh kẻng đêm \d\d\/\d\d\/\d{4} lúc 22:05$/);
    const reused = await head.post('/api/gong-checkins', { villageId: langNgan.id, night: addDays(night, -1), struckAt: at(addDays(night, -1), 0), idempotencyKey: key });
    expect(reused.status).toBe(409);
    expect(await checkins()).toBe(before);
  });

  it('keeps one row when a phone sends the same check-in many times at once, or two phones report the same night', async () => {
    const night = addDays(todayVN(), -2);
    const key = randomUUID();
    const same = await Promise.all(Array.from({ length: 12 }, () => head.post('/api/gong-checkins', { villageId: langNgan.id, night, struckAt: at(night, 1), idempotencyKey: key })));
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(same.map((r) => r.body.checkin.id)).size).toBe(1);

    const other = addDays(todayVN(), -3);
    const two = await Promise.all([head, officer].map((c) => c.post('/api/gong-checkins', { villageId: langNgan.id, night: other, struckAt: at(other, 2), idempotencyKey: randomUUID() })));
    expect(two.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await server.database.db.selectFrom('gong_checkins').select('id').where('village_id', '=', langNgan.id).where('night', 'in', [night, other]).execute();
    expect(rows).toHaveLength(2);
  });

  it('answers a strike past 22:15 as late, by the time of the tap, however late it is sent', async () => {
    const night = addDays(todayVN(), -6);
    const late = await head.post('/api/gong-checkins', { villageId: langNgan.id, night, struckAt: at(night, 27), idempotencyKey: randomUUID() });
    expect(late.body).toMatchObject({ created: true, checkin: { late_minutes: 27, on_time: false } });
    const listed = (await head.get(`/api/gong-checkins/villages?night=${night}`)).body.villages;
    expect(listed).toMatchObject([{ name: 'Thôn Làng Ngần', late_minutes: 27, on_time: false }]);
    expect((await head.get(`/api/gong-checkins/villages?night=${addDays(night, -1)}`)).body.villages).toMatchObject([{ struck_at: null, on_time: null }]);
  });

  it('names the field in whole sentences when it refuses a check-in', async () => {
    const future = await head.post('/api/gong-checkins', { villageId: langNgan.id, night: todayVN(), struckAt: new Date(Date.now() + 3_600_000).toISOString(), idempotencyKey: randomUUID() });
    expect(future.body.error.fields).toEqual([{ path: 'struckAt', message: 'Giờ đánh kẻng không được ở tương lai.' }]);
    const old = await head.post('/api/gong-checkins', { villageId: langNgan.id, night: addDays(todayVN(), -40), idempotencyKey: randomUUID() });
    expect(old.body.error.fields).toEqual([{ path: 'night', message: 'Đêm báo đánh kẻng phải trong 31 ngày gần đây.' }]);
  });

  it.each([
    ['a future night', () => ({ night: addDays(todayVN(), 1) }), 400, 'night'],
    ['a night long past', () => ({ night: addDays(todayVN(), -40), struckAt: at(addDays(todayVN(), -40), 0) }), 400, 'night'],
    ['a time outside the night', () => ({ night: addDays(todayVN(), -4), struckAt: at(addDays(todayVN(), -4), -6 * 60) }), 400, 'struckAt'],
    ['a time in the future', () => ({ night: todayVN(), struckAt: new Date(Date.now() + 3_600_000).toISOString() }), 400, 'struckAt'],
    ['an impossible date', () => ({ night: '2026-02-30' }), 400, 'night'],
    ['a key that is no UUID', () => ({ night: addDays(todayVN(), -4), idempotencyKey: 'abc' }), 400, 'idempotencyKey'],
  ])('refuses %s and records nothing', async (_what, body, status, field) => {
    const before = await checkins();
    const res = await head.post('/api/gong-checkins', { villageId: langNgan.id, idempotencyKey: randomUUID(), ...body() });
    expect(res.status).toBe(status);
    expect(res.body.error.fields.map((f: any) => f.path)).toContain(field);
    expect(await checkins()).toBe(before);
  });

  it('lists on the striker\'s phone the villages they report for, with the night\'s check-in', async () => {
    const night = yesterday();
    const own = (await head.get(`/api/gong-checkins/villages?night=${night}`)).body;
    expect(own).toMatchObject({ night, villages: [{ id: langNgan.id, name: 'Thôn Làng Ngần', commune_name: 'Xã Thượng Hà', late_minutes: 5 }] });
    const commune = (await officer.get(`/api/gong-checkins/villages?night=${night}`)).body.villages;
    expect(commune.map((v: any) => v.name)).toEqual(['Thôn Bản Lự', 'Thôn Khe Bàm', 'Thôn Khuổi Phường', 'Thôn Làng Hải', 'Thôn Làng Ngần', 'Thôn Nà Pồng']);
    expect((await (await server.login('xem')).get('/api/gong-checkins/villages')).body.villages).toEqual([]);
  });

  it('refuses a village the user does not serve, and a viewer', async () => {
    const night = addDays(todayVN(), -5);
    expect((await head.post('/api/gong-checkins', { villageId: banLu.id, night, idempotencyKey: randomUUID() })).status).toBe(404);
    expect((await (await server.login('xem')).post('/api/gong-checkins', { villageId: langNgan.id, night, idempotencyKey: randomUUID() })).status).toBe(403);
    expect((await server.anonymous().post('/api/gong-checkins', { villageId: langNgan.id, night, idempotencyKey: randomUUID() })).status).toBe(401);
  });
});

describe('compliance', () => {
  it('counts nights struck on time, late and missed per village, and villages struck per night', async () => {
    const from = addDays(todayVN(), -3);
    const to = yesterday();
    const late = addDays(todayVN(), -1);
    await officer.post('/api/gong-checkins', { villageId: banLu.id, night: late, struckAt: at(late, 40), idempotencyKey: randomUUID() });
    // No gong model runs in Xã Thượng Hà yet: nothing is missed and nothing is expected.
    const before = (await officer.get(`/api/gong-compliance?unitId=${thuongHa.id}&from=${from}&to=${to}`)).body;
    expect(before.covered).toBe(false);
    expect(before.villages.every((v: any) => v.covered === false && v.missed === 0)).toBe(true);
    expect(before.villages.find((v: any) => v.village_name === 'Thôn Làng Ngần')).toMatchObject({ on_time: 3 });
    expect(before.perNight.at(-1)).toMatchObject({ night: to, struck: 0, villages: 0 });

    await startOperatingModel(officer, 'tieng-keng-binh-yen', thuongHa.id);
    const res = await officer.get(`/api/gong-compliance?unitId=${thuongHa.id}&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body.nights).toBe(3);
    expect(res.body.covered).toBe(true);
    const byName = Object.fromEntries(res.body.villages.map((v: any) => [v.village_name, v]));
    expect(byName['Thôn Làng Ngần']).toMatchObject({ on_time: 3, late: 0, missed: 0 });
    expect(byName['Thôn Bản Lự']).toMatchObject({ on_time: 0, late: 1, missed: 2 });
    expect(byName['Thôn Khe Bàm']).toMatchObject({ on_time: 0, late: 0, missed: 3 });
    expect(res.body.perNight.at(-1)).toMatchObject({ night: to, struck: 2, on_time: 1, villages: res.body.villages.length });

    // The village head sees their village only.
    const own = (await head.get(`/api/gong-compliance?unitId=${langNgan.id}&from=${from}&to=${to}`)).body;
    expect(own.villages.map((v: any) => v.village_name)).toEqual(['Thôn Làng Ngần']);
    expect((await head.get(`/api/gong-compliance?unitId=${thuongHa.id}&from=${from}&to=${to}`)).status).toBe(404);
    expect((await officer.get(`/api/gong-compliance?unitId=${thuongHa.id}&from=${to}&to=${from}`)).status).toBe(400);
  });

  it('holds its edges: 22:15:30 is on time, 22:16 late, 18:00 opens the night and 17:59:59 is before it', async () => {
    const khe = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body.find((u: any) => u.name === 'Thôn Khe Bàm');
    const [a, b, c, d] = [-12, -11, -10, -9].map((n) => addDays(todayVN(), n)) as [string, string, string, string];
    const strike = (night: string, minutesAfter22: number) =>
      officer.post('/api/gong-checkins', { villageId: khe.id, night, struckAt: at(night, minutesAfter22), idempotencyKey: randomUUID() });
    expect((await strike(a, 15.5)).body).toMatchObject({ created: true, checkin: { late_minutes: 15 } });
    expect((await strike(b, 16)).body).toMatchObject({ created: true, checkin: { late_minutes: 16 } });
    expect((await strike(c, -4 * 60)).body).toMatchObject({ created: true, checkin: { late_minutes: 0 } });
    const early = await strike(d, -4 * 60 - 1 / 60);
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].path).toBe('struckAt');

    for (const unitId of [thuongHa.id, khe.id]) {
      const res = await officer.get(`/api/gong-compliance?unitId=${unitId}&from=${a}&to=${d}`);
      expect(res.status).toBe(200);
      expect(res.body.villages.find((v: any) => v.village_id === khe.id)).toMatchObject({ on_time: 2, late: 1, missed: 1 });
      if (unitId === khe.id) expect(res.body.perNight.map((n: any) => [n.night, n.struck, n.on_time])).toEqual([[a, 1, 1], [b, 1, 0], [c, 1, 1], [d, 0, 0]]);
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOperatingModel } from '../../tests/support/models.ts';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { gongTime } from '../gongs/night.ts';
import { addDays, todayVN } from '../shared/dates.ts';

let server: TestServer;
let officer: Client; // canbo: officer of Xã Thượng Hà
let thuongHa: any;
let villages: any[];

const indicator = (body: any, key: string) => body.indicators.find((i: any) => i.key === key);

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.login('canbo');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  villages = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body;
});
afterAll(() => server.close());

describe('targets from data', () => {
  it('measures the commune\'s gong nights, fire-safety groups, keychains and patrols against the seed plans\' targets', async () => {
    const [a, b] = villages;
    const night = addDays(todayVN(), -1);
    // Last night: one village on time, one late, the others silent.
    for (const [v, minutes] of [[a, 5], [b, 40]] as const) {
      const res = await officer.post('/api/gong-checkins', { villageId: v.id, night, struckAt: new Date(gongTime(night).getTime() + minutes * 60_000).toISOString(), idempotencyKey: randomUUID() });
      expect(res.status).toBe(201);
    }
    const ids = [];
    for (const name of ['Phàn Văn Một', 'Phàn Văn Hai', 'Phàn Văn Ba', 'Phàn Văn Bốn']) {
      ids.push((await officer.post('/api/households', { villageId: a.id, headName: name, address: 'Xóm Mới', members: 4 })).body.id);
    }
    expect((await officer.post('/api/fire-groups', { villageId: a.id, name: 'Tổ liên gia Xóm Mới', leaderName: 'Phàn Văn Một', householdIds: ids.slice(0, 3) })).status).toBe(201);
    expect((await officer.post('/api/keychains', { householdIds: ids.slice(0, 1), handedOn: todayVN(), contactName: 'Công an xã', contactPhone: '0987654321' })).status).toBe(201);
    expect((await officer.post('/api/patrol-schedules', { unitId: thuongHa.id, cadence: 'weekly', weekday: 6, startTime: '21:00', area: 'Các thôn dọc quốc lộ' })).status).toBe(201);
    const lastWeek = addDays(todayVN(), -7);
    const start = new Date(gongTime(lastWeek).getTime());
    expect((await officer.post('/api/patrols', {
      unitId: a.id, startedAt: start.toISOString(), endedAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(), area: 'Xóm Mới', participants: ['Phàn Văn Một', 'Lý Văn Hai'],
    })).status).toBe(201);

    const res = await officer.get(`/api/targets?unitId=${thuongHa.id}`);
    expect(res.status).toBe(200);
    const gong = indicator(res.body, 'thon-danh-keng');
    // No gong model runs in Thượng Hà: the figure says so, and no village-night counts as missed.
    expect(gong).toMatchObject({ title: 'Thôn, làng đánh kẻng lúc 22 giờ hằng ngày', target: 100, unit: '%', source: null, deployed: false, met: null });
    expect(gong.measures.map((m: any) => m.label)).toEqual(['Đêm gần nhất', '7 đêm qua', '30 đêm qua']);
    expect(gong.measures.every((m: any) => m.of === 0 && m.value === null)).toBe(true);
    const households = Number((await server.database.db.selectFrom('households').innerJoin('units', 'units.id', 'households.village_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('units.parent_id', '=', thuongHa.id).executeTakeFirstOrThrow()).n);

    expect(indicator(res.body, 'ho-trong-to')).toMatchObject({ target: 100, measures: [{ count: 3, of: households, value: Math.round((1000 * 3) / households) / 10 }], met: false });
    expect(indicator(res.body, 'ho-nhan-khoa').measures[0]).toMatchObject({ count: 1, of: households });
    expect(indicator(res.body, 'tuan-tra')).toMatchObject({ unit: 'count', target: 1, measures: [{ count: 1, of: 1 }], met: true });
  });

  it('takes the target from a model covering the unit, the nearest first', async () => {
    const templates = (await officer.get('/api/templates')).body;
    const keng = templates.find((t: any) => t.builtin_key === 'tieng-keng-binh-yen');
    const own = await officer.post('/api/templates', {
      ownerUnitId: thuongHa.id, name: 'Tiếng kẻng bình yên (Thượng Hà)', field: keng.field, purpose: keng.purpose, steps: keng.steps, activities: keng.activities,
      targets: [{ key: 'thon-danh-keng', title: 'Thôn đánh kẻng lúc 22 giờ', value: 90, unit: '%' }], reports: [],
    });
    expect(own.status).toBe(201);
    const model = await officer.post('/api/models', { templateId: own.body.id, unitId: thuongHa.id, startedOn: '2025-01-01' });
    expect(model.status).toBe(201);
    const village = (await officer.get(`/api/targets?unitId=${villages[0].id}`)).body;
    expect(indicator(village, 'thon-danh-keng')).toMatchObject({ target: 90, title: 'Thôn đánh kẻng lúc 22 giờ', source: { instance_id: model.body.id } });
    expect(indicator(village, 'ho-trong-to')).toMatchObject({ target: 100, source: null });
    expect((await (await server.login('thon')).get(`/api/targets?unitId=${thuongHa.id}`)).status).toBe(404);
  });

  it('counts the gong nights once a gong model operates in the commune', async () => {
    await startOperatingModel(officer, 'tieng-keng-binh-yen', thuongHa.id);
    const gong = indicator((await officer.get(`/api/targets?unitId=${thuongHa.id}`)).body, 'thon-danh-keng');
    expect(gong).toMatchObject({ deployed: true, met: false });
    // The first measure may be last night or tonight's (after 22:15), which nobody reported.
    const lastNight = gong.measures[0].count === 1 ? gong.measures[0] : gong.measures[1];
    expect(lastNight).toMatchObject({ count: 1, of: villages.length });
    expect(gong.measures[2].of % villages.length).toBe(0);
  });

  it('measures schools with a plan of their own, and the commitments signed', async () => {
    const before = (await officer.get(`/api/targets?unitId=${thuongHa.id}`)).body;
    const plans = indicator(before, 'ke-hoach');
    expect(plans).toMatchObject({ title: 'Cơ sở giáo dục xây dựng kế hoạch thực hiện', target: 100, unit: '%', deployed: true });
    const [first, second] = await Promise.all(['Trường THCS Thượng Hà', 'Trường Tiểu học Điện Quan'].map(async (name) =>
      (await officer.post('/api/units', { parentId: thuongHa.id, kind: 'school', subkind: 'Trường THCS', name })).body));
    const added = indicator((await officer.get(`/api/targets?unitId=${thuongHa.id}`)).body, 'ke-hoach');
    expect(added.measures[0]).toMatchObject({ count: plans.measures[0].count, of: plans.measures[0].of + 2 });
    expect(added.met).toBe(false);
    const model = await officer.post('/api/models', { templateId: (await officer.get('/api/templates')).body.find((t: any) => t.builtin_key === 'cong-truong-atgt').id, unitId: first.id, startedOn: '2026-01-05' });
    expect(model.status).toBe(201);
    const after = (await officer.get(`/api/targets?unitId=${thuongHa.id}`)).body;
    expect(indicator(after, 'ke-hoach').measures[0]).toMatchObject({ count: plans.measures[0].count + 1, of: plans.measures[0].of + 2 });
    // At the school itself: its one plan is all there is to have.
    expect(indicator((await officer.get(`/api/targets?unitId=${first.id}`)).body, 'ke-hoach')).toMatchObject({ measures: [{ count: 1, of: 1, value: 100 }], met: true });
    expect(indicator((await officer.get(`/api/targets?unitId=${second.id}`)).body, 'ke-hoach')).toMatchObject({ measures: [{ count: 0, of: 1, value: 0 }], met: false });

    const signed = indicator(after, 'cam-ket');
    expect(signed).toMatchObject({ title: 'Phụ huynh, học sinh ký cam kết', target: 100, unit: '%' });
    const list = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'].map((signerName) => ({ signerKind: 'parent', signerName, signedOn: '2026-01-10' }));
    expect((await officer.post(`/api/models/${model.body.id}/commitments`, { commitments: list })).status).toBe(201);
    const more = indicator((await officer.get(`/api/targets?unitId=${thuongHa.id}`)).body, 'cam-ket');
    expect(more.measures[0].count).toBe(signed.measures[0].count + 3);
  });
});

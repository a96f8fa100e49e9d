import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { todayVN } from '../shared/dates.ts';

/** The demo as the prepared database holds it: the five seed plans, their tasks and models. */
let server: TestServer;
let admin: Client;
let demoPlans: any[];
const byTitle = (start: string) => {
  const p = demoPlans.find((x) => x.title.startsWith(start));
  if (!p) throw new Error(`no demo plan "${start}"`);
  return p;
};

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('quantri');
  demoPlans = (await admin.get('/api/plans?limit=200')).body;
});
afterAll(() => server.close());

describe('demo plans', () => {
  it('holds the five seed plans with their titles, numbers, dates and issuing units; one is a draft', () => {
    const rows = [
      byTitle('Xây dựng mô hình “Cổng trường an toàn giao thông” trên địa bàn xã Điện Quan'),
      byTitle('Phối hợp triển khai thực hiện mô hình An ninh cơ sở'),
      byTitle('Xây dựng, nhân rộng mô hình, điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn huyện Củ Chi'),
      byTitle('Xây dựng mô hình “Khóa an toàn an ninh trật tự” trên địa bàn huyện Triệu Sơn'),
      byTitle('Thực hiện phong trào “Tiếng kẻng bình yên” và xây dựng mô hình “Tổ liên gia an toàn về PCCC” giai đoạn 2023-2026'),
    ];
    expect(rows.map((p) => [p.number, p.symbol, p.status, p.unit_name])).toEqual([
      ['38', 'KH-UBND', 'issued', 'Xã Thượng Hà'],
      ['986', 'KH-PGDĐT', 'issued', 'Phường Quảng Yên'],
      ['512', 'KH-GDĐT', 'issued', 'Xã Củ Chi'],
      [null, 'KH-UBND', 'draft', 'Xã Triệu Sơn'],
      ['24', 'KH-UBND', 'issued', 'Xã Thạch Lập'],
    ]);
    expect(rows[0].issued_on).toMatch(/^2024-03-/);
    expect(rows[2].issued_on).toBe('2024-04-07');
    expect(rows[3].issued_on).toBeNull();
  });

  it('keeps the official parts: bases, sections with sub-sections, recipients and signer, with diacritics', async () => {
    const p001 = (await admin.get(`/api/plans/${byTitle('Phối hợp triển khai').id}`)).body.plan;
    expect(p001.document.issuer).toEqual({ superior: 'UBND THỊ XÃ QUẢNG YÊN', name: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO' });
    expect(p001.document.signer).toEqual({ authority: 'KT. TRƯỞNG PHÒNG', title: 'PHÓ TRƯỞNG PHÒNG', name: 'Nguyễn Minh Hoan' });
    expect(p001.document.sections.map((s: any) => s.heading)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU', 'III. TỔ CHỨC THỰC HIỆN']);
    const p000 = (await admin.get(`/api/plans/${byTitle('Xây dựng mô hình “Cổng trường').id}`)).body.plan;
    expect(p000.document.bases).toHaveLength(2);
    expect(p000.document.recipients).toContain('Trường THCS Điện Quan (t/h).');
    const p004 = (await admin.get(`/api/plans/${byTitle('Thực hiện phong trào “Tiếng kẻng').id}`)).body.plan;
    const text = JSON.stringify(p004.document);
    expect(text).toContain('100% thôn, làng trên địa bàn xã thực hiện đồng bộ đánh kẻng vào lúc 22 giờ hằng ngày');
    expect(text).toContain('Thực hiện kế hoạch số 97-KH/ĐU xã Đồng Thịnh ngày 30 tháng 01 năm 2024');
    expect(p004.document.sections.map((s: any) => s.heading)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU', 'II. MỤC TIÊU, CHỈ TIÊU', 'III. NHIỆM VỤ VÀ GIẢI PHÁP', 'IV. TỔ CHỨC THỰC HIỆN',
    ]);
  });

  it('governs the school model at Trường THCS Điện Quan, launched in April 2024 and replicated to another school', async () => {
    const page = (await admin.get(`/api/plans/${byTitle('Xây dựng mô hình “Cổng trường').id}`)).body;
    const here = page.instances.find((m: any) => m.unit_name === 'Trường THCS Điện Quan');
    expect(here).toMatchObject({ status: 'operating' });
    const model = (await admin.get(`/api/models/${here.id}`)).body;
    const launch = model.steps.find((s: any) => s.step === 'launch');
    expect(launch.actual_end).toMatch(/^2024-04-/);
    expect(model.steps.filter((s: any) => ['survey', 'working_group', 'training', 'commitments'].includes(s.step)).every((s: any) => s.actual_end?.startsWith('2024-04-'))).toBe(true);
    expect(model.members.length).toBeGreaterThanOrEqual(3);
    expect(model.members.length).toBeLessThanOrEqual(5);
    expect(model.commitments).toEqual({ parent: 10, student: 10 });
    expect(model.replicas.map((r: any) => r.unit_name)).toEqual(['Trường THCS Củ Chi']);
    expect(page.tasks.map((t: any) => t.recurrence.due).filter(Boolean)).toEqual(expect.arrayContaining(['2024-04-05', '2024-04-15', '2024-12-31']));
  });

  it('runs Khóa an toàn in all eight communes that replaced huyện Triệu Sơn, replicated from the first', async () => {
    const khoa = (await admin.get('/api/templates')).body.find((t: any) => t.builtin_key === 'khoa-an-toan');
    const list = (await admin.get(`/api/models?templateId=${khoa.id}`)).body;
    const units = await server.database.db.selectFrom('units').select(['id', 'code']).where('id', 'in', list.map((m: any) => m.unit_id)).execute();
    const codeOf = (id: number) => units.find((u) => u.id === id)!.code;
    expect(list.map((m: any) => codeOf(m.unit_id)).sort()).toEqual(['15664', '15667', '15682', '15715', '15724', '15754', '15763', '15766']);
    const first = list.find((m: any) => codeOf(m.unit_id) === '15664');
    expect(first.replicated_from_id).toBeNull();
    expect(list.filter((m: any) => m !== first).every((m: any) => m.replicated_from_id === first.id)).toBe(true);
    expect(new Set(list.map((m: any) => m.plan_id))).toEqual(new Set([byTitle('Xây dựng mô hình “Khóa an toàn').id]));
    const tasks = (await admin.get(`/api/plans/${first.plan_id}`)).body.tasks;
    expect(tasks.map((t: any) => t.recurrence.freq).sort()).toEqual(['monthly', 'once', 'quarterly', 'weekly', 'yearly']);
    expect(tasks.find((t: any) => t.recurrence.freq === 'once').recurrence.due).toBe('2021-11-30');
  });

  it('has the gong model covering the seven villages of Xã Thạch Lập, and the fire-safety groups there', async () => {
    const page = (await admin.get(`/api/plans/${byTitle('Thực hiện phong trào “Tiếng kẻng').id}`)).body;
    const keng = page.instances.find((m: any) => m.name.startsWith('Tiếng kẻng bình yên'));
    expect((await admin.get(`/api/models/${keng.id}`)).body.extraUnits).toHaveLength(7);
    expect(page.instances.map((m: any) => m.name)).toContain('Tổ liên gia an toàn về PCCC — Xã Thạch Lập');
    expect(page.tasks.map((t: any) => t.recurrence)).toContainEqual({ freq: 'daily', time: '22:00' });
    expect(page.tasks.find((t: any) => t.recurrence.freq === 'yearly')).toBeTruthy();
  });

  it('gives the commune officer some overdue and some coming work', async () => {
    const officer = await server.login('canbo');
    const work = (await officer.get('/api/my-work?days=45')).body;
    expect(work.today).toBe(todayVN());
    expect(work.counts.overdue).toBeGreaterThan(0);
    expect(work.counts.due).toBeGreaterThan(0);
    expect(work.done.length).toBeGreaterThan(0);
  });
});

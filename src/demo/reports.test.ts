import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/support/server.ts';
import { loadDemoReports } from './reports.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('leaves reports in every state, as of a day in late November', async () => {
  await loadDemoReports(server.database.db, new Date('2026-11-23T09:00:00+07:00'));
  const rows = await server.database.db
    .selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['u.name', 'r.title', 'r.status', 'r.due_on']).orderBy('u.name').orderBy('r.due_on').execute();
  expect(rows.map((r) => [r.name, r.title, r.status, r.due_on])).toEqual([
    ['Thanh Hóa', 'Báo cáo sơ kết 6 tháng', 'submitted', '2026-06-20'],
    ['Trường THCS Củ Chi', 'Báo cáo sơ kết', 'accepted', '2026-05-10'],
    ['Trường THCS Củ Chi', 'Báo cáo tổng kết', 'returned', '2026-11-15'],
    ['Xã Thạch Lập', 'Báo cáo năm với UBND xã', 'draft', '2026-12-15'],
    ['Xã Triệu Sơn', 'Sơ kết 6 tháng', 'accepted', '2026-06-15'],
  ]);
  const reminders = await server.database.db.selectFrom('report_reminders').select(['schedule_key', 'period_start']).execute();
  expect(reminders).toHaveLength(1);
});

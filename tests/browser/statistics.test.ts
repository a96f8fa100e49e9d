/**
 * The statistics pages as an administrator and a provincial viewer would use them: the country's
 * provinces ranked, a drill-down to a province and a commune, the figures agreeing with the API,
 * a change of period, and the page fitting a 360 px phone.
 */
import { describe, expect, it } from 'vitest';
import { lastDueNight } from '../../src/gongs/night.ts';
import { addDays } from '../../src/shared/dates.ts';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();

describe('statistics', () => {
  it('drills down from the country to a province and a commune, each ranking the units below it', async () => {
    const db = env.server.database.db;
    const thachLap = await db.selectFrom('units').select(['id', 'province_code']).where('code', '=', '15085').executeTakeFirstOrThrow();
    const thanhHoa = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'province').where('province_code', '=', thachLap.province_code).executeTakeFirstOrThrow();
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'quantri', '/statistics');
      await page.getByTestId('stats-ranking').waitFor();
      await expect.poll(() => page.getByTestId('stats-ranking').locator('tbody tr').count()).toBe(34);
      // Only Thanh Hóa runs a gong model in the demo: every other province says it has none, not 0 %.
      expect(await page.getByTestId('stats-row-not-deployed').count()).toBe(33);
      expect(await page.getByTestId('stats-row-not-deployed').first().textContent()).toBe('Chưa triển khai mô hình Tiếng kẻng bình yên');
      await expect.poll(() => page.title()).toContain('Tổng hợp');

      // Down to the province, then to the commune, by the ranking's links.
      await page.getByTestId('stats-ranking').getByRole('link', { name: thanhHoa.name }).click();
      await page.getByRole('heading', { level: 1, name: thanhHoa.name }).waitFor();
      await page.getByTestId('stats-ranking').getByRole('link', { name: 'Xã Thạch Lập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Xã Thạch Lập' }).waitFor();
      await expect.poll(() => page.getByTestId('stats-ranking').locator('tbody tr').count()).toBeGreaterThan(3);
      expect(await page.getByTestId('stats-trend').locator('.stats__column').count()).toBe(12);

      // The share on time shown is the API's.
      // The page's twelve months end with the last night whose gong is due.
      const to = lastDueNight();
      const start = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
      start.setUTCMonth(start.getUTCMonth() - 11);
      const rollup = (id: number, from: string, by: string) =>
        page.evaluate(async (url) => (await fetch(url)).json(), `/api/rollups/gongs?unitId=${id}&from=${from}&to=${to}&by=${by}`);
      const api = await rollup(thachLap.id, start.toISOString().slice(0, 10), 'month');
      const shown = await page.getByTestId('stats-on-time').textContent();
      const expected = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(api.total.on_time / api.total.expected);
      expect(shown).toBe(expected);

      // The ranking downloads as a spreadsheet.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-xlsx').click()]);
      expect(download.suggestedFilename()).toMatch(/^Đánh kẻng Xã Thạch Lập .*\.xlsx$/);

      // 30 nights: one column a night, the last the last night whose gong is due.
      await page.getByRole('button', { name: '30 đêm' }).click();
      await expect.poll(() => page.getByTestId('stats-trend').locator('.stats__column').count()).toBe(30);
      const nightly = await rollup(thachLap.id, addDays(to, -29), 'night');
      expect(nightly.series.map((n: any) => n.period).at(-1)).toBe(to);

      // Models by stage, the API's.
      const models = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/rollups/models?unitId=${thachLap.id}`);
      await expect.poll(() => page.getByTestId('stats-models').locator('tbody tr').count()).toBe(models.templates.length);

      // The breadcrumb leads back up.
      await page.locator('.breadcrumb').getByRole('link', { name: thanhHoa.name }).click();
      await page.getByRole('heading', { level: 1, name: thanhHoa.name }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows a provincial viewer their province only, and fits a phone', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await env.logIn(context, 'xem', '/statistics');
      await page.getByRole('heading', { level: 1, name: 'Lào Cai', exact: true }).waitFor();
      await page.getByTestId('stats-ranking').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // Tips are for the police: a viewer does not see their section.
      expect(await page.getByRole('heading', { name: 'Tin báo của người dân' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

/**
 * Periodic reports as a commune officer and the province above would use them: the officer
 * starts the report owed, finds the figures drafted from the data, writes, saves and sends it;
 * the province sees it among its communes', returns it with a reason and reminds a late commune;
 * the officer finds the reason on the report. On a 360 px phone too.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();

describe('periodic reports', () => {
  it('goes from the commune up to the province and back', async () => {
    const db = env.server.database.db;
    const thachLap = await db.selectFrom('units').select(['id']).where('code', '=', '15085').executeTakeFirstOrThrow();
    const thanhHoa = await db.selectFrom('units').select(['id']).where('kind', '=', 'province').where('name', '=', 'Thanh Hóa').executeTakeFirstOrThrow();
    const officer = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const province = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      // The officer's only unit opens at once; its two yearly reports are owed to the province.
      const page = await env.logIn(officer, 'thachlap', '/reports');
      await page.waitForURL(`**/reports/unit/${thachLap.id}`);
      await page.getByTestId('reports-own').waitFor();
      await expect.poll(() => page.getByTestId('duty-row').count()).toBe(2);
      await page.getByTestId('duty-row').filter({ hasText: 'Tiếng kẻng' }).getByTestId('duty-start').click();
      await page.getByTestId('report-page').waitFor();

      // The figures are the API's, drafted from the data.
      const id = Number(page.url().split('/').at(-1));
      const api = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/reports/${id}`);
      expect(await page.getByTestId('fig-patrols').textContent()).toBe(api.figures.patrols.patrols.toLocaleString('vi-VN'));
      await expect.poll(() => page.getByTestId('report-breakdown').locator('tbody tr').count()).toBe(api.figures.breakdown.length);

      await page.getByTestId('part-results').fill('Các thôn duy trì đánh kẻng 22 giờ; tuần tra sau tiếng kẻng.');
      await page.getByTestId('report-save').click();
      await expect.poll(() => page.getByTestId('report-notice').textContent()).toBe('Đã lưu.');
      await page.getByTestId('part-proposals').fill('Hỗ trợ kinh phí thay kẻng hỏng.');
      await page.getByTestId('report-submit').click();
      await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('Đã gửi, chờ duyệt');
      expect(await page.getByTestId('part-results').count()).toBe(0);
      expect(await page.getByText('Hỗ trợ kinh phí thay kẻng hỏng.').count()).toBe(1);
      const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
      expect(docx.suggestedFilename()).toMatch(/^Báo cáo .*Xã Thạch Lập.*\.docx$/);

      // The province: the report awaits review among its communes'.
      const above = await env.logIn(province, 'quantri', `/reports/unit/${thanhHoa.id}`);
      await above.getByTestId('received-table').waitFor();
      await above.getByTestId('reports-filter').selectOption('review');
      await expect.poll(() => above.getByTestId('received-row').count()).toBe(1);
      await above.getByTestId('received-row').getByRole('link', { name: 'Mở' }).click();
      await above.getByTestId('report-review').waitFor();
      await above.getByTestId('review-return').click();
      await above.getByTestId('report-review').getByText('Ý kiến trả lại chưa có nội dung.').waitFor();
      await above.getByTestId('review-comment').fill('Bổ sung số kẻng hỏng, số thôn đánh kẻng muộn.');
      await above.getByTestId('review-return').click();
      await expect.poll(() => above.getByTestId('report-status').textContent()).toBe('Bị trả lại');
      expect(await above.getByTestId('report-review').count()).toBe(0);

      // A late commune is reminded, and the count goes up.
      await above.goBack();
      await above.getByTestId('reports-filter').selectOption('late');
      const row = above.getByTestId('received-row').filter({ hasText: 'Xã Triệu Sơn' }).first();
      await row.getByTestId('remind').click();
      await above.getByText('Đã nhắc Xã Triệu Sơn.').waitFor();
      await expect.poll(() => row.locator('td.num').textContent()).toMatch(/1$/);
      // Once a day: the button gives way to a note until tomorrow.
      expect(await row.getByTestId('reminded-today').textContent()).toBe('Đã nhắc hôm nay');
      expect(await row.getByTestId('remind').count()).toBe(0);

      // Back at the commune: the reason is on the report, and it can be written again.
      await page.reload();
      await page.getByTestId('report-returned').waitFor();
      expect(await page.getByTestId('report-returned').textContent()).toContain('Bổ sung số kẻng hỏng');
      expect(await page.getByTestId('part-results').inputValue()).toBe('Các thôn duy trì đánh kẻng 22 giờ; tuần tra sau tiếng kẻng.');
    } finally {
      await officer.close();
      await province.close();
    }
  });

  it('fits a 360 px phone', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    try {
      const page = await env.logIn(context, 'thachlap', '/reports');
      await page.getByTestId('reports-own').waitFor();
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      expect(await width()).toBeLessThanOrEqual(360);
      await page.getByTestId('duty-row').first().getByRole('button').or(page.getByTestId('duty-row').first().getByRole('link')).first().click();
      await page.getByTestId('report-page').waitFor();
      await page.getByTestId('report-stats').waitFor();
      expect(await width()).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });

  it('opens last year\'s report from Việc của tôi in last year\'s list, and keeps who signs it', async () => {
    const db = env.server.database.db;
    const thachLap = await db.selectFrom('units').select(['id']).where('code', '=', '15085').executeTakeFirstOrThrow();
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'thachlap', '/');
      const last = new Date().getFullYear() - 1;
      // Last year's yearly reports were never sent: late, on My work among this year's.
      const late = page.getByTestId('work-report').filter({ hasText: `năm ${last}` }).filter({ hasText: 'Tiếng kẻng' });
      await late.waitFor();
      await late.getByTestId('work-report-link').click();
      await expect.poll(() => new URL(page.url()).search).toBe(`?year=${last}`);
      expect(new URL(page.url()).pathname).toBe(`/reports/unit/${thachLap.id}`);
      await expect.poll(() => page.getByTestId('reports-year').textContent()).toBe(String(last));
      const row = page.getByTestId('duty-row').filter({ hasText: 'Tiếng kẻng' });
      await expect.poll(() => row.textContent()).toContain(`15/12/${last}`);

      // Who signs: the title the commune signs with, the name written here, kept after a reload.
      await row.getByTestId('duty-start').click();
      await page.getByTestId('report-page').waitFor();
      expect(await page.getByTestId('signer-title').inputValue()).toBe('CHỦ TỊCH');
      expect(await page.getByTestId('signer-name').inputValue()).toBe('');
      await page.getByTestId('signer-name').fill('Lê Thị Thu');
      await page.getByTestId('report-save').click();
      await expect.poll(() => page.getByTestId('report-notice').textContent()).toBe('Đã lưu.');
      await page.reload();
      expect(await page.getByTestId('signer-name').inputValue()).toBe('Lê Thị Thu');
      // Back to the list of the year the report falls due.
      await page.locator('.back-link').click();
      await expect.poll(() => page.getByTestId('reports-year').textContent()).toBe(String(last));
    } finally {
      await context.close();
    }
  });

  it('sets a plan\'s report schedule from the plan page', async () => {
    const db = env.server.database.db;
    const cuChi = await db.selectFrom('units').select('id').where('code', '=', '27553').executeTakeFirstOrThrow();
    const plan = await db.selectFrom('plans').select('id').where('unit_id', '=', cuChi.id).executeTakeFirstOrThrow();
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'quantri', `/plans/${plan.id}`);
      const card = page.getByTestId('plan-schedules');
      // The seed's own: reports by 10/5 and 15/11 from every school.
      await expect.poll(() => card.getByTestId('schedule-row').count()).toBe(2);
      await card.getByTestId('schedule-add').click();
      await card.getByTestId('schedule-title').fill('Báo cáo quý');
      await card.getByLabel('Kỳ báo cáo').selectOption('quarter');
      await card.getByTestId('schedule-day').fill('32');
      await card.getByTestId('schedule-submit').click();
      await card.getByText('Ngày đến 31').waitFor();
      await card.getByTestId('schedule-day').fill('5');
      await card.getByTestId('schedule-submit').click();
      await expect.poll(() => card.getByTestId('schedule-row').count()).toBe(3);
      expect(await card.getByTestId('schedule-row').last().textContent()).toContain('Các trường học · Hằng quý · hạn ngày 5 tháng sau kỳ');
    } finally {
      await context.close();
    }
  });
});

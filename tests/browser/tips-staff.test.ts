/**
 * The staff side of tips in the browser: a commune officer finds a tip sent through the public
 * form in the inbox, classifies it as a crime report, checks it, writes a note and a public reply,
 * and hands it over to the provincial body; the commune's assigned investigator settles it for
 * that body; an overdue tip is flagged; the officer is never offered the informant's identity; a
 * 360 px phone works too.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();
const SHOTS = process.env.TIPS_SHOTS !== '0';
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `/tmp/tips-${name}.png`, fullPage: true });
};

/** A tip sent as a resident would, through the public form (multipart, as the page posts it). */
async function sendTip(communeId: number, description: string, extra: Record<string, string> = {}): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ xa: String(communeId), category: 'theft', description, place: 'Đầu cầu treo Làng Ngần', ...extra })) form.set(k, v);
  const res = await fetch(`${env.server.url}/bao-tin`, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status, (await res.text()).slice(0, 500)).toBe(303);
  const row = await env.server.database.db.selectFrom('tips').select('id').where('description', '=', description).executeTakeFirstOrThrow();
  return row.id;
}

async function noSideScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} scrolls sideways`).toBeLessThanOrEqual(360);
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await env.logIn(context, 'canbo', path).catch(async (err) => {
    await context.pages()[0]?.screenshot({ path: '/tmp/tips-fail.png' });
    throw err;
  });
  return page;
}

describe('tips: the staff side', () => {
  let communeId = 0;
  let fresh = 0;
  let late = 0;

  it('shows a tip in the inbox, moves it to verification, adds a note and a public reply', async () => {
    communeId = (await env.server.database.db.selectFrom('units').select('id').where('code', '=', '02968').executeTakeFirstOrThrow()).id;
    fresh = await sendTip(communeId, 'Có người lạ dắt trộm trâu ở bãi chăn thả Làng Ngần lúc chiều', { name: 'Người báo tin thử', phone: '0912345678' });
    late = await sendTip(communeId, 'Nhóm thanh niên tụ tập đua xe trên đường liên thôn mỗi tối');
    await env.server.database.db.updateTable('tips').set({ due_at: new Date(Date.now() - 3_600_000) }).where('id', '=', late).execute();

    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await open(context, '/tips');
      expect(await page.getByTestId('nav-tips').textContent()).toContain('Tin báo');
      await page.getByTestId('tips-list').waitFor();
      const row = page.locator(`[data-testid="tip-row"][data-id="${fresh}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Trộm cắp');
      expect(await row.getByTestId('tip-status').textContent()).toBe('Mới');
      expect(await row.getByTestId('tip-assignee').textContent()).toBe('Chưa giao');
      const overdue = page.locator(`[data-testid="tip-row"][data-id="${late}"]`);
      expect(await overdue.getByTestId('tip-urgency').textContent()).toBe('Quá hạn');
      // The overdue filter keeps the late tip and drops the fresh one.
      await page.getByTestId('tips-filter-overdue').check();
      await expect.poll(() => row.count()).toBe(0);
      await expect.poll(() => overdue.count()).toBe(1);
      await shot(page, 'inbox-overdue');
      await page.getByTestId('tips-filter-overdue').uncheck();
      await row.waitFor();
      await shot(page, 'inbox');

      await row.getByTestId('tip-link').click();
      await page.getByTestId('tip-page').waitFor();
      expect(await page.getByTestId('tip-description').textContent()).toContain('dắt trộm trâu');
      // An officer handles the tip but is never offered who sent it.
      expect(await page.getByTestId('tip-reveal').count()).toBe(0);
      expect(await page.textContent('body')).not.toContain('0912345678');

      // Classified at receipt as a crime report: the commune's 24 hours to hand it over.
      expect(await page.getByTestId('tip-kind').textContent()).toBe('Chưa phân loại');
      await page.getByTestId('tip-kind-crime').click();
      await page.getByTestId('tip-classify-save').click();
      await expect.poll(() => page.getByTestId('tip-kind').textContent()).toBe('Tin báo về tội phạm');
      expect(await page.getByTestId('tip-term').textContent()).toContain('24 giờ kể từ khi tiếp nhận');

      await page.getByTestId('tip-next-verifying').click();
      await page.getByTestId('tip-stage-note').fill('Đã lấy lời khai ban đầu, đang xác minh sơ bộ');
      await page.getByTestId('tip-status-save').click();
      await expect.poll(() => page.locator('#tip-stage ~ p [data-testid="tip-status"]').first().textContent()).toBe('Đang xác minh');
      // The commune does not settle a crime report: only the handover is offered.
      expect(await page.getByTestId('tip-next-handling').count()).toBe(0);
      expect(await page.getByTestId('tip-next-transferred').textContent()).toBe('Chuyển Cơ quan điều tra');

      await page.getByTestId('tip-assign-me').click();
      await expect.poll(() => page.locator('dd[data-testid="tip-assignee"]').textContent()).toBe('Lò Văn Minh');
      await page.getByTestId('tip-note-body').fill('Nghi vấn đối tượng ở thôn bên, cần giữ kín');
      await page.getByTestId('tip-note-save').click();
      await expect.poll(() => page.getByTestId('tip-note').last().textContent()).toContain('Nghi vấn đối tượng ở thôn bên');
      await page.getByTestId('tip-reply-body').fill('Công an xã đã tiếp nhận và chuyển cơ quan có thẩm quyền. Cảm ơn bạn đã báo tin.');
      await page.getByTestId('tip-reply-save').click();
      await page.getByTestId('tip-reply-saved').waitFor();

      // Handed over to the provincial body, which assigned the commune's investigator to settle it.
      await page.getByTestId('tip-next-transferred').click();
      await page.getByTestId('tip-transferred-to').fill('Cơ quan CSĐT Công an tỉnh Lào Cai');
      await page.getByTestId('tip-handover-document').fill('Công văn số 15/CAX');
      await expect.poll(() => page.locator('[data-testid="tip-settler"] option').count()).toBeGreaterThan(1);
      await page.getByTestId('tip-settler').selectOption({ label: 'Hà Văn Quang' });
      await shot(page, 'handover-form');
      await page.getByTestId('tip-status-save').click();
      await expect.poll(() => page.getByTestId('tip-handover').textContent()).toContain('Đã chuyển Cơ quan CSĐT Công an tỉnh Lào Cai');
      expect(await page.getByTestId('tip-term').textContent()).toContain('20 ngày kể từ ngày Cơ quan điều tra nhận');
      expect(await page.getByTestId('tip-handover').textContent()).toContain('Điều tra viên Hà Văn Quang (được phân công tại xã) giải quyết trong 20 ngày');
      // The body's steps are its investigator's, not the officer's.
      expect(await page.getByTestId('tip-status-form').count()).toBe(0);
      expect(await page.getByTestId('tip-extend-complex').count()).toBe(0);
      await shot(page, 'tip');

      const officer = await env.server.login('canbo');
      const saved = await officer.ok(`/api/tips/${fresh}`);
      // The investigator settling it is its handler now, and it is in their "Giao cho tôi".
      expect(saved.tip).toMatchObject({ status: 'transferred', kind: 'crime', public_reply: 'Công an xã đã tiếp nhận và chuyển cơ quan có thẩm quyền. Cảm ơn bạn đã báo tin.', assignee_name: 'Hà Văn Quang' });
      expect(saved.notes.map((n: any) => n.body)).toEqual(['Nghi vấn đối tượng ở thôn bên, cần giữ kín']);
      expect(saved.events.map((e: any) => e.kind)).toEqual(['received', 'classified', 'status', 'assigned', 'replied', 'handed_over', 'status']);
    } finally {
      await context.close();
    }
  });

  it('lets the commune\'s assigned investigator settle it for the body: extend with the signer, decide, record the notices', async () => {
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'dieutra', `/tips/${fresh}`);
      await page.getByTestId('tip-page').waitFor();
      await page.getByTestId('tip-next-handling').click();
      await page.getByTestId('tip-status-save').click();
      await expect.poll(() => page.locator('#tip-stage ~ p [data-testid="tip-status"]').first().textContent()).toBe('Đang xử lý');
      expect(await page.getByTestId('tip-stage-of').textContent()).toBe('Bước của Cơ quan CSĐT Công an tỉnh Lào Cai, do Điều tra viên được phân công tại xã giải quyết');

      const fillDecision = async (reference: string, title: string, name: string) => {
        await page.getByTestId('tip-decision-reference').fill(reference);
        await page.getByTestId('tip-decision-title').selectOption(title);
        await page.getByTestId('tip-decision-name').fill(name);
      };
      await page.getByTestId('tip-extend-complex').click();
      expect(await page.getByTestId('tip-extend-save').isDisabled()).toBe(true);
      // The procuracy's chief is not among those who sign the body's extension.
      expect(await page.locator('[data-testid="tip-decision-title"] option', { hasText: 'Viện trưởng' }).count()).toBe(0);
      await fillDecision('7/QĐ-CSĐT', 'Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh', 'Nguyễn Văn An');
      await page.getByTestId('tip-extend-save').click();
      await expect.poll(() => page.getByTestId('tip-term').textContent()).toContain('Đã kéo dài vì vụ việc phức tạp');
      expect(await page.getByTestId('tip-ask-by').textContent()).toMatch(/^Hạn đề nghị Viện kiểm sát gia hạn: hết ngày \d\d\/\d\d\/\d{4}/);
      expect(await page.getByTestId('tip-extend-procuracy').textContent()).toBe('Ghi gia hạn của Viện kiểm sát');
      await shot(page, 'settle-extended');

      await page.getByTestId('tip-next-resolved').click();
      // Each choice a radio at its label, not stretched across the form.
      for (const o of ['prosecute', 'not_prosecute']) expect((await page.getByTestId(`tip-outcome-${o}`).boundingBox())!.width).toBeLessThan(40);
      expect(await page.getByTestId('tip-decision-missing').textContent()).toContain('Ghi đủ số quyết định');
      await page.getByTestId('tip-outcome-not_prosecute').check();
      await fillDecision('9/QĐ-KKT', 'Phó Trưởng Công an xã, Điều tra viên được phân công', 'Hà Văn Quang');
      await page.getByTestId('tip-status-save').click();
      await expect.poll(() => page.locator('#tip-stage ~ p [data-testid="tip-status"]').first().textContent()).toBe('Đã giải quyết');
      expect(await page.getByTestId('tip-decision-row').allTextContents()).toEqual([
        expect.stringContaining('Quyết định kéo dài thời hạn giải quyết 7/QĐ-CSĐT'),
        expect.stringContaining('Quyết định không khởi tố vụ án hình sự 9/QĐ-KKT'),
      ]);
      expect(await page.getByTestId('tip-notice').count()).toBe(2);
      expect(await page.getByTestId('tip-no-term').textContent()).toBe('Tin báo đã kết thúc; còn 2 văn bản thông báo phải gửi (bên dưới).');
      await page.getByTestId('tip-notice').first().getByTestId('tip-notice-reference').fill('Thông báo số 4/TB-CAX');
      await page.getByTestId('tip-notice').first().getByTestId('tip-notice-save').click();
      await expect.poll(() => page.getByTestId('tip-notice').first().textContent()).toContain('đã gửi ngày');
      await shot(page, 'settle-decided');
    } finally {
      await context.close();
    }
  });

  it('lets the province mark a commune remote, with its document, on the commune\'s page; the commune only reads it', async () => {
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const officer = await env.logIn(context, 'canbo', `/units/${communeId}`);
      await officer.getByTestId('unit-remote').waitFor();
      expect(await officer.getByTestId('unit-remote-hours').textContent()).toBe('24 giờ kể từ khi tiếp nhận.');
      expect(await officer.getByTestId('unit-remote-check').count()).toBe(0);
      await context.clearCookies();
      const page = await env.logIn(context, 'quantri', `/units/${communeId}`);
      await page.getByTestId('unit-remote-check').check();
      expect(await page.getByTestId('unit-remote-save').isDisabled()).toBe(true);
      await page.getByTestId('unit-remote-basis').fill('Quyết định số 1/QĐ-UBND ngày 02/01/2026 của UBND tỉnh Lào Cai');
      await page.getByTestId('unit-remote-save').click();
      await expect.poll(() => page.getByTestId('unit-remote-hours').textContent()).toContain('48 giờ');
      await shot(page, 'unit-remote');
      await page.getByTestId('unit-remote-check').uncheck();
      await page.getByTestId('unit-remote-save').click();
      await expect.poll(() => page.getByTestId('unit-remote-hours').textContent()).toBe('24 giờ kể từ khi tiếp nhận.');
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px phone: the inbox and a tip\'s page do not scroll sideways', async () => {
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await open(context, '/tips');
      await page.locator(`[data-testid="tip-row"][data-id="${late}"]`).waitFor();
      await noSideScroll(page, 'the inbox');
      await shot(page, 'inbox-360');
      await page.goto(`${env.server.url}/tips/${fresh}`);
      await page.getByTestId('tip-timeline').waitFor();
      await noSideScroll(page, 'a tip\'s page');
      await shot(page, 'tip-360');
    } finally {
      await context.close();
    }
  });

  it('takes a tip from the public form in a phone\'s browser, and a refresh of the receipt sends nothing again', async () => {
    const context = await env.browser.newContext({ locale: 'vi-VN', javaScriptEnabled: false, viewport: { width: 360, height: 740 }, isMobile: true });
    try {
      const page = await context.newPage();
      await page.goto(`${env.server.url}/bao-tin?xa=${communeId}`);
      await page.locator('input[name="category"][value="drugs"]').check();
      const story = 'Có người lạ hay đến lán cuối thôn vào ban đêm, nghi mua bán ma túy.';
      await page.fill('#description', story);
      await Promise.all([page.waitForURL('**/bao-tin/da-gui'), page.locator('form button[type="submit"]').click()]);
      const codes = await page.locator('.code').allTextContents();
      expect(codes).toHaveLength(2);
      await noSideScroll(page, 'the receipt');
      await shot(page, 'receipt-360');
      await page.reload();
      expect(await page.locator('.code').allTextContents()).toEqual(codes);
      const sent = await env.server.database.db.selectFrom('tips').select('tracking_code').where('description', '=', story).execute();
      expect(sent.map((t) => t.tracking_code)).toEqual([codes[0]!.replace(/-/g, '')]);
    } finally {
      await context.close();
    }
  });
});

/**
 * The field-work tabs of gongs, alarms, patrols and activities, as a commune officer uses them
 * on a desktop and on a 360 px phone, and as a read-only viewer sees them.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../src/shared/dates.ts';
import { gongTime } from '../../src/gongs/night.ts';
import { startOperatingModel } from '../support/models.ts';
import { mondayOf } from '../../src/shared/dates.ts';
import { useBrowserServer } from '../support/browser.ts';
import type { Client } from '../support/client.ts';

const env = useBrowserServer();
const TABS = ['gongs', 'alarms', 'patrols', 'activities'] as const;
const SHOTS = process.env.FIELD_OPS_SHOTS !== '0';

interface Places {
  officer: Client;
  communeId: number;
  villages: { id: number; name: string }[];
}

let places: Places | undefined;
async function placesOf(): Promise<Places> {
  if (places) return places;
  const officer = await env.server.login('canbo');
  const roots = await officer.ok<{ id: number; name: string; kind: string }[]>('/api/units/roots');
  const commune = roots.find((u) => u.name === 'Xã Thượng Hà')!;
  expect(commune).toBeTruthy();
  const villages = await officer.ok<{ id: number; name: string }[]>(`/api/units/${commune.id}/children?kind=village&limit=200`);
  places = { officer, communeId: commune.id, villages };
  return places;
}
const village = (p: Places, name: string) => p.villages.find((v) => v.name === name)!;

async function open(context: BrowserContext, user: string, path: string): Promise<Page> {
  const page = await env.logIn(context, user, path).catch(async (err) => {
    // What the page showed instead of the log-in form, to look at.
    await context.pages()[0]?.screenshot({ path: '/tmp/field-ops-fail.png' });
    throw err;
  });
  await page.locator('.tab-panel').waitFor();
  return page;
}

/** The tab has loaded what it shows: no "Đang tải…" left. */
async function settled(page: Page) {
  await page.locator('.tab-panel .card').first().waitFor();
  await expect.poll(() => page.locator('.tab-panel .loading').count()).toBe(0);
}

async function noSideScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} scrolls sideways`).toBeLessThanOrEqual(360);
}

describe('field work: gongs, alarms, patrols, activities', () => {
  it('adds a gong with a striker, and shows a check-in made through the API in the month', async () => {
    const p = await placesOf();
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await open(context, 'canbo', `/field/${p.communeId}/gongs`);
      await page.getByTestId('gong-compliance').waitFor();

      // The inventory: a gong at Khe Bàm with its striker.
      await page.getByTestId('gong-add').click();
      const form = page.getByTestId('gong-form');
      await form.getByTestId('gong-save').click();
      // Without a village, the form says so at the field.
      await expect.poll(() => form.locator('.field__error').first().textContent()).toContain('Chọn thôn');
      await form.getByTestId('gong-village-select').selectOption({ label: 'Thôn Khe Bàm' });
      await form.getByTestId('gong-location').fill('Sân nhà văn hóa thôn Khe Bàm');
      await form.getByTestId('striker-name').first().fill('Hoàng Văn Thắng');
      await form.getByTestId('striker-phone').first().fill('0912 345 678');
      await form.getByTestId('gong-per-strike').fill('20000');
      await form.getByTestId('gong-save').click();
      await form.waitFor({ state: 'detached' });
      const gong = page.getByTestId('gong').filter({ hasText: 'Sân nhà văn hóa thôn Khe Bàm' });
      await gong.waitFor();
      expect(await gong.getByTestId('striker').textContent()).toContain('Hoàng Văn Thắng · 0912345678');
      expect(await gong.textContent()).toContain('Đang dùng');
      expect(await gong.textContent()).toMatch(/20\.000 đ/);
      const saved = (await p.officer.ok<any[]>(`/api/gongs?unitId=${p.communeId}`)).find((g) => g.location === 'Sân nhà văn hóa thôn Khe Bàm');
      expect(saved.strikers).toMatchObject([{ full_name: 'Hoàng Văn Thắng', phone: '0912345678' }]);

      // A check-in through the API, on time, on a night of yesterday's month not yet reported.
      const yesterday = addDays(todayVN(), -1);
      const month = yesterday.slice(0, 7);
      const before = await p.officer.ok<any>(`/api/gong-compliance?unitId=${p.communeId}&from=${month}-01&to=${yesterday}`);
      let done: { village: string; night: string } | undefined;
      for (let night = yesterday; !done && night.startsWith(month); night = addDays(night, -1)) {
        for (const v of p.villages) {
          const res = await p.officer.post('/api/gong-checkins', {
            villageId: v.id, night, struckAt: new Date(gongTime(night).getTime() + 3 * 60_000).toISOString(), idempotencyKey: randomUUID(),
          });
          if (res.status === 201) {
            done = { village: v.name, night };
            break;
          }
          expect(res.status, JSON.stringify(res.body)).toBe(409);
        }
      }
      expect(done).toBeTruthy();
      const onTimeBefore = before.villages.find((v: any) => v.village_name === done!.village).on_time;

      // No gong model runs in Thượng Hà yet: the page says so and counts no missed nights.
      await page.getByTestId('gong-not-deployed').waitFor();
      expect(await page.getByTestId('gong-not-deployed').textContent()).toContain('Chưa triển khai mô hình Tiếng kẻng bình yên');
      expect((await page.getByTestId('missed').allTextContents()).every((m) => m.replace(/\D/g, '') === '0')).toBe(true);
      await startOperatingModel(p.officer, 'tieng-keng-binh-yen', p.communeId);

      // The month's compliance, fetched again.
      await page.reload();
      await page.getByTestId('gong-month').fill(month);
      const row = page.locator(`[data-testid="gong-village"][data-village="${done!.village}"]`);
      await expect.poll(() => row.getByTestId('on-time').textContent()).toBe(`Đúng giờ ${onTimeBefore + 1}`);
      const night = page.locator(`[data-testid="night"][data-night="${done!.night}"]`);
      expect(Number(await night.getAttribute('data-on-time'))).toBeGreaterThanOrEqual(1);
      // Worst first: no row has fewer missed nights than the one after it.
      const missed = await page.getByTestId('missed').allTextContents();
      const counts = missed.map((m) => Number(m.replace(/\D/g, '')));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(await page.getByTestId('gong-not-deployed').count()).toBe(0);
      expect(await page.getByTestId('keng-link').getAttribute('href')).toBe('/keng');
    } finally {
      await context.close();
    }
  });

  it('lists an alarm raised through the API and acknowledges it there', async () => {
    const p = await placesOf();
    const head = await env.server.login('thon');
    const raised = await head.post('/api/alarms', {
      villageId: village(p, 'Thôn Làng Ngần').id, kind: 'crime', description: 'Trộm xe máy ở đầu thôn', idempotencyKey: randomUUID(),
    });
    expect(raised.status).toBe(201);
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await open(context, 'canbo', `/field/${p.communeId}/alarms`);
      const row = page.locator(`[data-testid="alarm-row"][data-id="${raised.body.alarm.id}"]`);
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('Tội phạm');
      expect(text).toContain('Thôn Làng Ngần');
      expect(text).toContain('Xã Thượng Hà');
      expect(text).toContain('Trộm xe máy ở đầu thôn');
      expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(await row.getByTestId('alarm-unacked').textContent()).toBe('Chưa nhận');
      await row.getByTestId('alarm-row-ack').click();
      await expect.poll(() => row.getByTestId('alarm-acked').count()).toBe(1);
      expect(await row.getByTestId('alarm-acked').textContent()).toContain('Bạn đã nhận lúc');
      expect(await row.getByTestId('alarm-row-ack').count()).toBe(0);
      const acked = (await p.officer.ok<any[]>('/api/alarms')).find((a) => a.id === raised.body.alarm.id);
      expect(acked.acked_at).not.toBeNull();
      expect(await page.getByTestId('cap-feed').getAttribute('href')).toBe('/cap/alerts.atom');

      // On the village's own tab it is listed too; on another village's, not.
      await page.goto(env.server.url + `/field/${village(p, 'Thôn Khe Bàm').id}/alarms`);
      await page.getByTestId('alarms-history').waitFor();
      await expect.poll(() => page.locator('[data-testid="alarm-list"], [data-testid="alarms-empty"]').count()).toBe(1);
      expect(await page.locator(`[data-testid="alarm-row"][data-id="${raised.body.alarm.id}"]`).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('adds a patrol schedule and a patrol, and counts it in its week', async () => {
    const p = await placesOf();
    const villageId = village(p, 'Thôn Làng Ngần').id;
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await open(context, 'canbo', `/field/${villageId}/patrols`);
      await page.getByTestId('schedule-add').click();
      const sform = page.getByTestId('schedule-form');
      // Before the gong is refused, and said at the field.
      await sform.getByTestId('schedule-time').fill('20:00');
      await sform.getByTestId('schedule-area').fill('Trục đường chính thôn Làng Ngần');
      await sform.getByTestId('schedule-save').click();
      await expect.poll(() => sform.locator('.field__error').first().textContent()).toContain('Giờ bắt đầu tuần tra hằng đêm phải sau giờ đánh kẻng');
      await sform.getByTestId('schedule-time').fill('22:30');
      await sform.getByTestId('schedule-team').fill('Tổ an ninh thôn');
      await sform.getByTestId('schedule-save').click();
      await sform.waitFor({ state: 'detached' });
      const schedule = page.getByTestId('schedule').filter({ hasText: 'Trục đường chính thôn Làng Ngần' });
      expect(await schedule.textContent()).toContain('Hằng đêm sau giờ đánh kẻng, 22:30');
      await expect.poll(() => page.getByTestId('patrol-weekly').textContent()).toContain('cần 7 lần mỗi tuần');

      await page.getByTestId('patrol-add').click();
      const form = page.getByTestId('patrol-form');
      const start = await form.getByTestId('patrol-start').inputValue();
      const week = mondayOf(start.slice(0, 10));
      const before = (await p.officer.ok<any>(`/api/patrols/weekly?unitId=${villageId}&from=${week}&to=${week}`)).weeks[0].patrols;
      await form.getByTestId('patrol-schedule').selectOption({ index: 1 });
      expect(await form.getByTestId('patrol-area').inputValue()).toBe('Trục đường chính thôn Làng Ngần');
      await form.getByTestId('patrol-participants').fill('Vàng A Sử\nLò Văn Páo\n');
      await form.getByTestId('patrol-findings').fill('Tình hình yên tĩnh, nhắc hai hộ khóa cửa.');
      await form.getByTestId('patrol-save').click();
      await form.waitFor({ state: 'detached' });
      const patrol = page.getByTestId('patrol').filter({ hasText: 'Lò Văn Páo' });
      await patrol.waitFor();
      expect(await patrol.textContent()).toContain('Vàng A Sử, Lò Văn Páo');
      expect(await patrol.textContent()).toContain('Tình hình yên tĩnh');
      expect(await patrol.getByTestId('attachment-input').count()).toBe(1);
      const weekRow = page.locator(`[data-testid="patrol-week"][data-week="${week}"]`);
      await expect.poll(() => weekRow.getAttribute('data-count')).toBe(String(before + 1));
      expect(await weekRow.textContent()).toContain(`${before + 1}/7 lần`);
    } finally {
      await context.close();
    }
  });

  it('adds an outreach activity with a channel and finds it by a search without diacritics', async () => {
    const p = await placesOf();
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await open(context, 'canbo', `/field/${p.communeId}/activities`);
      await page.getByTestId('activity-add').click();
      const form = page.getByTestId('activity-form');
      await form.getByTestId('activity-title').fill('Tuyên truyền phòng chống lừa đảo qua mạng');
      await form.getByTestId('activity-save').click();
      // Outreach without a channel: said at the channel field.
      await expect.poll(() => form.locator('.field--invalid').textContent()).toContain('Chưa chọn hình thức');
      await form.getByTestId('activity-channel-select').selectOption('zalo');
      await form.getByTestId('activity-topic').fill('Lừa đảo chiếm đoạt tài sản');
      await form.getByTestId('activity-audience').fill('85');
      await form.getByTestId('activity-save').click();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId('activity').filter({ hasText: 'lừa đảo qua mạng' }).waitFor();
      await expect.poll(() => page.locator('[data-testid="summary-channel"][data-channel="zalo"]').count()).toBe(1);

      await page.getByTestId('activity-search').fill('lua dao qua mang');
      await expect.poll(() => page.getByTestId('activity').allTextContents()).toEqual([expect.stringContaining('Tuyên truyền phòng chống lừa đảo qua mạng')]);
      const item = page.getByTestId('activity').first();
      expect(await item.getByTestId('activity-channel').textContent()).toBe('Zalo');
      expect(await item.textContent()).toContain('85 người dự');
      await page.getByTestId('activity-search').fill('khong co hoat dong nay');
      await page.getByTestId('activities-empty').waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows the viewer the tabs without any control to add or change', async () => {
    const p = await placesOf();
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await open(context, 'xem', `/field/${p.communeId}/gongs`);
      await page.getByTestId('gong-inventory').locator('[data-testid="gong"], .empty').first().waitFor();
      expect(await page.getByTestId('gong').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="gong-add"], [data-testid="gong-edit"]').count()).toBe(0);

      await page.getByTestId('tab-patrols').click();
      await page.getByTestId('patrol-list').waitFor();
      expect(await page.locator('[data-testid="schedule-add"], [data-testid="patrol-add"], [data-testid="patrol-edit"], [data-testid="attachment-input"]').count()).toBe(0);

      await page.getByTestId('tab-activities').click();
      await page.getByTestId('activity-list').waitFor();
      expect(await page.locator('[data-testid="activity-add"], [data-testid="activity-edit"], [data-testid="attachment-input"]').count()).toBe(0);

      await page.getByTestId('tab-alarms').click();
      await page.getByTestId('alarm-list').waitFor();
      expect(await page.getByTestId('alarm-row-ack').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('fits every tab in a 360 px phone, forms open', async () => {
    const p = await placesOf();
    const context = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await open(context, 'canbo', `/field/${p.communeId}/gongs`);
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click();
        await settled(page);
        await noSideScroll(page, tab);
        if (SHOTS) await page.screenshot({ path: `/tmp/field-ops-${tab}-360.png`, fullPage: true });
        const add = page.locator('[data-testid="gong-add"], [data-testid="patrol-add"], [data-testid="activity-add"]');
        if (await add.count()) {
          await add.first().click();
          await page.locator('form.ops-form').first().waitFor();
          await noSideScroll(page, `${tab} with its form`);
          if (SHOTS) await page.locator('form.ops-form').first().screenshot({ path: `/tmp/field-ops-${tab}-form-360.png` });
        }
      }
      await page.getByTestId('tab-patrols').click();
      await page.getByTestId('schedule-add').click();
      await noSideScroll(page, 'patrol schedule form');
    } finally {
      await context.close();
    }
    if (!SHOTS) return;
    const wide = await env.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    try {
      const page = await open(wide, 'canbo', `/field/${p.communeId}/gongs`);
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click();
        await settled(page);
        await page.screenshot({ path: `/tmp/field-ops-${tab}-1280.png`, fullPage: true });
      }
    } finally {
      await wide.close();
    }
  });
});

/**
 * The striker's phone page (/keng) as a village head uses it on a small phone: log in, tap the
 * village after the 22:00 gong, and the same with no signal, the tap sent once signal returns.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../src/shared/dates.ts';
import { gongTime } from '../../src/gongs/night.ts';
import { useBrowserServer } from '../support/browser.ts';
import { TEST_PASSWORD } from '../support/prepare.ts';

const env = useBrowserServer();

/** The night's check-ins in Xã Thượng Hà (the demo's Xã Thạch Lập has nights of its own). */
async function checkinsOf(night: string) {
  return env.server.database.db.selectFrom('gong_checkins as c').innerJoin('units as v', 'v.id', 'c.village_id')
    .innerJoin('units as commune', 'commune.id', 'v.parent_id')
    .select(['v.name', 'c.late_minutes']).where('c.night', '=', night).where('commune.code', '=', '02968').execute();
}

/** A phone logged in as the village head; its clock set to that night, or left as it is. */
async function phone(at?: { night: string; minutesAfter22: number }) {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  // The phone's clock says it is that night; the server's is now, so the strike is in the past.
  if (at) await page.clock.setFixedTime(new Date(gongTime(at.night).getTime() + at.minutesAfter22 * 60_000));
  await page.goto(env.server.url + '/keng');
  await page.getByLabel('Tên đăng nhập').fill('thon');
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return { context, page, village: page.locator('button.strike', { hasText: 'Thôn Làng Ngần' }) };
}

describe('the striker\'s phone page', () => {
  it('is small: its script and page weigh a few kilobytes gzipped', async () => {
    let total = 0;
    for (const path of ['/keng', '/keng/app.js', '/keng/sw.js', '/keng/manifest.webmanifest']) {
      const res = await fetch(env.server.url + path);
      expect(res.status, path).toBe(200);
      total += zlib.gzipSync(Buffer.from(await res.arrayBuffer())).length;
    }
    expect(total).toBeLessThan(50 * 1024);
    const manifest = await (await fetch(env.server.url + '/keng/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ lang: 'vi', start_url: '/keng', display: 'standalone' });
  });

  it('reports the gong in one tap after logging in, once', async () => {
    const night = addDays(todayVN(), -1);
    const { context, page, village } = await phone({ night, minutesAfter22: 4 });
    try {
      await expect.poll(() => page.locator('#night').textContent()).toContain(`Đêm ${night.split('-').reverse().join('/')}`);
      await village.click();
      await expect.poll(() => village.textContent()).toContain('Đã báo lúc 22:04');
      expect(await village.isDisabled()).toBe(true);
      expect(await checkinsOf(night)).toEqual([{ name: 'Thôn Làng Ngần', late_minutes: 4 }]);
      const box = await village.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(48); // a large touch target
    } finally {
      await context.close();
    }
  });

  it('keeps a tap made without signal and sends it, once, when signal returns', async () => {
    const night = addDays(todayVN(), -2);
    const { context, page, village } = await phone({ night, minutesAfter22: 9 });
    try {
      await expect.poll(() => village.isEnabled()).toBe(true);
      await context.setOffline(true);
      await village.click();
      await expect.poll(() => village.textContent()).toContain('chờ gửi');
      await expect.poll(() => page.locator('#status').textContent()).toContain('Chưa có mạng');
      expect(await checkinsOf(night)).toEqual([]);

      await context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(() => village.textContent()).toContain('Đã báo lúc 22:09');
      expect(await checkinsOf(night)).toEqual([{ name: 'Thôn Làng Ngần', late_minutes: 9 }]);
      expect(await page.evaluate(() => localStorage.getItem('keng.queue'))).toBe('[]');
    } finally {
      await context.close();
    }
  });

  it('says a strike was late, by the tap\'s own time, also when the tap was sent later', async () => {
    const night = addDays(todayVN(), -3);
    const { context, page, village } = await phone({ night, minutesAfter22: 27 });
    try {
      await expect.poll(() => village.isEnabled()).toBe(true);
      await context.setOffline(true);
      await village.click();
      await expect.poll(() => village.textContent()).toContain('chờ gửi');
      await context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(() => page.locator('#status').textContent()).toContain('Thôn Làng Ngần: Đã ghi nhận — đánh muộn 27 phút (lúc 22:27');
      await expect.poll(() => village.textContent()).toContain('Đã báo lúc 22:27, muộn 27 phút so với 22 giờ');
      expect(await checkinsOf(night)).toEqual([{ name: 'Thôn Làng Ngần', late_minutes: 27 }]);
    } finally {
      await context.close();
    }
    // On time, it says so and nothing of lateness.
    const onTime = await phone({ night: addDays(todayVN(), -4), minutesAfter22: 12 });
    try {
      await onTime.village.click();
      await expect.poll(() => onTime.page.locator('#status').textContent()).toContain('Đã ghi nhận — đánh đúng giờ (22:12)');
      expect(await onTime.village.textContent()).not.toContain('muộn');
    } finally {
      await onTime.context.close();
    }
  });

  it('raises an alarm from the phone, kept without signal and sent once when it returns', async () => {
    const { context, page } = await phone(); // an alarm can be raised at any hour
    try {
      await page.getByRole('button', { name: 'Báo động' }).click();
      await page.getByLabel('Thôn').selectOption({ label: 'Thôn Làng Ngần (Xã Thượng Hà)' });
      await page.getByLabel('Cháy').check();
      await page.getByLabel('Mô tả ngắn').fill('Cháy đống rơm sau nhà văn hóa');
      // The text goes to the public CAP feed: the form says so and lets the striker withhold it.
      expect(await page.locator('#alarm-published').textContent()).toContain('được công bố công khai');
      await page.getByLabel('Không công bố chi tiết').check();
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Phát báo động' }).click();
      await expect.poll(() => page.locator('#status').textContent()).toContain('đã lưu trên máy');
      const alarms = () => env.server.database.db.selectFrom('alarms').select(['kind', 'description', 'public_details']).where('description', '=', 'Cháy đống rơm sau nhà văn hóa').execute();
      expect(await alarms()).toEqual([]);

      await context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(() => page.locator('#status').textContent()).toMatch(/Đã phát báo động, đã báo cho \d+ người nhận/);
      expect(await alarms()).toEqual([{ kind: 'fire', description: 'Cháy đống rơm sau nhà văn hóa', public_details: false }]);
    } finally {
      await context.close();
    }
  });
});

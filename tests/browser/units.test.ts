import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';
import { TEST_PASSWORD } from '../support/prepare.ts';

const app = useBrowserServer();

describe('staff web app', () => {
  it('finds a pre-2025 commune by its old name and opens the unit that replaced it', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      // The app lands on /work after log-in; this test starts on the units page.
      const page = await app.logIn(context, 'quantri', '/units');
      await page.getByTestId('unit-search').fill('dien quan');

      const legacy = page.getByTestId('legacy-result').filter({ hasText: 'Xã Điện Quan' });
      await expect.poll(() => legacy.count()).toBeGreaterThan(0);
      const item = legacy.first();
      await expect.poll(() => item.textContent()).toContain('Huyện Bảo Yên, Tỉnh Lào Cai');
      expect(await item.textContent()).toContain('Xã Thượng Hà');

      await item.getByRole('link', { name: 'Xã Thượng Hà' }).click();
      const title = page.getByTestId('unit-title');
      await title.waitFor();
      expect(await title.textContent()).toBe('Xã Thượng Hà');
      expect(new URL(page.url()).pathname).toMatch(/^\/units\/\d+$/);

      const legacyList = page.getByTestId('unit-legacy');
      await legacyList.waitFor();
      expect(await legacyList.textContent()).toContain('Xã Điện Quan');
      expect(await page.getByTestId('breadcrumb').textContent()).toContain('Lào Cai');
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px phone: no horizontal overflow, the menu button opens the navigation', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await app.logIn(context, 'canbo', '/units');
      await page.getByTestId('unit-tree').getByText('Thôn Làng Ngần').waitFor();
      const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
      expect(await scrollWidth()).toBeLessThanOrEqual(360);

      const nav = page.getByTestId('main-nav');
      const menu = page.getByTestId('menu-button');
      expect(await nav.isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await menu.click();
      await nav.waitFor({ state: 'visible' });
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.getByRole('link', { name: 'Tài khoản' }).isVisible()).toBe(true);
      expect(await nav.getByRole('link', { name: 'Báo cáo' }).isVisible()).toBe(true);
      expect(await scrollWidth()).toBeLessThanOrEqual(360);

      // Choosing an item closes the menu; the unit page fits too.
      await nav.getByRole('link', { name: 'Đơn vị' }).click();
      await nav.waitFor({ state: 'hidden' });
      await page.getByTestId('unit-tree').getByRole('link', { name: /Xã Thượng Hà/ }).click();
      await page.getByTestId('unit-title').waitFor();
      await page.getByTestId('unit-legacy').waitFor();
      expect(await scrollWidth()).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });

  it('loads the log-in page without an error in the console, before and after a log-out', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      await page.goto(app.server.url + '/');
      await page.getByTestId('login-username').waitFor();
      await page.reload();
      await page.getByTestId('login-username').waitFor();
      expect(errors).toEqual([]);

      await page.getByTestId('login-username').fill('canbo');
      await page.getByTestId('login-password').fill(TEST_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('main-nav').waitFor();
      await page.getByTestId('logout').click();
      await page.getByTestId('login-username').waitFor();
      await page.reload();
      await page.getByTestId('login-username').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('switches to English and remembers the choice', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await app.logIn(context, 'lanhdao');
      const nav = page.getByTestId('main-nav');
      await nav.getByRole('link', { name: 'Đơn vị' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');

      await page.getByTestId('lang-en').click();
      await nav.getByRole('link', { name: 'Units' }).waitFor();
      expect(await nav.textContent()).not.toContain('Đơn vị');
      expect(await page.getByTestId('logout').textContent()).toBe('Log out');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await page.reload();
      await page.getByTestId('main-nav').getByRole('link', { name: 'Units' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await context.close();
    }
  });
});

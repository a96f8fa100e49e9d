/**
 * WCAG 2.1 AA over every page of the staff app and every public page, at a desktop's width and
 * at 320 CSS px (a 1280 px screen zoomed to 400 %, 1.4.10): axe-core finds nothing, nothing scrolls
 * sideways at 320 px, the VI/EN buttons' names contain what they show (2.5.3), and the header's
 * controls show a focus ring that stands out from the red header and is not cut off (2.4.7, 1.4.11).
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, useBrowserServer } from '../support/browser.ts';
import { TEST_PASSWORD } from '../support/prepare.ts';

const env = useBrowserServer();

const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 640 };
const STAFF = { viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
const SHOTS = new URL('../../.test-artifacts/a11y/', import.meta.url);
/** Pages photographed at 320 px, to be looked at by a person. */
const PHOTOGRAPHED = new Set(['/work', '/plans/PLAN', '/field/THACHLAP/activities', '/tips/TIP']);

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const path = new URL(name.replace(/[^\w-]+/g, '_') + '.png', SHOTS).pathname;
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: NARROW.width, height: 1100 } });
}

/** A page of the staff app has loaded when its title (or the not-found text) shows and nothing is loading. */
async function settled(page: Page) {
  await page.locator('main h1, main .empty').first().waitFor();
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
}

/** Every check at both widths, then back to the desktop width. */
async function checkBothWidths(page: Page, what: string, photo?: string) {
  await page.setViewportSize(DESKTOP);
  // Soft: one run lists every page's faults, not only the first page's.
  expect.soft(await axeViolations(page), `${what} at ${DESKTOP.width} px`).toEqual([]);
  await page.setViewportSize(NARROW);
  expect.soft(await axeViolations(page), `${what} at 320 px`).toEqual([]);
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollWidth,
    inner: window.innerWidth,
  }));
  expect.soft(widths.scroll, `${what} scrolls sideways at 320 px`).toBeLessThanOrEqual(widths.inner);
  if (photo) await shot(page, photo);
  await page.setViewportSize(DESKTOP);
}

/** The VI/EN buttons: each one's accessible name starts with the letters it shows. */
async function expectLanguageNamesHoldTheirText(page: Page) {
  const buttons = page.getByTestId('lang-switch').getByRole('button');
  expect(await buttons.count()).toBe(2);
  for (const button of await buttons.all()) {
    const shown = (await button.innerText()).trim();
    const name = await button.evaluate((el) => el.getAttribute('aria-label') ?? el.textContent ?? '');
    expect.soft(name.toLowerCase().startsWith(shown.toLowerCase()), `"${name}" starts with "${shown}"`).toBe(true);
  }
}

interface Ring {
  control: string;
  kind: string;
  contrast: number;
  clippedBy: string | null;
}

/**
 * Tabs from the top of the page through the controls inside `area` and measures the focus ring
 * each one shows: its colour against the background of `backdrop`, and whether an ancestor that hides
 * its overflow cuts it off.
 */
async function focusRings(page: Page, area: string, backdrop = area): Promise<Ring[]> {
  // From the top: a reload forgets where the last Tab left off.
  await page.reload();
  await page.locator(area).first().waitFor();
  const rings: Ring[] = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(([area, backdrop]) => {
      const el = document.activeElement as HTMLElement | null;
      const box = el?.closest(area) && el.closest(backdrop);
      if (!el || !box) return null;
      const rgb = (text: string) => (text.match(/rgba?\(([^)]+)\)/)?.[1] ?? '').split(',').map((x) => Number(x.trim()));
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const c = [r, g, b].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
      };
      const boxStyle = getComputedStyle(box);
      // A gradient behind (the log-in page) is read by its first colour: the top, where the control sits.
      const plain = boxStyle.backgroundColor !== 'rgba(0, 0, 0, 0)';
      const behind = rgb(plain ? boxStyle.backgroundColor : boxStyle.backgroundImage);
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      const colour = outline ? s.outlineColor : s.boxShadow !== 'none' ? s.boxShadow : '';
      const [l1, l2] = [luminance(rgb(colour)), luminance(behind)].sort((a, b) => b - a) as [number, number];
      const reach = outline ? parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) : 0;
      const r = el.getBoundingClientRect();
      let clippedBy: string | null = null;
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const as = getComputedStyle(a);
        if (as.overflowX === 'visible' && as.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        const outside = r.left - reach < ar.left - 0.5 || r.right + reach > ar.right + 0.5
          || r.top - reach < ar.top - 0.5 || r.bottom + reach > ar.bottom + 0.5;
        if (outside) {
          clippedBy = a.className || a.tagName;
          break;
        }
      }
      return {
        control: el.dataset.testid ?? el.className ?? el.tagName,
        kind: colour ? (outline ? 'outline' : 'box-shadow') : 'none',
        contrast: colour ? (l1 + 0.05) / (l2 + 0.05) : 0,
        clippedBy,
      };
    }, [area, backdrop] as const);
    if (ring) rings.push(ring);
    else if (rings.length) break;
  }
  return rings;
}

function expectVisibleRings(rings: Ring[], expected: string[]) {
  expect.soft(rings.map((r) => r.control)).toEqual(expect.arrayContaining(expected));
  for (const ring of rings) {
    expect.soft(ring.kind, `${ring.control} shows a focus ring`).not.toBe('none');
    expect.soft(ring.contrast, `${ring.control}'s focus ring against the background`).toBeGreaterThanOrEqual(3);
    expect.soft(ring.clippedBy, `${ring.control}'s focus ring is cut off`).toBeNull();
  }
}

async function logIn(context: BrowserContext, username: string, path: string) {
  const page = await env.logIn(context, username, path);
  await settled(page);
  return page;
}

/** Visits each path in one signed-in page, checking it at both widths. */
async function visitAll(page: Page, paths: string[], ids: Record<string, number>) {
  for (const pattern of paths) {
    const path = pattern.replace(/[A-Z]+/g, (k) => String(ids[k] ?? k));
    await page.goto(env.server.url + path);
    await settled(page);
    await expectLanguageNamesHoldTheirText(page);
    await checkBothWidths(page, path, PHOTOGRAPHED.has(pattern) ? `staff${path}` : undefined);
  }
}

async function sampleIds() {
  const db = env.server.database.db;
  const unit = async (column: 'code' | 'name', value: string) =>
    (await db.selectFrom('units').select('id').where(column, '=', value).orderBy('id').executeTakeFirstOrThrow()).id;
  const first = async (table: 'model_instances' | 'plans') =>
    (await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const template = await db.selectFrom('model_templates').select('id').where('is_current', '=', true).orderBy('id')
    .executeTakeFirstOrThrow();
  return {
    COMMUNE: await unit('code', '02968'), THACHLAP: await unit('code', '15085'),
    VILLAGE: await unit('name', 'Thôn Làng Ngần'), PROVINCE: await unit('name', 'Thanh Hóa'),
    MODEL: await first('model_instances'), TEMPLATE: template.id, PLAN: await first('plans'),
  };
}

/** A tip sent to Xã Thượng Hà through the public form, as a person would send it. */
async function sendTip(communeId: number): Promise<number> {
  const description = `Xe lạ đỗ cuối thôn nhiều đêm liền (${Date.now()})`;
  const form = new FormData();
  for (const [k, v] of Object.entries({ xa: String(communeId), category: 'theft', description })) form.append(k, v);
  const res = await fetch(env.server.url + '/bao-tin', { method: 'POST', redirect: 'manual', body: form });
  expect(res.status).toBe(303);
  const tip = await env.server.database.db.selectFrom('tips').select('id').where('description', '=', description)
    .executeTakeFirstOrThrow();
  return tip.id;
}

/** The staff app's pages as an administrator sees them, in groups that each fit one test's time. */
const ADMIN_PAGES: Record<string, string[]> = {
  'My work, the calendar and units': [
    '/work', '/calendar', '/units', '/units/COMMUNE', '/units/VILLAGE', '/account', '/nothing',
  ],
  'models and templates': [
    '/models', '/models/MODEL', '/models/new',
    '/models/templates', '/models/templates/new', '/models/templates/TEMPLATE/edit',
  ],
  'plans': ['/plans', '/plans/PLAN', '/plans/new', '/plans/PLAN/edit'],
  'statistics and reports': [
    '/field', '/statistics', '/statistics/PROVINCE', '/statistics/THACHLAP',
    '/reports', '/reports/unit/PROVINCE', '/reports/unit/THACHLAP',
  ],
  'tips, users and the audit log': ['/tips', '/tips/TIP', '/users', '/audit'],
};
const FIELD_TABS = ['targets', 'gongs', 'alarms', 'patrols', 'activities', 'households', 'fire-groups', 'keychains'];

describe('accessibility (WCAG 2.1 AA)', () => {
  it('the log-in page: no violations, fits 320 px, and a focus ring on the red band', async () => {
    const context = await env.browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(env.server.url + '/work');
      await page.getByTestId('login-username').waitFor();
      await expectLanguageNamesHoldTheirText(page);
      await checkBothWidths(page, 'the log-in page', 'login');
      expectVisibleRings(await focusRings(page, '.login__lang', '.login'), ['lang-vi', 'lang-en']);
    } finally {
      await context.close();
    }
  });

  it('the header as an administrator: focus rings, the menu on a phone, and pages in English', async () => {
    const ids = await sampleIds();
    const context = await env.browser.newContext(STAFF);
    try {
      const page = await logIn(context, 'quantri', '/work');
      expectVisibleRings(await focusRings(page, '.header'), ['lang-vi', 'lang-en', 'logout']);
      await page.setViewportSize(NARROW);
      expectVisibleRings(await focusRings(page, '.header'), ['lang-vi', 'lang-en', 'menu-button']);

      // The menu opened on a phone is a page of its own to a person.
      await page.getByTestId('menu-button').click();
      expect.soft(await axeViolations(page), 'the open menu at 320 px').toEqual([]);
      await shot(page, 'staff-menu');

      // In English too: the other catalogue's strings have their own lengths.
      await page.setViewportSize(DESKTOP);
      await page.getByTestId('lang-en').click();
      await visitAll(page, ['/work', '/plans/PLAN', '/field/THACHLAP/activities'], ids);
      await page.getByTestId('lang-vi').click();
    } finally {
      await context.close();
    }
  }, 300_000);

  for (const [group, paths] of Object.entries(ADMIN_PAGES)) {
    it(`${group} as an administrator`, async () => {
      const ids = await sampleIds();
      const TIP = paths.includes('/tips/TIP') ? await sendTip(ids.COMMUNE) : 0;
      const context = await env.browser.newContext(STAFF);
      try {
        await visitAll(await logIn(context, 'quantri', '/work'), paths, { ...ids, TIP });
      } finally {
        await context.close();
      }
    }, 300_000);
  }

  it('every field tab as the commune officer, and a village as its head', async () => {
    const ids = await sampleIds();
    const officer = await env.browser.newContext(STAFF);
    const head = await env.browser.newContext(STAFF);
    try {
      const page = await logIn(officer, 'thachlap', '/work');
      await checkBothWidths(page, 'My work of the commune officer');
      await visitAll(page, [...FIELD_TABS.map((tab) => `/field/THACHLAP/${tab}`), '/calendar'], ids);
      // A report: the officer starts the first one the commune owes.
      await page.goto(env.server.url + '/reports');
      await page.getByTestId('duty-start').first().click();
      await page.getByTestId('report-page').waitFor();
      await settled(page);
      await checkBothWidths(page, 'a report being written', 'staff-report');
      const village = await logIn(head, 'thon', '/work');
      await checkBothWidths(village, 'My work of the village head');
      await visitAll(village, ['/field/VILLAGE/gongs', '/field/VILLAGE/households', '/units'], ids);
    } finally {
      await officer.close();
      await head.close();
    }
  }, 300_000);

  it('the public pages: telling the police, the receipt, the status page, a keychain\'s page and /keng', async () => {
    const ids = await sampleIds();
    const { code } = await env.server.database.db.selectFrom('keychains').select('code').where('revoked_at', 'is', null)
      .orderBy('id').executeTakeFirstOrThrow();
    const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      const open = async (path: string, what: string, photo?: string) => {
        await page.goto(env.server.url + path);
        await checkBothWidths(page, what, photo);
      };
      await open('/bao-tin', 'choosing the commune');
      await open('/bao-tin?tim=thuong%20ha', 'communes found');
      await open(`/bao-tin?xa=${ids.COMMUNE}`, 'the tip form', 'public-form');

      // Sent with mistakes (the browser's own checks taken away, as an old phone would not make them).
      await page.evaluate(() => document.querySelectorAll('[required],[minlength]').forEach((el) => {
        el.removeAttribute('required');
        el.removeAttribute('minlength');
      }));
      await page.fill('#description', 'ngắn');
      await Promise.all([page.waitForURL('**/bao-tin'), page.locator('form button[type="submit"]').click()]);
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await checkBothWidths(page, 'the tip form with its mistakes marked');

      await page.locator('input[name="category"][value="theft"]').check();
      await page.fill('#description', 'Có người lạ hay đến lán cuối thôn vào ban đêm.');
      await Promise.all([page.waitForURL('**/bao-tin/da-gui'), page.locator('form button[type="submit"]').click()]);
      await checkBothWidths(page, 'the receipt', 'public-receipt');
      const [tracking, secret] = await page.locator('.code').allTextContents();

      await open('/bao-tin/theo-doi', 'the status form');
      await page.fill('#code', tracking!);
      await page.fill('#secret', secret!);
      await page.locator('form button[type="submit"]').click();
      await page.locator('.code').waitFor();
      await checkBothWidths(page, 'the status page', 'public-status');

      await open(`/k/${code}`, 'a keychain\'s page', 'public-keychain');
      await open('/k?ma=ZZZZ', 'a keychain code not found');

      await open('/keng', 'the striker\'s log-in');
      await page.getByLabel('Tên đăng nhập').fill('thon');
      await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.locator('button.strike').first().waitFor();
      await checkBothWidths(page, 'the striker\'s villages', 'public-keng');
    } finally {
      await context.close();
    }
  }, 300_000);
});

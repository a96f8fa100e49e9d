/**
 * A commune officer's field work on people: households (by hand and from a CSV file), a
 * fire-safety group, keychains handed out and revoked, the targets; a viewer kept from the
 * personal data; every tab fitting a 360 px phone.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();
const TABS = ['targets', 'households', 'fire-groups', 'keychains'] as const;

async function units() {
  const db = env.server.database.db;
  const commune = await db.selectFrom('units').select(['id', 'path']).where('code', '=', '02968').executeTakeFirstOrThrow();
  const village = await db.selectFrom('units').select('id').where('parent_id', '=', commune.id).where('name', '=', 'Thôn Khuổi Phường').executeTakeFirstOrThrow();
  return { commune: commune.id, village: village.id };
}

async function openTab(page: Page, unitId: number, tab: string) {
  await page.goto(`${env.server.url}/field/${unitId}/${tab}`);
  await page.locator('.tab-panel').waitFor();
}

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('field work on people', () => {
  it('adds and imports households, groups them, hands out keychains and shows the targets', async () => {
    const { commune, village } = await units();
    const tag = randomUUID().slice(0, 6);
    const names = { typed: `Hoàng Văn Thử ${tag}`, a: `Lý Thị Nhập ${tag}`, b: `Đặng Văn Nhập ${tag}` };
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'canbo', '/work');
      page.on('dialog', (d) => void d.accept());

      // ---- A household by hand, in a village of the commune; a missing field says so at the field.
      await openTab(page, commune, 'households');
      await page.getByTestId('household-add').click();
      const form = page.getByTestId('household-form');
      await form.getByTestId('household-village').selectOption({ label: 'Thôn Khuổi Phường' });
      await form.getByLabel('Địa chỉ').fill('Xóm Trên');
      await form.getByLabel('Số nhân khẩu').fill('4');
      await form.getByTestId('household-submit').click();
      await expect.poll(() => form.locator('.field__error').allTextContents()).toContain('Chưa có tên chủ hộ');
      await form.getByLabel('Chủ hộ').fill(names.typed);
      await form.getByLabel('Số điện thoại').fill('0912 345 678');
      await form.getByTestId('household-submit').click();
      await form.getByTestId('household-saved').waitFor();
      const row = page.getByTestId('household').filter({ hasText: names.typed });
      await row.waitFor();
      expect(await row.textContent()).toContain('Thôn Khuổi Phường');
      expect(await row.textContent()).toContain('0912345678');

      // ---- A CSV with a bad row: nothing imported, the row's error shown; then a good one.
      await page.getByTestId('households-import').locator('summary').click();
      const header = 'Thôn,Chủ hộ,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú';
      await page.getByTestId('households-file').setInputFiles({
        name: 'ho-loi.csv', mimeType: 'text/csv',
        buffer: Buffer.from(`${header}\nThôn Khuổi Phường,${names.a},Xóm Giữa,3,,\nThôn Khuổi Phường,,Xóm Dưới,5,,\n`),
      });
      await page.getByTestId('households-import-submit').click();
      const rows = page.getByTestId('households-import-rows');
      await rows.waitFor();
      expect(await rows.textContent()).toContain('Dòng 3, cột Chủ hộ');
      expect(await page.getByTestId('households-import-error').textContent()).toContain('chưa nhập dòng nào');
      expect(await page.getByTestId('household').filter({ hasText: names.a }).count()).toBe(0);

      await page.getByTestId('households-file').setInputFiles({
        name: 'ho.csv', mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${header}\nThôn Khuổi Phường,${names.a},Xóm Giữa,3,0987654321,\nthon khuoi phuong,${names.b},Xóm Dưới,5,,Nhà sàn\n`),
      });
      await page.getByTestId('households-import-submit').click();
      const done = page.getByTestId('households-import-done');
      await done.waitFor();
      expect(await done.textContent()).toContain('2 hộ mới, 0 hộ cập nhật, 0 hộ không đổi');
      await page.getByTestId('household').filter({ hasText: names.b }).waitFor();

      // Search without diacritics.
      await page.getByTestId('households-search').fill(`dang van nhap ${tag}`);
      await expect.poll(() => page.getByTestId('household').count()).toBe(1);
      await page.getByTestId('households-search').fill('');

      // ---- A fire-safety group of the three households: the village's coverage goes up.
      await openTab(page, commune, 'fire-groups');
      const villageRow = page.getByTestId('fire-coverage-village').filter({ hasText: 'Thôn Khuổi Phường' });
      await villageRow.waitFor();
      const before = await villageRow.textContent();
      await page.getByTestId('fire-group-add').click();
      const groupForm = page.getByTestId('fire-group-form');
      await groupForm.getByTestId('fire-group-village').selectOption({ label: 'Thôn Khuổi Phường' });
      await groupForm.getByLabel('Tên tổ').fill(`Tổ liên gia ${tag}`);
      await groupForm.getByLabel('Tổ trưởng', { exact: true }).fill('Hoàng Văn Trưởng');
      await groupForm.getByLabel('Điện thoại tổ trưởng').fill('0911222333');
      for (const name of Object.values(names)) await groupForm.getByTestId('fire-group-households').getByText(name).click();
      expect(await groupForm.getByTestId('fire-group-picked').textContent()).toBe('3');
      await groupForm.getByTestId('equipment-add').click();
      await groupForm.getByTestId('equipment-row').getByLabel('Số lượng').fill('2');
      await groupForm.getByTestId('fire-group-submit').click();
      const group = page.getByTestId('fire-group').filter({ hasText: `Tổ liên gia ${tag}` });
      await group.waitFor();
      expect(await group.textContent()).toContain('3 hộ');
      expect(await group.textContent()).toContain('Bình chữa cháy');
      await expect.poll(() => villageRow.textContent()).not.toBe(before);
      const after = (await villageRow.textContent())!;
      const [, inGroups] = /(\d+)\/(\d+) hộ/.exec(before!)!;
      expect(after).toContain(`${Number(inGroups) + 3}/`);

      // The households are now shown as in that group, and not pickable for another one.
      await page.getByTestId('fire-group-add').click();
      await groupForm.getByTestId('fire-group-village').selectOption({ label: 'Thôn Khuổi Phường' });
      const taken = groupForm.getByTestId('fire-group-households').locator('label', { hasText: names.a });
      await taken.waitFor();
      expect(await taken.locator('input').isDisabled()).toBe(true);
      expect(await taken.textContent()).toContain(`đã ở Tổ liên gia ${tag}`);
      await groupForm.getByRole('button', { name: 'Hủy' }).click();

      // ---- Keychains for two households: in the register with their codes; one revoked.
      await openTab(page, commune, 'keychains');
      await page.getByTestId('keychain-figures').waitFor();
      await page.getByTestId('keychains-hand-out').click();
      const handOut = page.getByTestId('hand-out-form');
      await handOut.getByTestId('hand-out-village').selectOption({ label: 'Thôn Khuổi Phường' });
      await handOut.getByTestId('hand-out-households').getByText(names.a).click();
      await handOut.getByTestId('hand-out-households').getByText(names.b).click();
      await handOut.getByLabel('Người liên hệ', { exact: true }).fill('Lò Văn Minh');
      await handOut.getByLabel('Điện thoại người liên hệ').fill('0968111222');
      await handOut.getByTestId('hand-out-submit').click();
      await page.getByTestId('keychains-done').waitFor();
      expect(await page.getByTestId('keychains-done').textContent()).toContain('Đã cấp 2 móc khóa');
      const keyA = page.getByTestId('keychain').filter({ hasText: names.a });
      await keyA.waitFor();
      expect(await keyA.textContent()).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
      expect(await keyA.textContent()).toContain('Đang dùng');
      const code = (await keyA.locator('a.mono').textContent())!;
      expect(await keyA.locator('a.mono').getAttribute('href')).toBe(`/k/${code.replace(/-/g, '')}`);
      expect(await page.getByTestId('keychain-village').filter({ hasText: 'Thôn Khuổi Phường' }).getByTestId('keychain-cards').getAttribute('href'))
        .toBe(`/api/keychains/cards.pdf?villageId=${village}`);

      await keyA.getByTestId('keychain-revoke').click();
      await keyA.waitFor({ state: 'detached' });
      await page.getByText(/Hiện cả móc khóa đã thu hồi/).click();
      await expect.poll(() => page.getByTestId('keychain').filter({ hasText: names.a }).textContent()).toContain('Đã thu hồi');

      // Households show the keychain in use.
      await openTab(page, commune, 'households');
      const rowB = page.getByTestId('household').filter({ hasText: names.b });
      await rowB.waitFor();
      expect(await rowB.textContent()).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
      expect(await rowB.textContent()).toContain(`Tổ liên gia ${tag}`);

      // ---- The targets: six indicators, each with its badge and where its target comes from.
      await openTab(page, commune, 'targets');
      await page.getByTestId('targets').waitFor();
      expect(await page.getByTestId('target').count()).toBe(6);
      // No gong model runs in Thượng Hà: the gong target says so, not "0 %".
      const gong = page.locator('[data-testid="target"][data-key="thon-danh-keng"]');
      expect(await gong.getByTestId('target-met').textContent()).toBe('Chưa triển khai mô hình Tiếng kẻng bình yên');
      expect(await gong.getByTestId('target-not-deployed').count()).toBe(1);
      expect(await page.locator('[data-testid="target"][data-key="ke-hoach"]').textContent()).toMatch(/\d+\/\d+ trường/);
      const fire = page.locator('[data-testid="target"][data-key="ho-trong-to"]');
      expect(await fire.textContent()).toContain('Chỉ tiêu: 100%');
      expect(await fire.textContent()).toMatch(/\d+\/\d+ hộ/);
      expect(await fire.getByTestId('target-met').textContent()).toMatch(/^(✓ )?(Đạt|Chưa đạt|Chưa có số liệu)$/);
      // Thượng Hà has no patrol schedule: the patrol target says so rather than "0 lần/tuần".
      expect(await page.locator('[data-testid="target"][data-key="tuan-tra"]').textContent()).toContain('Chưa có lịch tuần tra');

      // ---- The unit page shows the summary and leads to the field work.
      await page.goto(`${env.server.url}/units/${commune}`);
      const summary = page.getByTestId('targets-summary');
      await expect.poll(() => summary.locator('.targets-mini__item').count()).toBe(6);
      await page.screenshot({ path: '/tmp/field-people-unit-1280.png' });
      await summary.getByRole('link', { name: 'Công tác cơ sở của đơn vị' }).click();
      await page.locator('.tab-panel').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/field/${commune}`);

      // ---- Screenshots of each tab, wide and on a phone; nothing scrolls sideways at 360 px.
      for (const tab of TABS) {
        await openTab(page, commune, tab);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `/tmp/field-people-${tab}-1280.png`, fullPage: true });
      }
      await page.setViewportSize({ width: 360, height: 740 });
      for (const tab of TABS) {
        await openTab(page, commune, tab);
        await page.waitForLoadState('networkidle');
        if (tab === 'fire-groups') await page.getByTestId('fire-group-add').click();
        if (tab === 'keychains') {
          await page.getByTestId('keychains-hand-out').click();
          await page.getByTestId('hand-out-village').selectOption({ label: 'Thôn Khuổi Phường' });
        }
        if (tab === 'households') await page.getByTestId('household').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await fitsPhone(page), tab).toBeLessThanOrEqual(360);
        await page.screenshot({ path: `/tmp/field-people-${tab}-360.png`, fullPage: true });
      }
      // A village's own page too, with its equipment editor open.
      await openTab(page, village, 'fire-groups');
      await page.getByTestId('fire-group-add').click();
      await page.getByTestId('equipment-add').click();
      await page.getByTestId('fire-group-households').waitFor();
      expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: '/tmp/field-people-fire-groups-form-360.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows a viewer the personal-data notice instead of households and the keychain register', async () => {
    const { commune } = await units();
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const page = await env.logIn(context, 'xem', '/work');
      await openTab(page, commune, 'households');
      const notice = page.getByTestId('households-personal');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('dữ liệu cá nhân');
      expect(await page.getByTestId('households').count()).toBe(0);
      expect(await page.getByTestId('household-add').count()).toBe(0);
      expect(await fitsPhone(page)).toBeLessThanOrEqual(360);

      await openTab(page, commune, 'keychains');
      await page.getByTestId('keychains-personal').waitFor();
      await page.getByTestId('keychain-figures').waitFor();
      expect(await page.getByTestId('keychains-hand-out').count()).toBe(0);

      await openTab(page, commune, 'fire-groups');
      await page.getByTestId('fire-coverage').waitFor();
      expect(await page.getByTestId('fire-group-add').count()).toBe(0);
      expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: '/tmp/field-people-viewer-360.png', fullPage: true });
    } finally {
      await context.close();
    }
  });
});

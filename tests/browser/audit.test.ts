/**
 * The audit log as an administrator reads it: every action and every kind of record by its
 * Vietnamese name, never the table's ("reveal", "tip_contact").
 */
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();

describe('the audit log', () => {
  it('names the reading of an informant\'s details, and every other entry, in Vietnamese', async () => {
    const bimat = await env.server.login('bimat');
    // A resident's tip at Thượng Hà with a way to reach them; bimat reads it, and the log keeps that.
    const db = env.server.database.db;
    const thuongHa = await db.selectFrom('units').select('id').where('code', '=', '02968').executeTakeFirstOrThrow();
    const form = new FormData();
    const description = 'Có người lạ thường xuyên lảng vảng quanh trạm biến áp đầu thôn vào ban đêm.';
    for (const [k, v] of Object.entries({ xa: String(thuongHa.id), category: 'other', description, name: 'Người Báo Tin', phone: '0987 654 321' })) form.set(k, v);
    expect((await fetch(`${env.server.url}/bao-tin`, { method: 'POST', body: form, redirect: 'manual' })).status).toBe(303);
    const tip = await db.selectFrom('tips').select('id').where('description', '=', description).executeTakeFirstOrThrow();
    expect((await bimat.post(`/api/tips/${tip.id}/reveal`, {})).status).toBe(200);

    const context = await env.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'quantri', '/audit');
      const table = page.getByTestId('audit-table');
      await table.waitFor();
      const reveal = page.getByTestId('audit-row').filter({ hasText: 'Xem thông tin người báo' });
      await expect.poll(() => reveal.count()).toBe(1);
      expect((await reveal.locator('td').nth(3).textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Người báo của tin báo #${tip.id}`);
      // No entry on the page shows a code: an action or a record is words, with an upper-case first letter.
      const actions = await page.getByTestId('audit-row').locator(':scope > td:nth-child(3)').allTextContents();
      const entities = await page.getByTestId('audit-row').locator(':scope > td:nth-child(4)').allTextContents();
      expect(actions.length).toBeGreaterThan(10);
      for (const label of [...actions, ...entities.map((e) => e.replace(/#\d+/, ''))]) expect(label.trim()).toMatch(/^\p{Lu}[^_]*$/u);
      // The filter lists them by name too, and filters on them.
      await page.locator('#f-entity').selectOption({ label: 'Người báo của tin báo' });
      await page.getByRole('button', { name: 'Lọc' }).click();
      await expect.poll(() => page.getByTestId('audit-row').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

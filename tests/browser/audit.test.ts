/**
 * The audit log as an administrator reads it: every action and every kind of record by its
 * Vietnamese name, never the table's ("reveal", "tip_contact").
 */
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();

describe('the audit log', () => {
  it('names the reading of an informant\'s details, and every other entry, in Vietnamese', async () => {
    // bimat reads an informant's details at Thượng Hà: the log keeps it.
    const bimat = await env.server.login('bimat');
    const db = env.server.database.db;
    const thuongHa = await db.selectFrom('units').select('path').where('code', '=', '02968').executeTakeFirstOrThrow();
    const tip = await db.selectFrom('tips').select('id').where('contact_sealed', 'is not', null).where('unit_path', 'like', `${thuongHa.path}%`).executeTakeFirstOrThrow();
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
      const actions = await page.getByTestId('audit-row').locator('td:nth-child(3)').allTextContents();
      const entities = await page.getByTestId('audit-row').locator('td:nth-child(4)').allTextContents();
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

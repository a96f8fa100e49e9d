/** An alarm raised in a village reaches the commune officer's open page at once, and is acknowledged there. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();

describe('alarm gong in the staff app', () => {
  it('shows a new alarm on an open page without reloading, until the officer acknowledges it', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'canbo', '/work');
      await page.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
      const head = await env.server.login('thon');
      const village = (await head.get('/api/gong-checkins/villages')).body.villages[0];
      const raised = await head.post('/api/alarms', { villageId: village.id, kind: 'fire', description: 'Cháy bếp nhà văn hóa thôn', idempotencyKey: randomUUID() });
      expect(raised.status).toBe(201);

      const banner = page.locator(`[data-testid="alarm"][data-id="${raised.body.alarm.id}"]`);
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Báo động cháy: Thôn Làng Ngần, Xã Thượng Hà');
      expect(await banner.textContent()).toContain('Cháy bếp nhà văn hóa thôn');
      await banner.getByTestId('alarm-ack').click();
      await banner.waitFor({ state: 'detached' });
      const acked = (await (await page.request.get(env.server.url + '/api/alarms')).json()).find((a: any) => a.id === raised.body.alarm.id);
      expect(acked.acked_at).not.toBeNull();
      await page.reload();
      await page.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
      expect(await page.getByTestId('alarm').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('says on the alarm form that its text is published, and keeps the details out of the CAP feed when asked', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const commune = await env.server.database.db.selectFrom('units').select('id').where('code', '=', '02968').executeTakeFirstOrThrow();
      const page = await env.logIn(context, 'canbo', `/field/${commune.id}/alarms`);
      const form = page.getByTestId('alarm-form');
      await form.waitFor();
      expect(await form.getByTestId('alarm-published').textContent()).toContain('được công bố công khai trên nguồn tin cảnh báo CAP');
      await form.getByLabel('Thôn, tổ dân phố').selectOption({ label: 'Thôn Làng Ngần' });
      await form.getByLabel('Loại', { exact: true }).selectOption({ label: 'Tội phạm' });
      const story = 'Ông Vàng A Sử bị đánh trọng thương ở bãi chăn thả';
      await form.getByLabel('Mô tả ngắn sự việc').fill(story);
      await form.getByLabel('Không công bố chi tiết (nguồn tin CAP chỉ nêu loại sự việc và thôn, xã)').check();
      await form.getByRole('button', { name: 'Phát báo động' }).click();

      const alarm = () => env.server.database.db.selectFrom('alarms').select(['id', 'kind', 'public_details', 'closed_as']).where('description', '=', story).executeTakeFirst();
      await expect.poll(async () => (await alarm())?.public_details).toBe(false);
      const { id } = (await alarm())!;
      const row = page.locator(`[data-testid="alarm-row"][data-id="${id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('alarm-withheld').textContent()).toBe('Chi tiết không được công bố trên nguồn tin CAP.');
      const cap = await (await fetch(`${env.server.url}/cap/alerts/${id}.xml`)).text();
      expect(cap).toContain('Báo động tội phạm tại Thôn Làng Ngần, Xã Thượng Hà');
      expect(cap).not.toContain('Vàng A Sử');

      await row.getByTestId('alarm-end').click();
      await expect.poll(() => row.getByTestId('alarm-closed').count()).toBe(1);
      expect(await row.getByTestId('alarm-closed').textContent()).toContain('Đã kết thúc lúc');
      expect((await alarm())!.closed_as).toBe('ended');
      expect((await fetch(`${env.server.url}/cap/alerts/${id}-update.xml`)).status).toBe(200);
    } finally {
      await context.close();
    }
  });
});

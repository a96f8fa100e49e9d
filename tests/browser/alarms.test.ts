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
});

/**
 * The security headers' policy (src/http/security-headers.ts) against the pages it covers: the
 * staff app, the API docs, the striker's phone page with its service worker and the public tip
 * page load and run with no Content-Security-Policy violation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();

/** Every violation the page reports, from the console and from the DOM event, from its first script on. */
async function watch(page: Page, label: string) {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(`${label}: ${m.text()}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

describe('content security policy', () => {
  it('lets the staff app, the API docs, /keng and the public pages run, and reports no violation', async () => {
    const context = await env.browser.newContext();
    // /keng and the public page as someone not logged in.
    const anonymous = await env.browser.newContext();
    const open = async (path: string, where = context) => {
      const page = await where.newPage();
      const seen = await watch(page, path);
      await page.goto(env.server.url + path);
      return { page, seen };
    };
    const app = await env.logIn(context, 'canbo');
    const appSeen = await watch(app, '/');
    await app.reload();
    await app.getByTestId('main-nav').waitFor({ state: 'attached' });

    const docs = await open('/api/docs');
    await docs.page.locator('.swagger-ui .opblock').first().waitFor();

    const keng = await open('/keng', anonymous);
    await keng.page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await keng.page.waitForFunction(() => navigator.serviceWorker.getRegistration('/keng').then((r) => !!r));

    const tip = await open('/bao-tin', anonymous);
    await tip.page.locator('form').first().waitFor();

    expect([...appSeen, ...docs.seen, ...keng.seen, ...tip.seen]).toEqual([]);
    await context.close();
    await anonymous.close();
  });
});

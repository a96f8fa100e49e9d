import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './server.ts';
import { TEST_PASSWORD } from './prepare.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BrowserServer {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Opens `path` in a new page of the context, logs in through the form and waits for the app's navigation. */
  logIn(context: BrowserContext, username: string, path?: string): Promise<Page>;
}

/**
 * For a browser test file: before its tests, builds the web app if it was never built, starts
 * the platform on a fresh copy of the prepared database and launches Debian's Chromium; closes
 * both after them.
 */
export function useBrowserServer(): BrowserServer {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // The server serves web/dist only if it exists when the app is built.
    if (!fs.existsSync(ROOT + 'web/dist/index.html')) {
      execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    }
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      if (!server) throw new Error('the test server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet');
      return browser;
    },
    async logIn(context, username, path = '/') {
      const page = await context.newPage();
      await page.goto(this.server.url + path);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(TEST_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('main-nav').waitFor({ state: 'attached' });
      return page;
    },
  };
}

/** WCAG 2.0 and 2.1, levels A and AA: what the platform is held to. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core over the page as it is now and answers one line per failing rule (rule, impact,
 * help) and one per element it fails on (selector, what to fix), empty when every WCAG 2.0/2.1 A
 * and AA rule passes. axe's label-in-name rule is still marked experimental, so it is switched on
 * by name: a control whose name does not contain its visible text fails 2.5.3 for a person who
 * speaks the label to a voice-control program.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the public pages' CSP forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const { axe: run } = window as unknown as { axe: typeof axe };
    const result = await run.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ') + (n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : '')),
    }));
  }, WCAG_AA);
  return violations.flatMap((v) => [`${v.id} [${v.impact}] ${v.help}`, ...v.targets.map((t) => `    ${t}`)]);
}

/** Fails with axe-core's readable list when any WCAG 2.0/2.1 A or AA rule fails on the page. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const lines = await axeViolations(page);
  if (lines.length) throw new Error(`${what}: accessibility rules fail\n${lines.join('\n')}`);
}

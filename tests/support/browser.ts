import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
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

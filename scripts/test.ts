/**
 * `npm test`: the whole suite on PGlite; again on a throwaway PostgreSQL server where
 * initdb/pg_ctl exist; the browser tests where Debian's Chromium exists. Says plainly what
 * it could not run and why (PostgreSQL, Chromium, or LibreOffice and poppler for the documents); with
 * REQUIRE_ALL=1 a missing piece fails the run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin, startThrowawayPostgres } from './pg-throwaway.ts';
import { missingReaders } from '../tests/support/tools.ts';

const requireAll = process.env.REQUIRE_ALL === '1';
const chromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const extraArgs = process.argv.slice(2);
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-vitest-'));

interface Run { name: string; passed: number; failed: number; skipped: number; ok: boolean }
const runs: Run[] = [];
const missing: string[] = [];

function vitest(name: string, config: string, env: Record<string, string>): Run {
  console.log(`\n━━ ${name} ━━`);
  const json = path.join(outDir, `${runs.length}.json`);
  const r = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...extraArgs],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let passed = 0, failed = 0, skipped = 0;
  if (fs.existsSync(json)) {
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests;
    skipped = report.numPendingTests + report.numTodoTests;
  }
  const run = { name, passed, failed, skipped, ok: r.status === 0 && failed === 0 && passed > 0 };
  runs.push(run);
  return run;
}

// The types first: strict TypeScript is the cheapest test there is (vitest strips types unread).
console.log('\n━━ Type check (tsc) ━━');
const typecheck = ['.', 'web'].every((project) =>
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', project], { stdio: 'inherit' }).status === 0);

vitest('PGlite (cơ sở dữ liệu nhúng)', 'vitest.config.ts', {});

if (findPostgresBin()) {
  const server = await startThrowawayPostgres({ fsync: false });
  try {
    vitest(`PostgreSQL server (${server.url})`, 'vitest.config.ts', { TEST_PG_URL: server.url });
  } finally {
    await server.stop();
  }
} else {
  missing.push('PostgreSQL: initdb/pg_ctl not found (install Debian package "postgresql"); the suite ran on PGlite only');
}

if (chromium) {
  vitest('Browser (Chromium)', 'vitest.browser.config.ts', { CHROMIUM_PATH: chromium });
} else {
  missing.push('Browser tests: Chromium not found at /usr/bin/chromium (install Debian package "chromium") or CHROMIUM_PATH');
}

const readers = missingReaders();
if (readers.length) {
  missing.push(
    `Document read-back (DOCX in LibreOffice, XLSX in LibreOffice Calc, PDF by poppler): install Debian package(s) ` +
      `${readers.join(', ')}; the tests that open the documents were ${requireAll ? 'run and fail' : 'skipped'}`,
  );
}

fs.rmSync(outDir, { recursive: true, force: true });
console.log('\n━━ Summary ━━');
for (const r of runs) console.log(`${r.ok ? 'OK  ' : 'FAIL'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
console.log(`${typecheck ? 'OK  ' : 'FAIL'} Type check (tsc, server and web)`);
for (const m of missing) console.log(`NOT RUN ${m}`);
if (missing.length && requireAll) console.log('REQUIRE_ALL=1: a missing piece fails the run');
const total = runs.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed }), { passed: 0, failed: 0 });
const ok = typecheck && runs.every((r) => r.ok) && !(requireAll && missing.length);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(ok ? 0 : 1);

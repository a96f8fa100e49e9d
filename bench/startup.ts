/**
 * Start-up time of the real start command on the embedded engine (PGlite).
 *
 * cold_start_s: a fresh, empty DATA_DIR until GET /api/health answers 200 — migrations,
 *   the 34 provinces, 3,321 communes, the pre-2025 list and the demo all loaded.
 * warm_start_s: a second start on the same DATA_DIR, until /api/health answers 200.
 * cold_start_loaded_s: a cold start while another process keeps one CPU busy (a new user's laptop
 *   is rarely idle), until the demo administrator has logged in and the unit search has answered.
 *
 * Each is measured ROUNDS (5) times (a new folder for every cold start) and the median reported.
 * Time runs from spawning `tsx src/main.ts` to the first 200, polling every 50 ms.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  HttpClient, median, onCleanup, progress, round, summarize, formatSummary,
  type BenchEngine, type BenchOptions, type Figures,
} from './lib.ts';
import { startServer } from './server.ts';

export const engines: readonly BenchEngine[] = ['pglite'];
export const description = 'cold and warm start of `tsx src/main.ts` on PGlite until /api/health answers 200';

const ROUNDS = 5;
const DEMO_PASSWORD = 'BinhYen@2025';

/** A fast but empty start must not pass: the demo users and the units must be there. */
async function checkLoaded(url: string): Promise<void> {
  const client = new HttpClient(url);
  await client.login('quantri', DEMO_PASSWORD);
  const found = await client.ok<{ units: { code: string | null }[]; legacy: { old_code: string }[] }>(
    '/api/units/search?q=' + encodeURIComponent('dien quan') + '&limit=20',
  );
  if (!found.legacy.some((l) => l.old_code === '02959')) throw new Error('search "dien quan" lacks pre-2025 commune 02959');
  const thuongHa = await client.ok<{ units: { code: string | null }[] }>('/api/units/search?q=thuong%20ha&limit=20');
  if (!thuongHa.units.some((u) => u.code === '02968')) throw new Error('search "thuong ha" lacks commune 02968');
}

/** A cold start timed until the demo is usable, while a spinning process keeps one CPU busy. */
async function coldStartLoaded(): Promise<number> {
  const spinner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  const stopSpinner = onCleanup(() => { spinner.kill('SIGKILL'); });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-bench-startup-'));
  const removeDir = onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  try {
    const started = performance.now();
    const c = await startServer({ dataDir, demo: true });
    await checkLoaded(c.url);
    const seconds = (performance.now() - started) / 1000;
    await c.stop();
    return seconds;
  } finally {
    await removeDir();
    await stopSpinner();
  }
}

export default async function startup({ engine }: BenchOptions): Promise<Figures> {
  if (engine !== 'pglite') throw new Error('startup measures the embedded engine only');
  const cold: number[] = [];
  const warm: number[] = [];
  const loaded: number[] = [];
  for (let round_ = 1; round_ <= ROUNDS; round_++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-bench-startup-'));
    const removeDir = onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    try {
      const c = await startServer({ dataDir, demo: true });
      progress(`round ${round_}: cold start ${round(c.seconds, 3)} s`);
      await checkLoaded(c.url);
      await c.stop();
      cold.push(c.seconds);

      const w = await startServer({ dataDir, demo: true });
      progress(`round ${round_}: warm start ${round(w.seconds, 3)} s`);
      await new HttpClient(w.url).login('quantri', DEMO_PASSWORD);
      await w.stop();
      warm.push(w.seconds);
    } finally {
      await removeDir();
    }
  }
  for (let round_ = 1; round_ <= ROUNDS; round_++) {
    loaded.push(await coldStartLoaded());
    progress(`round ${round_}: cold start with one CPU busy, demo usable after ${round(loaded.at(-1)!, 3)} s`);
  }
  progress(`cold start: ${formatSummary(summarize(cold), ' s')} (samples ${cold.map((s) => round(s, 3)).join(', ')})`);
  progress(`warm start: ${formatSummary(summarize(warm), ' s')} (samples ${warm.map((s) => round(s, 3)).join(', ')})`);
  progress(`cold start, one CPU busy, until usable: ${formatSummary(summarize(loaded), ' s')} (samples ${loaded.map((s) => round(s, 3)).join(', ')})`);
  return {
    cold_start_s: { value: round(median(cold), 2), unit: 's', goal: '<= 10' },
    warm_start_s: { value: round(median(warm), 2), unit: 's', goal: '<= 3' },
    cold_start_loaded_s: { value: round(median(loaded), 2), unit: 's', goal: '<= 15' },
  };
}

/**
 * Start-up time of the real start command on the embedded engine (PGlite).
 *
 * cold_start_s: a fresh, empty DATA_DIR until GET /api/health answers 200 — migrations,
 *   the 34 provinces, 3,321 communes, the pre-2025 list and the demo all loaded.
 * warm_start_s: a second start on the same DATA_DIR, until /api/health answers 200.
 *
 * Each is measured ROUNDS (5) times (a new folder for every cold start) and the median reported.
 * Time runs from spawning `tsx src/main.ts` to the first 200, polling every 50 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { freePort } from '../scripts/pg-throwaway.ts';
import {
  HttpClient, median, onCleanup, progress, round, sleep, summarize, formatSummary,
  type BenchEngine, type BenchOptions, type Figures,
} from './lib.ts';

export const engines: readonly BenchEngine[] = ['pglite'];
export const description = 'cold and warm start of `tsx src/main.ts` on PGlite until /api/health answers 200';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const ROUNDS = 5;
const POLL_MS = 50;
/** A start slower than this is an error, not a figure: the bench must stop by itself. */
const START_LIMIT_MS = 120_000;
const STOP_LIMIT_MS = 20_000;
const DEMO_PASSWORD = 'BinhYen@2025';

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(dataDir: string, port: number): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  // Whatever the caller's shell has set, this start must be the embedded engine with the demo.
  delete env.DATABASE_URL;
  delete env.DEMO;
  delete env.DEMO_PASSWORD;
  const child = spawn(TSX, ['src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Milliseconds from `started` until /api/health answers 200 on the embedded engine. */
async function untilHealthy(run: Running, started: number): Promise<number> {
  let exitCode: number | null | undefined;
  void run.exited.then((code) => (exitCode = code));
  while (performance.now() - started < START_LIMIT_MS) {
    if (exitCode !== undefined) throw new Error(`server exited (code ${exitCode}) before answering:\n${run.output()}`);
    try {
      const res = await fetch(run.url + '/api/health', { signal: AbortSignal.timeout(2_000) });
      const at = performance.now();
      const body = (await res.json()) as { status?: string; engine?: string };
      if (res.status === 200) {
        if (body.status !== 'ok' || body.engine !== 'pglite') throw new Error(`unexpected health answer ${JSON.stringify(body)}`);
        return at - started;
      }
    } catch (e) {
      if ((e as Error).message.startsWith('unexpected health')) throw e;
      // not listening yet
    }
    await sleep(POLL_MS);
  }
  throw new Error(`no 200 from /api/health within ${START_LIMIT_MS / 1000} s:\n${run.output()}`);
}

async function stop(run: Running): Promise<void> {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  run.child.kill('SIGTERM');
  const code = await Promise.race([run.exited, sleep(STOP_LIMIT_MS).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    progress(`server did not stop within ${STOP_LIMIT_MS / 1000} s after SIGTERM: killing its process group`);
    try {
      process.kill(-run.child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await run.exited;
  }
}

/** Starts the server on dataDir, returns seconds to healthy; the server is left running. */
async function start(dataDir: string): Promise<{ seconds: number; run: Running; stopNow: () => Promise<void> }> {
  const port = await freePort();
  const started = performance.now();
  const run = launch(dataDir, port);
  const stopNow = onCleanup(() => stop(run));
  try {
    const ms = await untilHealthy(run, started);
    return { seconds: ms / 1000, run, stopNow };
  } catch (e) {
    await stopNow();
    throw e;
  }
}

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

export default async function startup({ engine }: BenchOptions): Promise<Figures> {
  if (engine !== 'pglite') throw new Error('startup measures the embedded engine only');
  if (!fs.existsSync(TSX)) throw new Error(`${TSX} not found: run npm install`);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let round_ = 1; round_ <= ROUNDS; round_++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-bench-startup-'));
    const removeDir = onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    try {
      const c = await start(dataDir);
      progress(`round ${round_}: cold start ${round(c.seconds, 3)} s`);
      await checkLoaded(c.run.url);
      await c.stopNow();
      cold.push(c.seconds);

      const w = await start(dataDir);
      progress(`round ${round_}: warm start ${round(w.seconds, 3)} s`);
      await new HttpClient(w.run.url).login('quantri', DEMO_PASSWORD);
      await w.stopNow();
      warm.push(w.seconds);
    } finally {
      await removeDir();
    }
  }
  progress(`cold start: ${formatSummary(summarize(cold), ' s')} (samples ${cold.map((s) => round(s, 3)).join(', ')})`);
  progress(`warm start: ${formatSummary(summarize(warm), ' s')} (samples ${warm.map((s) => round(s, 3)).join(', ')})`);
  return {
    cold_start_s: { value: round(median(cold), 2), unit: 's', goal: '<= 10' },
    warm_start_s: { value: round(median(warm), 2), unit: 's', goal: '<= 3' },
  };
}

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../src/db/engine.ts';
import { createDatabase, findPostgresBin, startThrowawayPostgres } from '../scripts/pg-throwaway.ts';

export type BenchEngine = 'postgres' | 'pglite';

/** One measured figure: its value, unit and the goal it is held to ("<= 10", or "baseline" for a reference). */
export interface Figure {
  value: number;
  unit: string;
  goal: string;
}

export type Figures = Record<string, Figure>;

export interface BenchOptions {
  engine: BenchEngine;
}

/** What every bench/NAME.ts exports. */
export interface BenchModule {
  default: (opts: BenchOptions) => Promise<Figures>;
  /** The engines the bench can run on; the first is its default. */
  engines: readonly BenchEngine[];
  description: string;
}

/** Progress goes to stderr, so that stdout ends with the JSON line alone. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    min: Math.min(...samples),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function formatSummary(s: Summary, unit = 'ms'): string {
  const f = (v: number) => `${round(v)}${unit}`;
  return `n=${s.n} min=${f(s.min)} p50=${f(s.p50)} p95=${f(s.p95)} p99=${f(s.p99)} max=${f(s.max)} mean=${f(s.mean)}`;
}

/** Milliseconds taken by fn, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether a "<= 10" / ">= 5" goal holds for a value. */
export function meets(figure: Figure): boolean {
  if (figure.goal === 'baseline') return true;
  const m = /^\s*(<=|>=|<|>)\s*([\d.]+)\s*$/.exec(figure.goal);
  if (!m) throw new Error(`unreadable goal "${figure.goal}"`);
  const goal = Number(m[2]);
  switch (m[1]) {
    case '<=': return figure.value <= goal;
    case '>=': return figure.value >= goal;
    case '<': return figure.value < goal;
    default: return figure.value > goal;
  }
}

/** The API client the tests use: session cookie, CSRF token, a time limit per request. */
export { Client as HttpClient } from '../tests/support/client.ts';

export interface Machine {
  nproc: number;
  memoryGiB: number;
  cpu: string;
  node: string;
  os: string;
  postgres: string | undefined;
  pglite: string;
  /** 1-minute load average when the run began: other work on the machine skews timings. */
  loadAverage: number;
}

/** The machine a run happened on, as recorded in docs/benchmarks.md. */
export function describeMachine(): Machine {
  const bin = findPostgresBin();
  let postgres: string | undefined;
  if (bin) {
    const r = spawnSync(path.join(bin, 'pg_ctl'), ['--version'], { encoding: 'utf8' });
    postgres = r.stdout.trim().replace(/^pg_ctl \(PostgreSQL\) /, '') || undefined;
  }
  let pglite = 'unknown';
  try {
    const pkg = new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url);
    pglite = JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  } catch {
    /* not installed */
  }
  return {
    nproc: os.availableParallelism(),
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    postgres,
    pglite,
    loadAverage: round(os.loadavg()[0] ?? 0, 2),
  };
}

/** Rejects if the promise has not settled within ms: every bench is bounded in time. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const cleanups: (() => Promise<void> | void)[] = [];

/**
 * Registers something to undo (a server to stop, a folder to remove) if the run is cut
 * short by its time limit or Ctrl-C; returns a function that runs it now and unregisters it.
 */
export function onCleanup(fn: () => Promise<void> | void): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    const i = cleanups.indexOf(once);
    if (i >= 0) cleanups.splice(i, 1);
    await fn();
  };
  cleanups.push(once);
  return once;
}

/** Runs every registered cleanup, newest first, ignoring failures. */
export async function runCleanups(): Promise<void> {
  for (const fn of [...cleanups].reverse()) {
    try {
      await fn();
    } catch (e) {
      progress(`cleanup failed: ${(e as Error).message}`);
    }
  }
}

/** The database a bench runs on: a throwaway PostgreSQL server (durable settings), or PGlite in a temporary folder. */
export async function openEngine(engine: BenchEngine): Promise<{ database: Database; url?: string; dataDir?: string }> {
  if (engine === 'postgres') {
    progress('starting a throwaway PostgreSQL server (default durable settings: fsync on)');
    const server = await startThrowawayPostgres();
    onCleanup(() => server.stop());
    const url = await createDatabase(server.url, 'binhyen_bench');
    const database = await openDatabase({ databaseUrl: url });
    onCleanup(() => database.close());
    return { database, url };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-bench-pglite-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  progress(`opening PGlite in ${dir}`);
  const database = await openDatabase({ dataDir: dir });
  onCleanup(() => database.close());
  return { database, dataDir: dir };
}

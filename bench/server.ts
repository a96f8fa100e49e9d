/**
 * The real start command (`tsx src/main.ts`) in a child process, for benches that measure the
 * server as it runs in production: its own process and event loop, apart from the load generator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/pg-throwaway.ts';
import { onCleanup, progress, sleep, type BenchEngine } from './lib.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const POLL_MS = 50;
/** A start slower than this is an error, not a figure: the bench must stop by itself. */
const START_LIMIT_MS = 120_000;
const STOP_LIMIT_MS = 20_000;

export interface Running {
  url: string;
  /** Seconds from spawning to the first 200 from /api/health. */
  seconds: number;
  output: () => string;
  /** CPU seconds (user and system) used so far by the server's processes (Linux /proc; NaN elsewhere). */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

/**
 * CPU seconds (user and system) used so far by the processes that match, from /proc (clock ticks
 * of 1/100 s): a process group, or a command name such as "postgres". NaN where there is no /proc.
 */
export function cpuSeconds(match: { pgid: number } | { command: string }): number {
  if (!fs.existsSync('/proc/self/stat')) return NaN;
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (command) state ppid pgrp … utime (14th field) stime (15th).
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if ('pgid' in match ? Number(fields[2]) === match.pgid : command === match.command) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/**
 * Starts the server on PGlite in `dataDir` or on PostgreSQL at `databaseUrl`, with or without
 * the demo, and waits until /api/health answers 200 for that engine.
 */
export async function startServer(opts: { dataDir?: string; databaseUrl?: string; demo: boolean }): Promise<Running> {
  if (!fs.existsSync(TSX)) throw new Error(`${TSX} not found: run npm install`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: opts.demo ? '1' : '0' };
  // Whatever the caller's shell has set, this start uses the engine asked for.
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  delete env.DEMO_PASSWORD;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  const expected: BenchEngine = opts.databaseUrl ? 'postgres' : 'pglite';

  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(TSX, [...nodeArgs, 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = onCleanup(() => stopChild(child, exited));

  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (performance.now() - started < START_LIMIT_MS) {
    if (exitCode !== undefined) {
      await stop();
      throw new Error(`server exited (code ${exitCode}) before answering:\n${out}`);
    }
    try {
      const res = await fetch(url + '/api/health', { signal: AbortSignal.timeout(2_000) });
      const at = performance.now();
      const body = (await res.json()) as { status?: string; engine?: string };
      if (res.status === 200) {
        if (body.status !== 'ok' || body.engine !== expected) {
          await stop();
          throw new Error(`unexpected health answer ${JSON.stringify(body)}`);
        }
        return { url, seconds: (at - started) / 1000, output: () => out, cpuSeconds: () => cpuSeconds({ pgid: child.pid! }), stop };
      }
    } catch (e) {
      if ((e as Error).message.startsWith('unexpected health')) throw e;
      // not listening yet
    }
    await sleep(POLL_MS);
  }
  await stop();
  throw new Error(`no 200 from /api/health within ${START_LIMIT_MS / 1000} s:\n${out}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(STOP_LIMIT_MS).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    progress(`server did not stop within ${STOP_LIMIT_MS / 1000} s after SIGTERM: killing its process group`);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await exited;
  }
}

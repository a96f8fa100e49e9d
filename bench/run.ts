/**
 * npm run bench -- NAME [--engine postgres|pglite]
 *
 * Runs bench/NAME.ts against a real server and database it starts itself, prints progress
 * on stderr and, as the very last line of stdout, one JSON object:
 * {"bench":"NAME","engine":"postgres","figures":{"KEY":{"value":1.2,"unit":"ms","goal":"<= 10"}}}
 * Exits non-zero on any error. Every run is bounded in time and talks over loopback only.
 */
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeMachine, meets, progress, runCleanups, type BenchEngine, type BenchModule } from './lib.ts';

const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
const NOT_BENCHES = new Set(['run', 'lib']);
/** Hard limit for a whole run; each bench has tighter limits of its own. */
const RUN_LIMIT_MS = 20 * 60_000;

/** A mistake in how the bench was asked for: reported without a stack trace. */
class UsageError extends Error {}

function available(): string[] {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .filter((name) => !NOT_BENCHES.has(name))
    .sort();
}

function usage(): string {
  return `usage: npm run bench -- NAME [--engine postgres|pglite]\navailable benches: ${available().join(', ')}`;
}

function parseArgs(argv: string[]): { name: string; engine: BenchEngine | undefined } {
  let name: string | undefined;
  let engine: BenchEngine | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === '--engine') value = argv[++i];
    else if (arg.startsWith('--engine=')) value = arg.slice('--engine='.length);
    else if (arg === '-h' || arg === '--help') {
      console.error(usage());
      process.exit(0);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}\n${usage()}`);
    else if (name === undefined) name = arg;
    else throw new UsageError(`unexpected argument ${arg}\n${usage()}`);
    if (value !== undefined || arg.startsWith('--engine')) {
      if (value !== 'postgres' && value !== 'pglite') throw new UsageError(`--engine must be postgres or pglite, not ${value ?? '(nothing)'}`);
      engine = value;
    }
  }
  if (!name) throw new UsageError(`no bench named\n${usage()}`);
  return { name, engine };
}

async function main(): Promise<void> {
  const { name, engine: asked } = parseArgs(process.argv.slice(2));
  if (!/^[\w-]+$/.test(name) || !available().includes(name)) {
    throw new UsageError(`unknown bench "${name}"\n${usage()}`);
  }
  const mod = (await import(pathToFileURL(BENCH_DIR + name + '.ts').href)) as BenchModule;
  if (typeof mod.default !== 'function' || !Array.isArray(mod.engines) || mod.engines.length === 0) {
    throw new Error(`bench/${name}.ts does not export a default function and its engines`);
  }
  const engine = asked ?? mod.engines[0]!;
  if (!mod.engines.includes(engine)) {
    throw new UsageError(`bench "${name}" runs on ${mod.engines.join(' or ')}, not ${engine}`);
  }
  const machine = describeMachine();
  progress(`${name} (${engine}): ${mod.description}`);
  progress(`machine: ${JSON.stringify(machine)}`);
  progress(`date: ${new Date().toISOString()}`);

  const figures = await mod.default({ engine });

  for (const [key, f] of Object.entries(figures)) {
    progress(f.goal === 'baseline' ? `${key} = ${f.value} ${f.unit} (baseline)` : `${key} = ${f.value} ${f.unit} (goal ${f.goal}): ${meets(f) ? 'met' : 'MISSED'}`);
  }
  process.stdout.write(JSON.stringify({ bench: name, engine, figures }) + '\n');
}

const limit = setTimeout(async () => {
  progress(`run exceeded ${RUN_LIMIT_MS / 60_000} minutes: stopping`);
  await runCleanups();
  process.exit(3);
}, RUN_LIMIT_MS);
limit.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    progress(`${signal}: stopping`);
    await runCleanups();
    process.exit(130);
  });
}

try {
  await main();
  await runCleanups();
  process.exit(0);
} catch (e) {
  console.error(`bench failed: ${e instanceof UsageError ? e.message : ((e as Error).stack ?? e)}`);
  await runCleanups();
  process.exit(1);
}

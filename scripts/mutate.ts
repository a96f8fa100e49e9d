/**
 * `npm run mutate`: StrykerJS over the rule modules (stryker.config.json) against their pure unit
 * tests (vitest.mutate.config.ts), then, as the benches do, one JSON line with the mutation score.
 * Per module scores go to stderr; docs/mutation.md records them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const REPORT = 'reports/mutation/mutation.json';
const GOAL = 0.9;

const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.json'], { stdio: ['ignore', process.stderr, 'inherit'] });
if (run.status !== 0) {
  console.error(`stryker ended with ${run.status ?? run.signal}`);
  process.exit(1);
}

type Mutant = { status: string };
const report = JSON.parse(readFileSync(REPORT, 'utf8')) as { files: Record<string, { mutants: Mutant[] }> };

// Stryker's own definition: killed and timed-out mutants are detected; survivors and mutants no
// test reaches are not; ignored ones and those that do not compile or run count for neither.
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const tally = (mutants: Mutant[]) => ({
  detected: mutants.filter((m) => DETECTED.has(m.status)).length,
  undetected: mutants.filter((m) => UNDETECTED.has(m.status)).length,
});
const score = (t: { detected: number; undetected: number }) => (t.detected + t.undetected ? t.detected / (t.detected + t.undetected) : 1);
const round = (x: number) => Math.round(x * 1000) / 1000;

const all = Object.values(report.files).flatMap((f) => f.mutants);
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const t = tally(mutants);
  console.error(`${file}: ${round(score(t))} (${t.detected} detected, ${t.undetected} survived or not covered)`);
}
const total = tally(all);
console.error(`all: ${round(score(total))} (${total.detected} detected, ${total.undetected} survived or not covered)`);
console.log(JSON.stringify({ bench: 'mutate', figures: { mutation_score: { value: round(score(total)), unit: 'ratio', goal: `>= ${GOAL}` } } }));

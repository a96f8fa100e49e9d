/**
 * A year of gong compliance by province, read from the roll-ups over real HTTP, beside the plain
 * GROUP BY over the raw check-ins that it replaces.
 *
 * Data (setup, not measured): the official tree filled by the generator of `npm run gen`
 * (src/demo/national.ts): on PostgreSQL the whole country (34 provinces, 3,321 communes, 21–45
 * villages each, 365 nights of check-ins with gaps: ~36 M rows); on PGlite one province (Thanh
 * Hóa), which is what one machine's embedded database would hold. Then VACUUM ANALYZE.
 *
 * national_compliance_ms_p95: GET /api/rollups/gongs?unitId=<country>&from=&to=&by=month for the
 *   365 nights, as an administrator of the country: WARMUP requests, then REQUESTS measured, one
 *   after another, from sending to the whole body read. The answer's per-province counts must
 *   equal the GROUP BY's.
 * naive_groupby_ms: SELECT province_code, count(*), count(*) FILTER (on time) FROM gong_checkins
 *   WHERE night BETWEEN … GROUP BY province_code, in the same database: the median of NAIVE runs
 *   after one unmeasured run.
 * speedup_vs_naive: naive_groupby_ms ÷ national_compliance_ms_p95 (the roll-up's slow end
 *   against the raw query's middle).
 * rows: the check-ins present.
 * national_tips_summary_ms_p95, national_activities_summary_ms_p95 (reported): the statistics
 *   page's tips and activities for the country over the same year, GET /api/tips/summary and
 *   /api/activities/summary, REQUESTS / 5 each after WARMUP; they count their own rows.
 */
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { firstNight, type Scale } from '../src/demo/national.ts';
import { lastDueNight } from '../src/gongs/night.ts';
import { addDays } from '../src/shared/dates.ts';
import { BENCH_ADMIN, nationalData } from './national-data.ts';
import {
  HttpClient, formatSummary, median, onCleanup, openEngine, progress, round, summarize, timed, within,
  type BenchEngine, type BenchOptions, type Figures,
} from './lib.ts';

export const engines: readonly BenchEngine[] = ['postgres', 'pglite'];
export const description = 'a year of gong compliance by province from the roll-ups, beside a GROUP BY over the raw check-ins (national data on PostgreSQL, one province on PGlite)';

const PASSWORD = 'Tong-hop#Binh-Yen-2025';
const NIGHTS = 365;
const WARMUP = 10;
const REQUESTS = 100;
const NAIVE = 3;

interface Answer { children: { id: number; struck: number; on_time: number }[]; nights: number }

export default async function rollup({ engine }: BenchOptions): Promise<Figures> {
  const { database } = await openEngine(engine);
  const db = database.db;
  const scale: Scale = { provinces: engine === 'pglite' ? ['38'] : undefined, lastNight: addDays(lastDueNight(), -1), nights: NIGHTS };
  const from = firstNight(scale);
  const to = scale.lastNight;

  const { countryId } = await within(60 * 60_000, 'setup', nationalData(database, scale, PASSWORD));

  const rows = Number((await db.selectFrom('gong_checkins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const naiveQuery = () => sql<{ province_code: string; struck: number; on_time: number }>`
    select province_code, count(*)::int as struck, count(*) filter (where late_minutes <= 15)::int as on_time
    from gong_checkins where night between ${from} and ${to} group by province_code`.execute(db);
  const counted = (await naiveQuery()).rows;
  const naive: number[] = [];
  for (let i = 0; i < NAIVE; i++) naive.push((await timed(naiveQuery)).ms);
  progress(`naive GROUP BY over ${rows.toLocaleString('en')} check-ins: ${naive.map((ms) => round(ms, 0)).join(', ')} ms`);

  const app = await buildApp({ database, config: { cookieSecure: false } });
  const closeApp = onCleanup(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const client = await new HttpClient(`http://127.0.0.1:${port}`, 60_000).login(BENCH_ADMIN, PASSWORD);
  const request = async () => {
    const res = await client.get<Answer>(`/api/rollups/gongs?unitId=${countryId}&from=${from}&to=${to}&by=month`);
    if (res.status !== 200) throw new Error(`rollup: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  };

  // The roll-up's answer must be the raw rows' count, province by province.
  const answer = await request();
  const codes = new Map((await db.selectFrom('units').select(['id', 'province_code']).where('kind', '=', 'province').execute()).map((p) => [p.id, p.province_code]));
  const byCode = new Map(counted.map((c) => [c.province_code, c]));
  if (answer.children.length !== 34) throw new Error(`${answer.children.length} provinces answered`);
  for (const c of answer.children) {
    const raw = byCode.get(codes.get(c.id)!) ?? { struck: 0, on_time: 0 };
    if (raw.struck !== c.struck || raw.on_time !== c.on_time) throw new Error(`province ${c.id}: roll-up ${c.struck}/${c.on_time}, raw ${raw.struck}/${raw.on_time}`);
  }
  progress(`the roll-up's 34 provinces equal the GROUP BY (${answer.nights} nights)`);

  for (let i = 0; i < WARMUP; i++) await request();
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) samples.push((await timed(request)).ms);
  const s = summarize(samples);
  progress(`national year by province: ${formatSummary(s)}`);

  // The statistics page's other national figures, counted from their own rows (one a tip or an
  // activity: a roll-up by commune and month would hold about as many).
  const others: Record<string, number> = {};
  for (const [key, path] of [['tips', '/api/tips/summary'], ['activities', '/api/activities/summary']] as const) {
    const get = async () => {
      const res = await client.get(`${path}?unitId=${countryId}&from=${from}&to=${to}`);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    };
    for (let i = 0; i < WARMUP; i++) await get();
    const t: number[] = [];
    for (let i = 0; i < REQUESTS / 5; i++) t.push((await timed(get)).ms);
    others[key] = summarize(t).p95;
    progress(`national year of ${key}: ${formatSummary(summarize(t))}`);
  }
  await closeApp();

  const pg = engine === 'postgres';
  const naiveMs = median(naive);
  return {
    national_compliance_ms_p95: { value: round(s.p95), unit: 'ms', goal: pg ? '<= 200' : 'baseline' },
    naive_groupby_ms: { value: round(naiveMs, 0), unit: 'ms', goal: 'baseline' },
    speedup_vs_naive: { value: round(naiveMs / s.p95, 1), unit: 'ratio', goal: pg ? '>= 50' : 'baseline' },
    rows: { value: rows, unit: 'rows', goal: 'baseline' },
    national_tips_summary_ms_p95: { value: round(others.tips!), unit: 'ms', goal: 'baseline' },
    national_activities_summary_ms_p95: { value: round(others.activities!), unit: 'ms', goal: 'baseline' },
  };
}

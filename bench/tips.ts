/**
 * Public tips under load, over real HTTP against the real start command in its own process.
 * Every tip goes to the public form (POST /bao-tin, multipart, as a phone's browser sends it, no
 * photo) with a name and phone to seal (AES-256-GCM), and is committed before it is answered; each
 * request comes from its own client address (X-Forwarded-For, the server trusting its proxy), so
 * the per-address limit is not what is measured. A tip taken is answered 303, on to its receipt
 * page (post/redirect/get): every answer must be 303 and every 303 a row. The receipt's GET, which
 * a browser makes next, is not part of the figures.
 *
 * tips_per_s: the most the server answers, CONNECTIONS connections sending flat out (a closed
 *   loop, autocannon) for DURATION_S seconds after a warm-up.
 * tip_p99_ms: the 99th percentile latency while tips arrive at the goal's rate, RATE_PER_S, in an
 *   open loop (bench/open-loop.ts: each latency from the moment its tip was due).
 * tip_p99_ms_saturated (reported): the 99th percentile of the flat-out run; with N connections
 *   waiting on their answers it is about N / throughput, the queue the load generator builds.
 * staff_inbox_ms_p99: GET /api/tips?unitId=<commune> by a commune officer, one after another on its
 *   own connection, during the flat-out run (the harder of the two).
 * server_cpu_ms_per_tip (reported): the server's CPU time (its processes, from /proc) during the
 *   open-loop run, per tip answered: what a tip costs, steadier than a p99 on a shared machine.
 * database_cpu_ms_per_tip (reported, PostgreSQL): the same for the PostgreSQL server's processes,
 *   which share the machine's CPUs with the server and the load generator.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { hashPassword } from '../src/auth/passwords.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/engine.ts';
import { loadAdministrativeUnits } from '../src/units/admin-data.ts';
import { HttpClient, onCleanup, openEngine, percentile, progress, round, within, type BenchEngine, type BenchOptions, type Figures } from './lib.ts';
import { openLoop } from './open-loop.ts';
import { cpuSeconds, startServer } from './server.ts';

export const engines: readonly BenchEngine[] = ['postgres', 'pglite'];
export const description = 'public tips over HTTP, contacts sealed, each committed before answered, with a staff inbox request during the load';

const PROVINCE = '38'; // Thanh Hóa
const COMMUNES = 100;
const PASSWORD = 'Tin-bao#Binh-Yen-2025';
const CONNECTIONS = 100;
const RATE_PER_S = 2000;
const OPEN_CONNECTIONS = 256;
/** 20 inbox reads a second: many officers at once, not one machine hammering the server. */
const INBOX_EVERY_MS = 50;
const WARMUP_S = 3;
const DURATION_S = 20;
const BOUNDARY = '----BinhYenBench';

const multipart = (fields: Record<string, string>) =>
  Object.entries(fields).map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${BOUNDARY}--\r\n`;

const CATEGORIES = ['crime', 'drugs', 'theft', 'traffic', 'fire', 'social_evils', 'other'];

async function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export default async function tips({ engine }: BenchOptions): Promise<Figures> {
  const { database, url: databaseUrl, dataDir } = await openEngine(engine);
  const { communes } = await within(10 * 60_000, 'setup', (async () => {
    await migrate(database);
    await loadAdministrativeUnits(database.db);
    const db = database.db;
    const communes = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'commune').where('province_code', '=', PROVINCE).orderBy('code').limit(COMMUNES).execute();
    const user = await db.insertInto('users').values({ username: 'congan.bench', full_name: 'Cán bộ Công an xã', password_hash: await hashPassword(PASSWORD) }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('grants').values({ user_id: user.id, unit_id: communes[0]!.id, role: 'officer' }).execute();
    return { communes };
  })());
  progress(`${communes.length} communes of Thanh Hóa; tips spread over them, the inbox read at ${communes[0]!.name}`);

  if (engine === 'pglite') await database.close();
  // The load generator speaks for many clients through X-Forwarded-For, as a reverse proxy would.
  process.env.TIP_KEY = randomBytes(32).toString('base64');
  process.env.TRUST_PROXY = '1';
  const server = await startServer(engine === 'postgres' ? { databaseUrl: databaseUrl!, demo: false } : { dataDir: dataDir!, demo: false });
  delete process.env.TIP_KEY;
  delete process.env.TRUST_PROXY;
  progress(`server started in ${round(server.seconds, 1)} s at ${server.url}`);
  const officer = await new HttpClient(server.url).login('congan.bench', PASSWORD);

  let n = 0;
  const tip = () => {
    const i = n++;
    // A client address of its own per request: 10.x.y.z over 16 million.
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const body = multipart({
      xa: String(communes[i % communes.length]!.id), category: CATEGORIES[i % CATEGORIES.length]!,
      description: `Tin báo thử số ${i}: có người lạ lảng vảng quanh khu dân cư lúc chiều tối.`, place: `Xóm ${(i % 9) + 1}`,
      name: `Người báo tin ${i}`, phone: `09${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
    });
    return { body, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'x-forwarded-for': ip } };
  };
  const flatOut = (duration: number) => load({
    url: server.url, connections: CONNECTIONS, duration,
    requests: [{
      method: 'POST', path: '/bao-tin',
      setupRequest: (req) => {
        const { body, headers } = tip();
        return { ...req, body, headers: { ...req.headers, ...headers } };
      },
    }],
  });
  /** The officer's inbox read every INBOX_EVERY_MS (or as soon as the last answer came) while `during` runs. */
  const inboxDuring = async <T>(during: Promise<T>) => {
    const ms: number[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const started = performance.now();
        const res = await officer.get(`/api/tips?unitId=${communes[0]!.id}&limit=50`);
        if (res.status !== 200) throw new Error(`inbox answered ${res.status}`);
        ms.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + INBOX_EVERY_MS - performance.now())));
      }
    })();
    const result = await during.finally(() => (running = false));
    await loop;
    return { result, ms };
  };

  /** Tips taken (303) and every other answer, of an autocannon run. */
  const taken = (r: autocannon.Result) => ({ tips: r['3xx'], other: r['1xx'] + r['2xx'] + r['4xx'] + r['5xx'] });
  const warm = await flatOut(WARMUP_S);
  progress(`warm-up: ${taken(warm).tips} tips, ${taken(warm).other} other answers`);
  const cpuBefore = server.cpuSeconds();
  const dbCpuBefore = cpuSeconds({ command: 'postgres' });
  const { result: steady, ms: steadyInboxMs } = await inboxDuring(openLoop({
    url: server.url, ratePerS: RATE_PER_S, warmupS: WARMUP_S, durationS: DURATION_S, connections: OPEN_CONNECTIONS,
    request: () => ({ method: 'POST', path: '/bao-tin', ...tip() }),
    ok: (status) => status === 303,
  }));
  const cpuMsPerTip = ((server.cpuSeconds() - cpuBefore) * 1000) / (steady.warmupOk + steady.ok);
  const dbCpuMsPerTip = ((cpuSeconds({ command: 'postgres' }) - dbCpuBefore) * 1000) / (steady.warmupOk + steady.ok);
  if (steady.non2xx || steady.errors) throw new Error(`open-loop run: ${steady.non2xx} answers other than 303, ${steady.errors} errors`);
  progress(`at ${RATE_PER_S} tips/s offered: ${steady.ok} answered in ${round(steady.seconds, 2)} s (${round(steady.answeredPerS, 0)}/s), latency from the due moment p50 ${round(percentile(steady.latencies, 50))} ms, p99 ${round(percentile(steady.latencies, 99))} ms, max ${round(Math.max(...steady.latencies))} ms; inbox p99 ${round(percentile(steadyInboxMs, 99))} ms`);
  progress(`server CPU: ${round(cpuMsPerTip, 3)} ms per tip (the inbox reads included)${engine === 'postgres' ? `; PostgreSQL: ${round(dbCpuMsPerTip, 3)} ms` : ''}`);
  progress(`worst latency by second: ${steady.worstPerSecond.map((x) => Math.round(x)).join(' ')}`);
  const { result: run, ms: inboxMs } = await inboxDuring(flatOut(DURATION_S));
  await server.stop();
  if (taken(run).other || run.errors || run.timeouts) throw new Error(`tip run: ${taken(run).other} answers other than 303, ${run.errors} errors, ${run.timeouts} timeouts`);

  const db = engine === 'pglite' ? await openDatabase({ dataDir: dataDir! }) : database;
  if (engine === 'pglite') onCleanup(() => db.close());
  const stored = await db.db.selectFrom('tips').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('contact_sealed').as('sealed')]).executeTakeFirstOrThrow();
  const answered = taken(warm).tips + steady.warmupOk + steady.ok + taken(run).tips;
  if (Number(stored.n) < answered || Number(stored.n) > answered + 2 * CONNECTIONS) throw new Error(`${answered} tips answered 303, ${stored.n} rows stored`);
  if (Number(stored.sealed) !== Number(stored.n)) throw new Error(`${stored.n} tips, ${stored.sealed} with a sealed contact`);
  progress(`flat out: ${taken(run).tips} in ${run.duration} s, latency p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, max ${run.latency.max} ms; ${stored.n} rows, all sealed`);
  progress(`staff inbox during the flat-out run: n=${inboxMs.length}, p50 ${round(percentile(inboxMs, 50))} ms, p99 ${round(percentile(inboxMs, 99))} ms`);

  const pg = engine === 'postgres';
  return {
    tips_per_s: { value: round(taken(run).tips / run.duration, 0), unit: 'req/s', goal: pg ? '>= 2000' : 'baseline' },
    tip_p99_ms: { value: round(percentile(steady.latencies, 99)), unit: 'ms', goal: pg ? '<= 50' : 'baseline' },
    tip_p99_ms_saturated: { value: run.latency.p99, unit: 'ms', goal: 'baseline' },
    staff_inbox_ms_p99: { value: round(percentile(inboxMs, 99)), unit: 'ms', goal: pg ? '<= 100' : 'baseline' },
    server_cpu_ms_per_tip: { value: round(cpuMsPerTip, 3), unit: 'ms', goal: 'baseline' },
    ...(pg && { database_cpu_ms_per_tip: { value: round(dbCpuMsPerTip, 3), unit: 'ms', goal: 'baseline' } }),
  };
}

/**
 * Plan export over real HTTP: GET /api/plans/:id/export.docx and .pdf for the longest seed plan
 * (seed 003, "Khóa an toàn an ninh trật tự", Triệu Sơn), as the whole-country admin, on the
 * demo database. The time includes reading the plan, laying it out, rendering with the embedded
 * font and sending the whole file.
 *
 * plan_docx_ms_p95, plan_pdf_ms_p95: WARMUP requests, then REQUESTS measured, sequential, each
 * timed from sending to the last byte read. Every answer must be a whole file of its kind.
 */
import { buildApp } from '../src/app.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/seed.ts';
import { DEMO_PLAN_DOCUMENTS } from '../src/demo/plans.ts';
import { loadBuiltinTemplates } from '../src/models/service.ts';
import { loadAdministrativeUnits } from '../src/units/admin-data.ts';
import {
  HttpClient, formatSummary, onCleanup, openEngine, progress, round, summarize, timed, within,
  type BenchEngine, type BenchOptions, type Figures,
} from './lib.ts';

export const engines: readonly BenchEngine[] = ['postgres', 'pglite'];
export const description = 'DOCX and PDF of the longest seed plan over HTTP';

const PASSWORD = 'BinhYen@2025';
const WARMUP = 20;
const REQUESTS = 200;
const MAGIC = { docx: 'PK\u0003\u0004', pdf: '%PDF-' } as const;

export default async function planExport({ engine }: BenchOptions): Promise<Figures> {
  const { database } = await openEngine(engine);
  const db = database.db;
  await within(10 * 60_000, 'setup', (async () => {
    await migrate(database);
    await loadAdministrativeUnits(db);
    await loadBuiltinTemplates(db);
    await loadDemo(db, PASSWORD);
  })());

  const app = await buildApp({ database, config: { cookieSecure: false } });
  const closeApp = onCleanup(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const client = await new HttpClient(base, 60_000).login('quantri', PASSWORD);
  const title = DEMO_PLAN_DOCUMENTS['003'].title;
  const plan = (await client.ok<{ id: number; title: string }[]>('/api/plans?limit=100')).find((p) => p.title === title);
  if (!plan) throw new Error(`the demo has no plan "${title}"`);
  progress(`plan ${plan.id}: ${title}`);

  async function download(format: keyof typeof MAGIC): Promise<number> {
    const res = await fetch(`${base}/api/plans/${plan!.id}/export.${format}`, { headers: { cookie: client.cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${format}: ${res.status} ${body.toString().slice(0, 300)}`);
    if (body.subarray(0, MAGIC[format].length).toString('latin1') !== MAGIC[format]) throw new Error(`${format}: not a ${format} file`);
    return body.length;
  }

  const figures: Figures = {};
  for (const [format, goal] of [['docx', 200], ['pdf', 500]] as const) {
    for (let i = 0; i < WARMUP; i++) await download(format);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const { ms, result } = await timed(() => download(format));
      samples.push(ms);
      bytes = result;
    }
    const s = summarize(samples);
    progress(`${format} (${Math.round(bytes / 1024)} KB): ${formatSummary(s)}`);
    figures[`plan_${format}_ms_p95`] = { value: round(s.p95), unit: 'ms', goal: `<= ${goal}` };
  }
  await closeApp();
  return figures;
}

/**
 * A province's 6-month report (the movement's "Báo cáo sơ kết 6 tháng" to the country,
 * src/reports/national.ts, schedule key `national:0`, due 20/6), drafted from data and exported,
 * over real HTTP as a user would get it.
 *
 * Data (setup, not measured): as bench/rollup.ts, the official tree filled by the generator of
 * `npm run gen` (src/demo/national.ts): on PostgreSQL the whole country (34 provinces, 3,321
 * communes, 21–45 villages each, check-ins with gaps, patrols, activities, tips: ~36 M check-ins);
 * on PGlite one province (Thanh Hóa). The built-in model templates, as the server loads them at
 * start. Then VACUUM ANALYZE. An administrator of the country.
 *
 * The report: Thanh Hóa's half-year report of year Y, period 1/1/Y to 19/6/Y (the day before the
 * due date). The data's last night is the night before the last due one, as in rollup.ts; Y is
 * that night's year when its 19/6 has passed, else the year before. The generator writes
 * max(365, nights from 1/1/Y to the last night) nights, so that the whole period has data.
 * Through the API: GET /api/reports/duties → the duty `national:0`; POST /api/reports opens the
 * draft; PUT /api/reports/:id writes the four parts in Vietnamese. A draft's figures are drafted
 * from data afresh at every request, so each export below queries the period's data again.
 * Before timing, GET /api/reports/:id's `gongs.struck` must equal a plain count of the
 * province's gong_checkins over the nights the figures say they counted.
 *
 * province_report_docx_s: GET /api/reports/:id/export.docx: WARMUP requests, then REQUESTS
 *   measured, one after another, from sending to the whole body read; the p95. Every answer must
 *   be a DOCX (a zip: "PK") of more than 10 KB.
 * province_report_docx_s_median: the same samples' median.
 * province_report_pdf_s: GET /api/reports/:id/export.pdf measured the same way; the p95.
 * rows: the check-ins present.
 */
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { firstNight, type Scale } from '../src/demo/national.ts';
import { lastDueNight } from '../src/gongs/night.ts';
import { addDays } from '../src/shared/dates.ts';
import { BENCH_ADMIN, nationalData } from './national-data.ts';
import {
  HttpClient, formatSummary, onCleanup, openEngine, progress, round, summarize, timed, within,
  type BenchEngine, type BenchOptions, type Figures, type Summary,
} from './lib.ts';

export const engines: readonly BenchEngine[] = ['postgres', 'pglite'];
export const description = "a province's 6-month report to the country drafted from data and exported as DOCX and PDF over HTTP (national data on PostgreSQL, one province on PGlite)";

const PASSWORD = 'Bao-cao#Binh-Yen-2025';
const PROVINCE = '38'; // Thanh Hóa
const WARMUP = 3;
const REQUESTS = 20;
const MAGIC = { docx: 'PK', pdf: '%PDF-' } as const;
const MIN_BYTES = 10 * 1024;

const NARRATIVE = {
  results: 'Sáu tháng đầu năm, phong trào Toàn dân bảo vệ an ninh Tổ quốc trên địa bàn tỉnh tiếp tục được triển khai sâu rộng.\n'
    + 'Các thôn, tổ dân phố duy trì đánh kẻng 22 giờ; lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở tuần tra theo lịch, kịp thời nắm tình hình.',
  limitations: 'Một số thôn chưa duy trì đánh kẻng đều đặn; việc cập nhật số liệu lên hệ thống ở một số xã còn chậm.',
  causes: 'Kẻng ở một số thôn hư hỏng chưa được thay thế kịp thời; cán bộ thôn kiêm nhiệm nhiều việc.',
  proposals: 'Đề nghị Bộ Công an tiếp tục hỗ trợ kinh phí thay thế kẻng hư hỏng và tập huấn sử dụng hệ thống cho cán bộ cơ sở.',
};

interface Duty { schedule_key: string; period_start: string; period_end: string; due_on: string; report_id: number | null }
interface View { report: { id: number; version: number; status: string }; figures: { from: string; to: string; nights: number; gongs: { struck: number } | null } }

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

export default async function reportExport({ engine }: BenchOptions): Promise<Figures> {
  const { database } = await openEngine(engine);
  const db = database.db;
  const lastNight = addDays(lastDueNight(), -1);
  const year = lastNight >= `${lastNight.slice(0, 4)}-06-19` ? Number(lastNight.slice(0, 4)) : Number(lastNight.slice(0, 4)) - 1;
  const scale: Scale = { provinces: engine === 'pglite' ? [PROVINCE] : undefined, lastNight, nights: Math.max(365, daysBetween(`${year}-01-01`, lastNight)) };
  progress(`the report of 6 months ${year}; data: ${scale.nights} nights, ${firstNight(scale)} to ${lastNight}`);

  await within(60 * 60_000, 'setup', nationalData(database, scale, PASSWORD));
  const province = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'province').where('province_code', '=', PROVINCE).executeTakeFirstOrThrow();

  const rows = Number((await db.selectFrom('gong_checkins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const app = await buildApp({ database, config: { cookieSecure: false } });
  const closeApp = onCleanup(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const client = await new HttpClient(base, 60_000).login(BENCH_ADMIN, PASSWORD);

  // The duty, the draft and its written parts, as the report page does.
  const { duties } = await client.ok<{ duties: Duty[] }>(`/api/reports/duties?unitId=${province.id}&year=${year}`);
  const duty = duties.find((d) => d.schedule_key === 'national:0');
  if (!duty) throw new Error(`${province.name} owes no national:0 report in ${year}: ${duties.map((d) => d.schedule_key).join(', ')}`);
  if (duty.period_start < firstNight(scale) || duty.period_end > lastNight) throw new Error(`the period ${duty.period_start}–${duty.period_end} is not inside the data`);
  const started = await client.post<{ id: number }>('/api/reports', { unitId: province.id, scheduleKey: duty.schedule_key, periodStart: duty.period_start, dueYear: year });
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body).slice(0, 300)}`);
  const id = started.body.id;
  const opened = await client.ok<View>(`/api/reports/${id}`);
  const saved = await client.request<View>('PUT', `/api/reports/${id}`, { version: opened.report.version, narrative: NARRATIVE });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body).slice(0, 300)}`);
  progress(`report ${id}: ${province.name}, ${duty.period_start} to ${duty.period_end}, due ${duty.due_on}, ${saved.body.report.status}`);

  // The figures must be the data's: the gongs struck, against a plain count over the same nights.
  const { figures } = await client.ok<View>(`/api/reports/${id}`);
  const counted = { from: figures.from, to: addDays(figures.from, figures.nights - 1) };
  const due = lastDueNight();
  if (figures.from !== duty.period_start || figures.to !== duty.period_end || counted.to !== (figures.to < due ? figures.to : due)) {
    throw new Error(`figures over ${figures.from}–${figures.to} counting ${figures.nights} nights, for the period ${duty.period_start}–${duty.period_end}`);
  }
  const raw = Number((await sql<{ n: string }>`
    select count(*) as n from gong_checkins where province_code = ${PROVINCE} and night between ${counted.from} and ${counted.to}`.execute(db)).rows[0]!.n);
  if (!figures.gongs || figures.gongs.struck !== raw) throw new Error(`gongs struck ${figures.gongs?.struck}, the check-ins ${raw}`);
  progress(`the figures' ${raw.toLocaleString('en')} gongs struck over ${figures.nights} nights equal the check-ins counted`);

  async function download(format: keyof typeof MAGIC): Promise<number> {
    const res = await fetch(`${base}/api/reports/${id}/export.${format}`, { headers: { cookie: client.cookie }, signal: AbortSignal.timeout(60_000) });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${format}: ${res.status} ${body.toString().slice(0, 300)}`);
    if (body.subarray(0, MAGIC[format].length).toString('latin1') !== MAGIC[format]) throw new Error(`${format}: not a ${format} file`);
    if (body.length <= MIN_BYTES) throw new Error(`${format}: only ${body.length} bytes`);
    return body.length;
  }

  const measured: Partial<Record<keyof typeof MAGIC, Summary>> = {};
  for (const format of ['docx', 'pdf'] as const) {
    for (let i = 0; i < WARMUP; i++) await download(format);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const { ms, result } = await timed(() => download(format));
      samples.push(ms / 1000);
      bytes = result;
    }
    const s = summarize(samples);
    measured[format] = s;
    progress(`${format} (${Math.round(bytes / 1024)} KB): ${formatSummary(s, ' s')}`);
  }
  await closeApp();

  const pg = engine === 'postgres';
  const docx = measured.docx!;
  return {
    province_report_docx_s: { value: round(docx.p95, 3), unit: 's', goal: pg ? '<= 1' : 'baseline' },
    province_report_docx_s_median: { value: round(docx.p50, 3), unit: 's', goal: 'baseline' },
    province_report_pdf_s: { value: round(measured.pdf!.p95, 3), unit: 's', goal: 'baseline' },
    rows: { value: rows, unit: 'rows', goal: 'baseline' },
  };
}

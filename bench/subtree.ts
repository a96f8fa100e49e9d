/**
 * Browsing and searching a province-sized tree over real HTTP.
 *
 * Data: the real tree (34 provinces, 3,321 communes, the pre-2025 list) and the demo,
 * plus Lào Cai (15) made to have exactly 100 communes (its 99 real ones and one added)
 * with 100 villages under each: 10,000 villages.
 *
 * subtree_list_ms_p95: GET /api/units/:communeId/subtree?limit=100 for random communes
 *   among those 100, as the whole-country admin (quantri).
 * unit_search_ms_p95: GET /api/units/search?q=...&limit=20, diacritic-free queries over
 *   all units and the pre-2025 communes and districts, as the whole-country admin.
 *
 * Requests are sequential, one at a time, timed from sending to the whole body read.
 */
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';

import { migrate } from '../src/db/migrate.ts';
import type { DB, NewUnit } from '../src/db/schema.ts';
import { vacuumAnalyze } from '../src/db/maintenance.ts';
import { loadDemo } from '../src/demo/seed.ts';
import { fold } from '../src/shared/text.ts';
import { loadAdministrativeUnits } from '../src/units/admin-data.ts';
import {
  HttpClient, formatSummary, onCleanup, openEngine, progress, round, summarize, timed, within,
  type BenchEngine, type BenchOptions, type Figures,
} from './lib.ts';

export const engines: readonly BenchEngine[] = ['postgres', 'pglite'];
export const description = 'subtree page and unit search over HTTP on a province with 100 communes and 10,000 villages';

const PROVINCE = '15'; // Lào Cai
const COMMUNES = 100;
const VILLAGES_PER_COMMUNE = 100;
const PASSWORD = 'BinhYen@2025';
const WARMUP = 50;
const REQUESTS = 500;
const SETUP_LIMIT_MS = 10 * 60_000;
const MEASURE_LIMIT_MS = 5 * 60_000;

/** Village names in the style of the northern uplands: Kinh "Thôn", Tày/Dao/H'Mông "Bản", town "Tổ dân phố". */
const THON = ['Đồng Tâm', 'Tân Tiến', 'Hòa Bình', 'Thống Nhất', 'Quyết Thắng', 'Đoàn Kết', 'Trung Tâm', 'Phú Thịnh', 'Làng Hải', 'Khe Bàm', 'Tân Lập', 'Minh Khai'];
const BAN = ['Nà Pồng', 'Khuổi Phường', 'Nậm Lúc', 'Pác Ngòi', 'Cốc Lầu', 'Làng Ngần', 'Nà Lin', 'Bản Lự', 'Tả Van', 'Lùng Phình', 'Sín Chải', 'Nậm Khánh'];
const TO = ['Kim Tân', 'Duyên Hải', 'Cốc Lếu', 'Bắc Cường', 'Pom Hán', 'Nam Cường', 'Bình Minh', 'Xuân Tăng'];

/** Queries people type: a unit, a pre-2025 commune or district, many-row ones ("lao cai" is every village). */
const QUERIES: { q: string; check: (r: SearchResult) => string | undefined }[] = [
  { q: 'dien quan', check: (r) => (r.legacy.some((l) => l.old_code === '02959') ? undefined : 'lacks pre-2025 commune 02959') },
  { q: 'thuong ha', check: (r) => (r.units.some((u) => u.code === '02968') ? undefined : 'lacks commune 02968') },
  { q: 'thon dong tam', check: (r) => (r.units.length === 20 ? undefined : `${r.units.length} units, expected a full page of 20`) },
  { q: 'ban na pong', check: (r) => (r.units.length === 20 ? undefined : `${r.units.length} units, expected a full page of 20`) },
  { q: 'trieu son', check: (r) => (r.units.some((u) => u.code === '15664') ? undefined : 'lacks commune 15664') },
  { q: 'bao yen', check: (r) => (r.legacyDistricts.length > 0 ? undefined : 'lacks pre-2025 district Bảo Yên') },
  { q: 'phuong quang yen', check: (r) => (r.units.some((u) => u.code === '07132') ? undefined : 'lacks commune 07132') },
  { q: 'ngoc lac', check: (r) => (r.legacy.length + r.legacyDistricts.length > 0 ? undefined : 'lacks pre-2025 Ngọc Lặc') },
  { q: 'xa tan', check: (r) => (r.units.length === 20 ? undefined : `${r.units.length} units, expected a full page of 20`) },
  { q: 'cu chi', check: (r) => (r.units.some((u) => u.code === '27553') ? undefined : 'lacks commune 27553') },
  { q: 'lao cai', check: (r) => (r.units.length === 20 && r.legacy.length === 20 ? undefined : `${r.units.length} units, ${r.legacy.length} legacy; expected 20 each`) },
  { q: 'to dan pho kim tan', check: (r) => (r.units.length > 0 ? undefined : 'no units') },
];

interface SearchResult {
  units: { id: number; code: string | null; name: string }[];
  legacy: { old_code: string }[];
  legacyDistricts: { old_district_code: string }[];
}

interface Commune {
  id: number;
  code: string | null;
  subkind: string;
  path: string;
}

/** A small seeded generator, so every run asks for the same communes in the same order. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lào Cai with exactly COMMUNES communes, each with VILLAGES_PER_COMMUNE villages. */
async function buildProvince(db: Kysely<DB>): Promise<Commune[]> {
  const province = await db.selectFrom('units').select(['id', 'name']).where('code', '=', PROVINCE).executeTakeFirstOrThrow();
  const existing = await db
    .selectFrom('units').select(['id', 'code', 'subkind', 'path'])
    .where('kind', '=', 'commune').where('province_code', '=', PROVINCE)
    .orderBy('code').execute();
  const extra = Math.max(0, COMMUNES - existing.length);
  progress(`${province.name}: ${existing.length} real communes${extra ? `, adding ${extra} so it has ${COMMUNES}` : ''}`);
  let communes: Commune[] = existing.slice(0, COMMUNES);
  if (extra) {
    const added = await db
      .insertInto('units')
      .values(Array.from({ length: extra }, (_, i) => {
        const name = `Xã Bình Yên ${i + 1}`;
        return {
          parent_id: province.id, kind: 'commune' as const, subkind: 'Xã', name, name_folded: fold(name),
          note: 'Thêm cho benchmark: không có trong danh mục chính thức',
        };
      }))
      .returning(['id', 'code', 'subkind', 'path'])
      .execute();
    communes = [...communes, ...added];
  }

  const villages: NewUnit[] = [];
  communes.forEach((commune, c) => {
    for (let j = 0; j < VILLAGES_PER_COMMUNE; j++) {
      let subkind: string;
      let stem: string;
      if (commune.subkind === 'Phường') {
        subkind = 'Tổ dân phố';
        stem = TO[(j + c) % TO.length]!;
      } else if (j % 2 === 0) {
        subkind = 'Thôn';
        stem = THON[(j / 2 + c) % THON.length]!;
      } else {
        subkind = 'Bản';
        stem = BAN[((j - 1) / 2 + c) % BAN.length]!;
      }
      // The number keeps names unique within the commune.
      const name = `${subkind} ${stem} ${j + 1}`;
      villages.push({ parent_id: commune.id, kind: 'village', subkind, name, name_folded: fold(name) });
    }
  });
  const { ms } = await timed(() =>
    db.transaction().execute(async (trx) => {
      for (let i = 0; i < villages.length; i += 1000) {
        await trx.insertInto('units').values(villages.slice(i, i + 1000)).execute();
      }
    }),
  );
  progress(`inserted ${villages.length} villages in ${round(ms / 1000, 1)} s`);
  return communes;
}

async function measure(label: string, n: number, request: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push((await timed(() => request(i))).ms);
  progress(`${label}: ${formatSummary(summarize(samples))}`);
  return samples;
}

/**
 * The database the bench measures: schema, official units, demo, and the 100-commune province.
 * Exported so the same data can be examined with EXPLAIN; cleanups are registered with onCleanup.
 */
export function prepareData(engine: BenchEngine) {
  return within(SETUP_LIMIT_MS, 'setup', (async () => {
    const { database, url } = await openEngine(engine);
    const { ms } = await timed(async () => {
      await migrate(database);
      await loadAdministrativeUnits(database.db);
      await loadDemo(database.db, PASSWORD);
    });
    progress(`schema, official units and demo loaded in ${round(ms / 1000, 1)} s`);
    const communes = await buildProvince(database.db);
    // A server's autovacuum analyses a table soon after bulk inserts; on PGlite the app does it
    // itself (after the first load, after imports of 500+ rows, and hourly: src/db/maintenance.ts).
    // Do now what either would, rather than wait.
    const { ms: vacuumMs } = await timed(() => vacuumAnalyze(database));
    progress(`VACUUM ANALYZE (as autovacuum / the app's maintenance would) in ${round(vacuumMs / 1000, 1)} s`);
    const counts = await database.db
      .selectFrom('units').select(['kind', database.db.fn.countAll<number>().as('n')]).groupBy('kind').orderBy('kind').execute();
    progress(`units: ${counts.map((c) => `${c.kind} ${c.n}`).join(', ')}`);
    return { database, url, communes };
  })());
}

export default async function subtree({ engine }: BenchOptions): Promise<Figures> {
  const { database, communes } = await prepareData(engine);

  const app = await buildApp({ database, config: { cookieSecure: false } });
  const closeApp = onCleanup(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const client = new HttpClient(`http://127.0.0.1:${port}`);
  await client.login('quantri', PASSWORD);
  progress(`app listening on 127.0.0.1:${port}, logged in as quantri`);

  const result = await within(MEASURE_LIMIT_MS, 'measuring', (async () => {
    // Answers must be right, or a fast error could pass for a fast answer.
    for (const commune of communes) {
      const page = await client.ok<{ items: { path: string; kind: string }[]; next: string | null }>(`/api/units/${commune.id}/subtree?limit=100`);
      if (page.items.length !== 100 || !page.items.every((u) => u.path.startsWith(commune.path) && u.path !== commune.path) || !page.next) {
        throw new Error(`subtree of commune ${commune.id} (${commune.code}): ${page.items.length} items, not a full page of its own units`);
      }
    }
    for (const { q, check } of QUERIES) {
      const found = await client.ok<SearchResult>(`/api/units/search?q=${encodeURIComponent(q)}&limit=20`);
      const wrong = check(found);
      if (wrong) throw new Error(`search "${q}": ${wrong}`);
    }
    progress(`answers checked: ${communes.length} subtree pages, ${QUERIES.length} searches`);

    const random = mulberry32(2025);
    const subtreeRequest = async () => {
      const commune = communes[Math.floor(random() * communes.length)]!;
      const page = await client.ok<{ items: unknown[] }>(`/api/units/${commune.id}/subtree?limit=100`);
      if (page.items.length !== 100) throw new Error(`subtree of ${commune.id}: ${page.items.length} items`);
    };
    const perQuery = new Map<string, number[]>();
    const searchRequest = async (i: number) => {
      const { q } = QUERIES[i % QUERIES.length]!;
      const started = performance.now();
      await client.ok(`/api/units/search?q=${encodeURIComponent(q)}&limit=20`);
      perQuery.set(q, [...(perQuery.get(q) ?? []), performance.now() - started]);
    };

    await measure('subtree warm-up', WARMUP, subtreeRequest);
    const subtreeMs = await measure('subtree', REQUESTS, subtreeRequest);
    await measure('search warm-up', WARMUP, searchRequest);
    perQuery.clear();
    const searchMs = await measure('search', REQUESTS, searchRequest);
    for (const [q, samples] of perQuery) progress(`  search "${q}": ${formatSummary(summarize(samples))}`);
    return { subtreeMs, searchMs };
  })());

  await closeApp();
  return {
    subtree_list_ms_p95: { value: round(summarize(result.subtreeMs).p95), unit: 'ms', goal: '<= 10' },
    unit_search_ms_p95: { value: round(summarize(result.searchMs).p95), unit: 'ms', goal: '<= 10' },
  };
}

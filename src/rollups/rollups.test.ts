/**
 * Gong roll-ups over real HTTP and the real database: every level adds up to the level below and
 * to the check-ins themselves, a new check-in shows at once, and the triggers keep the roll-up
 * tables equal to a GROUP BY of the raw rows whatever is inserted or deleted.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { itReading } from '../../tests/support/tools.ts';
import { readSheet } from '../../tests/support/xlsx.ts';
import { gongTime, lastDueNight } from '../gongs/night.ts';
import { addDays, todayVN } from '../shared/dates.ts';

let server: TestServer;
let quantri: Client;
const unitIds: Record<string, { id: number; path: string; province_code: string | null }> = {};
const today = lastDueNight();
const from = addDays(today, -75);
const view = (c: Client, unitId: number, q = `&from=${from}&to=${today}`) => c.ok(`/api/rollups/gongs?unitId=${unitId}${q}`) as Promise<any>;

/** Check-ins in the range per province, or per commune of a province, counted from the raw rows. */
async function raw(groupBy: 'province' | 'commune', provinceCode?: string) {
  const rows = await sql<{ key: string; struck: number; on_time: number }>`
    select ${groupBy === 'province' ? sql`k.province_code` : sql`v.parent_id::text`} as key, count(*)::int as struck, count(*) filter (where k.late_minutes <= 15)::int as on_time
    from gong_checkins k join units v on v.id = k.village_id
    where k.night between ${from} and ${today} ${provinceCode ? sql`and k.province_code = ${provinceCode}` : sql``}
    group by 1`.execute(server.database.db);
  return new Map(rows.rows.map((r) => [r.key, { struck: r.struck, on_time: r.on_time }]));
}

beforeAll(async () => {
  server = await startTestServer();
  quantri = await server.login('quantri');
  const db = server.database.db;
  for (const [key, name, kind] of [['country', 'Việt Nam', 'country'], ['thachLap', 'Xã Thạch Lập', 'commune'], ['thuongHa', 'Xã Thượng Hà', 'commune'], ['langNgan', 'Thôn Làng Ngần', 'village']] as const) {
    const u = await db.selectFrom('units').select(['id', 'path', 'province_code']).where('name', '=', name).where('kind', '=', kind).executeTakeFirstOrThrow();
    unitIds[key] = u;
  }
  const province = async (code: string) => db.selectFrom('units').select(['id', 'path', 'province_code']).where('kind', '=', 'province').where('province_code', '=', code).executeTakeFirstOrThrow();
  unitIds.thanhHoa = await province(unitIds.thachLap!.province_code!);
  unitIds.laoCai = await province(unitIds.thuongHa!.province_code!);
});
afterAll(() => server.close());

describe('gong compliance rolled up the tree', () => {
  it('adds up: the country is the sum of its provinces, a province of its communes, a commune of its villages, all equal to the check-ins', async () => {
    // Tonight's strikes, in before the gong is due (a clock in the village ahead of ours): counted
    // only once tonight is due, in the raw rows and the roll-ups alike.
    const village = await server.database.db.selectFrom('units').select(['id', 'path', 'province_code']).where('parent_id', '=', unitIds.thachLap!.id).where('kind', '=', 'village').executeTakeFirstOrThrow();
    const tonight = todayVN();
    await server.database.db.insertInto('gong_checkins').values({
      province_code: village.province_code!, village_id: village.id, village_path: village.path, night: tonight,
      struck_at: new Date(gongTime(tonight).getTime() - 5 * 60_000), late_minutes: 0, idempotency_key: randomUUID(),
    }).onConflict((oc) => oc.doNothing()).execute();
    const country = await view(quantri, unitIds.country!.id);
    expect(country.children).toHaveLength(34);
    const perProvince = await raw('province');
    expect(perProvince.size).toBeGreaterThan(0);
    for (const p of country.children) {
      const code = (await server.database.db.selectFrom('units').select('province_code').where('id', '=', p.id).executeTakeFirstOrThrow()).province_code!;
      expect({ struck: p.struck, on_time: p.on_time }, p.name).toEqual(perProvince.get(code) ?? { struck: 0, on_time: 0 });
    }
    const sum = (rows: any[], key: string) => rows.reduce((s, r) => s + r[key], 0);
    for (const key of ['villages', 'expected', 'struck', 'on_time', 'missed']) expect(country.total[key]).toBe(sum(country.children, key));

    const province = await view(quantri, unitIds.thanhHoa!.id);
    const row = country.children.find((c: any) => c.id === unitIds.thanhHoa!.id);
    expect(province.total).toEqual({ villages: row.villages, expected: row.expected, struck: row.struck, on_time: row.on_time, missed: row.missed });
    const perCommune = await raw('commune', unitIds.thanhHoa!.province_code!);
    for (const c of province.children) expect({ struck: c.struck, on_time: c.on_time }, c.name).toEqual(perCommune.get(String(c.id)) ?? { struck: 0, on_time: 0 });

    // A commune's own page counts its villages from the check-ins: the same figures as its row above.
    const commune = await view(quantri, unitIds.thachLap!.id);
    const inProvince = province.children.find((c: any) => c.id === unitIds.thachLap!.id);
    expect(commune.total).toEqual({ villages: inProvince.villages, expected: inProvince.expected, struck: inProvince.struck, on_time: inProvince.on_time, missed: inProvince.missed });
    expect(commune.total.struck).toBeGreaterThan(0);
    expect(commune.children.every((v: any) => v.kind === 'village' && v.expected === commune.nights)).toBe(true);

    // The trend, by month and by night, adds up to the same totals.
    expect(sum(commune.series, 'struck')).toBe(commune.total.struck);
    expect(sum(commune.series, 'expected')).toBe(commune.total.expected);
    const nightly = await view(quantri, unitIds.thachLap!.id, `&from=${addDays(today, -60)}&to=${today}&by=night`);
    expect(nightly.series).toHaveLength(61);
    expect(sum(nightly.series, 'struck')).toBe(nightly.total.struck);
    expect(nightly.series.every((n: any) => n.struck <= n.expected && n.on_time <= n.struck)).toBe(true);
  });

  it('ranks the units below by their share on time and counts nights only once their gong is due', async () => {
    const province = await view(quantri, unitIds.thanhHoa!.id);
    const shares = province.children.filter((c: any) => c.expected).map((c: any) => c.on_time / c.expected);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    const future = await view(quantri, unitIds.thachLap!.id, `&from=${addDays(today, 1)}&to=${addDays(today, 20)}`);
    expect(future).toMatchObject({ nights: 0, total: { expected: 0, struck: 0 }, series: [] });
    expect(future.total.villages).toBeGreaterThan(0);
  });

  it('counts a new check-in at once, at every level', async () => {
    const officer = await server.login('thachlap');
    const village = await server.database.db.selectFrom('units').select(['id']).where('parent_id', '=', unitIds.thachLap!.id).where('kind', '=', 'village').orderBy('id').executeTakeFirstOrThrow();
    const levels = [unitIds.country!.id, unitIds.thanhHoa!.id, unitIds.thachLap!.id];
    const before = await Promise.all(levels.map((id) => view(quantri, id)));
    const night = addDays(today, -3);
    const existing = await server.database.db.selectFrom('gong_checkins').select('id').where('village_id', '=', village.id).where('night', '=', night).executeTakeFirst();
    if (existing) await server.database.db.deleteFrom('gong_checkins').where('id', '=', existing.id).execute();
    const afterDelete = await view(quantri, unitIds.thanhHoa!.id);
    expect(afterDelete.total.struck).toBe(before[1].total.struck - (existing ? 1 : 0));
    const res = await officer.post('/api/gong-checkins', { villageId: village.id, night, struckAt: new Date(gongTime(night).getTime() + 40 * 60_000).toISOString(), idempotencyKey: randomUUID() });
    expect(res.status).toBe(201);
    const after = await Promise.all(levels.map((id) => view(quantri, id)));
    const delta = existing ? 0 : 1;
    for (const [i, a] of after.entries()) expect(a.total.struck - before[i]!.total.struck).toBe(delta);
    expect(after[1].total.struck).toBe(afterDelete.total.struck + 1);
  });

  it('expects strikes only where a gong model operates: Xã Thượng Hà, with none, misses nothing', async () => {
    const head = await server.login('thon');
    const night = addDays(today, -4);
    await head.post('/api/gong-checkins', { villageId: unitIds.langNgan!.id, night, struckAt: new Date(gongTime(night).getTime() + 5 * 60_000).toISOString(), idempotencyKey: randomUUID() });
    const commune = await view(quantri, unitIds.thuongHa!.id);
    expect(commune.covered).toBe(false);
    expect(commune.total).toEqual({ villages: 0, expected: 0, struck: 0, on_time: 0, missed: 0 });
    expect(commune.children.length).toBeGreaterThan(0);
    expect(commune.children.every((v: any) => !v.covered && v.missed === 0)).toBe(true);
    const province = await view(quantri, unitIds.laoCai!.id);
    expect(province.children.find((c: any) => c.id === unitIds.thuongHa!.id)).toMatchObject({ covered: false, villages: 0, expected: 0, missed: 0 });
    const country = await view(quantri, unitIds.country!.id);
    expect(country.children.find((c: any) => c.id === unitIds.laoCai!.id)).toMatchObject({ covered: false, expected: 0, missed: 0 });
    // Thạch Lập, where the model runs, is counted as before: every village, every night.
    const thachLap = await view(quantri, unitIds.thachLap!.id);
    expect(thachLap.covered).toBe(true);
    expect(thachLap.children.every((v: any) => v.covered && v.expected === thachLap.nights)).toBe(true);
    expect(country.children.find((c: any) => c.id === unitIds.thanhHoa!.id)).toMatchObject({ covered: true });
    expect(country.total.villages).toBe(thachLap.total.villages);

  });

  it('counts villages as they are added: the gongs expected each night follow', async () => {
    const before = await view(quantri, unitIds.thanhHoa!.id);
    const res = await quantri.post('/api/units', { parentId: unitIds.thachLap!.id, kind: 'village', subkind: 'Thôn', name: `Thôn Mới ${randomUUID().slice(0, 6)}` });
    expect(res.status).toBe(201);
    const after = await view(quantri, unitIds.thanhHoa!.id);
    expect(after.total.villages).toBe(before.total.villages + 1);
    expect(after.total.expected).toBe(before.total.expected + after.nights);
    const row = (v: any) => v.children.find((c: any) => c.id === unitIds.thachLap!.id);
    expect(row(after).villages).toBe(row(before).villages + 1);
    // The roll-up of villages equals a count of the units, commune by commune.
    const diff = await sql<{ n: number }>`
      select count(*)::int as n from (
        select c.id, count(v.id)::int as villages from units c join units v on v.parent_id = c.id and v.kind = 'village' group by c.id
        except select commune_id, villages from commune_villages where villages > 0) d`.execute(server.database.db);
    expect(diff.rows[0]!.n).toBe(0);
  });

  const rankingXlsx = () =>
    fetch(`${server.url}/api/rollups/gongs.xlsx?unitId=${unitIds.thanhHoa!.id}&from=${from}&to=${today}`, { headers: { cookie: quantri.cookie } });

  it('gives the ranking as an XLSX sheet, to those who may read the unit', async () => {
    const json = await view(quantri, unitIds.thanhHoa!.id);
    const res = await rankingXlsx();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('Đánh kẻng');
    const bytes = Buffer.from(await res.arrayBuffer());
    const data = await readSheet(bytes);
    expect(data[0]).toEqual(['STT', 'Đơn vị', 'Mã', 'Số thôn', 'Lượt phải đánh kẻng', 'Đã đánh', 'Đúng giờ', 'Bỏ sót', 'Tỷ lệ đúng giờ (%)', 'Tỷ lệ đã đánh (%)', 'Ghi chú']);
    expect(data.length).toBe(json.children.length + 2);
    const thachLap = data.find((r) => r[1] === 'Xã Thạch Lập')!;
    const row = json.children.find((c: any) => c.id === unitIds.thachLap!.id);
    expect(thachLap.slice(3, 8)).toEqual([row.villages, row.expected, row.struck, row.on_time, row.missed]);
    expect(data.at(-1)!.slice(1, 8)).toEqual(['Tổng', null, json.total.villages, json.total.expected, json.total.struck, json.total.on_time, json.total.missed]);
    expect((await fetch(`${server.url}/api/rollups/gongs.xlsx?unitId=${unitIds.thanhHoa!.id}&from=${from}&to=${today}`, { headers: { cookie: (await server.login('canbo')).cookie } })).status).toBe(404);
  });

  itReading('calc')('gives a ranking sheet that LibreOffice opens with its diacritics', async () => {
    const row = (await view(quantri, unitIds.thanhHoa!.id)).children.find((c: any) => c.id === unitIds.thachLap!.id);
    const bytes = Buffer.from(await (await rankingXlsx()).arrayBuffer());
    // Converted to CSV (UTF-8) by LibreOffice, the Vietnamese reads back unchanged.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-xlsx-'));
    try {
      fs.writeFileSync(path.join(dir, 'rollup.xlsx'), bytes);
      const lo = spawnSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, path.join(dir, 'rollup.xlsx')], { encoding: 'utf8', timeout: 120_000 });
      const csvPath = path.join(dir, 'rollup.csv');
      if (!fs.existsSync(csvPath)) throw new Error(`LibreOffice did not open the XLSX (install Debian packages libreoffice-calc): ${lo.stderr || lo.error?.message}`);
      const csv = fs.readFileSync(csvPath, 'utf8');
      expect(csv.split('\n')[0]).toBe('STT,Đơn vị,Mã,Số thôn,Lượt phải đánh kẻng,Đã đánh,Đúng giờ,Bỏ sót,Tỷ lệ đúng giờ (%),Tỷ lệ đã đánh (%),Ghi chú');
      expect(csv).toContain(`Xã Thạch Lập,15085,${row.villages},${row.expected},${row.struck},${row.on_time},${row.missed}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a unit only to those who may read it, and refuses what is not a range or a level it rolls up', async () => {
    const xem = await server.login('xem'); // viewer of Lào Cai
    expect((await xem.get(`/api/rollups/gongs?unitId=${unitIds.country!.id}&from=${from}&to=${today}`)).status).toBe(404);
    expect((await xem.get(`/api/rollups/gongs?unitId=${unitIds.thanhHoa!.id}&from=${from}&to=${today}`)).status).toBe(404);
    const own = await view(xem, unitIds.laoCai!.id);
    expect(own.children.length).toBeGreaterThan(0);
    const bad = async (q: string) => {
      const res = await quantri.get(`/api/rollups/gongs?${q}`);
      expect(res.status, q).toBe(400);
      return res.body.error;
    };
    expect((await bad(`unitId=${unitIds.thachLap!.id}&from=2026-03-01&to=2026-01-01`)).fields[0].path).toBe('to');
    expect((await bad(`unitId=${unitIds.thachLap!.id}&from=2024-01-01&to=2026-01-01`)).message).toBe('Tối đa một năm mỗi lần xem');
    expect((await bad(`unitId=${unitIds.thachLap!.id}&from=2026-01-01&to=2026-06-30&by=night`)).fields[0].path).toBe('by');
    expect((await bad(`unitId=${unitIds.langNgan!.id}&from=2026-01-01&to=2026-01-31`)).fields[0].path).toBe('unitId');
    expect((await bad(`unitId=${unitIds.thachLap!.id}&from=2026-02-30&to=2026-03-01`)).fields[0].path).toBe('querystring.from');
    expect((await bad(`unitId=${unitIds.thachLap!.id}&from=${from}&to=${today}&by=week`)).fields[0].path).toBe('querystring.by');
  });
});

describe('the roll-up tables', () => {
  it('equal a GROUP BY of the check-ins after any mix of inserts and deletes, and refuse changes they would not follow', async () => {
    const db = server.database.db;
    const villages = await db.selectFrom('units').select(['id', 'path', 'province_code']).where('kind', '=', 'village').orderBy('id').limit(12).execute();
    const base = '2025-12-20';
    /** Rows of a roll-up table that a GROUP BY of the check-ins does not give, and the other way round. */
    const differences = async (table: 'gong_nights' | 'gong_months', period: 'night' | 'month', raw: ReturnType<typeof sql>) => {
      const rolled = sql`select commune_id, ${sql.ref(period)}, struck, on_time from ${sql.table(table)} where struck <> 0`;
      const counted = sql`select v.parent_id, ${raw}, count(*)::int, (count(*) filter (where k.late_minutes <= 15))::int
        from gong_checkins k join units v on v.id = k.village_id group by 1, 2`;
      const r = await sql<{ diff: number }>`select count(*)::int as diff from ((${rolled} except ${counted}) union all (${counted} except ${rolled})) d`.execute(db);
      return r.rows[0]!.diff;
    };
    const compare = () => Promise.all([differences('gong_nights', 'night', sql`k.night`), differences('gong_months', 'month', sql`date_trunc('month', k.night)::date`)]);
    expect(await compare()).toEqual([0, 0]);
    const step = fc.record({
      insert: fc.array(fc.record({ village: fc.nat(villages.length - 1), night: fc.nat(45), late: fc.integer({ min: 0, max: 90 }) }), { maxLength: 15 }),
      deleteEvery: fc.integer({ min: 0, max: 4 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
      for (const s of steps) {
        const rows = s.insert.map((r) => {
          const v = villages[r.village]!;
          const night = addDays(base, r.night);
          return { province_code: v.province_code!, village_id: v.id, village_path: v.path, night, struck_at: new Date(gongTime(night).getTime() + r.late * 60_000), late_minutes: r.late, idempotency_key: randomUUID() };
        });
        // One statement: rows for the same village and night beyond the first are skipped, as the app's are.
        if (rows.length) await db.insertInto('gong_checkins').values(rows).onConflict((oc) => oc.doNothing()).execute();
        if (s.deleteEvery) await sql`delete from gong_checkins where night between ${base} and ${addDays(base, 45)} and id % ${s.deleteEvery + 1} = 0`.execute(db);
      }
      expect(await compare()).toEqual([0, 0]);
    }), { numRuns: 15 });
    // A change they would not follow is refused.
    await expect(sql`update gong_checkins set late_minutes = 0 where night = ${base}`.execute(db)).rejects.toThrow(/not updated/);
    await expect(sql`truncate gong_checkins`.execute(db)).rejects.toThrow(/not updated/);
    expect(await compare()).toEqual([0, 0]);
  });
});

describe('models rolled up the tree', () => {
  it('counts each template\'s models by stage and the communes that run them, within what the caller may read', async () => {
    const db = server.database.db;
    const country = await quantri.ok(`/api/rollups/models?unitId=${unitIds.country!.id}`);
    expect(country.communes).toBe(3321);
    const raw = await db.selectFrom('model_instances').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute();
    for (const stage of ['building', 'operating', 'closed'] as const) {
      expect(country.templates.reduce((s: number, t: any) => s + t[stage], 0), stage).toBe(raw.find((r) => r.status === stage)?.n ?? 0);
    }
    const province = await quantri.ok(`/api/rollups/models?unitId=${unitIds.thanhHoa!.id}`);
    const keng = province.templates.find((t: any) => t.template === 'Tiếng kẻng bình yên');
    expect(keng).toMatchObject({ operating: 1, communes: 1 });
    const khoa = province.templates.find((t: any) => t.template === 'Khóa an toàn an ninh trật tự');
    expect(khoa.communes).toBe(khoa.building + khoa.operating);

    const xem = await server.login('xem');
    expect((await xem.get(`/api/rollups/models?unitId=${unitIds.thanhHoa!.id}`)).status).toBe(404);
    const laoCai = await xem.ok(`/api/rollups/models?unitId=${unitIds.laoCai!.id}`);
    expect(laoCai.templates.every((t: any) => t.template !== 'Tiếng kẻng bình yên')).toBe(true);
  });
});

describe('the statistics tables as XLSX', () => {
  it('downloads models, tips and activities as the page shows them, and keeps tips to the police', async () => {
    const sheet = async (c: Client, url: string) => {
      const res = await fetch(server.url + url, { headers: { cookie: c.cookie } });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
      return readSheet(Buffer.from(await res.arrayBuffer()));
    };
    const range = `unitId=${unitIds.thachLap!.id}&from=${from}&to=${today}`;

    const models = await quantri.ok(`/api/rollups/models?unitId=${unitIds.thanhHoa!.id}`);
    const modelRows = await sheet(quantri, `/api/rollups/models.xlsx?unitId=${unitIds.thanhHoa!.id}`);
    expect(modelRows[0]).toEqual(['Mô hình', 'Đang xây dựng', 'Đang hoạt động', 'Đã dừng', `Số xã có mô hình (trên ${models.communes} xã)`, 'Tỷ lệ xã (%)']);
    expect(modelRows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual(models.templates.map((t: any) => [t.template, t.building, t.operating, t.closed, t.communes]));

    const tips = await quantri.ok(`/api/tips/summary?${range}`);
    const tipRows = await sheet(quantri, `/api/tips/summary.xlsx?${range}`);
    expect(tipRows[0]).toEqual(['Nhóm', 'Mục', 'Số tin báo']);
    expect(tipRows.filter((r) => r[0] === 'Theo loại sự việc').reduce((s, r) => s + (r[2] as number), 0)).toBe(tips.received);
    expect(tipRows.find((r) => r[1] === 'Quá hạn')![2]).toBe(tips.open.overdue);

    const activities = await quantri.ok(`/api/activities/summary?${range}`);
    const activityRows = await sheet(quantri, `/api/activities/summary.xlsx?${range}`);
    expect(activityRows[0]).toEqual(['Nhóm', 'Mục', 'Số hoạt động', 'Số người tham dự']);
    expect(activityRows.filter((r) => r[0] === 'Theo loại').map((r) => r[2])).toEqual(activities.byKind.map((k: any) => k.activities));

    const xem = await server.login('xem');
    const laoCai = `unitId=${unitIds.laoCai!.id}&from=${from}&to=${today}`;
    expect((await xem.get(`/api/tips/summary.xlsx?${laoCai}`)).status).toBe(403);
    expect((await xem.get(`/api/activities/summary.xlsx?unitId=${unitIds.thachLap!.id}&from=${from}&to=${today}`)).status).toBe(404);
  });
});

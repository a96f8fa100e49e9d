/**
 * Fills the configured database (DATABASE_URL, or PGlite in DATA_DIR) with realistic data:
 *
 *   npm run gen -- --scale national            all 34 provinces and 3,321 communes
 *   npm run gen -- --scale province [--province 38] [--nights 365]
 *
 * Villages under every commune without any (21–45 each), a year of nightly check-ins with gaps,
 * patrols, activities and tips (src/demo/national.ts), province by province, with progress.
 * Running it again adds only what is missing.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/engine.ts';
import { vacuumAnalyze } from '../src/db/maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { fillProvince, GENERATED_TABLES, provincesToFill, type Scale } from '../src/demo/national.ts';
import { lastDueNight } from '../src/gongs/night.ts';
import { addDays } from '../src/shared/dates.ts';
import { loadAdministrativeUnits } from '../src/units/admin-data.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'province' }, province: { type: 'string', default: '38' }, nights: { type: 'string', default: '365' } },
});
if (values.scale !== 'national' && values.scale !== 'province') {
  console.error('Dùng --scale national (cả nước) hoặc --scale province (một tỉnh)');
  process.exit(2);
}
const nights = Number(values.nights);
if (!Number.isInteger(nights) || nights < 7 || nights > 366) {
  console.error('--nights: từ 7 đến 366 đêm');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const say = (line: string) => process.stderr.write(line + '\n');
say(`Cơ sở dữ liệu: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite, ${config.dataDir}`}`);
await migrate(database);
await loadAdministrativeUnits(database.db);

const scale: Scale = { provinces: values.scale === 'province' ? [values.province!] : undefined, lastNight: addDays(lastDueNight(), -1), nights };
const provinces = await provincesToFill(database.db, scale);
if (!provinces.length) {
  console.error(`Không có tỉnh mã ${values.province}`);
  process.exit(2);
}
say(`${provinces.length} tỉnh; ${nights} đêm đến hết ${scale.lastNight}`);

const totals = { villages: 0, gongModels: 0, checkins: 0, patrols: 0, activities: 0, tips: 0 };
const started = performance.now();
for (const [i, p] of provinces.entries()) {
  const t0 = performance.now();
  const added = await fillProvince(database.db, p.province_code!, scale);
  const { villages, gongModels, checkins, patrols, activities, tips } = added;
  Object.entries(added).forEach(([k, n]) => (totals[k as keyof typeof totals] += n));
  const s = (performance.now() - t0) / 1000;
  say(`[${i + 1}/${provinces.length}] ${p.name}: ${villages} thôn, ${gongModels} mô hình tiếng kẻng, ${checkins.toLocaleString('vi-VN')} lượt đánh kẻng (${Math.round(checkins / s).toLocaleString('vi-VN')}/giây), ` +
    `${patrols} lượt tuần tra, ${activities} hoạt động, ${tips} tin báo — ${s.toFixed(1)} giây; tổng ${totals.checkins.toLocaleString('vi-VN')} lượt đánh kẻng`);
}
say('VACUUM ANALYZE…');
await vacuumAnalyze(database, GENERATED_TABLES);
await database.close();
say(`Xong sau ${((performance.now() - started) / 1000).toFixed(0)} giây: ${JSON.stringify(totals)}`);

import { pino } from 'pino';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/engine.ts';
import { vacuumAnalyze, scheduleMaintenance } from './db/maintenance.ts';
import { migrate } from './db/migrate.ts';
import { DEMO_USERS, loadDemo } from './demo/seed.ts';
import { loadAdministrativeUnits } from './units/admin-data.ts';
import { loadBuiltinTemplates } from './models/service.ts';
import { ROLE_LABELS } from './access/labels.ts';
import { loadDemoTips } from './demo/tips.ts';
import { loadDemoReports } from './demo/reports.ts';
import { anySealedContact } from './tips/queries.ts';
import { loadTipKey, sealer } from './tips/seal.ts';
import { deleteExpiredSessions } from './auth/queries.ts';

const config = loadConfig();
const log = pino({ level: config.logLevel });
const started = Date.now();

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite, thư mục ${config.dataDir}`;
log.info({ engine: database.engine }, `Cơ sở dữ liệu: ${where}`);

const applied = await migrate(database);
if (applied.length) log.info({ applied }, 'Đã áp dụng migration');
const factsLoaded = await loadAdministrativeUnits(database.db);
if (factsLoaded) log.info('Đã nạp 34 tỉnh, 3.321 xã và danh mục đơn vị trước 01/7/2025');
await loadBuiltinTemplates(database.db);
const tipKey = loadTipKey({ envKey: config.tipKey, keyFile: config.tipKeyFile, mayCreate: !(await anySealedContact(database.db)) });
if (tipKey.created) log.warn(`Đã tạo khóa mã hóa thông tin người báo tin: ${config.tipKeyFile} — sao lưu tệp này riêng, không cùng cơ sở dữ liệu`);
const demoLoaded = config.loadDemo && (await loadDemo(database.db, config.demoPassword));
// Demo tips only on a real start: their informants' contacts are sealed with this server's key.
if (demoLoaded) await loadDemoTips(database.db, sealer(tipKey.key));
// Reports last: those sent freeze the figures of everything above.
if (demoLoaded) await loadDemoReports(database.db);
if (demoLoaded) log.info('Đã tạo dữ liệu mẫu');
if (factsLoaded || demoLoaded) await vacuumAnalyze(database);
scheduleMaintenance(database, (err) => log.warn({ err }, 'VACUUM ANALYZE failed'));

await deleteExpiredSessions(database.db);
// Expired sessions are refused anyway; this only keeps the table small.
setInterval(() => deleteExpiredSessions(database.db).catch((err) => log.warn({ err }, 'session clean-up failed')), 3600_000).unref();

const app = await buildApp({ database, config, logger: log, tipKey: tipKey.key });
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;

const lines = [
  '',
  `Bình Yên đã sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây (${database.engine}).`,
  `  Mở: http://localhost:${port}/`,
  `  Báo đánh kẻng (điện thoại): http://localhost:${port}/keng`,
  `  Gửi tin báo (công khai): http://localhost:${port}/bao-tin`,
  `  API: http://localhost:${port}/api/docs`,
];
if (config.loadDemo) {
  lines.push(
    `  Tài khoản mẫu (mật khẩu: ${demoLoaded || !process.env.DEMO_PASSWORD ? config.demoPassword : 'như lần chạy đầu'}):`,
    ...DEMO_USERS.map((u) => `    ${u.username.padEnd(10)} ${ROLE_LABELS[u.role].padEnd(21)} ${u.what}`),
  );
}
console.log(lines.join('\n') + '\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}

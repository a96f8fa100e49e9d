/**
 * The setup of the benches that run on national data (rollup, report-export): the schema, the
 * official tree and the built-in templates, then the generator of `npm run gen`
 * (src/demo/national.ts) province by province with progress, VACUUM ANALYZE, and an
 * administrator of the country, `quantri.bench`, with the bench's password.
 */
import { hashPassword } from '../src/auth/passwords.ts';
import type { Database } from '../src/db/engine.ts';
import { vacuumAnalyze } from '../src/db/maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { fillProvince, GENERATED_TABLES, provincesToFill, type Scale } from '../src/demo/national.ts';
import { loadBuiltinTemplates } from '../src/models/service.ts';
import { loadAdministrativeUnits } from '../src/units/admin-data.ts';
import { progress, round } from './lib.ts';

export const BENCH_ADMIN = 'quantri.bench';

/** Fills the database for the scale; the country's id. */
export async function nationalData(database: Database, scale: Scale, password: string): Promise<{ countryId: number }> {
  const db = database.db;
  await migrate(database);
  await loadAdministrativeUnits(db);
  await loadBuiltinTemplates(db);
  const provinces = await provincesToFill(db, scale);
  const started = performance.now();
  let rows = 0;
  for (const [i, p] of provinces.entries()) {
    rows += (await fillProvince(db, p.province_code!, scale)).checkins;
    const s = (performance.now() - started) / 1000;
    progress(`[${i + 1}/${provinces.length}] ${p.name}: ${rows.toLocaleString('en')} check-ins so far, ${Math.round(rows / s).toLocaleString('en')}/s`);
  }
  await vacuumAnalyze(database, GENERATED_TABLES);
  const root = await db.selectFrom('units').select('id').where('kind', '=', 'country').executeTakeFirstOrThrow();
  const [user] = await db.insertInto('users').values({ username: BENCH_ADMIN, full_name: 'Quản trị', password_hash: await hashPassword(password) }).returning('id').execute();
  await db.insertInto('grants').values({ user_id: user!.id, unit_id: root.id, role: 'admin' }).execute();
  progress(`data written in ${round((performance.now() - started) / 1000, 0)} s`);
  return { countryId: root.id };
}

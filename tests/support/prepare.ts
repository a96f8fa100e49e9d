import type { Database } from '../../src/db/engine.ts';
import { vacuumAnalyze } from '../../src/db/maintenance.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadDemo } from '../../src/demo/seed.ts';
import { loadAdministrativeUnits } from '../../src/units/admin-data.ts';
import { loadBuiltinTemplates } from '../../src/models/service.ts';

export const TEST_PASSWORD = 'BinhYen@2025';

/** What every test database starts from: schema, the real administrative tree and the demo. */
export async function prepare(database: Database) {
  await migrate(database);
  await loadAdministrativeUnits(database.db);
  await loadBuiltinTemplates(database.db);
  await loadDemo(database.db, TEST_PASSWORD);
  await vacuumAnalyze(database);
}

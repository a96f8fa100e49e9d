import crypto from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/engine.ts';

/**
 * A database of the test's own, copied from the prepared template, on the engine this
 * run uses (PGlite unless TEST_PG_URL names a PostgreSQL server). Close it when done.
 */
export async function testDatabase(): Promise<Database> {
  const template = inject('template');
  if (inject('engine') === 'postgres') {
    const pg = (await import('pg')).default;
    const serverUrl = process.env.TEST_PG_URL!;
    const name = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const u = new URL(serverUrl);
    u.pathname = '/' + name;
    const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 5 });
    const close = database.close;
    database.close = async () => {
      await close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
    };
    return database;
  }
  const blob = new Blob([fs.readFileSync(template)]);
  return openDatabase({ loadDataDir: blob });
}

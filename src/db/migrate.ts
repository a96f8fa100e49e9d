import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './engine.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
// Any constant shared by all instances: a second instance waits while the first migrates.
const MIGRATION_LOCK = 4242_2025;

/** Applies the numbered SQL files in migrations/ that are not yet recorded, in order, each in its own transaction. */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  await database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      const done = new Set(
        (await conn.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version),
      );
      for (const file of files) {
        const version = file.slice(0, -4);
        if (done.has(version)) continue;
        const body = fs.readFileSync(path.join(dir, file), 'utf8');
        await sql.raw(`BEGIN;\n${body}\n;INSERT INTO schema_migrations (version) VALUES ('${version}');\nCOMMIT;`).execute(conn);
        applied.push(version);
      }
    } catch (e) {
      await sql`ROLLBACK`.execute(conn).catch(() => {});
      throw e;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
  return applied;
}

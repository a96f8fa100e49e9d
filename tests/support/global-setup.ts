import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/engine.ts';
import { prepare } from './prepare.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of the prepared database. PostgreSQL: the name of the template database. */
    template: string;
    engine: 'pglite' | 'postgres';
  }
}

/**
 * Prepares one database once per run (migrations, 3,355 units, 10,047 legacy communes,
 * demo); each test then gets its own copy of it, which takes a fraction of the time.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_PG_URL;
  if (serverUrl) {
    const pg = (await import('pg')).default;
    const name = `binhyen_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(serverUrl);
    u.pathname = '/' + name;
    const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
    await prepare(database);
    await database.close();
    project.provide('template', name);
    project.provide('engine', 'postgres');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
    };
  }
  const database = await openDatabase({});
  await prepare(database);
  const dump = await database.dump!();
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('template', file);
  project.provide('engine', 'pglite');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { pglitePool } from './pglite-pool.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Runs a script of several statements (migrations); no parameters. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball, so tests can start many copies of one prepared database. */
  dump?: () => Promise<Blob>;
  /** PostgreSQL only: where it is, for tools such as pg_dump. */
  url?: string;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const INT8_ARRAY = 1016 as never; // not in pg-types' builtins list
let int8ArrayPatched = false;
// Both engines hand back the same JS types: ids and counts as numbers.
// Dates stay 'YYYY-MM-DD' strings: a calendar day has no time zone to get wrong.
const parsers = { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v), [DATE]: (v: string) => v };

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined means in memory. */
  dataDir?: string | undefined;
  /** A PGlite data folder dump to start from (tests clone a prepared database this way). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  pg.types.setTypeParser(INT8, parsers[INT8]);
  pg.types.setTypeParser(NUMERIC, parsers[NUMERIC]);
  pg.types.setTypeParser(DATE, parsers[DATE]);
  if (!int8ArrayPatched) {
    const int8Array = pg.types.getTypeParser(INT8_ARRAY) as (v: string) => string[];
    pg.types.setTypeParser(INT8_ARRAY, (v: string) => int8Array(v).map((x) => (x === null ? x : Number(x))));
    int8ArrayPatched = true;
  }
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, failover) must not bring the process down;
  // the pool replaces it on next use.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    url,
    async exec(script) {
      await pool.query(script);
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = path.join(opts.dataDir, 'pgdata');
    fs.mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create({
    dataDir: dir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
    parsers,
  });
  const pool = pglitePool(pglite);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }) });
  return {
    db,
    engine: 'pglite',
    async exec(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } finally {
        client.release();
      }
    },
    async close() {
      // Closing twice (a bench hands the folder to a server, then cleans up) is harmless.
      if (pglite.closed) return;
      await db.destroy();
      await pglite.close();
    },
    dump: () => pglite.dumpDataDir('none') as Promise<Blob>,
  };
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}

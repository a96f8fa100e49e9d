import type { Database } from './engine.ts';

/**
 * Statistics and clean-up after bulk loads. A PostgreSQL server's autovacuum would get to it
 * eventually; PGlite has none, and without statistics its planner guesses badly (a
 * whole-country search took 70 ms instead of 1 ms in bench/subtree.ts).
 */
export async function vacuumAnalyze(database: Database, tables = ['units', 'legacy_units', 'legacy_successors']) {
  // One statement: VACUUM refuses to run inside the implicit transaction of a multi-statement query.
  await database.exec(`VACUUM ANALYZE ${tables.join(', ')}`);
}

/** PGlite has no autovacuum: the server does its work on a timer. */
export function scheduleMaintenance(database: Database, onError: (err: unknown) => void, everyMs = 3600_000) {
  if (database.engine !== 'pglite') return undefined;
  // The roll-ups are updated in place at every batch of check-ins: their dead rows go here.
  const tables = ['units', 'legacy_units', 'legacy_successors', 'gong_nights', 'gong_months', 'commune_villages'];
  return setInterval(() => vacuumAnalyze(database, tables).catch(onError), everyMs).unref();
}

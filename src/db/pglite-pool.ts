import type { PGlite } from '@electric-sql/pglite';

/**
 * Presents one PGlite instance as the tiny pool interface that Kysely's
 * PostgresDialect drives. PGlite has a single connection, so a checked-out
 * client holds a lock until released: that keeps a Kysely transaction's
 * statements from interleaving with other requests' statements.
 */
export function pglitePool(pg: PGlite) {
  let tail: Promise<void> = Promise.resolve();

  const client = (release: () => void) => ({
    async query(sql: string, params: readonly unknown[] = []) {
      const command = sql.trimStart().slice(0, 6).toUpperCase();
      // Without parameters the simple protocol runs, which (as on a server) accepts
      // several statements at once: migrations rely on it.
      const res =
        params.length === 0
          ? ((await pg.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 })
          : await pg.query(sql, params as unknown[], { rowMode: 'object' });
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length, command };
    },
    release,
  });

  return {
    async connect() {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const previous = tail;
      tail = previous.then(() => held);
      await previous;
      return client(release);
    },
    async end() {
      await tail;
    },
  };
}

/**
 * Group commit for check-ins (src/shared/group-commit.ts): one multi-row INSERT per batch. A row
 * whose key or village's night is taken is not written; of two copies of one key in a batch (a
 * phone's retry), only the first is answered as written, and the caller finds out about the rest.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { groupCommit as batched } from '../shared/group-commit.ts';
import * as q from './queries.ts';

export function groupCommit(db: Kysely<DB>) {
  return batched<q.NewCheckin, NonNullable<Awaited<ReturnType<typeof q.insertCheckin>>>>({
    async writeMany(rows) {
      const byKey = new Map((await q.insertCheckins(db, rows)).map((s) => [s.idempotency_key, s]));
      return rows.map((r) => {
        const stored = byKey.get(r.idempotency_key);
        byKey.delete(r.idempotency_key);
        return stored;
      });
    },
    writeOne: (row) => q.insertCheckin(db, row),
  });
}

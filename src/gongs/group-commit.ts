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
    writeMany: async (rows) => answersOf(rows, await q.insertCheckins(db, rows)),
    writeOne: (row) => q.insertCheckin(db, row),
  });
}

/** The stored row answering each row of the batch, in order; only the first copy of a key gets it. */
export function answersOf<S extends { idempotency_key: string }>(rows: { idempotency_key: string }[], stored: S[]): (S | undefined)[] {
  const byKey = new Map(stored.map((s) => [s.idempotency_key, s]));
  return rows.map((r) => {
    const answer = byKey.get(r.idempotency_key);
    byKey.delete(r.idempotency_key);
    return answer;
  });
}

/**
 * Group commit for check-ins: those arriving within a few milliseconds of each other are written
 * by one multi-row INSERT, one commit and one flush to disk, and each request is answered only
 * after that commit. At the 22:00 peak this turns thousands of commits a second into a few
 * hundred. The queue holds only requests still waiting for their answer: if the process dies,
 * none of them was acknowledged, so nothing acknowledged is lost.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import * as q from './queries.ts';

type Row = q.NewCheckin;
type Stored = NonNullable<Awaited<ReturnType<typeof q.insertCheckin>>>;
interface Waiting { row: Row; resolve: (stored: Stored | undefined) => void; reject: (err: unknown) => void }

/** How long the first check-in of a batch waits for others, and the most one batch takes. */
const WAIT_MS = 2;
const MAX_BATCH = 500;

export function groupCommit(db: Kysely<DB>) {
  const waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;

  async function write(batch: Waiting[]) {
    try {
      const stored = await q.insertCheckins(db, batch.map((w) => w.row));
      const byKey = new Map(stored.map((s) => [s.idempotency_key, s]));
      // Each written row answers the first request that carried its key; a later copy in the same
      // batch (a phone's retry), like a row not written (its key or the village's night taken
      // before), gets nothing, and the caller finds out which.
      for (const w of batch) {
        w.resolve(byKey.get(w.row.idempotency_key));
        byKey.delete(w.row.idempotency_key);
      }
    } catch {
      // One bad row must not fail its neighbours: each is tried on its own, in arrival order.
      for (const w of batch) await q.insertCheckin(db, w.row).then(w.resolve, w.reject);
    }
  }

  function flush() {
    timer = undefined;
    while (waiting.length) void write(waiting.splice(0, MAX_BATCH));
  }

  /** Inserts the check-in with others arriving now; undefined when its key or night was taken. */
  return (row: Row): Promise<Stored | undefined> =>
    new Promise((resolve, reject) => {
      waiting.push({ row, resolve, reject });
      if (waiting.length >= MAX_BATCH) flush();
      else timer ??= setTimeout(flush, WAIT_MS);
    });
}

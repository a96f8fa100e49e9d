import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface Count { bucket: string; key: string; windowSeconds: number; n: number }

/** The start of the current window of this length, on the database's clock (the same for every instance). */
const windowStart = (seconds: number) =>
  sql<Date>`to_timestamp(floor(extract(epoch from now()) / ${seconds}::int) * ${seconds}::int)`;

/**
 * Adds each count to its key's current window and returns the windows' totals after it: one
 * statement for a whole batch. Rows come sorted by (bucket, key), so two batches lock shared
 * rows in the same order and wait for each other instead of deadlocking.
 */
export const addCounts = (db: Kysely<DB>, counts: Count[]) =>
  db
    .insertInto('rate_limits')
    .values(counts.map((c) => ({
      bucket: c.bucket, key: c.key, count: c.n,
      window_start: windowStart(c.windowSeconds),
      expires_at: sql<Date>`${windowStart(c.windowSeconds)} + make_interval(secs => ${c.windowSeconds}::int)`,
    })))
    .onConflict((oc) => oc
      .columns(['bucket', 'key', 'window_start'])
      .doUpdateSet({ count: sql`rate_limits.count + excluded.count` }))
    .returning(['bucket', 'key', 'count'])
    .execute();

/** The count of a key in its current window, counting nothing. */
export const currentCount = (db: Kysely<DB>, bucket: string, key: string, windowSeconds: number) =>
  db
    .selectFrom('rate_limits')
    .select('count')
    .where('bucket', '=', bucket)
    .where('key', '=', key)
    .where('window_start', '=', windowStart(windowSeconds))
    .executeTakeFirst();

export const deleteExpiredCounts = (db: Kysely<DB>) =>
  db.deleteFrom('rate_limits').where('expires_at', '<', sql<Date>`now()`).execute();

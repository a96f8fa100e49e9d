/**
 * Rate limits counted in the database (fixed windows), so that every instance behind a load
 * balancer sees the same counts and a restart forgets none (docs/architecture.md rule 3). The
 * public tip form is a hot path: the takes of one turn of the event loop share one upsert
 * (src/shared/queries.ts addCounts), the way sessions share one lookup.
 */
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { perEventLoopTurn } from './batching.ts';
import * as q from './queries.ts';

export interface Limit {
  /** What is limited; each bucket counts apart. */
  bucket: string;
  max: number;
  windowSeconds: number;
}

export interface Limiter {
  /** Counts n more for the key; false when that goes over the limit in the current window. */
  take(limit: Limit, key: string, n?: number): Promise<boolean>;
  /** Whether one more for the key would be over the limit, counting nothing. */
  spent(limit: Limit, key: string): Promise<boolean>;
}

interface Take { limit: Limit; key: string; n: number }

/** Expired windows are deleted by whichever instance takes next, at most this often. */
const PRUNE_EVERY_MS = 60_000;

const limiters = new WeakMap<Kysely<DB>, Limiter>();

export function limiterOf(db: Kysely<DB>): Limiter {
  let limiter = limiters.get(db);
  if (limiter) return limiter;
  let prunedAt = Date.now();
  const loader = new DataLoader<Take, boolean>(async (takes) => {
    const groups = new Map<string, q.Count & { takes: number[] }>();
    takes.forEach((t, i) => {
      const id = `${t.limit.bucket}\n${t.key}`;
      const g = groups.get(id) ?? { bucket: t.limit.bucket, key: t.key, windowSeconds: t.limit.windowSeconds, n: 0, takes: [] };
      g.n += t.n;
      g.takes.push(i);
      groups.set(id, g);
    });
    const sorted = [...groups.values()].sort((a, b) => (a.bucket + '\n' + a.key < b.bucket + '\n' + b.key ? -1 : 1));
    const totals = new Map((await q.addCounts(db, sorted)).map((r) => [`${r.bucket}\n${r.key}`, r.count]));
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      void q.deleteExpiredCounts(db).catch(() => undefined);
    }
    const allowed: boolean[] = [];
    // Within a batch, the takes of one key are counted in the order they came.
    for (const [id, g] of groups) {
      let count = totals.get(id)! - g.n;
      for (const i of g.takes) {
        count += takes[i]!.n;
        allowed[i] = count <= takes[i]!.limit.max;
      }
    }
    return allowed;
  }, { cache: false, ...perEventLoopTurn });
  limiter = {
    take: (limit, key, n = 1) => loader.load({ limit, key, n }),
    async spent(limit, key) {
      return ((await q.currentCount(db, limit.bucket, key, limit.windowSeconds))?.count ?? 0) >= limit.max;
    },
  };
  limiters.set(db, limiter);
  return limiter;
}

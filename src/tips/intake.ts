/**
 * Storing tips as they arrive: each tip, its "received" event and its audit entry (which names
 * the tip, never its informant) in the same transaction. Tips arriving together share one
 * transaction and one commit (src/shared/group-commit.ts), each answered only after it; a tip
 * with photos is written on its own, its files beside it.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordChanges } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import * as files from '../files/queries.ts';
import { groupCommit } from '../shared/group-commit.ts';
import * as q from './queries.ts';

export interface Arrival {
  tip: q.NewTip;
  photos: { content: Buffer; mediaType: string; ext: string }[];
}
type Stored = { id: number; tracking_code: string; received_at: Date };

async function store(trx: Transaction<DB>, arrivals: Arrival[]): Promise<(Stored | undefined)[]> {
  const stored = await q.insertTips(trx, arrivals.map((a) => a.tip));
  const byCode = new Map(stored.map((s) => [s.tracking_code, s]));
  const written = arrivals.flatMap((a) => {
    const s = byCode.get(a.tip.tracking_code);
    return s ? [{ a, s }] : [];
  });
  await q.insertEvents(trx, written.map(({ a, s }) => ({ tip_id: s.id, province_code: a.tip.province_code, actor_id: null, kind: 'received' as const, status: 'new' as const })));
  for (const { a, s } of written) {
    for (const [i, p] of a.photos.entries()) {
      const file = await files.insertFile(trx, {
        province_code: a.tip.province_code, unit_path: a.tip.unit_path, name: `anh-${i + 1}.${p.ext}`, media_type: p.mediaType, size: p.content.length,
        sha256: createHash('sha256').update(p.content).digest('hex'), content: p.content, created_by: null,
      });
      await q.linkFile(trx, { id: s.id, province_code: a.tip.province_code }, file.id);
    }
  }
  await recordChanges(trx, { actor: null }, written.map(({ a, s }) => ({
    action: 'create' as const, entity: 'tip', entityId: s.id, unit: { id: a.tip.commune_id, path: a.tip.unit_path, province_code: a.tip.province_code },
    after: { tracking_code: a.tip.tracking_code, category: a.tip.category, channel: a.tip.channel, photos: a.photos.length, has_contact: a.tip.contact_sealed !== null },
  })));
  return arrivals.map((a) => byCode.get(a.tip.tracking_code));
}

const writers = new WeakMap<Kysely<DB>, (a: Arrival) => Promise<Stored | undefined>>();

/** Stores a tip; undefined when its tracking code was taken (the caller draws another). */
export function storeTip(db: Kysely<DB>, arrival: Arrival): Promise<Stored | undefined> {
  if (arrival.photos.length) return db.transaction().execute(async (trx) => (await store(trx, [arrival]))[0]);
  let writer = writers.get(db);
  if (!writer) {
    writer = groupCommit<Arrival, Stored>({
      writeMany: (arrivals) => db.transaction().execute((trx) => store(trx, arrivals)),
      writeOne: (a) => db.transaction().execute(async (trx) => (await store(trx, [a]))[0]),
      maxBatch: 200,
      maxInFlight: 2,
      waitMs: 0,
    });
    writers.set(db, writer);
  }
  return writer(arrival);
}

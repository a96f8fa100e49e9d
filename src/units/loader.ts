/**
 * Units by id for hot paths (the 22:00 check-ins): lookups made in the same turn of the event
 * loop share one query. No cache, so a moved or renamed unit is read as it is now.
 */
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { perEventLoopTurn } from '../shared/batching.ts';
import { unitColumns } from './queries.ts';

type Unit = Awaited<ReturnType<typeof getUnits>>[number];

const getUnits = (db: Kysely<DB>, ids: readonly number[]) =>
  db.selectFrom('units as u').select(unitColumns).where('u.id', 'in', ids).execute();

const loaders = new WeakMap<Kysely<DB>, DataLoader<number, Unit | undefined>>();

export function unitLoader(db: Kysely<DB>): DataLoader<number, Unit | undefined> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const found = new Map((await getUnits(db, ids)).map((u) => [u.id, u]));
      return ids.map((id) => found.get(id));
    }, { cache: false, ...perEventLoopTurn });
    loaders.set(db, loader);
  }
  return loader;
}

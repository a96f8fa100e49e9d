import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { inScope } from '../access/policy.ts';

const userColumns = ['u.id', 'u.username', 'u.full_name', 'u.phone', 'u.active', 'u.locked_until', 'u.created_at'] as const;

/** Users holding at least one grant inside the scope. */
export function listUsers(db: Kysely<DB>, scope: string[], opts: { q?: string | undefined; limit: number; offset: number }) {
  let query = db
    .selectFrom('users as u')
    .select(userColumns)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('grants as g')
          .innerJoin('units as un', 'un.id', 'g.unit_id')
          .whereRef('g.user_id', '=', 'u.id')
          .where(inScope('un.path', scope))
          .select('g.id'),
      ),
    );
  if (opts.q) {
    const like = `%${opts.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb('u.username', 'like', like), eb(eb.fn('lower', ['u.full_name']), 'like', like)]));
  }
  return query.orderBy('u.username').limit(opts.limit).offset(opts.offset).execute();
}

export const getUser = (db: Kysely<DB>, id: number) =>
  db.selectFrom('users as u').select(userColumns).where('u.id', '=', id).executeTakeFirst();

export const grantsOf = (db: Kysely<DB>, userIds: number[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('grants as g')
        .innerJoin('units as un', 'un.id', 'g.unit_id')
        .select(['g.id', 'g.user_id', 'g.unit_id', 'g.role', 'g.basis', 'un.name as unit_name', 'un.path as unit_path', 'un.province_code', 'g.created_at'])
        .where('g.user_id', 'in', userIds)
        .orderBy('un.path')
        .execute();

export const getGrant = (db: Kysely<DB>, id: number) =>
  db
    .selectFrom('grants as g')
    .innerJoin('units as un', 'un.id', 'g.unit_id')
    .select(['g.id', 'g.user_id', 'g.unit_id', 'g.role', 'un.name as unit_name', 'un.path as unit_path', 'un.province_code'])
    .where('g.id', '=', id)
    .executeTakeFirst();

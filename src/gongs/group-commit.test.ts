import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/support/server.ts';
import { addDays, todayVN } from '../shared/dates.ts';
import { groupCommit } from './group-commit.ts';
import { gongTime } from './night.ts';

let server: TestServer;
let villages: { id: number; path: string; province_code: string }[];
let userId: number;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const rows = await db.selectFrom('units').select(['id', 'path', 'province_code']).where('kind', '=', 'village').where('province_code', '=', '15').orderBy('id').limit(6).execute();
  villages = rows.map((v) => ({ ...v, province_code: v.province_code! }));
  userId = (await db.selectFrom('users').select('id').where('username', '=', 'thon').executeTakeFirstOrThrow()).id;
});
afterAll(() => server.close());

const row = (village: (typeof villages)[number], night: string, key = randomUUID()) => ({
  province_code: village.province_code, village_id: village.id, village_path: village.path, night,
  struck_at: gongTime(night), late_minutes: 0, idempotency_key: key, recorded_by: userId,
});

describe('group commit of check-ins', () => {
  it('writes check-ins arriving together in one statement, and answers each with its own row', async () => {
    const write = groupCommit(server.database.db);
    const nights = Array.from({ length: 5 }, (_, i) => addDays(todayVN(), -10 - i));
    const rows = villages.flatMap((v) => nights.map((n) => row(v, n)));
    const stored = await Promise.all(rows.map((r) => write(r)));
    expect(stored.map((s) => s!.idempotency_key)).toEqual(rows.map((r) => r.idempotency_key));
    // Rows written by one statement share its transaction id.
    const { rows: tx } = await sql<{ n: number }>`select count(distinct xmin::text)::int as n from gong_checkins where idempotency_key in (${sql.join(rows.map((r) => r.idempotency_key))})`.execute(server.database.db);
    expect(tx[0]!.n).toBe(1);
  });

  it('answers only the first of several copies of one check-in in a batch; the others find it by its key', async () => {
    const write = groupCommit(server.database.db);
    const copy = row(villages[3]!, addDays(todayVN(), -25));
    const results = await Promise.all(Array.from({ length: 5 }, () => write({ ...copy })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results[0]).toMatchObject({ idempotency_key: copy.idempotency_key });
  });

  it('answers a taken night with nothing, and keeps a bad row from failing its neighbours', async () => {
    const write = groupCommit(server.database.db);
    const night = addDays(todayVN(), -20);
    const good = row(villages[0]!, night);
    const twice = row(villages[0]!, night); // the same village and night again
    const bad = { ...row(villages[1]!, night), village_id: 999_999_999 }; // no such unit
    const other = row(villages[2]!, night);
    const results = await Promise.allSettled([write(good), write(twice), write(bad), write(other)]);
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { idempotency_key: good.idempotency_key } });
    expect(results[1]).toEqual({ status: 'fulfilled', value: undefined });
    expect(results[2].status).toBe('rejected');
    expect(results[3]).toMatchObject({ status: 'fulfilled', value: { idempotency_key: other.idempotency_key } });
    const stored = await server.database.db.selectFrom('gong_checkins').select('idempotency_key').where('night', '=', night)
      .where('village_id', 'in', villages.slice(0, 3).map((v) => v.id)).execute();
    expect(stored.map((s) => s.idempotency_key).sort()).toEqual([good.idempotency_key, other.idempotency_key].sort());
  });
});

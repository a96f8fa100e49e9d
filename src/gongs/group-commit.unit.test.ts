import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { answersOf, groupCommit } from './group-commit.ts';

describe('answering a batch of check-ins', () => {
  it('gives each row its stored copy, in the batch\'s order, whatever order the database returned them in', () => {
    const stored = [{ idempotency_key: 'b', id: 2 }, { idempotency_key: 'a', id: 1 }];
    expect(answersOf([{ idempotency_key: 'a' }, { idempotency_key: 'b' }], stored)).toEqual([stored[1], stored[0]]);
  });

  it('answers a key\'s first copy in the batch (a phone\'s retry) and leaves the others and the refused without a row', () => {
    const stored = [{ idempotency_key: 'a', id: 1 }];
    expect(answersOf([{ idempotency_key: 'a' }, { idempotency_key: 'x' }, { idempotency_key: 'a' }], stored)).toEqual([stored[0], undefined, undefined]);
    expect(answersOf([], [])).toEqual([]);
  });
});

/** Kysely's compile-only driver (DummyDriver): every statement is compiled and logged, and finds no rows. */
function compileOnly() {
  const statements: { sql: string; rows: number }[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (e) => { if (e.level === 'query') statements.push({ sql: e.query.sql, rows: (e.query.sql.match(/\(\$\d+/g) ?? []).length }); },
  });
  return { db, statements };
}

const row = (key: string) => ({
  province_code: '15', village_id: 5, village_path: '/1/2/5/', night: '2026-12-06', struck_at: new Date(), late_minutes: 0, idempotency_key: key, recorded_by: 1,
});

describe('the check-ins\' group commit', () => {
  it('writes check-ins arriving together with one multi-row INSERT that skips taken keys and nights', async () => {
    const { db, statements } = compileOnly();
    const write = groupCommit(db);
    // The compile-only driver finds no rows: each check-in answers as not written.
    expect(await Promise.all([write(row('a')), write(row('b')), write(row('c'))])).toEqual([undefined, undefined, undefined]);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.sql).toMatch(/^insert into "gong_checkins" .* on conflict do nothing returning /);
    expect(statements[0]!.rows).toBe(3);
  });
});

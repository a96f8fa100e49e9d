/**
 * Wrong passwords slow the next attempt down instead of locking the account: a hard lock lets
 * anyone who knows a user name shut the officer out on purpose. Three counters, in the database
 * so that every instance sees them: per account and address (a few free tries, then 1 s, 2 s,
 * 4 s… up to 15 minutes), per address (a few more, for an office or a mobile network behind one
 * address) and per account alone (many free tries and a cap of a minute: it slows a guesser who
 * spreads over many addresses, but a stranger cannot keep the officer out from elsewhere).
 *
 * The attempt is reserved, counted as a failure, before the password is checked (argon2 is the
 * cost a guesser wants us to pay), so guesses sent at once are turned away, not all checked.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import * as q from './queries.ts';

export const RULES = {
  accountAddress: { free: 3, capSeconds: 15 * 60 },
  address: { free: 10, capSeconds: 15 * 60 },
  account: { free: 10, capSeconds: 60 },
};

export const keysOf = (username: string, ip: string) => ({
  accountAddress: `ua:${username}\n${ip}`,
  address: `a:${ip}`,
  account: `u:${username}`,
});

class Refused extends Error {}

/** Reserves an attempt on all three counters, or none: 429 with the wait when one still waits. */
export async function reserveAttempt(db: Kysely<DB>, username: string, ip: string) {
  const keys = keysOf(username, ip);
  // The same order in every attempt: two attempts sharing counters wait for each other, never deadlock.
  const counters = (Object.keys(keys) as (keyof typeof keys)[]).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
  try {
    await db.transaction().execute(async (trx) => {
      for (const c of counters) if (!(await q.reserveLoginAttempt(trx, keys[c], RULES[c]))) throw new Refused();
    });
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    const until = (await q.loginWaitUntil(db, Object.values(keys)))?.next_at;
    throw new TooSoon(until ? Math.max(1, Math.ceil((new Date(until).getTime() - Date.now()) / 1000)) : 1);
  }
}

/** A right password from this address forgets the failures of the account and of the address. */
export async function forgetFailures(db: Kysely<DB>, username: string, ip: string) {
  await q.deleteLoginFailures(db, Object.values(keysOf(username, ip)));
  // Counters of other names and addresses are forgotten after a quiet day; any log-in sweeps them.
  await q.deleteStaleLoginFailures(db);
}

export class TooSoon extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} giây` : `${Math.ceil(retryAfterSeconds / 60)} phút`;
    super(429, 'TOO_MANY_ATTEMPTS', `Đã nhập sai nhiều lần. Hãy thử lại sau ${wait}.`);
  }
}

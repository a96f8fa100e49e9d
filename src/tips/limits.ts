/**
 * How many tips one sender may send: per client address (generous, since a whole mobile network
 * can share one address) and per keychain code. Counted in the database (src/shared/rate-limit.ts),
 * so every instance counts the same and a restart forgets nothing. Open311 counts apart from the
 * web form: a sender may use both channels, each within its limit.
 */
import type { Limit } from '../shared/rate-limit.ts';

export const TIPS_PER_ADDRESS: Limit = { bucket: 'tip-address', max: 30, windowSeconds: 10 * 60 };
export const TIPS_PER_KEYCHAIN: Limit = { bucket: 'tip-keychain', max: 10, windowSeconds: 60 * 60 };
/** Wrong receipt cookies and status-page look-ups: guesses at a secret, counted like tips. */
export const RECEIPT_GUESSES: Limit = { bucket: 'tip-receipt', max: 30, windowSeconds: 10 * 60 };
export const STATUS_LOOKUPS: Limit = { bucket: 'tip-status', max: 30, windowSeconds: 10 * 60 };

export const OPEN311_TIPS_PER_ADDRESS: Limit = { ...TIPS_PER_ADDRESS, bucket: 'open311-address' };
export const OPEN311_TIPS_PER_KEYCHAIN: Limit = { ...TIPS_PER_KEYCHAIN, bucket: 'open311-keychain' };
/** Tracking codes looked up through Open311, each code counted (a request names up to 50). */
export const OPEN311_LOOKUPS: Limit = { bucket: 'open311-lookup', max: 300, windowSeconds: 10 * 60 };

/**
 * How many tips one sender may send: per client address (generous, since a whole mobile network
 * can share one address) and per keychain code. Counted in memory per server process, in fixed
 * windows: a flood is turned away before it costs a query, and staff pages never wait on it.
 * With several processes each counts its own share, which only makes the limit looser.
 */
export interface Limiter {
  /** Counts one more for the key; false when the key is over its limit in this window. */
  take(key: string, now?: number): boolean;
  /** Whether one more for the key would be over its limit, counting nothing. */
  spent(key: string, now?: number): boolean;
}

export function fixedWindow(max: number, windowMs: number, maxKeys = 100_000): Limiter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    take(key, now = Date.now()) {
      if (now - windowStart >= windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      // A flood of distinct keys must not grow memory without bound, nor lock real senders out:
      // past the cap the window starts over (the flood's own counts go with it).
      if (n === 1 && counts.size >= maxKeys) {
        windowStart = now;
        counts = new Map();
      }
      counts.set(key, n);
      return n <= max;
    },
    spent(key, now = Date.now()) {
      return now - windowStart < windowMs && (counts.get(key) ?? 0) >= max;
    },
  };
}

export const TIPS_PER_ADDRESS = { max: 30, windowMs: 10 * 60_000 };
export const TIPS_PER_KEYCHAIN = { max: 10, windowMs: 60 * 60_000 };

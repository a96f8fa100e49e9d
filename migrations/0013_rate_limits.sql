-- Rate limits and log-in delays in the database, not in one process's memory: every instance
-- behind a load balancer counts the same, and a restart forgets nothing (docs/architecture.md rule 3).

-- Fixed windows: one row per bucket (what is limited), key (who: an address, a keychain code) and
-- window; counted by one upsert per batch of requests (src/shared/rate-limit.ts), pruned once expired.
CREATE TABLE rate_limits (
  bucket        text NOT NULL,
  key           text NOT NULL,
  window_start  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  count         int NOT NULL,
  PRIMARY KEY (bucket, key, window_start)
);
CREATE INDEX rate_limits_expires ON rate_limits (expires_at);

-- Failed log-ins per account, per account and address, and per address (src/auth/throttle.ts):
-- the next attempt is allowed from next_at, a delay that grows with the failures.
CREATE TABLE login_failures (
  key          text PRIMARY KEY,
  failures     int NOT NULL,
  next_at      timestamptz NOT NULL,
  last_at      timestamptz NOT NULL
);
CREATE INDEX login_failures_last ON login_failures (last_at);

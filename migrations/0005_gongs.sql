-- Tiếng kẻng bình yên: each village's gongs, who strikes them, and the nightly 22:00 check-ins.

CREATE TABLE gongs (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code         text NOT NULL,
  village_id            bigint NOT NULL REFERENCES units(id),
  village_path          text NOT NULL COLLATE "C",
  location              text NOT NULL CHECK (length(location) BETWEEN 1 AND 300),  -- where it hangs
  condition             text NOT NULL DEFAULT 'in_use' CHECK (condition IN ('in_use', 'damaged', 'lost', 'replaced')),
  allowance_per_strike  int CHECK (allowance_per_strike >= 0),   -- đồng per strike
  allowance_per_month   int CHECK (allowance_per_month >= 0),    -- đồng per month
  note                  text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gongs_village_path ON gongs (village_path text_pattern_ops);

CREATE TABLE gong_strikers (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  gong_id        bigint NOT NULL REFERENCES gongs(id) ON DELETE CASCADE,
  full_name      text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  phone          text,
  user_id        bigint REFERENCES users(id)   -- when the striker checks in with an account
);
CREATE INDEX gong_strikers_gong ON gong_strikers (gong_id);

-- One row per village and night: the gong was struck. A replay of the same idempotency key
-- finds the row again instead of adding one; a second key for the same night is refused.
CREATE TABLE gong_checkins (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code    text NOT NULL,
  village_id       bigint NOT NULL REFERENCES units(id),
  village_path     text NOT NULL COLLATE "C",
  night            date NOT NULL,
  struck_at        timestamptz NOT NULL,
  late_minutes     int NOT NULL,           -- after 22:00 that night (0 when on time or early)
  idempotency_key  uuid NOT NULL UNIQUE,
  recorded_by      bigint REFERENCES users(id),
  received_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (village_id, night)
);
CREATE INDEX gong_checkins_path_night ON gong_checkins (village_path text_pattern_ops, night);

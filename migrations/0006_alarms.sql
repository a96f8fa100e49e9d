-- Alarm gong (báo động): raised at a village for a crime, a fire or another incident; its
-- recipients are notified in the app, each acknowledgement is kept, and it is published as a
-- CAP 1.2 alert.
CREATE TABLE alarms (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code    text NOT NULL,
  village_id       bigint NOT NULL REFERENCES units(id),
  village_path     text NOT NULL COLLATE "C",
  kind             text NOT NULL CHECK (kind IN ('crime', 'fire', 'other')),
  description      text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  occurred_at      timestamptz NOT NULL,
  raised_by        bigint REFERENCES users(id),
  raised_at        timestamptz NOT NULL DEFAULT now(),
  idempotency_key  uuid NOT NULL UNIQUE
);
CREATE INDEX alarms_village_path ON alarms (village_path text_pattern_ops, id);

-- What each notification channel delivered (the in-app channel: the recipient's list).
CREATE TABLE notifications (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  user_id        bigint NOT NULL REFERENCES users(id),
  alarm_id       bigint NOT NULL REFERENCES alarms(id) ON DELETE CASCADE,
  channel        text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (alarm_id, user_id, channel)
);
CREATE INDEX notifications_user ON notifications (user_id, id);

CREATE TABLE alarm_acks (
  alarm_id       bigint NOT NULL REFERENCES alarms(id) ON DELETE CASCADE,
  user_id        bigint NOT NULL REFERENCES users(id),
  province_code  text NOT NULL,
  acked_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (alarm_id, user_id)
);

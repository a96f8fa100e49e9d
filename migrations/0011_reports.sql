-- Periodic reports (báo cáo định kỳ): what each unit owes the unit above, drafted from data,
-- written, submitted, and returned or accepted (docs/reports.md).

-- A plan may ask the units of a kind under its issuing unit to report (seed 001: every school
-- to the education office, 6-monthly before 10/6 and yearly before 10/11). Model templates
-- carry their own report list (model_templates.reports); those are owed by the unit a model
-- runs at, to the unit above it.
CREATE TABLE report_schedules (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  plan_id        bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  period         text NOT NULL CHECK (period IN ('month', 'quarter', 'half_year', 'year')),
  due_day        int NOT NULL CHECK (due_day BETWEEN 1 AND 31),
  due_month      int CHECK (due_month BETWEEN 1 AND 12),
  reporter_kind  text NOT NULL CHECK (reporter_kind IN ('province', 'commune', 'village', 'school')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     bigint REFERENCES users(id)
);
CREATE INDEX report_schedules_plan ON report_schedules (plan_id);

CREATE TABLE reports (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code   text NOT NULL,
  unit_id         bigint NOT NULL REFERENCES units(id),
  unit_path       text NOT NULL COLLATE "C",
  receiver_id     bigint NOT NULL REFERENCES units(id),
  receiver_path   text NOT NULL COLLATE "C",
  -- 'model:<instance>:<n>' (the n-th report of the model's template), 'plan:<schedule>', or
  -- 'national:<n>' (a province's to the country, src/reports/national.ts)
  schedule_key    text NOT NULL CHECK (schedule_key ~ '^(model:[0-9]+:[0-9]+|plan:[0-9]+|national:[0-9]+)$'),
  title           text NOT NULL,
  subject         text NOT NULL,   -- what it reports on: the model or the plan
  period          text NOT NULL CHECK (period IN ('month', 'quarter', 'half_year', 'year')),
  period_start    date NOT NULL,
  period_end      date NOT NULL,
  due_on          date NOT NULL,
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  narrative       jsonb NOT NULL DEFAULT '{}',
  -- Frozen at submission: the unit above reviews the figures that were sent, not today's.
  figures         jsonb,
  submitted_at    timestamptz,
  submitted_by    bigint REFERENCES users(id),
  reviewed_at     timestamptz,
  reviewed_by     bigint REFERENCES users(id),
  review_comment  text,
  version         int NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      bigint REFERENCES users(id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, schedule_key, period_start),
  CHECK (period_start <= period_end),
  CHECK (status = 'draft' OR submitted_at IS NOT NULL)
);
CREATE INDEX reports_unit_path ON reports (unit_path text_pattern_ops, due_on);
CREATE INDEX reports_receiver ON reports (receiver_id, due_on);

CREATE TABLE report_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  report_id      bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_id       bigint REFERENCES users(id),
  action         text NOT NULL CHECK (action IN ('created', 'submitted', 'returned', 'accepted')),
  comment        text
);
CREATE INDEX report_events_report ON report_events (report_id, id);

-- A reminder may come before the report is started, so it names what is owed, not a row.
CREATE TABLE report_reminders (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  unit_id        bigint NOT NULL REFERENCES units(id),
  schedule_key   text NOT NULL,
  period_start   date NOT NULL,
  sent_at        timestamptz NOT NULL DEFAULT now(),
  sent_by        bigint REFERENCES users(id),
  message        text
);
CREATE INDEX report_reminders_unit ON report_reminders (unit_id, sent_at DESC);

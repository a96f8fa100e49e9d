-- Models (mô hình), plans (kế hoạch) and tasks (nhiệm vụ).
-- Tables that grow with the country carry province_code (docs/architecture.md).

-- Templates are versioned: a template some instance uses is never changed in place; an edit
-- then adds the next version of the family and the instances keep the version they started on.
CREATE TABLE model_templates (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  family_id      bigint,                      -- id of the family's first version
  version        int NOT NULL DEFAULT 1,
  is_current     boolean NOT NULL DEFAULT true,
  builtin_key    text,                        -- the five templates written from the seeds
  owner_unit_id  bigint REFERENCES units(id), -- NULL for built-in templates
  owner_path     text COLLATE "C",
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  field          text NOT NULL CHECK (field IN ('ANTT', 'ATGT', 'PCCC', 'school')),
  purpose        text NOT NULL DEFAULT '',
  steps          jsonb NOT NULL,
  activities     jsonb NOT NULL,
  targets        jsonb NOT NULL,
  reports        jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     bigint REFERENCES users(id),
  UNIQUE (family_id, version)
);
CREATE UNIQUE INDEX model_templates_current ON model_templates (family_id) WHERE is_current;
CREATE UNIQUE INDEX model_templates_builtin ON model_templates (builtin_key, version) WHERE builtin_key IS NOT NULL;

CREATE TABLE plans (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code   text NOT NULL,
  unit_id         bigint NOT NULL REFERENCES units(id),     -- issuing unit
  unit_path       text NOT NULL COLLATE "C",
  number          text,
  symbol          text NOT NULL,
  place           text NOT NULL DEFAULT '',
  issued_on       date,
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  title_folded    text NOT NULL,
  document        jsonb NOT NULL,   -- the rest of the PlanDocument: issuer, bases, sections, recipients, signer
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'closed')),
  parent_plan_id  bigint REFERENCES plans(id),
  period_start    date,
  period_end      date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      bigint REFERENCES users(id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end),
  CHECK (parent_plan_id IS NULL OR parent_plan_id <> id)
);
CREATE INDEX plans_unit_path ON plans (unit_path text_pattern_ops, status);
CREATE INDEX plans_parent ON plans (parent_plan_id);

CREATE TABLE model_instances (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code       text NOT NULL,
  template_id         bigint NOT NULL REFERENCES model_templates(id),
  unit_id             bigint NOT NULL REFERENCES units(id),  -- where the model runs
  unit_path           text NOT NULL COLLATE "C",
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  status              text NOT NULL DEFAULT 'building' CHECK (status IN ('building', 'operating', 'closed')),
  replicated_from_id  bigint REFERENCES model_instances(id),
  plan_id             bigint REFERENCES plans(id),
  started_on          date,
  created_at          timestamptz NOT NULL DEFAULT now(),
  created_by          bigint REFERENCES users(id)
);
CREATE INDEX model_instances_unit_path ON model_instances (unit_path text_pattern_ops);
CREATE INDEX model_instances_from ON model_instances (replicated_from_id);
CREATE INDEX model_instances_plan ON model_instances (plan_id);
CREATE UNIQUE INDEX model_instances_one_per_unit ON model_instances (template_id, unit_id) WHERE status <> 'closed';

-- Further units a model covers (the villages of a commune-wide gong model).
CREATE TABLE model_instance_units (
  instance_id  bigint NOT NULL REFERENCES model_instances(id) ON DELETE CASCADE,
  unit_id      bigint NOT NULL REFERENCES units(id),
  PRIMARY KEY (instance_id, unit_id)
);

CREATE TABLE instance_steps (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  instance_id    bigint NOT NULL REFERENCES model_instances(id) ON DELETE CASCADE,
  step           text NOT NULL CHECK (step IN ('survey', 'working_group', 'training', 'commitments', 'launch', 'operating', 'interim_review', 'final_review')),
  ordinal        int NOT NULL,
  title          text NOT NULL,
  planned_start  date,
  planned_end    date,
  actual_start   date,
  actual_end     date,
  responsible    text,
  notes          text,
  UNIQUE (instance_id, step),
  CHECK (planned_start IS NULL OR planned_end IS NULL OR planned_start <= planned_end),
  CHECK (actual_start IS NULL OR actual_end IS NULL OR actual_start <= actual_end)
);

-- Working group or operating board members.
CREATE TABLE instance_members (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  instance_id    bigint NOT NULL REFERENCES model_instances(id) ON DELETE CASCADE,
  full_name      text NOT NULL,
  role           text NOT NULL,        -- Tổ trưởng, Tổ phó, Thành viên …
  position       text                  -- chức vụ, đơn vị công tác
);

CREATE TABLE instance_commitments (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  instance_id    bigint NOT NULL REFERENCES model_instances(id) ON DELETE CASCADE,
  signer_kind    text NOT NULL CHECK (signer_kind IN ('parent', 'student', 'household', 'staff', 'other')),
  signer_name    text NOT NULL,
  detail         text,
  signed_on      date NOT NULL
);
CREATE INDEX instance_commitments_instance ON instance_commitments (instance_id);

CREATE TABLE tasks (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code     text NOT NULL,
  plan_id           bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  description       text NOT NULL DEFAULT '',
  lead_unit_id      bigint NOT NULL REFERENCES units(id),
  lead_unit_path    text NOT NULL COLLATE "C",
  support_unit_ids  bigint[] NOT NULL DEFAULT '{}',
  recurrence        jsonb NOT NULL,
  starts_on         date NOT NULL,
  ends_on           date NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_on <= ends_on)
);
CREATE INDEX tasks_plan ON tasks (plan_id);
CREATE INDEX tasks_lead_path ON tasks (lead_unit_path text_pattern_ops);

-- What a task asks of its lead unit on each date it falls due.
CREATE TABLE task_occurrences (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  task_id        bigint NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  unit_path      text NOT NULL COLLATE "C",      -- the lead unit's, so "my work" is one index range
  due_on         date NOT NULL,
  due_time       text,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at        timestamptz,
  done_by        bigint REFERENCES users(id),
  evidence       text,
  UNIQUE (task_id, due_on)
);
CREATE INDEX task_occurrences_open ON task_occurrences (unit_path text_pattern_ops, due_on) WHERE status = 'open';
CREATE INDEX task_occurrences_due ON task_occurrences (unit_path text_pattern_ops, due_on);

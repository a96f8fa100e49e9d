-- Files attached to records (evidence on model steps now; photos of activities and tips later).
-- The bytes live in the database, so a backup holds them and nothing acknowledged sits only on
-- one server's disk; the unit's path decides who may read them, like every other row.
CREATE TABLE files (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  unit_path      text NOT NULL COLLATE "C",
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  media_type     text NOT NULL,
  size           int NOT NULL CHECK (size > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content        bytea NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     bigint REFERENCES users(id)
);
CREATE INDEX files_unit_path ON files (unit_path text_pattern_ops);

CREATE TABLE instance_step_files (
  step_id        bigint NOT NULL REFERENCES instance_steps(id) ON DELETE CASCADE,
  file_id        bigint NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  PRIMARY KEY (step_id, file_id)
);
CREATE INDEX instance_step_files_file ON instance_step_files (file_id);

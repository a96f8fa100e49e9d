-- Foundation: administrative tree, accounts, sessions, grants, audit log.
-- Rules for every table added later (docs/architecture.md): large tables carry
-- province_code so they can be distributed by province; no server-memory state.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The administrative tree and everything hung on it (villages, schools, agencies).
-- path is the materialised path of ids ('/1/16/2970/'); a subtree is path LIKE '/1/16/%'.
CREATE TABLE units (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id      bigint REFERENCES units(id),
  code           text UNIQUE,                -- GSO code for provinces and communes
  kind           text NOT NULL CHECK (kind IN ('country','province','commune','village','school','agency')),
  subkind        text NOT NULL,              -- Xã / Phường / Thôn / Trường THCS / Công an xã ...
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  province_code  text,                       -- NULL only for the country root
  path           text NOT NULL DEFAULT '' COLLATE "C",  -- set by units_place()
  depth          int  NOT NULL DEFAULT 0,
  name_folded    text NOT NULL,              -- lower case, no diacritics (folded by the app)
  search_text    text NOT NULL DEFAULT '',   -- 'folded name | parent | grandparent', set by units_place()
  note           text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX units_path ON units (path);
CREATE INDEX units_path_prefix ON units (path text_pattern_ops);
CREATE INDEX units_parent ON units (parent_id, kind, name_folded);
-- GIN pending lists are flushed by VACUUM after bulk loads (src/db/maintenance.ts): PGlite has no autovacuum.
CREATE INDEX units_search_trgm ON units USING gin (search_text gin_trgm_ops);
CREATE INDEX units_name_trgm ON units USING gin (name_folded gin_trgm_ops);
-- Lets a search matched through ancestors' names stop after a page, in result order.
CREATE INDEX units_depth_name ON units (depth, name_folded);
-- One tree: a single root, so a grant on the root covers every unit.
CREATE UNIQUE INDEX units_single_root ON units ((true)) WHERE parent_id IS NULL;
-- Folded names may repeat (Xã Văn Lang and Xã Vạn Lang share a province); exact names may not.
CREATE UNIQUE INDEX units_sibling_name ON units (parent_id, kind, lower(name));

-- Path, depth, province and search text always follow from the parent, however a row is inserted.
CREATE FUNCTION units_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE p units%ROWTYPE;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.id || '/';
    NEW.depth := 0;
    NEW.search_text := NEW.name_folded;
  ELSE
    SELECT * INTO p FROM units WHERE id = NEW.parent_id;
    NEW.path := p.path || NEW.id || '/';
    NEW.depth := p.depth + 1;
    NEW.province_code := COALESCE(NEW.province_code, p.province_code);
    -- '|' never appears in folded text, so a match cannot run across two names.
    NEW.search_text := NEW.name_folded || CASE WHEN p.kind = 'country' THEN '' ELSE ' | ' || p.search_text END;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER units_place BEFORE INSERT ON units FOR EACH ROW EXECUTE FUNCTION units_place();

-- Communes and districts as they were before 1 July 2025, and what replaced them.
CREATE TABLE legacy_units (
  old_code            text PRIMARY KEY,
  old_name            text NOT NULL,
  old_district_code   text NOT NULL,
  old_district_name   text NOT NULL,
  old_province_code   text NOT NULL,
  old_province_name   text NOT NULL,
  new_codes           text[] NOT NULL,
  name_folded         text NOT NULL,      -- folded commune name
  search_text         text NOT NULL,      -- 'commune | district | province', folded
  district_folded     text NOT NULL       -- 'district | province', folded
);
CREATE INDEX legacy_units_search_trgm ON legacy_units USING gin (search_text gin_trgm_ops);
CREATE INDEX legacy_units_district_trgm ON legacy_units USING gin (district_folded gin_trgm_ops);

CREATE TABLE legacy_successors (
  old_code  text NOT NULL REFERENCES legacy_units(old_code),
  unit_id   bigint NOT NULL REFERENCES units(id),
  PRIMARY KEY (old_code, unit_id)
);
CREATE INDEX legacy_successors_unit ON legacy_successors (unit_id);

CREATE TABLE users (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username         text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,50}$'),
  full_name        text NOT NULL,
  phone            text,
  password_hash    text NOT NULL,
  active           boolean NOT NULL DEFAULT true,
  failed_logins    int NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A role granted on a unit covers the unit's whole subtree.
CREATE TABLE grants (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_id     bigint NOT NULL REFERENCES units(id),
  role        text NOT NULL CHECK (role IN ('admin','leader','officer','school_staff','village_operator','viewer')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  bigint REFERENCES users(id),
  UNIQUE (user_id, unit_id, role)
);
CREATE INDEX grants_unit ON grants (unit_id);

-- Sessions live here, not in server memory, so any instance can serve any request.
-- Only a hash of the cookie's token is stored.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Append-only: who, when, what, before and after.
CREATE TABLE audit_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_id       bigint,
  actor_name     text,
  action         text NOT NULL,
  entity         text NOT NULL,
  entity_id      text,
  unit_id        bigint,
  unit_path      text COLLATE "C",
  province_code  text,
  before         jsonb,
  after          jsonb,
  ip             text
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_unit_path ON audit_log (unit_path text_pattern_ops);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Roll-ups: the nightly gong counted per commune and night and per commune and month, kept
-- up to date by the check-ins' own statements (one grouped upsert per INSERT, not per row), so
-- that a province's or the country's year is read from a few thousand rows, not from the tens of
-- millions of check-ins. Villages per commune (the gongs each night should hear) are counted the
-- same way, as villages are added or removed (or change kind or commune: the count follows, the
-- past nights stay with the commune they were struck in).

CREATE TABLE commune_villages (
  commune_id     bigint PRIMARY KEY REFERENCES units(id),
  province_code  text NOT NULL,
  commune_path   text NOT NULL COLLATE "C",
  villages       int NOT NULL
);
CREATE INDEX commune_villages_path ON commune_villages (commune_path text_pattern_ops);

-- Units change one at a time (a village added, renamed, moved or removed), so a row trigger.
CREATE FUNCTION units_count_villages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind = 'village' THEN
    UPDATE commune_villages SET villages = villages - 1 WHERE commune_id = OLD.parent_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kind = 'village' THEN
    INSERT INTO commune_villages AS r (commune_id, province_code, commune_path, villages)
    SELECT c.id, c.province_code, c.path, 1 FROM units c WHERE c.id = NEW.parent_id
    ON CONFLICT (commune_id) DO UPDATE SET villages = r.villages + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER units_count_villages AFTER INSERT OR DELETE OR UPDATE OF kind, parent_id ON units
  FOR EACH ROW EXECUTE FUNCTION units_count_villages();

CREATE TABLE gong_nights (
  province_code  text NOT NULL,
  commune_id     bigint NOT NULL REFERENCES units(id),
  commune_path   text NOT NULL COLLATE "C",
  night          date NOT NULL,
  struck         int NOT NULL,   -- villages whose gong was struck that night
  on_time        int NOT NULL,   -- of which within ON_TIME_MINUTES (src/gongs/night.ts) of 22:00
  PRIMARY KEY (commune_id, night)
);
CREATE INDEX gong_nights_path_night ON gong_nights (commune_path text_pattern_ops, night);
-- A few nights of every commune (the ends of a range outside whole months) read from the index
-- alone: ~3,300 communes a night. (The counts in it cost the upserts their in-place updates; the
-- check-in bench is measured with it.)
CREATE INDEX gong_nights_night ON gong_nights (night) INCLUDE (commune_path, province_code, commune_id, struck, on_time);

CREATE TABLE gong_months (
  province_code  text NOT NULL,
  commune_id     bigint NOT NULL REFERENCES units(id),
  commune_path   text NOT NULL COLLATE "C",
  month          date NOT NULL,  -- its first day
  struck         int NOT NULL,   -- village-nights struck
  on_time        int NOT NULL,
  PRIMARY KEY (commune_id, month)
);
CREATE INDEX gong_months_path_month ON gong_months (commune_path text_pattern_ops, month);

-- Adds the check-ins one statement inserted, or takes away those it deleted (both triggers name
-- their transition table "changed"). Rows are upserted in key order, so two statements touching
-- the same communes wait for each other instead of deadlocking. 15 is ON_TIME_MINUTES of
-- src/gongs/night.ts; the roll-up tests compare these counts with the raw rows.
CREATE FUNCTION gong_checkins_roll_up() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign int := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  INSERT INTO gong_nights AS r (province_code, commune_id, commune_path, night, struck, on_time)
  SELECT c.province_code, c.id, c.path, k.night, sign * count(*), sign * count(*) FILTER (WHERE k.late_minutes <= 15)
  FROM changed k JOIN units v ON v.id = k.village_id JOIN units c ON c.id = v.parent_id
  GROUP BY c.province_code, c.id, c.path, k.night
  ORDER BY c.id, k.night
  ON CONFLICT (commune_id, night) DO UPDATE SET struck = r.struck + excluded.struck, on_time = r.on_time + excluded.on_time;

  INSERT INTO gong_months AS r (province_code, commune_id, commune_path, month, struck, on_time)
  SELECT c.province_code, c.id, c.path, date_trunc('month', k.night)::date, sign * count(*), sign * count(*) FILTER (WHERE k.late_minutes <= 15)
  FROM changed k JOIN units v ON v.id = k.village_id JOIN units c ON c.id = v.parent_id
  GROUP BY c.province_code, c.id, c.path, date_trunc('month', k.night)
  ORDER BY c.id, date_trunc('month', k.night)
  ON CONFLICT (commune_id, month) DO UPDATE SET struck = r.struck + excluded.struck, on_time = r.on_time + excluded.on_time;
  RETURN NULL;
END $$;

CREATE TRIGGER gong_checkins_added AFTER INSERT ON gong_checkins
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION gong_checkins_roll_up();
CREATE TRIGGER gong_checkins_removed AFTER DELETE ON gong_checkins
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION gong_checkins_roll_up();

-- A check-in is never changed, only added (or removed by hand): a change would leave the
-- roll-ups behind, so it is refused.
CREATE FUNCTION gong_checkins_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'gong_checkins rows are not updated or truncated (the roll-ups follow inserts and deletes only)';
END $$;
CREATE TRIGGER gong_checkins_unchanged BEFORE UPDATE OR TRUNCATE ON gong_checkins
  FOR EACH STATEMENT EXECUTE FUNCTION gong_checkins_unchanged();

-- The villages and check-ins already stored.
INSERT INTO commune_villages (commune_id, province_code, commune_path, villages)
SELECT c.id, c.province_code, c.path, count(*) FROM units v JOIN units c ON c.id = v.parent_id
WHERE v.kind = 'village' GROUP BY c.id, c.province_code, c.path;

INSERT INTO gong_nights (province_code, commune_id, commune_path, night, struck, on_time)
SELECT c.province_code, c.id, c.path, k.night, count(*), count(*) FILTER (WHERE k.late_minutes <= 15)
FROM gong_checkins k JOIN units v ON v.id = k.village_id JOIN units c ON c.id = v.parent_id
GROUP BY c.province_code, c.id, c.path, k.night;

INSERT INTO gong_months (province_code, commune_id, commune_path, month, struck, on_time)
SELECT province_code, commune_id, commune_path, date_trunc('month', night)::date, sum(struck), sum(on_time)
FROM gong_nights GROUP BY province_code, commune_id, commune_path, date_trunc('month', night);

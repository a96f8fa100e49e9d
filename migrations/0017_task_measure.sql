-- A task whose work the platform records itself (the nightly gong, patrols, outreach…) is
-- answered by that data for each occurrence instead of being ticked off by hand.
ALTER TABLE tasks ADD COLUMN measure text
  CHECK (measure IN ('gong', 'patrol', 'outreach', 'training', 'meeting', 'drill'));

-- {recorded, required} for one occurrence of a measured task; the occurrence is done when
-- recorded >= required. The period an occurrence answers for runs from the day after the
-- task's previous occurrence (or its start) to its own day, so a weekly patrol counts the
-- week's patrols and a nightly one that night's.
-- - gong: villages that checked in that night, of the villages the task names (its lead or
--   supporting units, or villages under them), or else of every village of the commune;
-- - patrol: patrols at the commune or its villages started in the period, a night running
--   from 06:00 to 06:00 (a patrol after the 22:00 gong belongs to that evening's date);
-- - an activity kind: activities of that kind at the commune or its villages held in the period.
-- The commune is the lead unit's, the third level of the tree (/country/province/commune/).
CREATE FUNCTION task_measure(occurrence_id bigint) RETURNS int[]
LANGUAGE sql STABLE AS $$
  WITH o AS (
    SELECT o.due_on, t.measure, t.lead_unit_id, t.support_unit_ids,
           coalesce(substring(t.lead_unit_path FROM '^/[0-9]+/[0-9]+/[0-9]+/'), t.lead_unit_path) AS area,
           coalesce((SELECT max(p.due_on) + 1 FROM task_occurrences p WHERE p.task_id = o.task_id AND p.due_on < o.due_on),
                    t.starts_on) AS since
    FROM task_occurrences o JOIN tasks t ON t.id = o.task_id
    WHERE o.id = occurrence_id
  ), named AS (
    SELECT DISTINCT v.id
    FROM o, units s, units v
    WHERE s.id = ANY (o.support_unit_ids || o.lead_unit_id) AND v.kind = 'village'
      AND v.path LIKE s.path || '%' AND v.path LIKE o.area || '%'
  ), villages AS (
    SELECT id FROM named
    UNION
    SELECT v.id FROM o, units v WHERE v.kind = 'village' AND v.path LIKE o.area || '%' AND NOT EXISTS (SELECT 1 FROM named)
  )
  SELECT CASE o.measure
    WHEN 'gong' THEN ARRAY[
      (SELECT count(*) FROM gong_checkins c WHERE c.night = o.due_on AND c.village_id IN (SELECT id FROM villages))::int,
      (SELECT count(*) FROM villages)::int]
    WHEN 'patrol' THEN ARRAY[
      (SELECT count(*) FROM patrols p
        WHERE p.unit_path LIKE o.area || '%'
          AND p.started_at >= (o.since + time '06:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
          AND p.started_at < (o.due_on + 1 + time '06:00') AT TIME ZONE 'Asia/Ho_Chi_Minh')::int,
      1]
    ELSE ARRAY[
      (SELECT count(*) FROM activities a
        WHERE a.kind = o.measure AND a.unit_path LIKE o.area || '%' AND a.held_on BETWEEN o.since AND o.due_on)::int,
      1]
  END
  FROM o
$$;

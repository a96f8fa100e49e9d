-- The legal deadline of a tip, counted from its receipt and never restarted by a change of stage
-- or of commune (BLTTHS 2015 art. 147): 20 days; up to 2 months when the case is complex; once
-- more, up to 2 months, by the procuracy. docs/tip-deadlines.md has the rule and its reading.
ALTER TABLE tips ADD COLUMN legal_term text NOT NULL DEFAULT 'standard' CHECK (legal_term IN ('standard', 'complex', 'procuracy'));
ALTER TABLE tips ADD COLUMN legal_due_at timestamptz;
-- 24:00 of the 20th day, the day of receipt being the first (src/tips/deadlines.ts legalLastDay).
UPDATE tips SET legal_due_at = (((received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 20)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh');
ALTER TABLE tips ALTER COLUMN legal_due_at SET NOT NULL;
-- A stage's deadline no longer runs past the legal one: "new" keeps its 24 hours within it, the
-- later stages take it whole (they were 20 days and 2 months from the stage's start).
UPDATE tips SET due_at = CASE WHEN status = 'new' THEN least(due_at, legal_due_at) ELSE legal_due_at END
WHERE status IN ('new', 'verifying', 'handling');

ALTER TABLE tip_events DROP CONSTRAINT tip_events_kind_check;
ALTER TABLE tip_events ADD CONSTRAINT tip_events_kind_check
  CHECK (kind IN ('received', 'status', 'assigned', 'transferred', 'replied', 'extended'));

-- Search text stored before 0009 in decomposed form (a letter, then its marks) was folded there
-- letter by letter, leaving the marks as spaces; folded again from its composed form.
UPDATE tips SET search_folded = btrim(regexp_replace(lower(translate(normalize(description || ' ' || coalesce(place, ''), NFC),
  'àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyydd')), '[^a-z0-9]+', ' ', 'g'))
WHERE (description || ' ' || coalesce(place, '')) IS NOT NFC NORMALIZED;

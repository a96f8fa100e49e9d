-- Searching tips without diacritics: "trom cap" finds "Trộm cắp". The app folds a tip's story
-- and place when it stores the tip (src/shared/text.ts fold); the tips already stored are folded
-- here the same way (lower case, Vietnamese letters to their base, đ to d, other marks to spaces).
ALTER TABLE tips ADD COLUMN search_folded text NOT NULL DEFAULT '';
UPDATE tips SET search_folded = btrim(regexp_replace(lower(translate(description || ' ' || coalesce(place, ''),
  'àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyydd')), '[^a-z0-9]+', ' ', 'g'));

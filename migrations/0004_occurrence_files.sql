-- Evidence of a task done (a photo of the banner, the minutes of the meeting) on the occurrence
-- it proves.
CREATE TABLE task_occurrence_files (
  occurrence_id  bigint NOT NULL REFERENCES task_occurrences(id) ON DELETE CASCADE,
  file_id        bigint NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  PRIMARY KEY (occurrence_id, file_id)
);
CREATE INDEX task_occurrence_files_file ON task_occurrence_files (file_id);

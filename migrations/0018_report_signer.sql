-- Who signs a report (Nghị định 30/2020/NĐ-CP: the signer's title and full name under the
-- signature). Empty until someone writes it: the document then takes the unit's leader, if the
-- unit has one, under the title its kind of unit signs with (src/reports/document.ts).
ALTER TABLE reports
  ADD COLUMN signer_title text NOT NULL DEFAULT '' CHECK (length(signer_title) <= 200),
  ADD COLUMN signer_name  text NOT NULL DEFAULT '' CHECK (length(signer_name) <= 200);

-- A report due on its period's last day covers the whole period (src/reports/periods.ts); those
-- started before stopped the day before. Sent reports keep the figures they were sent with.
UPDATE reports
SET period_end = due_on
WHERE period_end = due_on - 1
  AND due_on = (period_start + CASE period
    WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months'
    WHEN 'half_year' THEN interval '6 months' ELSE interval '1 year' END)::date - 1;

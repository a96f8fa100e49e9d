-- Two kinds of case and the commune's own role (docs/tip-deadlines.md has each rule with its text):
-- a crime report (BLTTHS 2015) is received, checked and handed over by the commune at once, and
-- settled by the competent investigation body, or for it by a commune officer it assigned as
-- investigator; a denunciation under Luật Tố cáo 2018 has its own acceptance and terms.

-- NULL: not yet classified (timed as a crime report, the shortest duty). 'other': neither.
ALTER TABLE tips ADD COLUMN kind text CHECK (kind IN ('crime', 'denunciation', 'other'));
-- Handing a crime report over to the competent body: when, by which document, when that body
-- received it (its terms run from then), and the commune's assigned investigator who settles it.
ALTER TABLE tips ADD COLUMN handed_over_at timestamptz;
ALTER TABLE tips ADD COLUMN handover_document text CHECK (length(handover_document) <= 300);
ALTER TABLE tips ADD COLUMN body_received_at timestamptz;
ALTER TABLE tips ADD COLUMN settler_id bigint REFERENCES users(id);
-- A denunciation's acceptance (thụ lý): its 30 days run from that day.
ALTER TABLE tips ADD COLUMN accepted_on date;
-- How the case ended (with the decision in tip_decisions).
ALTER TABLE tips ADD COLUMN outcome text CHECK (outcome IN ('prosecute', 'not_prosecute', 'concluded', 'not_accepted'));

ALTER TABLE tips DROP CONSTRAINT tips_status_check;
ALTER TABLE tips ADD CONSTRAINT tips_status_check CHECK (status IN
  ('new', 'verifying', 'handling', 'suspended', 'resolved', 'transferred', 'not_accepted', 'unfounded'));
ALTER TABLE tips DROP CONSTRAINT tips_legal_term_check;
ALTER TABLE tips ADD CONSTRAINT tips_legal_term_check CHECK (legal_term IN
  ('handover', 'standard', 'complex', 'procuracy', 'resumed', 'acceptance', 'acceptance_long', 'denunciation',
   'denunciation_extended', 'denunciation_extended_twice', 'none'));
-- From when the current stage is "sắp đến hạn" (src/tips/deadlines.ts dueSoonFrom): it depends on
-- the term (a handover's 6 hours, the 2-month term's last day to ask the procuracy…).
ALTER TABLE tips ADD COLUMN due_soon_at timestamptz;
-- A case the law sets no term for ('other', or one closed) has none.
ALTER TABLE tips ALTER COLUMN legal_due_at DROP NOT NULL;

ALTER TABLE tip_events DROP CONSTRAINT tip_events_kind_check;
ALTER TABLE tip_events ADD CONSTRAINT tip_events_kind_check CHECK (kind IN
  ('received', 'status', 'assigned', 'transferred', 'replied', 'extended', 'classified', 'handed_over', 'decision', 'notice'));

-- Each decision recorded on a case, with who issued it: the law names who may decide each.
CREATE TABLE tip_decisions (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tip_id         bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('complex', 'procuracy', 'suspend', 'resume', 'prosecute', 'not_prosecute',
                   'accept', 'accept_long', 'not_accept', 'denunciation_extend', 'concluded')),
  reference      text NOT NULL CHECK (length(reference) BETWEEN 1 AND 300),   -- its number, as written on it
  signed_on      date NOT NULL,
  issuer_title   text NOT NULL CHECK (length(issuer_title) BETWEEN 1 AND 200),
  issuer_name    text NOT NULL CHECK (length(issuer_name) BETWEEN 1 AND 200),
  detail         text CHECK (length(detail) <= 2000),
  recorded_by    bigint NOT NULL REFERENCES users(id),
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tip_decisions_tip ON tip_decisions (tip_id, id);

-- The written notices a decision owes (to the informant, to the procuracy), by the day the law
-- sets; sent_on stays empty until the officer records it.
CREATE TABLE tip_notices (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tip_id         bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  decision_id    bigint NOT NULL REFERENCES tip_decisions(id) ON DELETE CASCADE,
  recipient      text NOT NULL CHECK (recipient IN ('informant', 'procuracy')),
  due_at         timestamptz NOT NULL,
  sent_on        date,
  reference      text CHECK (length(reference) <= 300),
  recorded_by    bigint REFERENCES users(id),
  UNIQUE (decision_id, recipient)
);
CREATE INDEX tip_notices_tip ON tip_notices (tip_id, id);

-- Communes in remote areas have 48 hours instead of 24 to hand a crime report over; set by
-- whoever administers the units above the commune, with the document that says so.
ALTER TABLE units ADD COLUMN remote_area boolean NOT NULL DEFAULT false;
ALTER TABLE units ADD COLUMN remote_basis text CHECK (length(remote_basis) <= 300);

-- An investigator of the provincial investigation police assigned to a commune (its chief or
-- deputy): a grant of its own, with the assignment's decision.
ALTER TABLE grants DROP CONSTRAINT grants_role_check;
ALTER TABLE grants ADD CONSTRAINT grants_role_check
  CHECK (role IN ('admin','leader','officer','school_staff','village_operator','viewer','confidential','investigator'));
ALTER TABLE grants ADD COLUMN basis text CHECK (length(basis) <= 300);
ALTER TABLE grants ADD CONSTRAINT grants_investigator_basis CHECK (role <> 'investigator' OR basis IS NOT NULL);

-- Tips received before are not yet classified, and those still open are the commune's to hand
-- over: 24 hours from receipt (overdue for most); an officer classifies them, and a crime report
-- goes on to its handover. Closed ones keep what they had.
UPDATE tips SET legal_term = 'handover', legal_due_at = received_at + interval '24 hours',
  due_at = received_at + interval '24 hours', due_soon_at = received_at + interval '18 hours'
WHERE status IN ('new', 'verifying', 'handling');

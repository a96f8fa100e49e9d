-- Tin báo: tips from the public to the commune police, anonymous by default. The informant's
-- contact is stored only encrypted (AES-256-GCM, key outside the database); the tracking code
-- is public, the secret that opens the status page is kept only as a hash.

CREATE TABLE tips (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code      text NOT NULL,
  commune_id         bigint NOT NULL REFERENCES units(id),
  unit_path          text NOT NULL COLLATE "C",     -- the commune's path: who may see the tip
  village_id         bigint REFERENCES units(id),
  -- No link to the keychain: it names a household, and so the informant. The village is enough.
  category           text NOT NULL CHECK (category IN ('crime', 'drugs', 'theft', 'traffic', 'fire', 'social_evils', 'other')),
  description        text NOT NULL CHECK (length(description) BETWEEN 10 AND 5000),
  occurred_at        timestamptz,
  place              text CHECK (length(place) <= 300),
  -- The contact the informant chose to leave, encrypted: version byte, nonce, tag, ciphertext.
  contact_sealed     bytea,
  tracking_code      text NOT NULL UNIQUE CHECK (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
  secret_hash        text NOT NULL,
  channel            text NOT NULL CHECK (channel IN ('web', 'keychain', 'open311')),
  status             text NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'verifying', 'handling', 'resolved', 'transferred', 'unfounded')),
  stage_started_at   timestamptz NOT NULL DEFAULT now(),
  due_at             timestamptz,                    -- the current stage's legal deadline
  assignee_id        bigint REFERENCES users(id),
  public_reply       text CHECK (length(public_reply) <= 2000),
  transferred_to     text CHECK (length(transferred_to) <= 300),
  received_at        timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tips_unit_path ON tips (unit_path text_pattern_ops, id DESC);
CREATE INDEX tips_status_due ON tips (unit_path text_pattern_ops, status, due_at);

-- Internal notes: officers only, never on the public page.
CREATE TABLE tip_notes (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tip_id         bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  author_id      bigint NOT NULL REFERENCES users(id),
  body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tip_notes_tip ON tip_notes (tip_id, id);

-- Each change of stage, commune or assignee, in order.
CREATE TABLE tip_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tip_id         bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  actor_id       bigint REFERENCES users(id),
  kind           text NOT NULL CHECK (kind IN ('received', 'status', 'assigned', 'transferred', 'replied')),
  status         text,
  detail         text,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tip_events_tip ON tip_events (tip_id, id);

-- Photos sent with a tip, stripped of their EXIF data before they are stored.
CREATE TABLE tip_files (
  tip_id         bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  file_id        bigint NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  PRIMARY KEY (tip_id, file_id)
);

-- Who may read an informant's name and phone: a role of its own, granted to few, every use audited.
ALTER TABLE grants DROP CONSTRAINT grants_role_check;
ALTER TABLE grants ADD CONSTRAINT grants_role_check
  CHECK (role IN ('admin','leader','officer','school_staff','village_operator','viewer','confidential'));

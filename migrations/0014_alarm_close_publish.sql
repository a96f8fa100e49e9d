-- An alarm's end or cancellation, published as a CAP Update or Cancel that references the first
-- message; and whether its description goes to the public CAP feed (an officer may keep names
-- and details out of it, publishing only the kind and the place).
ALTER TABLE alarms
  ADD COLUMN public_details boolean NOT NULL DEFAULT true,
  ADD COLUMN closed_as      text CHECK (closed_as IN ('ended', 'cancelled')),
  ADD COLUMN closed_at      timestamptz,
  ADD COLUMN closed_by      bigint REFERENCES users(id),
  ADD CONSTRAINT alarms_closed_together CHECK ((closed_as IS NULL) = (closed_at IS NULL));

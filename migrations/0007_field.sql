-- Field operations in the villages: households (personal data), tổ liên gia an toàn PCCC,
-- lock-and-keychain hand-outs, patrols and activities.

CREATE TABLE households (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  village_id     bigint NOT NULL REFERENCES units(id),
  village_path   text NOT NULL COLLATE "C",
  head_name      text NOT NULL CHECK (length(head_name) BETWEEN 1 AND 200),
  address        text NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
  members        int NOT NULL CHECK (members BETWEEN 1 AND 100),   -- nhân khẩu
  phone          text CHECK (phone ~ '^[0-9+][0-9 .]{5,19}$'),
  note           text,
  -- The head and address in lower case with spacing and punctuation evened out, so "Nguyễn Văn A,
  -- xóm 1" is one household however it is typed; the diacritics stay, as Hùng and Hưng are two people.
  identity       text NOT NULL,
  search_folded  text NOT NULL,   -- head and address without diacritics, for search

  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (village_id, identity)
);
CREATE INDEX households_village_path ON households (village_path text_pattern_ops);

-- Tổ liên gia an toàn PCCC: neighbouring households with a leader; a household is in one group.
CREATE TABLE fire_groups (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code   text NOT NULL,
  village_id      bigint NOT NULL REFERENCES units(id),
  village_path    text NOT NULL COLLATE "C",
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  leader_name     text NOT NULL CHECK (length(leader_name) BETWEEN 1 AND 200),
  leader_phone    text,
  leader_user_id  bigint REFERENCES users(id),   -- an account: the leader is told of alarms in the app
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fire_groups_village_path ON fire_groups (village_path text_pattern_ops);
CREATE INDEX fire_groups_leader ON fire_groups (leader_user_id);

CREATE TABLE fire_group_households (
  household_id   bigint PRIMARY KEY REFERENCES households(id) ON DELETE CASCADE,
  group_id       bigint NOT NULL REFERENCES fire_groups(id) ON DELETE CASCADE,
  province_code  text NOT NULL
);
CREATE INDEX fire_group_households_group ON fire_group_households (group_id);

-- The group's fire equipment checklist: what it has and when it was last checked.
CREATE TABLE fire_group_equipment (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_id       bigint NOT NULL REFERENCES fire_groups(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  item           text NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
  quantity       int NOT NULL CHECK (quantity BETWEEN 0 AND 10000),
  condition      text NOT NULL CHECK (condition IN ('ready', 'needs_service', 'missing')),
  checked_on     date
);
CREATE INDEX fire_group_equipment_group ON fire_group_equipment (group_id);

-- Khóa an toàn: a lock and a keychain handed to a household. The keychain's code is the
-- household's way to the commune police: unguessable, and revoked when the keychain is lost.
CREATE TABLE keychains (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code          text NOT NULL,
  village_id             bigint NOT NULL REFERENCES units(id),
  village_path           text NOT NULL COLLATE "C",
  commune_id             bigint NOT NULL REFERENCES units(id),
  household_id           bigint NOT NULL REFERENCES households(id),
  code                   text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
  locks                  int NOT NULL DEFAULT 1 CHECK (locks BETWEEN 0 AND 20),
  handed_on              date NOT NULL,
  contact_name           text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_phone          text NOT NULL CHECK (contact_phone ~ '^[0-9+][0-9 .]{2,19}$'),
  revoked_at             timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX keychains_village_path ON keychains (village_path text_pattern_ops);
-- One keychain in use per household; a revoked one may be replaced.
CREATE UNIQUE INDEX keychains_household_active ON keychains (household_id) WHERE revoked_at IS NULL;

-- Patrols, at a village or over a commune: those due (weekly; nightly after the gong) and those
-- done.
CREATE TABLE patrol_schedules (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code  text NOT NULL,
  unit_id        bigint NOT NULL REFERENCES units(id),
  unit_path      text NOT NULL COLLATE "C",
  cadence        text NOT NULL CHECK (cadence IN ('nightly', 'weekly')),
  weekday        smallint CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 Monday … 7 Sunday
  start_time     text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  area           text NOT NULL CHECK (length(area) BETWEEN 1 AND 300),
  team           text,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((cadence = 'weekly') = (weekday IS NOT NULL))
);
CREATE INDEX patrol_schedules_unit_path ON patrol_schedules (unit_path text_pattern_ops);

CREATE TABLE patrols (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code      text NOT NULL,
  unit_id            bigint NOT NULL REFERENCES units(id),
  unit_path          text NOT NULL COLLATE "C",
  schedule_id        bigint REFERENCES patrol_schedules(id) ON DELETE SET NULL,
  started_at         timestamptz NOT NULL,
  ended_at           timestamptz NOT NULL,
  area               text NOT NULL CHECK (length(area) BETWEEN 1 AND 300),
  participants       text[] NOT NULL CHECK (cardinality(participants) BETWEEN 1 AND 100),
  findings           text,
  recorded_by        bigint REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at > started_at)
);
CREATE INDEX patrols_unit_path ON patrols (unit_path text_pattern_ops, started_at);

-- Incidents met on a patrol: the alarms raised at the time.
CREATE TABLE patrol_incidents (
  patrol_id      bigint NOT NULL REFERENCES patrols(id) ON DELETE CASCADE,
  alarm_id       bigint NOT NULL REFERENCES alarms(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  PRIMARY KEY (patrol_id, alarm_id)
);

CREATE TABLE activities (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_code      text NOT NULL,
  unit_id            bigint NOT NULL REFERENCES units(id),
  unit_path          text NOT NULL COLLATE "C",
  kind               text NOT NULL CHECK (kind IN ('outreach', 'training', 'meeting', 'drill', 'launch', 'commitment_campaign')),
  channel            text CHECK (channel IN ('loudspeaker', 'banner', 'zalo', 'facebook', 'talk', 'contest', 'leaflet', 'other')),
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  topic              text,
  held_on            date NOT NULL,
  audience           int CHECK (audience BETWEEN 0 AND 1000000),
  description        text,
  instance_id        bigint REFERENCES model_instances(id) ON DELETE SET NULL,
  fire_group_id      bigint REFERENCES fire_groups(id) ON DELETE SET NULL,   -- a group's drill
  recorded_by        bigint REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  title_folded       text NOT NULL,
  CHECK ((kind = 'outreach') = (channel IS NOT NULL))
);
CREATE INDEX activities_unit_path ON activities (unit_path text_pattern_ops, held_on);

CREATE TABLE patrol_files (
  patrol_id      bigint NOT NULL REFERENCES patrols(id) ON DELETE CASCADE,
  file_id        bigint NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  PRIMARY KEY (patrol_id, file_id)
);
CREATE TABLE activity_files (
  activity_id    bigint NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  file_id        bigint NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  province_code  text NOT NULL,
  PRIMARY KEY (activity_id, file_id)
);

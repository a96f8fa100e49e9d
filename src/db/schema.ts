import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../access/policy.ts';
import type { DecisionKind, LegalTerm, Recipient, TipKind } from '../tips/deadlines.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined | null, string | null>;

export interface UnitsTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string | null;
  kind: UnitKind;
  subkind: string;
  name: string;
  province_code: string | null;
  path: Generated<string>;
  depth: Generated<number>;
  name_folded: string;
  search_text: Generated<string>;
  note: string | null;
  /** A remote commune has 48 hours instead of 24 to hand a crime report over (src/tips/deadlines.ts). */
  remote_area: Generated<boolean>;
  remote_basis: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type UnitKind = 'country' | 'province' | 'commune' | 'village' | 'school' | 'agency';

export interface LegacyUnitsTable {
  old_code: string;
  old_name: string;
  old_district_code: string;
  old_district_name: string;
  old_province_code: string;
  old_province_name: string;
  new_codes: string[];
  name_folded: string;
  search_text: string;
  district_folded: string;
}

export interface LegacySuccessorsTable {
  old_code: string;
  unit_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  phone: string | null;
  password_hash: string;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  must_change_password: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GrantsTable {
  id: Generated<number>;
  user_id: number;
  unit_id: number;
  role: Role;
  /** The decision that assigned an investigator (required for that role). */
  basis: string | null;
  created_at: Timestamp;
  created_by: number | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface RateLimitsTable {
  bucket: string;
  key: string;
  window_start: Date;
  expires_at: Date;
  count: number;
}

export interface LoginFailuresTable {
  key: string;
  failures: number;
  next_at: Date;
  last_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: number | null;
  unit_path: string | null;
  province_code: string | null;
  before: Json;
  after: Json;
  ip: string | null;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

type DateCol = ColumnType<string, string, string>;
type JsonCol<T> = ColumnType<T, string, string>;

export interface ModelTemplatesTable {
  id: Generated<number>;
  family_id: number | null;
  version: Generated<number>;
  is_current: Generated<boolean>;
  builtin_key: string | null;
  owner_unit_id: number | null;
  owner_path: string | null;
  name: string;
  field: 'ANTT' | 'ATGT' | 'PCCC' | 'school';
  purpose: Generated<string>;
  steps: JsonCol<unknown>;
  activities: JsonCol<unknown>;
  targets: JsonCol<unknown>;
  reports: JsonCol<unknown>;
  created_at: Timestamp;
  created_by: number | null;
}

export interface PlansTable {
  id: Generated<number>;
  province_code: string;
  unit_id: number;
  unit_path: string;
  number: string | null;
  symbol: string;
  place: Generated<string>;
  issued_on: DateCol | null;
  title: string;
  title_folded: string;
  document: JsonCol<unknown>;
  status: Generated<'draft' | 'issued' | 'closed'>;
  parent_plan_id: number | null;
  period_start: DateCol | null;
  period_end: DateCol | null;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
}

export interface ModelInstancesTable {
  id: Generated<number>;
  province_code: string;
  template_id: number;
  unit_id: number;
  unit_path: string;
  name: string;
  status: Generated<'building' | 'operating' | 'closed'>;
  replicated_from_id: number | null;
  plan_id: number | null;
  started_on: DateCol | null;
  created_at: Timestamp;
  created_by: number | null;
}

export interface ModelInstanceUnitsTable {
  instance_id: number;
  unit_id: number;
}

export interface InstanceStepsTable {
  id: Generated<number>;
  province_code: string;
  instance_id: number;
  step: string;
  ordinal: number;
  title: string;
  planned_start: DateCol | null;
  planned_end: DateCol | null;
  actual_start: DateCol | null;
  actual_end: DateCol | null;
  responsible: string | null;
  notes: string | null;
}

export interface InstanceMembersTable {
  id: Generated<number>;
  province_code: string;
  instance_id: number;
  full_name: string;
  role: string;
  position: string | null;
}

export interface InstanceCommitmentsTable {
  id: Generated<number>;
  province_code: string;
  instance_id: number;
  signer_kind: string;
  signer_name: string;
  detail: string | null;
  signed_on: DateCol;
}

export interface TasksTable {
  id: Generated<number>;
  province_code: string;
  plan_id: number;
  title: string;
  description: Generated<string>;
  lead_unit_id: number;
  lead_unit_path: string;
  support_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  recurrence: JsonCol<unknown>;
  starts_on: DateCol;
  ends_on: DateCol;
  status: Generated<'open' | 'done' | 'cancelled'>;
  created_at: Timestamp;
  /** What data answers the task's occurrences (migration 0017); null: ticked off by hand. */
  measure: 'gong' | 'patrol' | 'outreach' | 'training' | 'meeting' | 'drill' | null;
}

export interface TaskOccurrencesTable {
  id: Generated<number>;
  province_code: string;
  task_id: number;
  unit_path: string;
  due_on: DateCol;
  due_time: string | null;
  status: Generated<'open' | 'done'>;
  done_at: Date | null;
  done_by: number | null;
  evidence: string | null;
}

export interface FilesTable {
  id: Generated<number>;
  province_code: string;
  unit_path: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: ColumnType<Uint8Array, Uint8Array, never>;
  created_at: Timestamp;
  created_by: number | null;
}

export interface InstanceStepFilesTable {
  step_id: number;
  file_id: number;
  province_code: string;
}

export interface TaskOccurrenceFilesTable {
  occurrence_id: number;
  file_id: number;
  province_code: string;
}

export type GongCondition = 'in_use' | 'damaged' | 'lost' | 'replaced';

export interface GongsTable {
  id: Generated<number>;
  province_code: string;
  village_id: number;
  village_path: string;
  location: string;
  condition: ColumnType<GongCondition, GongCondition | undefined, GongCondition>;
  allowance_per_strike: number | null;
  allowance_per_month: number | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GongStrikersTable {
  id: Generated<number>;
  province_code: string;
  gong_id: number;
  full_name: string;
  phone: string | null;
  user_id: number | null;
}

export interface GongCheckinsTable {
  id: Generated<number>;
  province_code: string;
  village_id: number;
  village_path: string;
  night: DateCol;
  struck_at: Timestamp;
  late_minutes: number;
  idempotency_key: string;
  recorded_by: number | null;
  received_at: Timestamp;
}

/** Roll-ups of the check-ins, kept by their triggers (migration 0010); never written by the app. */
export interface GongNightsTable {
  province_code: string;
  commune_id: number;
  commune_path: string;
  night: DateCol;
  struck: number;
  on_time: number;
}

export interface CommuneVillagesTable {
  commune_id: number;
  province_code: string;
  commune_path: string;
  villages: number;
}

export interface GongMonthsTable {
  province_code: string;
  commune_id: number;
  commune_path: string;
  month: DateCol;
  struck: number;
  on_time: number;
}

export type ReportPeriodKind = 'month' | 'quarter' | 'half_year' | 'year';
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type ReporterKind = 'province' | 'commune' | 'village' | 'school';

export interface ReportSchedulesTable {
  id: Generated<number>;
  province_code: string;
  plan_id: number;
  title: string;
  period: ReportPeriodKind;
  due_day: number;
  due_month: number | null;
  reporter_kind: ReporterKind;
  created_at: Timestamp;
  created_by: number | null;
}

export interface ReportsTable {
  id: Generated<number>;
  province_code: string;
  unit_id: number;
  unit_path: string;
  receiver_id: number;
  receiver_path: string;
  schedule_key: string;
  title: string;
  subject: string;
  period: ReportPeriodKind;
  period_start: DateCol;
  period_end: DateCol;
  due_on: DateCol;
  status: Generated<ReportStatus>;
  narrative: ColumnType<unknown, string | undefined, string>;
  figures: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  review_comment: string | null;
  signer_title: Generated<string>;
  signer_name: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
}

export type ReportAction = 'created' | 'submitted' | 'returned' | 'accepted';

export interface ReportEventsTable {
  id: Generated<number>;
  province_code: string;
  report_id: number;
  at: Timestamp;
  actor_id: number | null;
  action: ReportAction;
  comment: string | null;
}

export interface ReportRemindersTable {
  id: Generated<number>;
  province_code: string;
  unit_id: number;
  schedule_key: string;
  period_start: DateCol;
  sent_at: Timestamp;
  sent_by: number | null;
  message: string | null;
}

export type AlarmKind = 'crime' | 'fire' | 'other';

/** An alarm is over (published as a CAP Update) or was raised by mistake (a CAP Cancel). */
export type AlarmClosing = 'ended' | 'cancelled';

export interface AlarmsTable {
  id: Generated<number>;
  province_code: string;
  village_id: number;
  village_path: string;
  kind: AlarmKind;
  description: string;
  occurred_at: Timestamp;
  raised_by: number | null;
  raised_at: Timestamp;
  idempotency_key: string;
  /** false: the public CAP feed gives only the kind and the place, not the description. */
  public_details: Generated<boolean>;
  closed_as: AlarmClosing | null;
  closed_at: Timestamp | null;
  closed_by: number | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  province_code: string;
  user_id: number;
  alarm_id: number;
  channel: string;
  created_at: Timestamp;
}

export interface AlarmAcksTable {
  alarm_id: number;
  user_id: number;
  province_code: string;
  acked_at: Timestamp;
}

export interface HouseholdsTable {
  id: Generated<number>;
  province_code: string;
  village_id: number;
  village_path: string;
  head_name: string;
  address: string;
  members: number;
  phone: string | null;
  note: string | null;
  identity: string;
  search_folded: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FireGroupsTable {
  id: Generated<number>;
  province_code: string;
  village_id: number;
  village_path: string;
  name: string;
  leader_name: string;
  leader_phone: string | null;
  leader_user_id: number | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FireGroupHouseholdsTable {
  household_id: number;
  group_id: number;
  province_code: string;
}

export type EquipmentCondition = 'ready' | 'needs_service' | 'missing';

export interface FireGroupEquipmentTable {
  id: Generated<number>;
  group_id: number;
  province_code: string;
  item: string;
  quantity: number;
  condition: EquipmentCondition;
  checked_on: DateCol | null;
}

export interface KeychainsTable {
  id: Generated<number>;
  province_code: string;
  village_id: number;
  village_path: string;
  commune_id: number;
  household_id: number;
  code: string;
  locks: ColumnType<number, number | undefined, number>;
  handed_on: DateCol;
  contact_name: string;
  contact_phone: string;
  revoked_at: Date | null;
  created_at: Timestamp;
}

export type PatrolCadence = 'nightly' | 'weekly';

export interface PatrolSchedulesTable {
  id: Generated<number>;
  province_code: string;
  unit_id: number;
  unit_path: string;
  cadence: PatrolCadence;
  weekday: number | null;
  start_time: string;
  area: string;
  team: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface PatrolsTable {
  id: Generated<number>;
  province_code: string;
  unit_id: number;
  unit_path: string;
  schedule_id: number | null;
  started_at: Timestamp;
  ended_at: Timestamp;
  area: string;
  participants: string[];
  findings: string | null;
  recorded_by: number | null;
  created_at: Timestamp;
}

export interface PatrolIncidentsTable {
  patrol_id: number;
  alarm_id: number;
  province_code: string;
}

export type ActivityKind = 'outreach' | 'training' | 'meeting' | 'drill' | 'launch' | 'commitment_campaign';
export type OutreachChannel = 'loudspeaker' | 'banner' | 'zalo' | 'facebook' | 'talk' | 'contest' | 'leaflet' | 'other';

export interface ActivitiesTable {
  id: Generated<number>;
  province_code: string;
  unit_id: number;
  unit_path: string;
  kind: ActivityKind;
  channel: OutreachChannel | null;
  title: string;
  topic: string | null;
  held_on: DateCol;
  audience: number | null;
  description: string | null;
  instance_id: number | null;
  fire_group_id: number | null;
  recorded_by: number | null;
  created_at: Timestamp;
  title_folded: string;
}

export interface PatrolFilesTable {
  patrol_id: number;
  file_id: number;
  province_code: string;
}

export interface ActivityFilesTable {
  activity_id: number;
  file_id: number;
  province_code: string;
}

export type TipCategory = 'crime' | 'drugs' | 'theft' | 'traffic' | 'fire' | 'social_evils' | 'other';
export type TipStatus = 'new' | 'verifying' | 'handling' | 'suspended' | 'resolved' | 'transferred' | 'not_accepted' | 'unfounded';
export type TipOutcome = 'prosecute' | 'not_prosecute' | 'concluded' | 'not_accepted';

export interface TipsTable {
  id: Generated<number>;
  province_code: string;
  commune_id: number;
  unit_path: string;
  village_id: number | null;
  category: TipCategory;
  description: string;
  occurred_at: Date | null;
  place: string | null;
  /** The story and place folded for search (src/shared/text.ts fold). */
  search_folded: string;
  contact_sealed: Uint8Array | null;
  tracking_code: string;
  secret_hash: string;
  channel: 'web' | 'keychain' | 'open311';
  status: ColumnType<TipStatus, TipStatus | undefined, TipStatus>;
  stage_started_at: Timestamp;
  /** The current stage's deadline: never past legal_due_at (src/tips/deadlines.ts). */
  due_at: Date | null;
  /** From when the stage is "sắp đến hạn" (deadlines.ts dueSoonFrom). */
  due_soon_at: Date | null;
  /** Which legal term runs (deadlines.ts legalLastDay): the commune's handover, the body's, a denunciation's. */
  legal_term: ColumnType<LegalTerm, LegalTerm | undefined, LegalTerm>;
  /** The deadline that term sets; none for a case the law sets no term for. */
  legal_due_at: Date | null;
  /** Null until an officer classifies it (timed as a crime report meanwhile). */
  kind: TipKind | null;
  handed_over_at: Date | null;
  handover_document: string | null;
  /** When the competent body received the crime report: its terms run from then. */
  body_received_at: Date | null;
  /** The commune's assigned investigator who settles it for that body. */
  settler_id: number | null;
  /** A denunciation's acceptance (thụ lý), 'YYYY-MM-DD'. */
  accepted_on: ColumnType<string | null, string | null | undefined, string | null>;
  outcome: TipOutcome | null;
  assignee_id: number | null;
  public_reply: string | null;
  transferred_to: string | null;
  received_at: Timestamp;
  updated_at: Timestamp;
}

export interface TipNotesTable {
  id: Generated<number>;
  tip_id: number;
  province_code: string;
  author_id: number;
  body: string;
  created_at: Timestamp;
}

export interface TipEventsTable {
  id: Generated<number>;
  tip_id: number;
  province_code: string;
  actor_id: number | null;
  kind: 'received' | 'status' | 'assigned' | 'transferred' | 'replied' | 'extended' | 'classified' | 'handed_over' | 'decision' | 'notice';
  status: TipStatus | null;
  detail: string | null;
  at: Timestamp;
}

export interface TipDecisionsTable {
  id: Generated<number>;
  tip_id: number;
  province_code: string;
  kind: DecisionKind;
  reference: string;
  signed_on: ColumnType<string, string, string>;
  issuer_title: string;
  issuer_name: string;
  detail: string | null;
  recorded_by: number;
  recorded_at: Timestamp;
}

export interface TipNoticesTable {
  id: Generated<number>;
  tip_id: number;
  province_code: string;
  decision_id: number;
  recipient: Recipient;
  due_at: Date;
  sent_on: ColumnType<string | null, string | null | undefined, string | null>;
  reference: string | null;
  recorded_by: number | null;
}

export interface TipFilesTable {
  tip_id: number;
  file_id: number;
  province_code: string;
}

export interface DB {
  report_schedules: ReportSchedulesTable;
  reports: ReportsTable;
  report_events: ReportEventsTable;
  report_reminders: ReportRemindersTable;
  tips: TipsTable;
  tip_notes: TipNotesTable;
  tip_events: TipEventsTable;
  tip_decisions: TipDecisionsTable;
  tip_notices: TipNoticesTable;
  tip_files: TipFilesTable;
  households: HouseholdsTable;
  fire_groups: FireGroupsTable;
  fire_group_households: FireGroupHouseholdsTable;
  fire_group_equipment: FireGroupEquipmentTable;
  keychains: KeychainsTable;
  patrol_schedules: PatrolSchedulesTable;
  patrols: PatrolsTable;
  patrol_incidents: PatrolIncidentsTable;
  activities: ActivitiesTable;
  patrol_files: PatrolFilesTable;
  activity_files: ActivityFilesTable;
  alarms: AlarmsTable;
  notifications: NotificationsTable;
  alarm_acks: AlarmAcksTable;
  gongs: GongsTable;
  gong_strikers: GongStrikersTable;
  gong_checkins: GongCheckinsTable;
  gong_nights: GongNightsTable;
  gong_months: GongMonthsTable;
  commune_villages: CommuneVillagesTable;
  files: FilesTable;
  instance_step_files: InstanceStepFilesTable;
  task_occurrence_files: TaskOccurrenceFilesTable;
  model_templates: ModelTemplatesTable;
  plans: PlansTable;
  model_instances: ModelInstancesTable;
  model_instance_units: ModelInstanceUnitsTable;
  instance_steps: InstanceStepsTable;
  instance_members: InstanceMembersTable;
  instance_commitments: InstanceCommitmentsTable;
  tasks: TasksTable;
  task_occurrences: TaskOccurrencesTable;
  units: UnitsTable;
  legacy_units: LegacyUnitsTable;
  legacy_successors: LegacySuccessorsTable;
  users: UsersTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export type Unit = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type User = Selectable<UsersTable>;

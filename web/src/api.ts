/** The platform's JSON API: same-origin cookies, a CSRF header on every change, one error shape. */

import type { Recurrence } from '../../src/plans/recurrence.ts';

export type { Recurrence };

export const ROLES = ['admin', 'leader', 'officer', 'school_staff', 'village_operator', 'viewer', 'confidential', 'investigator'] as const;
export type Role = (typeof ROLES)[number];
export type Permission =
  | 'unit.read' | 'unit.write' | 'user.manage' | 'audit.read'
  | 'model.write' | 'template.write' | 'plan.write' | 'plan.approve' | 'task.update'
  | 'gong.manage' | 'gong.checkin' | 'alarm.raise'
  | 'household.read' | 'household.write' | 'field.write' | 'activity.write'
  | 'tip.read' | 'tip.handle' | 'tip.reveal' | 'tip.settle'
  | 'report.write' | 'report.review';
export const KINDS = ['country', 'province', 'commune', 'village', 'school', 'agency'] as const;
export type UnitKind = (typeof KINDS)[number];

export interface Me {
  user: { id: number; username: string; fullName: string };
  grants: { id: number; unitId: number; unitName: string; unitPath: string; role: Role; permissions: Permission[] }[];
  csrfToken: string;
  /** Set after an administrator created the account or reset its password. */
  mustChangePassword?: boolean;
}

export interface Unit {
  id: number;
  parent_id: number | null;
  code: string | null;
  kind: UnitKind;
  subkind: string;
  name: string;
  province_code: string | null;
  path: string;
  depth: number;
  note: string | null;
  remote_area?: boolean;
  remote_basis?: string | null;
}

export interface UnitRef {
  id: number;
  code: string | null;
  name: string;
  kind: UnitKind;
}

export interface LegacyCommune {
  old_code: string;
  old_name: string;
  old_district_name: string;
  old_province_name: string;
}

export interface SearchResult {
  units: (Unit & { parent_name: string | null })[];
  legacy: (LegacyCommune & { replaced_by: UnitRef[] })[];
  legacyDistricts: { old_district_code: string; old_district_name: string; old_province_name: string; replaced_by: UnitRef[] }[];
}

export interface UnitPage {
  unit: Unit;
  ancestors: (UnitRef & { path: string })[];
  childCounts: Partial<Record<UnitKind, number>>;
  subtreeCounts: Partial<Record<UnitKind, number>>;
  legacy: LegacyCommune[];
  canWrite: boolean;
  canSetRemote: boolean;
}

export interface Kinds {
  labels: Record<string, string>;
  creatable: { kind: UnitKind; subkinds: string[]; parentKinds: UnitKind[] }[];
}

export interface User {
  id: number;
  username: string;
  full_name: string;
  phone: string | null;
  active: boolean;
  locked_until: string | null;
  created_at: string;
  grants: { id: number; unit_id: number; unit_name: string; role: Role; basis: string | null }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: number | null;
  unit_name: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

// ---------- Models ----------

export const STEPS = ['survey', 'working_group', 'training', 'commitments', 'launch', 'operating', 'interim_review', 'final_review'] as const;
export type Step = (typeof STEPS)[number];
export const FIELDS = ['ANTT', 'ATGT', 'PCCC', 'school'] as const;
export type ModelField = (typeof FIELDS)[number];
export type ModelStatus = 'building' | 'operating' | 'closed';
export const SIGNER_KINDS = ['parent', 'student', 'household', 'staff', 'other'] as const;
export type SignerKind = (typeof SIGNER_KINDS)[number];

export interface Template {
  id: number;
  family_id: number;
  version: number;
  is_current: boolean;
  builtin_key: string | null;
  owner_unit_id: number | null;
  owner_path?: string | null;
  owner_name?: string | null;
  name: string;
  field: ModelField;
  purpose: string;
  steps: { step: Step; title: string; startDay: number; endDay: number }[];
  activities: { key: string; title: string; recurrence: Recurrence }[];
  targets: { key: string; title: string; value: number; unit: '%' | 'count' }[];
  reports: { title: string; period: 'month' | 'quarter' | 'half_year' | 'year'; due: { day: number; month?: number } }[];
}

/** The parts a template is written with. */
export type TemplateBody = Pick<Template, 'name' | 'field' | 'purpose' | 'steps' | 'activities' | 'targets' | 'reports'>;

export interface ModelSummary {
  id: number;
  template_id: number;
  unit_id: number;
  name: string;
  status: ModelStatus;
  replicated_from_id: number | null;
  plan_id: number | null;
  started_on: string;
  template_name: string;
  field: ModelField;
  unit_name: string;
  late_steps: number;
  current_step: Step | null;
}

export interface ModelStep {
  id: number;
  step: Step;
  title: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  responsible: string | null;
  notes: string | null;
  late: boolean;
  files: StoredFile[];
}

/** A file kept with a record; its bytes are at /api/files/:id. */
export interface StoredFile {
  id: number;
  name: string;
  media_type: string;
  size: number;
  created_at: string;
}

export interface ModelMember {
  id: number;
  full_name: string;
  role: string;
  position: string | null;
}

export interface ModelRef {
  id: number;
  name: string;
  status: ModelStatus;
  unit_name: string;
}

export interface ModelPage {
  instance: ModelSummary & { template_version: number };
  steps: ModelStep[];
  members: ModelMember[];
  commitments: Partial<Record<SignerKind, number>>;
  replicatedFrom: { id: number; name: string; unit_name: string | null } | null;
  replicas: ModelRef[];
  replicaCount: number;
  extraUnits: { id: number; name: string; kind: UnitKind }[];
  canWrite: boolean;
}

export interface StepPatch {
  plannedStart?: string | null;
  plannedEnd?: string | null;
  actualStart?: string | null;
  actualEnd?: string | null;
  responsible?: string | null;
  notes?: string | null;
}

export type ReplicaKind = 'commune' | 'village' | 'school' | 'agency';

export interface ReplicateResult {
  created: number;
  instances: { id: number; name: string; unit_id: number }[];
  skipped: { unit_id: number; name: string; reason: string }[];
}

// ---------- Plans and tasks ----------

export type PlanStatus = 'draft' | 'issued' | 'closed';

export interface PlanSection {
  heading: string;
  paragraphs: string[];
  children?: PlanSection[];
}

export interface PlanBody {
  issuer: { superior?: string; name: string };
  bases: string[];
  preamble?: string;
  sections: PlanSection[];
  closing?: string;
  recipients: string[];
  signer: { authority?: string; title: string; name: string };
}

/** What a plan editor writes (POST/PUT /api/plans). */
export interface PlanInput extends PlanBody {
  unitId: number;
  number: string | null;
  symbol: string;
  place: string;
  issuedOn: string | null;
  title: string;
  parentPlanId: number | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface PlanSummary {
  id: number;
  number: string | null;
  symbol: string;
  issued_on: string | null;
  title: string;
  status: PlanStatus;
  unit_id: number;
  unit_name: string;
  parent_plan_id: number | null;
  period_start: string | null;
  period_end: string | null;
}

export interface Plan extends PlanSummary {
  place: string;
  document: PlanBody;
  created_at: string;
  updated_at: string;
}

export interface Task {
  id: number;
  title: string;
  description: string;
  lead_unit_id: number;
  lead_unit_name: string;
  support_unit_ids: number[];
  recurrence: Recurrence;
  starts_on: string;
  ends_on: string;
  status: string;
  measure: TaskMeasure | null;
  open_occurrences: number;
  done_occurrences: number;
}

export interface PlanPage {
  plan: Plan;
  parent: { id: number; title: string; number: string | null; symbol: string } | null;
  depth: number;
  children: { id: number; number: string | null; symbol: string; title: string; status: PlanStatus }[];
  instances: ModelRef[];
  tasks: Task[];
  canWrite: boolean;
  canAddTasks: boolean;
  canApprove: boolean;
}

export interface NewTask {
  title: string;
  description?: string;
  leadUnitId: number;
  supportUnitIds?: number[];
  recurrence: Recurrence;
  startsOn?: string;
  endsOn?: string;
  measure?: TaskMeasure | null;
}

/** What recorded data answers a task instead of a tick by hand (src/plans/measure.ts). */
export const TASK_MEASURES = ['gong', 'patrol', 'outreach', 'training', 'meeting', 'drill'] as const;
export type TaskMeasure = (typeof TASK_MEASURES)[number];

export interface WorkItem {
  id: number;
  task_id: number;
  title: string;
  due_on: string;
  due_time: string | null;
  status: 'open' | 'done';
  done_at: string | null;
  evidence: string | null;
  plan_id: number;
  plan_title: string;
  plan_number: string | null;
  plan_symbol: string;
  lead_unit_name: string;
  measure: TaskMeasure | null;
  /** What the data recorded for this occurrence; done when recorded ≥ required. */
  measured: { recorded: number; required: number } | null;
  files: StoredFile[];
}

export interface Alarm {
  id: number;
  village_id: number;
  village_name: string;
  commune_name: string;
  kind: 'crime' | 'fire' | 'other';
  description: string;
  occurred_at: string;
  raised_at: string;
  /** false: the public CAP feed gives only the kind and the place. */
  public_details: boolean;
  closed_as: 'ended' | 'cancelled' | null;
  closed_at: string | null;
  notified: boolean;
  acked_at: string | null;
  acks: number;
  acked_by: { name: string; at: string }[];
}

export interface MyWork {
  today: string;
  overdue: WorkItem[];
  due: WorkItem[];
  done: WorkItem[];
  counts: { overdue: number; due: number };
}

export interface CalendarMonth {
  month: string;
  from: string;
  to: string;
  days: Record<string, WorkItem[]>;
}

export interface FieldError {
  path: string;
  message: string;
}

/** An error answered by the API (message in Vietnamese), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  /** The messages for one field, matched on its path ("password", "row 3.name"), or undefined. */
  field(path: string): string | undefined {
    const messages = this.fields.filter((f) => f.path === path).map((f) => f.message);
    return messages.length ? messages.join('; ') : undefined;
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called when a request answers 401 while the app believed it was logged in. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined) {
  onUnauthenticated = handler;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  // A File goes as the raw body (uploads); anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (res.status === 204) return undefined as T;
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
    if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated?.();
    throw new ApiError(res.status, err?.code ?? 'HTTP_' + res.status, err?.message ?? '', err?.fields ?? []);
  }
  return data as T;
}

export const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? '?' + text : '';
};

export const api = {
  login: (username: string, password: string) => request<Me>('POST', '/api/auth/login', { username, password }),
  /** The session, or null when nobody is logged in (an answer, not a 401 in the console). */
  session: () => request<Me | null>('GET', '/api/auth/session'),
  logout: () => request<void>('POST', '/api/auth/logout', {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/auth/password', { currentPassword, newPassword }),

  roots: () => request<Unit[]>('GET', '/api/units/roots'),
  kinds: () => request<Kinds>('GET', '/api/units/kinds'),
  search: (q: string, limit = 20) => request<SearchResult>('GET', '/api/units/search' + qs({ q, limit })),
  unit: (id: number) => request<UnitPage>('GET', `/api/units/${id}`),
  setRemoteArea: (id: number, body: { remote: boolean; basis?: string }) => request<unknown>('PUT', `/api/units/${id}/remote-area`, body),
  children: (id: number, opts: { kind?: UnitKind; limit?: number; offset?: number } = {}) =>
    request<Unit[]>('GET', `/api/units/${id}/children` + qs(opts)),
  createUnit: (body: { parentId: number; kind: UnitKind; subkind: string; name: string; note?: string | null }) =>
    request<Unit>('POST', '/api/units', body),
  updateUnit: (id: number, body: { name?: string; subkind?: string; note?: string | null }) =>
    request<Unit>('PATCH', `/api/units/${id}`, body),
  importUnits: (id: number, csv: string) => request<{ created: number; units: Unit[] }>('POST', `/api/units/${id}/import`, { csv }),

  users: (opts: { q?: string; limit?: number; offset?: number }) => request<User[]>('GET', '/api/users' + qs(opts)),
  user: (id: number) => request<User>('GET', `/api/users/${id}`),
  createUser: (body: { username: string; fullName: string; phone?: string | null; password: string; unitId: number; role: Role; basis?: string }) =>
    request<User>('POST', '/api/users', body),
  updateUser: (id: number, body: { fullName?: string; phone?: string | null; active?: boolean }) =>
    request<User>('PATCH', `/api/users/${id}`, body),
  resetPassword: (id: number, password: string) => request<void>('POST', `/api/users/${id}/password`, { password }),
  addGrant: (userId: number, unitId: number, role: Role, basis?: string) =>
    request<unknown>('POST', `/api/users/${userId}/grants`, { unitId, role, ...(basis && { basis }) }),
  revokeGrant: (grantId: number) => request<void>('DELETE', `/api/grants/${grantId}`),

  templates: () => request<Template[]>('GET', '/api/templates'),
  template: (id: number) => request<Template & { versions: { id: number; version: number; is_current: boolean }[] }>('GET', `/api/templates/${id}`),
  createTemplate: (body: TemplateBody & { ownerUnitId: number }) => request<Template>('POST', '/api/templates', body),
  updateTemplate: (id: number, body: TemplateBody) => request<Template>('PUT', `/api/templates/${id}`, body),
  models: (opts: { unitId?: number; templateId?: number; limit?: number; offset?: number }) => request<ModelSummary[]>('GET', '/api/models' + qs(opts)),
  createModel: (body: { templateId: number; unitId: number; startedOn: string; name?: string; planId?: number | null }) =>
    request<{ id: number; name: string }>('POST', '/api/models', body),
  model: (id: number) => request<ModelPage>('GET', `/api/models/${id}`),
  updateStep: (id: number, step: Step, patch: StepPatch) => request<ModelStep>('PATCH', `/api/models/${id}/steps/${step}`, patch),
  attachStepFile: (id: number, step: Step, file: File) =>
    request<StoredFile>('POST', `/api/models/${id}/steps/${step}/files${qs({ name: file.name })}`, file),
  removeStepFile: (id: number, step: Step, fileId: number) => request<void>('DELETE', `/api/models/${id}/steps/${step}/files/${fileId}`),
  attachOccurrenceFile: (id: number, file: File) => request<StoredFile>('POST', `/api/occurrences/${id}/files${qs({ name: file.name })}`, file),
  alarms: (opts: { unacked?: boolean; limit?: number }) => request<Alarm[]>('GET', '/api/alarms' + qs({ unacked: opts.unacked ? 'true' : undefined, limit: opts.limit })),
  ackAlarm: (id: number) => request<Alarm>('POST', `/api/alarms/${id}/ack`, {}),
  removeOccurrenceFile: (id: number, fileId: number) => request<void>('DELETE', `/api/occurrences/${id}/files/${fileId}`),
  addMember: (id: number, body: { fullName: string; role: string; position?: string | null }) => request<ModelMember>('POST', `/api/models/${id}/members`, body),
  updateMember: (id: number, memberId: number, body: { fullName: string; role: string; position?: string | null }) =>
    request<ModelMember>('PATCH', `/api/models/${id}/members/${memberId}`, body),
  removeMember: (id: number, memberId: number) => request<void>('DELETE', `/api/models/${id}/members/${memberId}`),
  addCommitments: (id: number, commitments: { signerKind: SignerKind; signerName: string; detail?: string | null; signedOn: string }[]) =>
    request<{ added: number }>('POST', `/api/models/${id}/commitments`, { commitments }),
  replicate: (id: number, body: { under?: { unitId: number; kind: ReplicaKind; subkind?: string }; unitIds?: number[]; startedOn: string }) =>
    request<ReplicateResult>('POST', `/api/models/${id}/replicate`, body),

  plans: (opts: { unitId?: number; status?: PlanStatus; q?: string; limit?: number; offset?: number }) => request<PlanSummary[]>('GET', '/api/plans' + qs(opts)),
  plan: (id: number) => request<PlanPage>('GET', `/api/plans/${id}`),
  createPlan: (body: PlanInput) => request<Plan>('POST', '/api/plans', body),
  updatePlan: (id: number, body: PlanInput) => request<Plan>('PUT', `/api/plans/${id}`, body),
  setPlanStatus: (id: number, status: 'issued' | 'closed') => request<Plan>('POST', `/api/plans/${id}/status`, { status }),
  addTask: (planId: number, body: NewTask) => request<{ id: number; occurrences: number }>('POST', `/api/plans/${planId}/tasks`, body),
  myWork: (days = 14) => request<MyWork>('GET', '/api/my-work' + qs({ days })),
  calendar: (month: string) => request<CalendarMonth>('GET', '/api/calendar' + qs({ month })),
  updateOccurrence: (id: number, body: { status: 'open' | 'done'; evidence?: string | null }) => request<unknown>('PATCH', `/api/occurrences/${id}`, body),

  audit: (opts: { entity?: string; action?: string; actor?: string; before?: number; limit?: number }) =>
    request<AuditEntry[]>('GET', '/api/audit' + qs(opts)),
};

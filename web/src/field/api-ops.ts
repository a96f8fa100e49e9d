/** The field-work APIs of the gongs, alarms, patrols and activities tabs (src/gongs, src/alarms, src/patrols, src/activities). */
import { request, qs, type Alarm, type StoredFile } from '../api.ts';

// ---------- Gongs ----------

export const GONG_CONDITIONS = ['in_use', 'damaged', 'lost', 'replaced'] as const;
export type GongCondition = (typeof GONG_CONDITIONS)[number];

export interface Striker {
  id: number;
  full_name: string;
  phone: string | null;
  user_id: number | null;
}

export interface Gong {
  id: number;
  village_id: number;
  village_name?: string;
  location: string;
  condition: GongCondition;
  allowance_per_strike: number | null;
  allowance_per_month: number | null;
  note: string | null;
  strikers: Striker[];
}

export interface GongInput {
  location: string;
  condition: GongCondition;
  allowancePerStrike: number | null;
  allowancePerMonth: number | null;
  note: string | null;
  strikers: { fullName: string; phone: string | null }[];
}

/** A new alarm; publicDetails false keeps its description out of the public CAP feed. */
export interface AlarmInput {
  villageId: number;
  kind: Alarm['kind'];
  description: string;
  publicDetails: boolean;
  idempotencyKey: string;
}

export interface Compliance {
  from: string;
  to: string;
  nights: number;
  covered: boolean;
  villages: { village_id: number; village_name: string; on_time: number; late: number; missed: number; has_gong: boolean; covered: boolean }[];
  perNight: { night: string; struck: number; on_time: number; villages: number }[];
}

// ---------- Patrols ----------

export type Cadence = 'nightly' | 'weekly';

export interface PatrolSchedule {
  id: number;
  unit_id: number;
  unit_name: string;
  cadence: Cadence;
  weekday: number | null;
  start_time: string;
  area: string;
  team: string | null;
  active: boolean;
  created_at: string;
}

export interface ScheduleInput {
  cadence: Cadence;
  weekday: number | null;
  startTime: string;
  area: string;
  team: string | null;
  active: boolean;
}

export interface Patrol {
  id: number;
  unit_id: number;
  unit_name: string;
  started_at: string;
  ended_at: string;
  area: string;
  participants: string[];
  findings: string | null;
  schedule: { id: number; cadence: Cadence; weekday: number | null; start_time: string; area: string } | null;
  incidents: { id: number; kind: Alarm['kind']; description: string; occurred_at: string }[];
  files: StoredFile[];
}

export interface PatrolInput {
  scheduleId: number | null;
  startedAt: string;
  endedAt: string;
  area: string;
  participants: string[];
  findings: string | null;
  alarmIds: number[];
}

export interface PatrolWeeks {
  from: string;
  to: string;
  expected: number;
  weeks: { week_start: string; patrols: number }[];
}

// ---------- Activities ----------

export const ACTIVITY_KINDS = ['outreach', 'training', 'meeting', 'drill', 'launch', 'commitment_campaign'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const CHANNELS = ['loudspeaker', 'banner', 'zalo', 'facebook', 'talk', 'contest', 'leaflet', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Activity {
  id: number;
  unit_id: number;
  unit_name: string;
  kind: ActivityKind;
  channel: Channel | null;
  title: string;
  topic: string | null;
  held_on: string;
  audience: number | null;
  description: string | null;
  instance_id: number | null;
  instance_name: string | null;
  fire_group_id: number | null;
  fire_group_name: string | null;
  files: StoredFile[];
}

export interface ActivityInput {
  kind: ActivityKind;
  channel: Channel | null;
  title: string;
  topic: string | null;
  heldOn: string;
  audience: number | null;
  description: string | null;
}

interface Counts {
  activities: number;
  audience: number;
}

export interface ActivitySummary {
  from: string;
  to: string;
  byKind: ({ kind: ActivityKind } & Counts)[];
  byChannel: ({ channel: Channel } & Counts)[];
}

const upload = (path: string, file: File) => request<StoredFile>('POST', `${path}/files${qs({ name: file.name })}`, file);

export const ops = {
  gongs: (unitId: number) => request<Gong[]>('GET', '/api/gongs' + qs({ unitId })),
  createGong: (villageId: number, body: GongInput) => request<Gong>('POST', '/api/gongs', { ...body, villageId }),
  updateGong: (id: number, body: GongInput) => request<Gong>('PUT', `/api/gongs/${id}`, body),
  compliance: (unitId: number, from: string, to: string) => request<Compliance>('GET', '/api/gong-compliance' + qs({ unitId, from, to })),

  alarms: (unitId: number, limit: number) => request<Alarm[]>('GET', '/api/alarms' + qs({ unitId, limit })),
  raiseAlarm: (body: AlarmInput) => request<{ created: boolean; alarm: Alarm }>('POST', '/api/alarms', body),
  closeAlarm: (id: number, closedAs: 'ended' | 'cancelled') => request<Alarm>('POST', `/api/alarms/${id}/close`, { closedAs }),

  schedules: (unitId: number) => request<PatrolSchedule[]>('GET', '/api/patrol-schedules' + qs({ unitId })),
  createSchedule: (unitId: number, body: ScheduleInput) => request<PatrolSchedule>('POST', '/api/patrol-schedules', { ...body, unitId }),
  updateSchedule: (id: number, body: ScheduleInput) => request<PatrolSchedule>('PUT', `/api/patrol-schedules/${id}`, body),
  patrols: (opts: { unitId: number; from: string; to: string; limit: number; offset: number }) => request<Patrol[]>('GET', '/api/patrols' + qs({ ...opts })),
  patrolWeeks: (unitId: number, from: string, to: string) => request<PatrolWeeks>('GET', '/api/patrols/weekly' + qs({ unitId, from, to })),
  createPatrol: (unitId: number, body: PatrolInput) => request<Patrol>('POST', '/api/patrols', { ...body, unitId }),
  updatePatrol: (id: number, body: PatrolInput) => request<Patrol>('PUT', `/api/patrols/${id}`, body),
  deletePatrol: (id: number) => request<void>('DELETE', `/api/patrols/${id}`),
  attachPatrolFile: (id: number, file: File) => upload(`/api/patrols/${id}`, file),
  removePatrolFile: (id: number, fileId: number) => request<void>('DELETE', `/api/patrols/${id}/files/${fileId}`),

  activities: (opts: { unitId: number; kind?: ActivityKind | undefined; q?: string | undefined; limit: number; offset: number }) =>
    request<Activity[]>('GET', '/api/activities' + qs({ ...opts })),
  activitySummary: (unitId: number, from: string, to: string) => request<ActivitySummary>('GET', '/api/activities/summary' + qs({ unitId, from, to })),
  createActivity: (unitId: number, body: ActivityInput) => request<Activity>('POST', '/api/activities', { ...body, unitId }),
  updateActivity: (id: number, body: ActivityInput) => request<Activity>('PUT', `/api/activities/${id}`, body),
  deleteActivity: (id: number) => request<void>('DELETE', `/api/activities/${id}`),
  attachActivityFile: (id: number, file: File) => upload(`/api/activities/${id}`, file),
  removeActivityFile: (id: number, fileId: number) => request<void>('DELETE', `/api/activities/${id}/files/${fileId}`),
};

// ---------- Vietnam time ----------

const VN_OFFSET_MS = 7 * 3_600_000;

/** An instant as a datetime-local value in Vietnam's time ('2026-03-01T22:30'). */
export const toLocalInput = (iso: string) => new Date(new Date(iso).getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);

/** A datetime-local value read as Vietnam's time, as the API takes it ('2026-03-01T22:30:00+07:00'). */
export const fromLocalInput = (value: string) => (value ? `${value}:00+07:00` : '');

const vnTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const vnDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** 'HH:mm' in Vietnam. */
export const timeVN = (iso: string) => vnTime.format(new Date(iso));
/** 'dd/mm/yyyy' in Vietnam. */
export const dateVN = (iso: string) => vnDate.format(new Date(iso));
/** 'dd/mm/yyyy HH:mm' in Vietnam. */
export const dateTimeVN = (iso: string) => `${dateVN(iso)} ${timeVN(iso)}`;

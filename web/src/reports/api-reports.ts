import { qs, request } from '../api.ts';

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type DutyStatus = ReportStatus | 'not_started';

export interface Duty {
  unit: { id: number; name: string; kind: string };
  receiver: { id: number; name: string };
  schedule_key: string;
  title: string;
  subject: string;
  period: 'month' | 'quarter' | 'half_year' | 'year';
  period_label: string;
  period_start: string;
  period_end: string;
  due_on: string;
  report_id: number | null;
  status: DutyStatus;
  submitted_at: string | null;
  late: boolean;
  reminders: number;
  last_reminded_at: string | null;
}

export interface Reminder { id: number; unit_id: number; schedule_key: string; period_start: string; sent_at: string; message: string | null; sender_name: string | null }

export interface Duties { unit: { id: number; name: string; kind: string }; year: number; duties: Duty[]; canWrite: boolean; reminders: Reminder[] }

export interface Completeness {
  unit: { id: number; name: string; kind: string };
  year: number;
  summary: { owed: number; due: number; submitted: number; accepted: number; late: number; not_started: number };
  duties: Duty[];
  canReview: boolean;
}

export interface Narrative { results: string; limitations: string; causes: string; proposals: string }
interface Gong { villages: number; expected: number; struck: number; on_time: number }

export interface Figures {
  unit: { id: number; name: string; kind: string };
  from: string; to: string; nights: number;
  gongs: Gong | null;
  patrols: { patrols: number; with_incidents: number; expected: number };
  activities: { kind: string; activities: number; audience: number }[];
  tips: { received: number; byCategory: Record<string, number>; byStatus: Record<string, number> } | null;
  commitments: { signer_kind: string; count: number }[];
  households: { households: number; in_fire_groups: number; keychains: number; fire_groups: number; keychains_handed_out: number };
  models: { template: string; building: number; operating: number; closed: number }[];
  targets: { key: string; title: string; target: number; unit: '%' | 'count'; count: number; of: number; met: boolean | null }[];
  breakdown: { id: number | null; name: string; gongs: Gong | null; patrols: number; activities: number; tips: number; households: number; in_fire_groups: number; keychains: number }[];
}

export interface Signer { title: string; name: string }

export interface ReportView {
  report: {
    id: number; unit_id: number; unit_name: string; unit_kind: string; receiver_id: number; receiver_name: string; schedule_key: string;
    title: string; subject: string; period: Duty['period']; period_start: string; period_end: string; due_on: string; status: ReportStatus;
    submitted_at: string | null; reviewed_at: string | null; review_comment: string | null; version: number; narrative: Narrative;
  };
  /** Who signs: as written, or the title the unit's kind signs with and the unit's leader. */
  signer: Signer;
  figures: Figures;
  figuresAsOf: string | null;
  events: { id: number; at: string; action: 'created' | 'submitted' | 'returned' | 'accepted'; comment: string | null; actor_name: string | null }[];
  canWrite: boolean;
  canReview: boolean;
}

export interface Schedule {
  id: number; plan_id: number; title: string; period: 'month' | 'quarter' | 'half_year' | 'year';
  due_day: number; due_month: number | null; reporter_kind: 'province' | 'commune' | 'village' | 'school';
}

const refOf = (d: Duty, year: number) => ({ unitId: d.unit.id, scheduleKey: d.schedule_key, periodStart: d.period_start, dueYear: year });

export const reportsApi = {
  schedules: (planId: number) => request<{ schedules: Schedule[]; canWrite: boolean }>('GET', `/api/plans/${planId}/report-schedules`),
  addSchedule: (planId: number, body: { title: string; period: Schedule['period']; dueDay: number; dueMonth: number | null; reporterKind: Schedule['reporter_kind'] }) =>
    request<{ id: number }>('POST', `/api/plans/${planId}/report-schedules`, body),
  removeSchedule: (planId: number, id: number) => request<void>('DELETE', `/api/plans/${planId}/report-schedules/${id}`),
  duties: (unitId: number, year: number) => request<Duties>('GET', '/api/reports/duties' + qs({ unitId, year })),
  received: (unitId: number, year: number) => request<Completeness>('GET', '/api/reports/received' + qs({ unitId, year })),
  start: (d: Duty, year: number) => request<{ id: number; created: boolean }>('POST', '/api/reports', refOf(d, year)),
  /** The server words the reminder, in Vietnamese whatever the sender's language. */
  remind: (d: Duty, year: number) => request<{ id: number }>('POST', '/api/reports/reminders', refOf(d, year)),
  report: (id: number) => request<ReportView>('GET', `/api/reports/${id}`),
  save: (id: number, version: number, narrative: Narrative, signer: Signer) => request<ReportView>('PUT', `/api/reports/${id}`, { version, narrative, signer }),
  submit: (id: number, version: number) => request<ReportView>('POST', `/api/reports/${id}/submit`, { version }),
  review: (id: number, version: number, decision: 'accept' | 'return', comment: string) =>
    request<ReportView>('POST', `/api/reports/${id}/review`, { version, decision, comment: comment || undefined }),
};

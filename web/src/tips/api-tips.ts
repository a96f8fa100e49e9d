/** The API of the staff side of tips: the inbox, a tip's page and the actions on it. */
import { qs, request, type StoredFile } from '../api.ts';

export const TIP_CATEGORIES = ['crime', 'drugs', 'theft', 'traffic', 'fire', 'social_evils', 'other'] as const;
export type TipCategory = (typeof TIP_CATEGORIES)[number];
// The server's own rules and tables, so the forms offer only what it accepts.
export {
  BODY_DECISIONS, decisionFor, endsAtMoment, EXTENSION_DECISION, handoverHours, isCommunesOwn, isOpenStage, ISSUERS, KINDS, lastDayOf, latestFor, TIP_STATUSES,
} from '../../../src/tips/deadlines.ts';
import type { DecisionKind, Extension, LegalTerm, Recipient, TipKind, Urgency } from '../../../src/tips/deadlines.ts';
import type { TIP_STATUSES } from '../../../src/tips/deadlines.ts';
export type TipStatus = (typeof TIP_STATUSES)[number];
export type { DecisionKind, Extension, LegalTerm, Recipient, TipKind, Urgency };

export interface Tip {
  id: number;
  tracking_code: string;
  commune_id: number;
  commune_name: string;
  village_id: number | null;
  village_name: string | null;
  category: TipCategory;
  description: string;
  occurred_at: string | null;
  place: string | null;
  channel: 'web' | 'keychain' | 'open311';
  status: TipStatus;
  stage_started_at: string;
  due_at: string | null;
  urgency: Urgency;
  due_soon_at: string | null;
  legal_term: LegalTerm;
  legal_due_at: string | null;
  kind: TipKind | null;
  handed_over_at: string | null;
  handover_document: string | null;
  body_received_at: string | null;
  settler_id: number | null;
  settler_name?: string | null;
  accepted_on: string | null;
  outcome: 'prosecute' | 'not_prosecute' | 'concluded' | 'not_accepted' | null;
  procuracy_ask_by?: string | null;
  /** The commune hands crime reports over in 48 hours, not 24 (tip pages only). */
  remote_area?: boolean;
  assignee_id: number | null;
  assignee_name: string | null;
  public_reply: string | null;
  transferred_to: string | null;
  received_at: string;
  has_contact: boolean;
}

export interface TipEvent {
  id: number;
  kind: 'received' | 'status' | 'assigned' | 'transferred' | 'replied' | 'extended' | 'classified' | 'handed_over' | 'decision' | 'notice';
  status: TipStatus | null;
  detail: string | null;
  at: string;
  actor_name: string | null;
}

export interface TipNote {
  id: number;
  body: string;
  created_at: string;
  author_name: string;
}

export interface TipDecision {
  id: number;
  kind: DecisionKind;
  reference: string;
  signed_on: string;
  issuer_title: string;
  issuer_name: string;
  detail: string | null;
  recorded_at: string;
  recorded_by_name: string | null;
}

export interface TipNotice {
  id: number;
  decision_id: number;
  decision_kind: DecisionKind;
  recipient: Recipient;
  due_at: string;
  sent_on: string | null;
  reference: string | null;
  overdue: boolean;
}

export interface TipPageData {
  tip: Tip;
  events: TipEvent[];
  notes: TipNote[];
  photos: StoredFile[];
  decisions: TipDecision[];
  notices: TipNotice[];
  canReveal: boolean;
  canHandle: boolean;
  canSettle: boolean;
  next: TipStatus[];
  extensions: Extension[];
}

export interface Decision {
  reference: string;
  signedOn: string;
  issuerTitle: string;
  issuerName: string;
}

export interface StatusChange {
  status: TipStatus;
  note?: string;
  transferredTo?: string;
  handover?: { document?: string; bodyReceivedAt?: string; settlerId?: number };
  outcome?: 'prosecute' | 'not_prosecute';
  ground?: 'a' | 'b' | 'c';
  decision?: Decision;
}

type Person = { id: number; full_name: string; username: string };

export interface Contact {
  name?: string;
  phone?: string;
  other?: string;
}

export interface InboxQuery {
  unitId: number;
  status?: TipStatus | 'open' | undefined;
  category?: TipCategory | undefined;
  assignee?: number | 'none' | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export const tipsApi = {
  inbox: ({ overdue, ...query }: InboxQuery) => request<Tip[]>('GET', '/api/tips' + qs({ ...query, overdue: overdue ? 'true' : undefined })),
  tip: (id: number) => request<TipPageData>('GET', `/api/tips/${id}`),
  setStatus: (id: number, body: StatusChange) => request<TipPageData>('POST', `/api/tips/${id}/status`, body),
  classify: (id: number, body: { kind: TipKind; reason?: string }) => request<TipPageData>('POST', `/api/tips/${id}/classify`, body),
  assignees: (id: number) => request<Person[]>('GET', `/api/tips/${id}/assignees`),
  investigators: (id: number) => request<Person[]>('GET', `/api/tips/${id}/investigators`),
  recordNotice: (id: number, noticeId: number, body: { sentOn: string; reference?: string }) => request<TipPageData>('POST', `/api/tips/${id}/notices/${noticeId}`, body),
  assign: (id: number, userId: number | null) => request<TipPageData>('POST', `/api/tips/${id}/assign`, { userId }),
  addNote: (id: number, body: string) => request<TipNote>('POST', `/api/tips/${id}/notes`, { body }),
  transfer: (id: number, communeId: number) =>
    request<{ id: number; commune_id: number; commune_name: string; stillReadable: boolean }>('POST', `/api/tips/${id}/transfer`, { communeId }),
  extend: (id: number, body: { term: Extension; decision: Decision; until?: string }) => request<TipPageData>('POST', `/api/tips/${id}/extend`, body),
  reply: (id: number, publicReply: string) => request<TipPageData>('PUT', `/api/tips/${id}/reply`, { publicReply }),
  reveal: (id: number) => request<Contact>('POST', `/api/tips/${id}/reveal`, {}),
};

/** "7K3M-Q9XD-2H", as the informant's receipt prints it. */
export const formatTracking = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

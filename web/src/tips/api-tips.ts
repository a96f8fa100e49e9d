/** The API of the staff side of tips: the inbox, a tip's page and the actions on it. */
import { qs, request, type StoredFile } from '../api.ts';

export const TIP_CATEGORIES = ['crime', 'drugs', 'theft', 'traffic', 'fire', 'social_evils', 'other'] as const;
export type TipCategory = (typeof TIP_CATEGORIES)[number];
export const TIP_STATUSES = ['new', 'verifying', 'handling', 'resolved', 'transferred', 'unfounded'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
// What may follow each stage: the server's own table, so the buttons offer only what it accepts.
export { extensionsOf, legalLastDay, lastDayOf, NEXT } from '../../../src/tips/deadlines.ts';
import type { Extension, LegalTerm, Urgency } from '../../../src/tips/deadlines.ts';
export type { Extension, LegalTerm, Urgency };

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
  legal_term: LegalTerm;
  legal_due_at: string;
  assignee_id: number | null;
  assignee_name: string | null;
  public_reply: string | null;
  transferred_to: string | null;
  received_at: string;
  has_contact: boolean;
}

export interface TipEvent {
  id: number;
  kind: 'received' | 'status' | 'assigned' | 'transferred' | 'replied' | 'extended';
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

export interface TipPageData {
  tip: Tip;
  events: TipEvent[];
  notes: TipNote[];
  photos: StoredFile[];
  canReveal: boolean;
  canHandle: boolean;
}

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
  setStatus: (id: number, body: { status: TipStatus; note?: string; transferredTo?: string }) => request<TipPageData>('POST', `/api/tips/${id}/status`, body),
  assignees: (id: number) => request<{ id: number; full_name: string; username: string }[]>('GET', `/api/tips/${id}/assignees`),
  assign: (id: number, userId: number | null) => request<TipPageData>('POST', `/api/tips/${id}/assign`, { userId }),
  addNote: (id: number, body: string) => request<TipNote>('POST', `/api/tips/${id}/notes`, { body }),
  transfer: (id: number, communeId: number) =>
    request<{ id: number; commune_id: number; commune_name: string; stillReadable: boolean }>('POST', `/api/tips/${id}/transfer`, { communeId }),
  extend: (id: number, body: { term: Extension; decision: string; until?: string }) => request<TipPageData>('POST', `/api/tips/${id}/extend`, body),
  reply: (id: number, publicReply: string) => request<TipPageData>('PUT', `/api/tips/${id}/reply`, { publicReply }),
  reveal: (id: number) => request<Contact>('POST', `/api/tips/${id}/reveal`, {}),
};

/** "7K3M-Q9XD-2H", as the informant's receipt prints it. */
export const formatTracking = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

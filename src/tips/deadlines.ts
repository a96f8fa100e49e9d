/**
 * The rules of a case's terms and stages, from the laws on crime reports (BLTTHS 2015) and on
 * denunciations (Luật Tố cáo 2018). docs/tip-deadlines.md quotes each rule's text and source, and
 * says where the text could not be had. Pure and browser-safe: the staff app offers only what
 * these tables allow.
 *
 * A crime report is the commune's for its first hours: received, checked and handed over to the
 * competent investigation body within 24 hours (48 in a remote commune). The body's terms (20
 * days, up to 2 months, once more by the procuracy) run from the body's receipt, and are kept here
 * only where a commune officer assigned as its investigator settles the report for it. A
 * denunciation is accepted, then settled within 30 days, extended once or twice.
 */
import type { TipStatus } from '../db/schema.ts';
import { addDays, addMonths, dayEnd, todayVN } from '../shared/dates.ts';
import { addWorkingDays, onOrAfterWorkingDay } from '../shared/workdays.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const KINDS = ['crime', 'denunciation', 'other'] as const;
export type TipKind = (typeof KINDS)[number];

export const TIP_STATUSES = ['new', 'verifying', 'handling', 'suspended', 'resolved', 'transferred', 'not_accepted', 'unfounded'] as const;

export const LEGAL_TERMS = [
  'handover', 'standard', 'complex', 'procuracy', 'resumed',
  'acceptance', 'acceptance_long', 'denunciation', 'denunciation_extended', 'denunciation_extended_twice', 'none',
] as const;
export type LegalTerm = (typeof LEGAL_TERMS)[number];

/** The extensions an officer records with a decision. */
export type Extension = 'complex' | 'procuracy' | 'acceptance_long' | 'denunciation_extended' | 'denunciation_extended_twice';

/** Hours a commune has to receive, check and hand a crime report over (TTLT 01/2017; 48 in a remote commune). */
export const handoverHours = (remote: boolean) => (remote ? 48 : 24);
export const handoverDueAt = (receivedAt: Date, remote: boolean) => new Date(receivedAt.getTime() + handoverHours(remote) * HOUR);

/** Art. 134: a term in months that ends on a rest day ends on the next working day. */
const monthsOn = (from: string, months: number) => onOrAfterWorkingDay(addMonths(from, months));

/**
 * The last day of a term counted from `from`:
 * - standard: 20 days, the day the body received the report being the first (art. 147(1); a term in
 *   days ends at 24:00 of its last day and is not moved off a rest day, art. 134);
 * - complex: up to 2 months from the body's receipt (art. 147(2)); procuracy: once more up to 2
 *   months from the day the term ran to; resumed: up to 1 month from the resumption (art. 149(1));
 * - acceptance: 7 working days from receipt to decide on a denunciation, 10 when it is checked in
 *   several places (Luật Tố cáo art. 24, not verified: docs);
 * - denunciation: 30 days from acceptance, each extension 30 more (Luật Tố cáo art. 30), counted
 *   from the next day and moved off a rest day as the Civil Code counts (arts. 147, 148).
 */
export function legalLastDay(term: Exclude<LegalTerm, 'handover' | 'none'>, from: string): string {
  switch (term) {
    case 'standard': return addDays(from, 19);
    case 'complex': case 'procuracy': return monthsOn(from, 2);
    case 'resumed': return monthsOn(from, 1);
    case 'acceptance': return addWorkingDays(from, 7);
    case 'acceptance_long': return addWorkingDays(from, 10);
    case 'denunciation': case 'denunciation_extended': case 'denunciation_extended_twice':
      return onOrAfterWorkingDay(addDays(from, 30));
  }
}

/** The last day of a term that runs out at this moment (24:00 of it, dates.ts dayEnd). */
export const lastDayOf = (due: Date) => todayVN(new Date(due.getTime() - 1));

export interface TermState {
  kind: TipKind | null;
  legal_term: LegalTerm;
  legal_due_at: Date | string | null;
  received_at: Date | string;
  body_received_at: Date | string | null;
  accepted_on: string | null;
}

const dayOf = (d: Date | string) => todayVN(new Date(d));

/**
 * The extensions a case's term may still take, each decided before the term runs out:
 * - a crime report settled for the body: 'complex' while short of 2 months from the body's receipt
 *   (in one decision or several), then once 'procuracy' (art. 147(2));
 * - a denunciation: its acceptance to 10 working days; its settlement once (complex), and a second
 *   time for an especially complex case (Luật Tố cáo art. 30(2), (3)).
 */
export function extensionsOf(tip: TermState, now = new Date()): Extension[] {
  if (!tip.legal_due_at || new Date(tip.legal_due_at).getTime() <= now.getTime()) return [];
  const current = lastDayOf(new Date(tip.legal_due_at));
  switch (tip.legal_term) {
    case 'standard': case 'complex': {
      if (!tip.body_received_at) return [];
      const room = current < legalLastDay('complex', dayOf(tip.body_received_at));
      return room ? ['complex'] : tip.legal_term === 'complex' ? ['procuracy'] : [];
    }
    case 'acceptance': return ['acceptance_long'];
    case 'denunciation': return ['denunciation_extended'];
    case 'denunciation_extended': return ['denunciation_extended_twice'];
    default: return [];
  }
}

/** The latest last day an extension may set. */
export function latestFor(tip: TermState, term: Extension): string {
  const current = lastDayOf(new Date(tip.legal_due_at!));
  switch (term) {
    case 'complex': return legalLastDay('complex', dayOf(tip.body_received_at!));
    case 'acceptance_long': return legalLastDay('acceptance_long', dayOf(tip.received_at));
    default: return legalLastDay(term, current);
  }
}

/**
 * Art. 147(2): "Chậm nhất là 05 ngày trước khi hết thời hạn" of the 2-month term the body asks the
 * procuracy in writing. The last day to ask, while that extension is still to come.
 */
export const PROCURACY_ASK_DAYS = 5;
/** How many days before the last day to ask the case is flagged. */
export const ASK_WARN_DAYS = 3;
export function procuracyAskBy(tip: TermState, now = new Date()): string | null {
  // Offered only to a 2-month term still running (extensionsOf), so its deadline is set.
  if (!extensionsOf(tip, now).includes('procuracy')) return null;
  return addDays(lastDayOf(new Date(tip.legal_due_at!)), -PROCURACY_ASK_DAYS);
}

/**
 * What may follow each stage, by kind. A crime report leaves the commune by its handover; its
 * later stages are the receiving body's, and are worked here only by the commune's assigned
 * investigator (settler). Closed stages have none.
 */
export function nextStages(kind: TipKind | null, status: TipStatus, settled: boolean): TipStatus[] {
  switch (kind ?? 'crime') {
    case 'crime':
      switch (status) {
        case 'new': return ['verifying', 'transferred'];
        case 'verifying': return ['transferred'];
        case 'transferred': return settled ? ['handling'] : [];
        case 'handling': return settled ? ['resolved', 'suspended'] : [];
        case 'suspended': return settled ? ['handling'] : [];
        // Stryker disable next-line ConditionalExpression: falling through reaches the denunciation's default, the same []
        default: return [];
      }
    case 'denunciation':
      switch (status) {
        case 'new': return ['handling', 'not_accepted', 'transferred'];
        case 'handling': return ['resolved'];
        default: return [];
      }
    case 'other':
      switch (status) {
        case 'new': return ['verifying', 'handling', 'resolved', 'unfounded', 'transferred'];
        case 'verifying': return ['handling', 'resolved', 'unfounded', 'transferred'];
        case 'handling': return ['resolved', 'unfounded', 'transferred'];
        default: return [];
      }
  }
}

/** The stages of a crime report that are the investigation body's: worked only by its assigned investigator. */
export const isBodyStage = (kind: TipKind | null, to: TipStatus) => (kind ?? 'crime') === 'crime' && ['handling', 'resolved', 'suspended'].includes(to);

/**
 * Whether the case is still the commune's own to classify or send to another commune: open, not
 * handed over to the investigation body, not accepted as a denunciation.
 */
export const isCommunesOwn = (tip: { status: TipStatus; handed_over_at: Date | string | null; accepted_on: string | null }) =>
  isOpenStage(tip.status, false) && !tip.handed_over_at && !tip.accepted_on;

/** Stages still at work: a crime report handed over is closed for the commune unless its investigator settles it. */
export const isOpenStage = (status: TipStatus, settled: boolean) =>
  ['new', 'verifying', 'handling', 'suspended'].includes(status) || (status === 'transferred' && settled);

/** A term in hours ends at its moment; one in days at 24:00 of its last day ("hết ngày …"). */
export const endsAtMoment = (term: LegalTerm) => term === 'handover' || term === 'none';

/** The columns of a term that starts running: its deadline is the stage's, "sắp đến hạn" from dueSoonFrom. */
export const termPatch = (legal_term: LegalTerm, due: Date) => ({ legal_term, legal_due_at: due, due_at: due, due_soon_at: dueSoonFrom(legal_term, due) });

/** The decisions that change a case, and who may issue each (the law names them). */
export const DECISIONS = ['complex', 'procuracy', 'suspend', 'resume', 'prosecute', 'not_prosecute', 'accept', 'accept_long', 'not_accept', 'denunciation_extend', 'concluded'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

const BODY_ISSUERS = [
  'Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh',
  'Phó Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh',
  'Trưởng Công an xã, Điều tra viên được phân công',
  'Phó Trưởng Công an xã, Điều tra viên được phân công',
];
const PROCURACY_ISSUERS = ['Viện trưởng Viện kiểm sát nhân dân', 'Phó Viện trưởng Viện kiểm sát nhân dân (được Viện trưởng ủy quyền)'];
const DENUNCIATION_ISSUERS = ['Chủ tịch Ủy ban nhân dân xã', 'Trưởng Công an xã'];

export const ISSUERS: Record<DecisionKind, string[]> = {
  complex: BODY_ISSUERS, suspend: BODY_ISSUERS, resume: BODY_ISSUERS, prosecute: BODY_ISSUERS, not_prosecute: BODY_ISSUERS,
  procuracy: PROCURACY_ISSUERS,
  accept: DENUNCIATION_ISSUERS, accept_long: DENUNCIATION_ISSUERS, not_accept: DENUNCIATION_ISSUERS,
  denunciation_extend: DENUNCIATION_ISSUERS, concluded: DENUNCIATION_ISSUERS,
};

/** The decision an extension is recorded with. */
export const EXTENSION_DECISION: Record<Extension, DecisionKind> = {
  complex: 'complex', procuracy: 'procuracy', acceptance_long: 'accept_long', denunciation_extended: 'denunciation_extend', denunciation_extended_twice: 'denunciation_extend',
};

/** The decisions of a crime report that are the investigation body's: recorded only by its investigator. */
export const BODY_DECISIONS: DecisionKind[] = ['complex', 'procuracy', 'suspend', 'resume', 'prosecute', 'not_prosecute'];

/** An extension recorded with one of the body's decisions: only its investigator records it. */
export const isBodyExtension = (e: Extension) => BODY_DECISIONS.includes(EXTENSION_DECISION[e]);

/** The decision a stage change records, if any. */
export function decisionFor(kind: TipKind | null, from: TipStatus, to: TipStatus, outcome?: 'prosecute' | 'not_prosecute'): DecisionKind | null {
  if ((kind ?? 'crime') === 'crime') {
    if (to === 'handling') return from === 'suspended' ? 'resume' : null;
    if (to === 'suspended') return 'suspend';
    return to === 'resolved' ? outcome ?? null : null;
  }
  if (kind === 'denunciation') return ({ handling: 'accept', not_accepted: 'not_accept', resolved: 'concluded' } as Partial<Record<TipStatus, DecisionKind>>)[to] ?? null;
  return null;
}

export type Recipient = 'informant' | 'procuracy';

/**
 * The written notices a decision owes, and by when (from the moment it was signed, or its day).
 * Terms of the BLTTHS count the day of the decision as the first, as its 20 days do (the earlier
 * reading, docs); those of Luật Tố cáo start the next day (Civil Code art. 147).
 * - suspension: to the procuracy within 24 hours (art. 148(2));
 * - resumption: to the procuracy and the informant within 03 days (art. 149(2));
 * - prosecution or not: the result to the informant and the procuracy within 03 working days
 *   (the issue's reading; its text could not be had: docs);
 * - a denunciation's acceptance: to the informant within 05 working days (Luật Tố cáo art. 29);
 *   an extension: to the informant (art. 30(4), no term set).
 */
export function noticesOf(kind: DecisionKind, signedOn: string, at: Date): { recipient: Recipient; due: Date }[] {
  switch (kind) {
    // From the decision: at the latest the end of the day it was signed, if recorded later.
    case 'suspend': return [{ recipient: 'procuracy', due: new Date(Math.min(at.getTime(), dayEnd(signedOn).getTime()) + DAY) }];
    case 'resume': return (['procuracy', 'informant'] as const).map((recipient) => ({ recipient, due: dayEnd(addDays(signedOn, 2)) }));
    case 'prosecute': case 'not_prosecute':
      return (['informant', 'procuracy'] as const).map((recipient) => ({ recipient, due: dayEnd(addWorkingDays(addDays(signedOn, -1), 3)) }));
    case 'accept': return [{ recipient: 'informant', due: dayEnd(addWorkingDays(signedOn, 5)) }];
    default: return [];
  }
}

/**
 * From when a stage is "sắp đến hạn": 6 hours before a handover; 2 days before the acceptance of a
 * denunciation; for a crime report's 2-month term, ASK_WARN_DAYS before the last day to ask the
 * procuracy; 5 days before the others.
 */
/** A handover turns "sắp đến hạn" this many hours before its deadline. */
export const HANDOVER_SOON_HOURS = 6;

export function dueSoonFrom(term: LegalTerm, due: Date | null): Date | null {
  if (!due) return null;
  switch (term) {
    case 'handover': return new Date(due.getTime() - HANDOVER_SOON_HOURS * HOUR);
    case 'acceptance': case 'acceptance_long': return new Date(due.getTime() - 2 * DAY);
    case 'complex': return new Date(due.getTime() - (PROCURACY_ASK_DAYS + ASK_WARN_DAYS) * DAY);
    default: return new Date(due.getTime() - 5 * DAY);
  }
}

export type Urgency = 'overdue' | 'due_soon' | 'on_time' | 'closed';

export function urgencyOf(due: Date | null, soonFrom: Date | null, now = new Date()): Urgency {
  if (!due) return 'closed';
  if (due.getTime() < now.getTime()) return 'overdue';
  return soonFrom && soonFrom.getTime() <= now.getTime() ? 'due_soon' : 'on_time';
}

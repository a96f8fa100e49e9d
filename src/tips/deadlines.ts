/**
 * The deadlines of a tip, from the rules on receiving and settling denunciations and reports of
 * crimes (docs/tip-deadlines.md says which rule, where it comes from, and how it is read).
 *
 * The law's clock runs from receipt (BLTTHS 2015 art. 147): 20 days, up to 2 months for a complex
 * case, once more up to 2 months by the procuracy. A stage's deadline never runs past it: "new"
 * has its own 24 hours, the later stages have the legal deadline itself.
 */
import type { TipStatus } from '../db/schema.ts';
import { addDays, addMonths, dayEnd, todayVN, weekdayOf } from '../shared/dates.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Received: recorded and passed on at once (art. 145: "chuyển ngay"); the platform reads "at once" as within one day. */
export const NEW_STAGE_MS = 1 * DAY;

export const LEGAL_TERMS = ['standard', 'complex', 'procuracy'] as const;
export type LegalTerm = (typeof LEGAL_TERMS)[number];

export type Extension = Exclude<LegalTerm, 'standard'>;

/**
 * The extensions a tip's legal term may still take: a complex case's, as long as the term is short
 * of 2 months from receipt (it may be decided in steps); once the 2 months are reached, the
 * procuracy's, once, the last (art. 147(2): when the check cannot end within them).
 */
export function extensionsOf(tip: { legal_term: LegalTerm; received_at: Date | string; legal_due_at: Date | string }, now = new Date()): Extension[] {
  // Decided before the term runs out (art. 147(2)): a term already over takes none.
  if (new Date(tip.legal_due_at).getTime() <= now.getTime()) return [];
  // Stryker disable next-line StringLiteral: legalLastDay reads every term but 'standard' as two months, so any other name is the same
  const room = lastDayOf(new Date(tip.legal_due_at)) < legalLastDay('complex', todayVN(new Date(tip.received_at)));
  return [...(tip.legal_term !== 'procuracy' && room ? ['complex' as const] : []), ...(tip.legal_term === 'complex' && !room ? ['procuracy' as const] : [])];
}

/**
 * The last day of the legal term (art. 134: a term in days ends at 24:00 of its last day; one in
 * months on the same day of the later month, or that month's last day, moved past a Saturday or
 * Sunday to the next working day). `from` is the day of receipt for 'standard' and 'complex', the
 * last day of the 2-month term for 'procuracy'.
 */
export function legalLastDay(term: LegalTerm, from: string): string {
  // The day of receipt counts as the first of the 20: the earlier of the two readings (docs).
  if (term === 'standard') return addDays(from, 19);
  let last = addMonths(from, 2);
  while (weekdayOf(last) >= 6) last = addDays(last, 1);
  return last;
}

/** The last day of a term that runs out at this moment (24:00 of it, dates.ts dayEnd). */
export const lastDayOf = (due: Date) => todayVN(new Date(due.getTime() - 1));

/** The legal deadline of a tip received at this moment. */
export const legalDueAt = (receivedAt: Date) => dayEnd(legalLastDay('standard', todayVN(receivedAt)));

export const OPEN_STATUSES: TipStatus[] = ['new', 'verifying', 'handling'];

/** What may follow each stage; the closed ones end the tip. */
export const NEXT: Record<TipStatus, TipStatus[]> = {
  new: ['verifying', 'transferred', 'unfounded'],
  verifying: ['handling', 'resolved', 'transferred', 'unfounded'],
  handling: ['resolved', 'transferred', 'unfounded'],
  resolved: [],
  transferred: [],
  unfounded: [],
};

/** The deadline of the stage a tip enters at `stageStart`: never past the legal one; none once closed. */
export function dueAt(status: TipStatus, stageStart: Date, legalDue: Date): Date | null {
  if (!OPEN_STATUSES.includes(status)) return null;
  if (status !== 'new') return legalDue;
  return new Date(Math.min(stageStart.getTime() + NEW_STAGE_MS, legalDue.getTime()));
}

/**
 * Within this much of its deadline a stage is "sắp đến hạn": 6 hours for "new"; 5 days for the
 * later stages, the last day an extension may be asked of the procuracy (art. 147(2)).
 */
export const DUE_SOON_MS = 5 * DAY;
export const dueSoonMs = (status: TipStatus) => (status === 'new' ? 6 * HOUR : DUE_SOON_MS);

export type Urgency = 'overdue' | 'due_soon' | 'on_time' | 'closed';

export function urgencyOf(status: TipStatus, due: Date | null, now = new Date()): Urgency {
  if (!due || !OPEN_STATUSES.includes(status)) return 'closed';
  if (due.getTime() < now.getTime()) return 'overdue';
  return due.getTime() - now.getTime() <= dueSoonMs(status) ? 'due_soon' : 'on_time';
}

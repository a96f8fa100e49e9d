/**
 * When a report is late, and how the unit above counts what it has received: the rules of
 * docs/reports.md kept apart from the queries, so they can be tested on their own.
 */
import type { ReportStatus } from '../db/schema.ts';
import { todayVN } from '../shared/dates.ts';

type Status = ReportStatus | 'not_started';

/** Sent and not returned: with the unit above. */
export const isSent = (status: Status | undefined) => status === 'submitted' || status === 'accepted';

/**
 * A report sent is late when it was sent after its due day (in Vietnam's calendar), whenever it
 * is looked at; one not sent is late once its due day has passed. Sent on the due day is on time.
 */
export function isLate(dueOn: string, sentAt: Date | null, now: Date): boolean {
  return todayVN(sentAt ?? now) > dueOn;
}

/** The unit above's counts. Accepted reports were sent too, so they count as submitted. */
export function summaryOf(duties: { due_on: string; status: Status; late: boolean }[], now: Date) {
  const count = (f: (d: (typeof duties)[number]) => boolean) => duties.filter(f).length;
  const today = todayVN(now);
  return {
    owed: duties.length,
    due: count((d) => d.due_on <= today),
    submitted: count((d) => isSent(d.status)),
    accepted: count((d) => d.status === 'accepted'),
    late: count((d) => d.late),
    not_started: count((d) => d.status === 'not_started'),
  };
}

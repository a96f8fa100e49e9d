import { describe, expect, it } from 'vitest';
import { isLate, isSent, summaryOf } from './lateness.ts';

/** An instant given in Vietnam's time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('a report\'s lateness', () => {
  it('is with the unit above once submitted or accepted, not while drafted or returned', () => {
    expect(isSent('submitted')).toBe(true);
    expect(isSent('accepted')).toBe(true);
    expect(isSent('draft')).toBe(false);
    expect(isSent('returned')).toBe(false);
    expect(isSent('not_started')).toBe(false);
    expect(isSent(undefined)).toBe(false);
  });

  it('is late unsent once its due day is over in Vietnam, not on the day itself', () => {
    expect(isLate('2026-06-10', null, vn('2026-06-10T23:59:59'))).toBe(false);
    expect(isLate('2026-06-10', null, vn('2026-06-11T00:00:00'))).toBe(true);
    // 18:00 UTC on the 10th is already the 11th in Vietnam.
    expect(isLate('2026-06-10', null, new Date('2026-06-10T18:00:00Z'))).toBe(true);
  });

  it('is judged by when it was sent, not by today: on the due day is on time, the day after is late', () => {
    const later = vn('2026-09-01T09:00:00');
    expect(isLate('2026-06-10', vn('2026-06-10T23:30:00'), later)).toBe(false);
    expect(isLate('2026-06-10', vn('2026-06-09T08:00:00'), later)).toBe(false);
    expect(isLate('2026-06-10', vn('2026-06-11T00:10:00'), later)).toBe(true);
    // Sent late stays late even when looked at before the due day (a clock put back).
    expect(isLate('2026-06-10', vn('2026-06-12T08:00:00'), vn('2026-06-01T08:00:00'))).toBe(true);
  });
});

describe('what the unit above counts', () => {
  it('counts accepted reports among those submitted, and each figure on its own', () => {
    const now = vn('2026-06-15T10:00:00');
    const duties = [
      { due_on: '2026-06-10', status: 'accepted', late: false },
      { due_on: '2026-06-10', status: 'submitted', late: true },
      { due_on: '2026-06-15', status: 'returned', late: false },
      { due_on: '2026-06-10', status: 'draft', late: true },
      { due_on: '2026-06-16', status: 'not_started', late: false },
      { due_on: '2026-12-10', status: 'not_started', late: false },
    ] as const;
    expect(summaryOf([...duties], now)).toEqual({ owed: 6, due: 4, submitted: 2, accepted: 1, late: 2, not_started: 2 });
    expect(summaryOf([], now)).toEqual({ owed: 0, due: 0, submitted: 0, accepted: 0, late: 0, not_started: 0 });
  });
});

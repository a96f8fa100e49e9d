import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayEnd, weekdayOf } from '../shared/dates.ts';
import { dueAt, lastDayOf, legalDueAt, legalLastDay, NEW_STAGE_MS } from './deadlines.ts';

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('the legal term (BLTTHS 2015 art. 134, 147)', () => {
  it('counts 20 days with the day of receipt the first, ending at 24:00 in Vietnam', () => {
    expect(legalLastDay('standard', '2026-11-24')).toBe('2026-12-13');
    // Received at 23:30 on 24/11 in Vietnam (16:30 UTC): still the 24th.
    expect(legalDueAt(new Date('2026-11-24T16:30:00Z')).toISOString()).toBe('2026-12-13T17:00:00.000Z');
    expect(legalDueAt(new Date('2026-11-24T17:30:00Z')).toISOString()).toBe('2026-12-14T17:00:00.000Z');
  });

  it('ends a term in months on the same day, or the month\'s last, moved past a weekend', () => {
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(legalLastDay('complex', '2026-05-15')).toBe('2026-07-15'); // a Wednesday
    expect(legalLastDay('complex', '2026-12-31')).toBe('2027-03-01'); // 28/2/2027 is a Sunday
    expect(legalLastDay('procuracy', '2027-03-01')).toBe('2027-05-03'); // 1/5/2027 is a Saturday
  });

  it('holds for any day: two months on, never on a weekend, never more than 2 days late', () => {
    fc.assert(fc.property(day, (from) => {
      const same = addMonths(from, 2);
      const last = legalLastDay('complex', from);
      const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
      expect(months(same) - months(from)).toBe(2);
      expect(Number(same.slice(8))).toBeLessThanOrEqual(Number(from.slice(8)));
      expect(last >= same && last <= addDays(same, 2)).toBe(true);
      expect(weekdayOf(last)).toBeLessThanOrEqual(5);
      expect(lastDayOf(dayEnd(last))).toBe(last);
    }));
  });

  it('never lets a stage run past the legal deadline', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 40 * 86_400_000 }), (received, later) => {
      const legal = legalDueAt(received);
      const start = new Date(received.getTime() + later);
      expect(dueAt('new', start, legal)!.getTime()).toBe(Math.min(start.getTime() + NEW_STAGE_MS, legal.getTime()));
      expect(dueAt('verifying', start, legal)).toEqual(legal);
      expect(dueAt('handling', start, legal)).toEqual(legal);
      expect(dueAt('resolved', start, legal)).toBeNull();
    }));
  });
});

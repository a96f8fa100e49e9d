import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayEnd, weekdayOf } from '../shared/dates.ts';
import { dueAt, dueSoonMs, extensionsOf, lastDayOf, legalDueAt, legalLastDay, NEW_STAGE_MS, urgencyOf } from './deadlines.ts';

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

describe('extensions of the legal term (art. 147(2))', () => {
  // Received on Friday 15/5/2026 in Vietnam: 20 days end on 3/6, two months on Wednesday 15/7.
  const received = new Date('2026-05-15T03:00:00Z');
  const now = new Date('2026-05-20T03:00:00Z');
  const tip = (legal_term: 'standard' | 'complex' | 'procuracy', lastDay: string) => ({ legal_term, received_at: received, legal_due_at: dayEnd(lastDay) });

  it('lets a complex case be extended in steps up to 2 months, then the procuracy once, then nothing', () => {
    expect(extensionsOf({ legal_term: 'standard', received_at: received.toISOString(), legal_due_at: legalDueAt(received).toISOString() }, now)).toEqual(['complex']);
    expect(extensionsOf(tip('complex', '2026-07-14'), now)).toEqual(['complex']);
    expect(extensionsOf(tip('complex', '2026-07-15'), now)).toEqual(['procuracy']);
    expect(extensionsOf(tip('standard', '2026-07-15'), now)).toEqual([]);
    expect(extensionsOf(tip('procuracy', '2026-07-14'), now)).toEqual([]);
    expect(extensionsOf(tip('procuracy', '2026-09-15'), now)).toEqual([]);
  });

  it('gives none once the term is over, to the millisecond', () => {
    const t = tip('standard', '2026-06-03');
    expect(extensionsOf(t, new Date(t.legal_due_at.getTime() - 1))).toEqual(['complex']);
    expect(extensionsOf(t, t.legal_due_at)).toEqual([]);
  });
});

describe('how urgent a stage is', () => {
  const now = new Date('2026-05-20T03:00:00Z');
  const inMs = (ms: number) => new Date(now.getTime() + ms);
  const HOUR = 3_600_000;

  it('is due soon within 6 hours for a new tip and within 5 days for the later stages', () => {
    expect([dueSoonMs('new'), dueSoonMs('verifying'), dueSoonMs('handling')]).toEqual([6 * HOUR, 120 * HOUR, 120 * HOUR]);
    expect(urgencyOf('new', inMs(6 * HOUR), now)).toBe('due_soon');
    expect(urgencyOf('new', inMs(6 * HOUR + 1), now)).toBe('on_time');
    expect(urgencyOf('handling', inMs(120 * HOUR), now)).toBe('due_soon');
    expect(urgencyOf('verifying', inMs(120 * HOUR + 1), now)).toBe('on_time');
  });

  it('is overdue once its deadline has passed, not at the deadline itself, and closed when settled or without one', () => {
    expect(urgencyOf('verifying', inMs(-1), now)).toBe('overdue');
    expect(urgencyOf('verifying', now, now)).toBe('due_soon');
    expect(urgencyOf('resolved', inMs(-1), now)).toBe('closed');
    expect(urgencyOf('transferred', inMs(HOUR), now)).toBe('closed');
    expect(urgencyOf('handling', null, now)).toBe('closed');
  });
});

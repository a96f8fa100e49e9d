import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportPeriodKind } from '../db/schema.ts';
import { addDays } from '../shared/dates.ts';
import { periodsDueIn } from './periods.ts';

describe('report periods', () => {
  it.each([
    // The seeds' dates: 6-monthly before 10/6, yearly before 10/11 (001); 10/5 and 15/11 (002).
    ['half_year', { day: 10, month: 6 }, [{ start: '2026-01-01', end: '2026-06-09', due: '2026-06-10', label: '6 tháng đầu năm 2026' }]],
    ['year', { day: 10, month: 11 }, [{ start: '2026-01-01', end: '2026-11-09', due: '2026-11-10', label: 'năm 2026' }]],
    ['half_year', { day: 15, month: 12 }, [{ start: '2026-07-01', end: '2026-12-14', due: '2026-12-15', label: '6 tháng cuối năm 2026' }]],
    // Due in the first half of its period: the period before, whole.
    ['year', { day: 15, month: 1 }, [{ start: '2025-01-01', end: '2025-12-31', due: '2026-01-15', label: 'năm 2025' }]],
    ['year', { day: 15, month: 6 }, [{ start: '2025-01-01', end: '2025-12-31', due: '2026-06-15', label: 'năm 2025' }]],
    ['half_year', { day: 10, month: 8 }, [{ start: '2026-01-01', end: '2026-06-30', due: '2026-08-10', label: '6 tháng đầu năm 2026' }]],
    ['half_year', { day: 31, month: 2 }, [{ start: '2025-07-01', end: '2025-12-31', due: '2026-02-28', label: '6 tháng cuối năm 2025' }]],
    ['half_year', { day: 31, month: 4 }, [{ start: '2026-01-01', end: '2026-04-29', due: '2026-04-30', label: '6 tháng đầu năm 2026' }]],
    // Due on the period's last day: the whole period, not up to the day before.
    ['year', { day: 31, month: 12 }, [{ start: '2026-01-01', end: '2026-12-31', due: '2026-12-31', label: 'năm 2026' }]],
    ['half_year', { day: 31, month: 6 }, [{ start: '2026-01-01', end: '2026-06-30', due: '2026-06-30', label: '6 tháng đầu năm 2026' }]],
  ] as const)('%s due %o', (kind, due, expected) => {
    expect(periodsDueIn(kind, due, 2026)).toEqual(expected);
  });

  it('without a month, each period is due on the day of the month after it', () => {
    expect(periodsDueIn('quarter', { day: 5 }, 2026).map((p) => [p.label, p.start, p.end, p.due])).toEqual([
      ['quý IV năm 2025', '2025-10-01', '2025-12-31', '2026-01-05'],
      ['quý I năm 2026', '2026-01-01', '2026-03-31', '2026-04-05'],
      ['quý II năm 2026', '2026-04-01', '2026-06-30', '2026-07-05'],
      ['quý III năm 2026', '2026-07-01', '2026-09-30', '2026-10-05'],
    ]);
    expect(periodsDueIn('month', { day: 31 }, 2026).map((p) => p.due).slice(0, 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('every period starts before it ends, ends by the day it is due, and is due in the year asked', () => {
    fc.assert(fc.property(
      fc.constantFrom<ReportPeriodKind>('month', 'quarter', 'half_year', 'year'),
      fc.integer({ min: 1, max: 31 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.integer({ min: 2001, max: 2099 }),
      (kind, day, month, year) => {
        const periods = periodsDueIn(kind, { day, month }, year);
        expect(periods.length).toBeGreaterThan(0);
        for (const p of periods) {
          expect(p.start <= p.end).toBe(true);
          expect(p.end <= p.due).toBe(true);
          expect(p.due.slice(0, 4)).toBe(String(year));
          expect(addDays(p.due, 0)).toBe(p.due);
        }
        // Periods due the same year never overlap.
        for (let i = 1; i < periods.length; i++) expect(periods[i - 1]!.end < periods[i]!.start).toBe(true);
      },
    ));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, lastDayOfMonth } from '../shared/dates.ts';
import { splitByMonth } from './periods.ts';

/** Every night a split counts, months expanded to their days up to the last that can hold data. */
function nightsOf(split: ReturnType<typeof splitByMonth>, lastWithData = '9999-12-31'): string[] {
  const count = new Map<string, number>();
  const span = (from: string, to: string, sign: number) => {
    for (let d = from; d <= to && d <= lastWithData; d = addDays(d, 1)) count.set(d, (count.get(d) ?? 0) + sign);
  };
  if (split.months) span(split.months.from, lastDayOfMonth(split.months.to.slice(0, 7)), 1);
  split.nights.forEach((r) => span(r.from, r.to, 1));
  if (split.minus) span(split.minus.from, split.minus.to, -1);
  expect([...count.values()].every((n) => n === 0 || n === 1)).toBe(true);
  return [...count].filter(([, n]) => n === 1).map(([d]) => d).sort();
}

describe('splitting a range of nights into whole months and ends', () => {
  it('splits examples as a person would', () => {
    expect(splitByMonth('2026-01-01', '2026-12-31')).toEqual({ months: { from: '2026-01-01', to: '2026-12-01' }, nights: [] });
    expect(splitByMonth('2026-01-15', '2026-03-10')).toEqual({ months: { from: '2026-02-01', to: '2026-02-01' }, nights: [{ from: '2026-01-15', to: '2026-01-31' }, { from: '2026-03-01', to: '2026-03-10' }] });
    expect(splitByMonth('2026-02-03', '2026-02-20')).toEqual({ nights: [{ from: '2026-02-03', to: '2026-02-20' }] });
    expect(splitByMonth('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, nights: [] });
  });

  it('reads a range ending this month as the whole month less the nights after it that have data', () => {
    expect(splitByMonth('2025-12-01', '2026-11-22', '2026-11-23')).toEqual({ months: { from: '2025-12-01', to: '2026-11-01' }, nights: [], minus: { from: '2026-11-23', to: '2026-11-23' } });
    expect(splitByMonth('2025-12-01', '2026-11-23', '2026-11-23')).toEqual({ months: { from: '2025-12-01', to: '2026-11-01' }, nights: [] });
    // Data may run into the next month: this month is no longer the last.
    expect(splitByMonth('2026-10-05', '2026-10-30', '2026-11-02')).toEqual({ nights: [{ from: '2026-10-05', to: '2026-10-30' }] });
  });

  it('covers every night of the range exactly once, wherever the data ends', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-01-01', n));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 0, max: 40 })), (from, length, beyond) => {
      const to = addDays(from, length);
      const lastWithData = beyond === null ? undefined : addDays(to, beyond);
      const expected = Array.from({ length: length + 1 }, (_, i) => addDays(from, i));
      expect(nightsOf(splitByMonth(from, to, lastWithData), lastWithData)).toEqual(expected);
    }));
  });
});

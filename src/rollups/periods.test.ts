import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, lastDayOfMonth } from '../shared/dates.ts';
import { splitByMonth } from './periods.ts';

/** Every night a split covers, months expanded to their days. */
function nightsOf(split: ReturnType<typeof splitByMonth>): string[] {
  const out: string[] = [];
  const span = (from: string, to: string) => {
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  };
  if (split.months) span(split.months.from, lastDayOfMonth(split.months.to.slice(0, 7)));
  split.nights.forEach((r) => span(r.from, r.to));
  return out.sort();
}

describe('splitting a range of nights into whole months and ends', () => {
  it('splits examples as a person would', () => {
    expect(splitByMonth('2026-01-01', '2026-12-31')).toEqual({ months: { from: '2026-01-01', to: '2026-12-01' }, nights: [] });
    expect(splitByMonth('2026-01-15', '2026-03-10')).toEqual({ months: { from: '2026-02-01', to: '2026-02-01' }, nights: [{ from: '2026-01-15', to: '2026-01-31' }, { from: '2026-03-01', to: '2026-03-10' }] });
    expect(splitByMonth('2026-02-03', '2026-02-20')).toEqual({ nights: [{ from: '2026-02-03', to: '2026-02-20' }] });
    expect(splitByMonth('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, nights: [] });
  });

  it('covers every night of the range exactly once', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-01-01', n));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 400 }), (from, length) => {
      const to = addDays(from, length);
      const expected = Array.from({ length: length + 1 }, (_, i) => addDays(from, i));
      expect(nightsOf(splitByMonth(from, to))).toEqual(expected);
    }));
  });
});

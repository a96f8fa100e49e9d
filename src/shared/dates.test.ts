import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todayVN } from './dates.ts';

const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('todayVN', () => {
  it('names the same day as the time zone database, at any moment of this century', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), (at) => {
      expect(todayVN(at)).toBe(intl.format(at));
    }), { numRuns: 2000 });
    // Just before and at midnight in Hà Nội.
    expect(todayVN(new Date('2026-11-24T16:59:59.999Z'))).toBe('2026-11-24');
    expect(todayVN(new Date('2026-11-24T17:00:00.000Z'))).toBe('2026-11-25');
  });
});

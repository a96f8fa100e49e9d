import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, coveredBy, gongTime, inNight, isOnTime, lastDueNight, lateMinutes, nightsBetween, ON_TIME_MINUTES } from './night.ts';

/** An instant given in Vietnam's time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('the night of a gong', () => {
  it('is on time up to 15 minutes after 22:00, late from the 16th', () => {
    expect([0, 14, 15, 16, 90].map(isOnTime)).toEqual([true, true, true, false, false]);
  });

  it('is expected only under a path where a gong model operates', () => {
    const covered = coveredBy(['/1/38/', '/1/8/345/']);
    expect(['/1/38/400/9001/', '/1/8/345/9002/', '/1/8/346/9003/', '/1/3/', '/1/'].map(covered)).toEqual([true, true, false, false, false]);
    expect(coveredBy([])('/1/38/400/')).toBe(false);
  });

  it('strikes at 22:00 in Vietnam, 15:00 UTC', () => {
    expect(gongTime('2026-12-06').toISOString()).toBe('2026-12-06T15:00:00.000Z');
    expect(gongTime('2024-02-29').toISOString()).toBe('2024-02-29T15:00:00.000Z');
  });

  it('runs from 18:00 on the night to 06:00 the next morning, the end excluded', () => {
    expect(inNight('2026-12-06', vn('2026-12-06T17:59:59.999'))).toBe(false);
    expect(inNight('2026-12-06', vn('2026-12-06T18:00:00'))).toBe(true);
    expect(inNight('2026-12-06', vn('2026-12-06T22:00:00'))).toBe(true);
    expect(inNight('2026-12-06', vn('2026-12-07T05:59:59.999'))).toBe(true);
    expect(inNight('2026-12-06', vn('2026-12-07T06:00:00'))).toBe(false);
    expect(inNight('2026-12-06', vn('2026-12-05T23:00:00'))).toBe(false);
  });

  it('counts whole minutes after 22:00, rounded down, and none before', () => {
    expect(lateMinutes('2026-12-06', vn('2026-12-06T21:30:00'))).toBe(0);
    expect(lateMinutes('2026-12-06', vn('2026-12-06T22:00:00'))).toBe(0);
    expect(lateMinutes('2026-12-06', vn('2026-12-06T22:00:59'))).toBe(0);
    expect(lateMinutes('2026-12-06', vn('2026-12-06T22:01:00'))).toBe(1);
    // 22:15:30 is still the 15th minute: on time.
    expect(lateMinutes('2026-12-06', vn('2026-12-06T22:15:30'))).toBe(15);
    expect(lateMinutes('2026-12-06', vn('2026-12-06T22:16:00'))).toBe(16);
    expect(lateMinutes('2026-12-06', vn('2026-12-07T01:00:00'))).toBe(180);
  });

  it('is on time up to 15 minutes after 22:00, and a phone may run 5 minutes ahead', () => {
    expect(ON_TIME_MINUTES).toBe(15);
    expect(CLOCK_SKEW_MS).toBe(5 * 60 * 1000);
  });

  it('is due once its 15 minutes are over: before 22:15 the last night due is yesterday\'s', () => {
    expect(lastDueNight(vn('2026-12-06T22:14:59.999'))).toBe('2026-12-05');
    expect(lastDueNight(vn('2026-12-06T22:15:00'))).toBe('2026-12-06');
    expect(lastDueNight(vn('2026-12-06T23:59:00'))).toBe('2026-12-06');
    // 00:30 in Vietnam is still the previous UTC day; the night due is the one before.
    expect(lastDueNight(vn('2026-12-07T00:30:00'))).toBe('2026-12-06');
  });

  it('lists the nights of a range, both ends included', () => {
    expect(nightsBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(nightsBetween('2026-12-06', '2026-12-06')).toEqual(['2026-12-06']);
    expect(nightsBetween('2026-12-07', '2026-12-06')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { fixedWindow } from './limits.ts';

describe('fixedWindow', () => {
  it('lets max through in a window, says when the next would not pass without counting it, and starts over with the next window', () => {
    const limit = fixedWindow(3, 1000);
    expect([1, 2, 3].map(() => limit.spent('a', 10))).toEqual([false, false, false]);
    expect([1, 2, 3].map(() => limit.take('a', 10))).toEqual([true, true, true]);
    expect(limit.spent('a', 20)).toBe(true);
    expect(limit.spent('a', 20)).toBe(true);
    expect(limit.take('a', 20)).toBe(false);
    expect(limit.spent('b', 20)).toBe(false);
    expect(limit.spent('a', 1010)).toBe(false);
    expect(limit.take('a', 1010)).toBe(true);
  });
});

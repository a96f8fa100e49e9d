import { describe, expect, it } from 'vitest';
import { randomBytesPooled } from './random.ts';

describe('randomBytesPooled', () => {
  it('hands out each draw once, across refills of the pool, and large draws whole', () => {
    const seen = new Set<string>();
    // 4,000 draws of 16 bytes: some 15 refills of the 4 KB pool.
    for (let i = 0; i < 4000; i++) {
      const b = randomBytesPooled(16);
      expect(b.length).toBe(16);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(4000);
    // Each draw is a copy: changing one, even across a refill of the pool, changes no other.
    const a = randomBytesPooled(12);
    const kept = Buffer.from(a);
    for (let i = 0; i < 400; i++) randomBytesPooled(16);
    expect(a.equals(kept)).toBe(true);
    a.fill(0);
    expect(randomBytesPooled(12).equals(Buffer.alloc(12))).toBe(false);
    expect(randomBytesPooled(5000).length).toBe(5000);
  });
});

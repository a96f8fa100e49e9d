import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';

/** A writer whose batches finish only when the test says so. */
function heldWriter() {
  const batches: number[][] = [];
  const release: (() => void)[] = [];
  const writeMany = (rows: number[]) => {
    batches.push(rows);
    return new Promise<number[]>((resolve) => release.push(() => resolve(rows.map((r) => r * 10))));
  };
  return { batches, release, writeMany };
}

const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

describe('group commit', () => {
  it('gathers the writes that arrive while the batches in flight are at their limit into the next batch', async () => {
    const w = heldWriter();
    const write = groupCommit<number, number>({ writeMany: w.writeMany, writeOne: async (r) => r * 10, waitMs: 1, maxInFlight: 1 });
    const first = write(1);
    await tick();
    expect(w.batches).toEqual([[1]]);
    const later = [write(2), write(3), write(4)];
    await tick();
    expect(w.batches).toHaveLength(1); // held back while the first batch is written
    w.release[0]!();
    expect(await first).toBe(10);
    await tick();
    expect(w.batches).toEqual([[1], [2, 3, 4]]);
    w.release[1]!();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('without a limit writes each batch as soon as its short wait is over', async () => {
    const w = heldWriter();
    const write = groupCommit<number, number>({ writeMany: w.writeMany, writeOne: async (r) => r * 10, waitMs: 1 });
    const answers = [write(1)];
    await tick();
    answers.push(write(2));
    await tick();
    expect(w.batches).toEqual([[1], [2]]);
    w.release.forEach((r) => r());
    expect(await Promise.all(answers)).toEqual([10, 20]);
  });

  it('tries each row of a failed batch alone, so one bad row fails only itself', async () => {
    const write = groupCommit<number, number>({
      writeMany: async () => { throw new Error('batch failed'); },
      writeOne: async (r) => { if (r === 2) throw new Error('bad row'); return r * 10; },
      waitMs: 1, maxInFlight: 2,
    });
    const answers = await Promise.allSettled([write(1), write(2), write(3)]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([10, 'bad row', 30]);
  });
});

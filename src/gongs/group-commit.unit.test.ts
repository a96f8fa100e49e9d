import { describe, expect, it } from 'vitest';
import { answersOf } from './group-commit.ts';

describe('answering a batch of check-ins', () => {
  it('gives each row its stored copy, in the batch\'s order, whatever order the database returned them in', () => {
    const stored = [{ idempotency_key: 'b', id: 2 }, { idempotency_key: 'a', id: 1 }];
    expect(answersOf([{ idempotency_key: 'a' }, { idempotency_key: 'b' }], stored)).toEqual([stored[1], stored[0]]);
  });

  it('answers a key\'s first copy in the batch (a phone\'s retry) and leaves the others and the refused without a row', () => {
    const stored = [{ idempotency_key: 'a', id: 1 }];
    expect(answersOf([{ idempotency_key: 'a' }, { idempotency_key: 'x' }, { idempotency_key: 'a' }], stored)).toEqual([stored[0], undefined, undefined]);
    expect(answersOf([], [])).toEqual([]);
  });
});

/**
 * Random bytes from the operating system's generator, fetched 4 KB at a time: one system call
 * serves many small draws (a tip takes 38 bytes in three), as Node's own randomUUID does. Each
 * byte is handed out once.
 */
import { randomBytes, randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let used = pool.length;

export function randomBytesPooled(n: number): Buffer {
  if (n > pool.length / 4) return randomBytes(n);
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + n));
  used += n;
  return bytes;
}

/**
 * Codes people read off paper and type on a phone: Crockford's base32 (no I, L, O, U), from
 * random bytes, so one code says nothing of another and none is misread.
 */
import { randomBytesPooled } from './random.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` characters, 5 random bits each. */
export function randomCode(length: number): string {
  // 256 is a multiple of 32, so each byte modulo 32 keeps every character equally likely.
  return Array.from(randomBytesPooled(length), (b) => ALPHABET[b % 32]).join('');
}

/** A code as typed: spaces, dashes, small letters, O for 0, I or L for 1; undefined if it cannot be one. */
export function parseCode(text: string, length: number): string | undefined {
  const code = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === length && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

/** "7K3MQ9XD2HRP" → "7K3M-Q9XD-2HRP", as printed. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/**
 * Keychain codes: 12 characters of Crockford's base32 (no I, L, O, U), 60 random bits, so a code
 * cannot be guessed from another one and reads unambiguously off a small printed card.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

export function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every character equally likely.
  return Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
}

/** "7K3M-Q9XD-2HRP" as printed; people may type it with spaces, dashes, small letters, O for 0, I or L for 1. */
export function parseCode(text: string): string | undefined {
  const code = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

export const formatCode = (code: string) => code.match(/.{4}/g)!.join('-');

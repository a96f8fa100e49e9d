/** Keychain codes: 12 characters, 60 random bits, printed on the card as XXXX-XXXX-XXXX. */
import { parseCode as parse, randomCode } from '../shared/codes.ts';

export { formatCode } from '../shared/codes.ts';

export const CODE_LENGTH = 12;
export const newCode = () => randomCode(CODE_LENGTH);
export const parseCode = (text: string) => parse(text, CODE_LENGTH);

import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

// Verified against when the user does not exist, so both answers take as long.
let dummy: Promise<string> | undefined;

export async function verifyPassword(hashed: string | undefined, password: string): Promise<boolean> {
  if (!hashed) {
    dummy ??= hashPassword('no-such-user');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(hashed, password).catch(() => false);
}

/** Vietnamese reasons a new password is refused, or none. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('Mật khẩu phải có ít nhất 8 ký tự');
  if (password.length > 200) problems.push('Mật khẩu tối đa 200 ký tự');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('Mật khẩu không được chứa tên đăng nhập');
  if (!/[^A-Za-z]/.test(password)) problems.push('Mật khẩu cần có ít nhất một chữ số hoặc ký tự đặc biệt');
  return problems;
}

/**
 * The informant's contact, sealed with AES-256-GCM under a key that never enters the database:
 * from TIP_KEY (base64 of 32 bytes) or from a key file made on first start, readable by the
 * server's user only. A dump or backup of the database holds only ciphertext; without the key
 * nobody, the database administrator included, can read who sent a tip.
 *
 * A sealed value is: version (1 byte) · nonce (12) · tag (16) · ciphertext. The tip's tracking
 * code is bound in as associated data, so a sealed contact moved to another tip does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { randomBytesPooled } from '../shared/random.ts';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 1;
const KEY_BYTES = 32;

export interface Contact {
  name?: string | undefined;
  phone?: string | undefined;
  other?: string | undefined;
}

export interface Sealer {
  seal(contact: Contact, boundTo: string): Buffer;
  open(sealed: Uint8Array, boundTo: string): Contact;
}

export function sealer(key: Buffer): Sealer {
  if (key.length !== KEY_BYTES) throw new Error(`the tip key must be ${KEY_BYTES} bytes`);
  return {
    seal(contact, boundTo) {
      const nonce = randomBytesPooled(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(boundTo));
      const body = Buffer.concat([cipher.update(JSON.stringify(contact), 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), nonce, cipher.getAuthTag(), body]);
    },
    open(sealed, boundTo) {
      const buf = Buffer.from(sealed);
      if (buf[0] !== VERSION) throw new Error(`unknown sealed contact version ${buf[0]}`);
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 13));
      decipher.setAAD(Buffer.from(boundTo));
      decipher.setAuthTag(buf.subarray(13, 29));
      return JSON.parse(Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString('utf8')) as Contact;
    },
  };
}

/**
 * The key: TIP_KEY if set, else the key file, made (0600, in a 0700 folder) when missing. The
 * file must be kept with the backups of the key, not with those of the database.
 */
export function loadTipKey(opts: { envKey: string | undefined; keyFile: string; mayCreate: boolean }): { key: Buffer; created: boolean } {
  if (opts.envKey) {
    const key = Buffer.from(opts.envKey, 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`TIP_KEY phải là ${KEY_BYTES} byte mã hóa base64 (openssl rand -base64 32)`);
    return { key, created: false };
  }
  if (fs.existsSync(opts.keyFile)) {
    if (fs.statSync(opts.keyFile).mode & 0o077) process.emitWarning(`${opts.keyFile}: người dùng khác đọc được tệp khóa; hãy chmod 600`);
    const key = Buffer.from(fs.readFileSync(opts.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`Tệp khóa ${opts.keyFile} không chứa khóa ${KEY_BYTES} byte`);
    return { key, created: false };
  }
  // Contacts already sealed need the key they were sealed with: a new one would hide them for good.
  if (!opts.mayCreate) throw new Error(`Không thấy khóa mã hóa ${opts.keyFile} (hoặc TIP_KEY) mà cơ sở dữ liệu đã có thông tin người báo tin được mã hóa: hãy khôi phục tệp khóa từ bản sao lưu`);
  fs.mkdirSync(path.dirname(opts.keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // 'wx': never overwrite a key another instance has just written.
  fs.writeFileSync(opts.keyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}

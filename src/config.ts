import fs from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** When set, the platform runs on this PostgreSQL server instead of the embedded PGlite. */
  databaseUrl: string | undefined;
  /** Password given to the demo accounts created on first start. */
  demoPassword: string;
  /** Send cookies with the Secure flag (set when served over HTTPS). */
  cookieSecure: boolean;
  loadDemo: boolean;
  /** The address the public reaches the platform at, printed in QR codes (keychain cards); by default the address a request came to. */
  publicUrl: string | undefined;
  /** The key that seals informants' contacts: base64 in TIP_KEY, else this file (made on first start). */
  tipKey: string | undefined;
  tipKeyFile: string;
  /**
   * Whom to believe about the client's address (X-Forwarded-For): nobody by default; behind a
   * reverse proxy, TRUST_PROXY=1 (or its addresses, comma-separated IPs or CIDRs). The tip limits count
   * per client address, so believing a client that is not a proxy lets it pick its own address.
   */
  trustProxy: boolean | string;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    demoPassword: env.DEMO_PASSWORD ?? 'BinhYen@2025',
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    loadDemo: env.DEMO !== '0',
    publicUrl: publicUrlOf(env.PUBLIC_URL),
    tipKey: env.TIP_KEY || undefined,
    tipKeyFile: env.TIP_KEY_FILE ? path.resolve(env.TIP_KEY_FILE) : defaultTipKeyFile(dataDir),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/**
 * Beside the data folder, not in it (`/srv/binhyen/data` → `/srv/binhyen/keys/tip-contact.key`):
 * a copy of the database's folder must not carry the key. Earlier versions kept it in `./keys/`
 * under the working folder whatever DATA_DIR said; a key found only there is still used, or the
 * contacts it sealed could not be read again.
 */
export function defaultTipKeyFile(dataDir: string, cwd = process.cwd()): string {
  const beside = path.join(path.dirname(dataDir), 'keys', 'tip-contact.key');
  const earlier = path.join(cwd, 'keys', 'tip-contact.key');
  return !fs.existsSync(beside) && fs.existsSync(earlier) ? earlier : beside;
}

/** Printed into QR codes that stay in people's houses for years: a mistake must stop the start, not the cards. */
function publicUrlOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL không phải địa chỉ web: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL phải bắt đầu bằng https:// — ${value}`);
  return url.origin + url.pathname.replace(/\/$/, '');
}

function trustProxyOf(value: string | undefined): boolean | string {
  if (!value || value === '0' || value === 'false') return false;
  return value === '1' || value === 'true' ? true : value;
}

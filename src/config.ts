import { isIP } from 'node:net';
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
   * Whom to believe about the client's address (X-Forwarded-For): nobody by default; behind
   * reverse proxies, how many (TRUST_PROXY=1: the right-most entry, the one our proxy wrote) or
   * their addresses (comma-separated IPs or CIDRs). Never "everyone": the left-most entry is
   * written by the client, and the limits count per client address.
   */
  trustProxy: false | number | string;
  /** A session ends this many hours after log-in, however much it is used (SESSION_MAX_HOURS). */
  sessionMaxHours: number;
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
    sessionMaxHours: sessionMaxHoursOf(env.SESSION_MAX_HOURS),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/**
 * Beside the data folder, not in it (`/srv/binhyen/data` → `/srv/binhyen/keys/tip-contact.key`):
 * a copy of the database's folder must not carry the key. Earlier versions kept it in `./keys/`
 * under the working folder whatever DATA_DIR said; for a data folder those versions wrote, a key
 * found only there is still used, or the contacts it sealed could not be read again. A new data
 * folder holds no such contacts, so it always gets its key beside it.
 */
export function defaultTipKeyFile(dataDir: string, cwd = process.cwd()): string {
  const beside = path.join(path.dirname(dataDir), 'keys', 'tip-contact.key');
  const earlier = path.join(cwd, 'keys', 'tip-contact.key');
  const existingData = fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0;
  return existingData && !fs.existsSync(beside) && fs.existsSync(earlier) ? earlier : beside;
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

const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxyOf(value: string | undefined): false | number | string {
  const text = value?.trim() ?? '';
  if (!text || text === '0' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim());
  // 'true' would believe whatever the client writes first; the names are proxy-addr's ranges.
  const bad = entries.filter((e) => !isIP(e.replace(/\/\d+$/, '')) && !PROXY_RANGES.includes(e));
  if (bad.length) {
    const what = 'số proxy đứng trước (1, 2…) hoặc danh sách địa chỉ IP/CIDR của chúng';
    throw new Error(`TRUST_PROXY phải là ${what}, không phải: ${bad.join(', ')}`);
  }
  return entries.join(',');
}

type TrustProxy = false | string | ((address: string, hop: number) => boolean);

/**
 * Fastify's trustProxy for the setting. A hop count is given as a function: Fastify 5 takes a bare
 * number as trusting no one, and `true` would trust the client's own left-most entry.
 */
export function trustProxyOption(value: Config['trustProxy'] | undefined): TrustProxy {
  if (typeof value !== 'number') return value ?? false;
  return value > 0 ? (_address, hop) => hop < value : false;
}

function sessionMaxHoursOf(value: string | undefined): number {
  const hours = Number(value ?? 12);
  if (!(hours >= 1 && hours <= 24 * 30)) {
    throw new Error(`SESSION_MAX_HOURS không hợp lệ (từ 1 đến 720 giờ): ${value}`);
  }
  return hours;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTipKeyFile, loadConfig, trustProxyOption } from './config.ts';
import { loadTipKey } from './tips/seal.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-config-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the tip key file', () => {
  it('lies beside DATA_DIR, not under the working folder nor in the data folder', () => {
    const dataDir = path.join(root, 'srv', 'data');
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.tipKeyFile).toBe(path.join(root, 'srv', 'keys', 'tip-contact.key'));
    expect(config.tipKeyFile.startsWith(dataDir + path.sep)).toBe(false);
    // The key made on first start goes there.
    expect(loadTipKey({ envKey: undefined, keyFile: config.tipKeyFile, mayCreate: true }).created).toBe(true);
    expect(fs.statSync(config.tipKeyFile).mode & 0o777).toBe(0o600);
  });

  it('with the default DATA_DIR (./data) is ./keys/tip-contact.key, as before', () => {
    expect(loadConfig({}).tipKeyFile).toBe(path.resolve('keys', 'tip-contact.key'));
  });

  it('still finds a key an earlier version left in ./keys/ under the working folder, so sealed contacts stay readable', () => {
    const cwd = path.join(root, 'app');
    const dataDir = path.join(root, 'srv', 'data');
    const earlier = path.join(cwd, 'keys', 'tip-contact.key');
    fs.mkdirSync(path.dirname(earlier), { recursive: true });
    fs.writeFileSync(earlier, 'old key', { mode: 0o600 });
    // A new data folder cannot hold contacts that key sealed: its key goes beside it.
    expect(defaultTipKeyFile(dataDir, cwd)).toBe(path.join(root, 'srv', 'keys', 'tip-contact.key'));
    // A data folder an earlier version wrote keeps using the key it was sealed with.
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '17');
    expect(defaultTipKeyFile(dataDir, cwd)).toBe(earlier);
    // Once a key is beside the data folder, that one is used.
    const beside = path.join(root, 'srv', 'keys', 'tip-contact.key');
    fs.mkdirSync(path.dirname(beside), { recursive: true });
    fs.writeFileSync(beside, 'key', { mode: 0o600 });
    expect(defaultTipKeyFile(dataDir, cwd)).toBe(beside);
  });

  it('TIP_KEY_FILE names it anywhere', () => {
    expect(loadConfig({ DATA_DIR: path.join(root, 'data'), TIP_KEY_FILE: path.join(root, 'vault', 'k') }).tipKeyFile).toBe(path.join(root, 'vault', 'k'));
  });
});

describe('TRUST_PROXY', () => {
  it('takes a number of proxies or their addresses, and believes no client by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toBe('10.0.0.5,10.1.0.0/16');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('with one proxy, trusts the proxy in front and no hop before it', () => {
    const trust = trustProxyOption(1) as (address: string, hop: number) => boolean;
    expect([trust('10.0.0.5', 0), trust('1.2.3.4', 1)]).toEqual([true, false]);
  });
});

describe('SESSION_MAX_HOURS', () => {
  it('is 12 hours unless set, and refuses what is not a number of hours', () => {
    expect(loadConfig({}).sessionMaxHours).toBe(12);
    expect(loadConfig({ SESSION_MAX_HOURS: '8' }).sessionMaxHours).toBe(8);
    expect(() => loadConfig({ SESSION_MAX_HOURS: 'mot ngay' })).toThrow(/SESSION_MAX_HOURS/);
  });
});

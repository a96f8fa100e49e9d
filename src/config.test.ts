import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTipKeyFile, loadConfig } from './config.ts';
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

import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../scripts/pg-throwaway.ts';
import { Client } from './support/server.ts';

/**
 * `npm start` as a user runs it: a real process on a real port. An acknowledged change
 * survives the process being killed outright, and a second start reuses the data.
 */
const engine = inject('engine');
// The data folder and, beside it, the tip key's folder (keys/), both inside one folder of its own.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'binhyen-start-'));
const dataDir = path.join(root, 'data');
let databaseUrl: string | undefined;
const children: ChildProcess[] = [];

async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok && out.includes('sẵn sàng')) return { child, output: () => out };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer: ${out}`);
}

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

describe(`npm start (${engine})`, () => {
  it('prints where to open it and the demo log-ins; keeps an acknowledged change through a kill -9 and restart', async () => {
    if (engine === 'postgres') {
      const pg = (await import('pg')).default;
      const name = `start_${crypto.randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(process.env.TEST_PG_URL!);
      u.pathname = '/' + name;
      databaseUrl = u.toString();
    }
    const port = await freePort();
    const first = await start(port);
    expect(first.output()).toContain(`http://localhost:${port}/`);
    for (const user of ['quantri', 'lanhdao', 'canbo', 'truonghoc', 'thon', 'xem']) expect(first.output()).toContain(user);
    expect(first.output()).toContain('BinhYen@2025');
    // The tip key is made beside the data folder, not in it nor in the working folder.
    if (!process.env.TIP_KEY) expect(fs.statSync(path.join(root, 'keys', 'tip-contact.key')).mode & 0o777).toBe(0o600);

    const client = new Client(`http://127.0.0.1:${port}`);
    const login = await client.post('/api/auth/login', { username: 'canbo', password: 'BinhYen@2025' });
    client.csrf = login.body.csrfToken;
    const commune = (await client.get('/api/units/roots')).body[0];
    const created = await client.post('/api/units', { parentId: commune.id, kind: 'village', subkind: 'Thôn', name: 'Thôn Bền Vững' });
    expect(created.status).toBe(201);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await start(port);
    expect(second.output()).not.toContain('Đã tạo dữ liệu mẫu');
    const again = new Client(`http://127.0.0.1:${port}`);
    const relog = await again.post('/api/auth/login', { username: 'canbo', password: 'BinhYen@2025' });
    expect(relog.status).toBe(200);
    const found = await again.get('/api/units/search?q=ben%20vung');
    expect(found.body.units.map((u: any) => u.id)).toEqual([created.body.id]);
    const villages = await again.get(`/api/units/${commune.id}/children?kind=village`);
    expect(villages.body.filter((v: any) => v.name === 'Thôn Làng Ngần')).toHaveLength(1); // demo not loaded twice
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { itReading } from '../../tests/support/tools.ts';
import { newCode, parseCode } from './code.ts';

let server: TestServer;
let head: Client; // thon: village operator of Thôn Làng Ngần, Xã Thượng Hà
let officer: Client; // canbo: officer of Xã Thượng Hà
let thuongHa: any;
let langNgan: any;
const households: number[] = [];
const handedOut: any[] = [];
const contact = { contactName: 'Thượng úy Nguyễn Văn Bình', contactPhone: '0987 111 222' };
const keychainCount = async () => Number((await server.database.db.selectFrom('keychains').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** poppler is required, not optional: CI installs it, and a skipped check would let a broken sheet through. */
function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} failed (install Debian package poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  server = await startTestServer();
  head = await server.login('thon');
  officer = await server.login('canbo');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  langNgan = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body.find((u: any) => u.name === 'Thôn Làng Ngần');
  for (const [i, name] of ['Vàng Seo Chứ', 'Vàng Thị Dính', 'Vàng A Lử'].entries()) {
    households.push((await head.post('/api/households', { villageId: langNgan.id, headName: name, address: `Khu Cửa Khẩu, nhà ${i + 1}`, members: 3 })).body.id);
  }
});
afterAll(() => server.close());

describe('keychain codes', () => {
  it('are 12 unambiguous characters, read back however a person types them', () => {
    const codes = new Set(Array.from({ length: 2000 }, newCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(parseCode('7k3m-q9xd 2hrp')).toBe('7K3MQ9XD2HRP');
    expect(parseCode('OIL0-0000-0000')).toBe('0110' + '0'.repeat(8));
    expect(parseCode('7K3M-Q9XD-2HR')).toBeUndefined();
    expect(parseCode('7K3M-Q9XD-2HRU')).toBeUndefined();
  });
});

describe('khóa an toàn', () => {
  it('hands a lock and a keychain with its own code to each household; a household already holding one is refused', async () => {
    const res = await head.post('/api/keychains', { householdIds: households.slice(0, 2), handedOn: '2026-03-01', locks: 1, ...contact });
    expect(res.status).toBe(201);
    handedOut.push(...res.body);
    expect(res.body.map((k: any) => k.household_id).sort()).toEqual(households.slice(0, 2).sort());
    expect(res.body[0].code).not.toBe(res.body[1].code);
    expect(res.body[0]).toMatchObject({ contact_phone: '0987111222', revoked_at: null });

    const before = await keychainCount();
    const again = await head.post('/api/keychains', { householdIds: [households[1], households[2]], handedOn: '2026-03-02', ...contact });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^Hộ Vàng Thị Dính đang giữ móc khóa/);
    const future = await head.post('/api/keychains', { householdIds: [households[2]], handedOn: '2099-01-01', ...contact });
    expect(future.status).toBe(400);
    expect(await keychainCount()).toBe(before);

    const register = (await officer.get(`/api/keychains?unitId=${thuongHa.id}`)).body;
    expect(register.filter((k: any) => households.includes(k.household_id)).map((k: any) => k.head_name).sort()).toEqual(['Vàng Seo Chứ', 'Vàng Thị Dính']);
    expect((await (await server.login('xem')).get(`/api/keychains?unitId=${thuongHa.id}`)).status).toBe(403);
    // Another commune's register does not exist for this officer.
    const thachLap = (await server.database.db.selectFrom('units').select('id').where('code', '=', '15085').executeTakeFirstOrThrow()).id;
    expect((await officer.get(`/api/keychains?unitId=${thachLap}`)).status).toBe(404);
    // Two hand-outs to one household at once: one keychain, and the other is told why.
    const race = await Promise.all([0, 1].map(() => head.post('/api/keychains', { householdIds: [households[2]], handedOn: '2026-03-03', ...contact })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(race.find((r) => r.status === 409)!.body.error.message).toMatch(/^Hộ Vàng A Lử đang giữ móc khóa/);
    const raced = race.find((r) => r.status === 201)!.body[0];
    expect((await head.post(`/api/keychains/${raced.id}/revoke`)).status).toBe(200);
    const figures = (await officer.get(`/api/keychains/handed-out?unitId=${langNgan.id}`)).body;
    expect(figures).toMatchObject({ target: 100, keychains: 2 });
    expect(figures.share).toBeCloseTo((100 * 2) / figures.households);
  });

  it('routes a code to its commune and village, publicly and without saying who holds it; a revoked code no longer routes', async () => {
    const [first, second] = handedOut;
    const typed = `${first.code.slice(0, 4).toLowerCase()}-${first.code.slice(4, 8)} ${first.code.slice(8)}`;
    const route = await fetch(`${server.url}/api/public/keychains/${encodeURIComponent(typed)}`);
    expect(route.status).toBe(200);
    const body = await route.json();
    expect(body).toMatchObject({ village_name: 'Thôn Làng Ngần', commune_name: 'Xã Thượng Hà', commune_id: thuongHa.id, contact_phone: '0987111222' });
    expect(JSON.stringify(body)).not.toContain('Vàng');
    expect((await fetch(`${server.url}/api/public/keychains/ZZZZZZZZZZZZ`)).status).toBe(404);
    // A code typed by hand into the page's box, as people write it.
    const typedIn = await fetch(`${server.url}/k?ma=${encodeURIComponent(typed)}`, { redirect: 'manual' });
    expect([typedIn.status, typedIn.headers.get('location')]).toEqual([303, `/k/${first.code}`]);
    const unknown = await fetch(`${server.url}/k/ZZZZ-ZZZZ-ZZZZ`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Nhập mã in trên móc khóa');

    const page = await fetch(`${server.url}/k/${first.code}`);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('Công an xã Thượng Hà');
    expect(html).toContain('href="tel:0987111222"');
    expect(html).not.toContain('<script');

    const [once, twice] = await Promise.all([head.post(`/api/keychains/${second.id}/revoke`), head.post(`/api/keychains/${second.id}/revoke`)]);
    expect([once.status, twice.status].sort()).toEqual([200, 409]);
    const revocations = await server.database.db.selectFrom('audit_log').select('id').where('entity', '=', 'keychain').where('entity_id', '=', String(second.id)).where('action', '=', 'update').execute();
    expect(revocations).toHaveLength(1);
    const revoked = await fetch(`${server.url}/api/public/keychains/${second.code}`);
    expect(revoked.status).toBe(410);
    expect((await revoked.json()).error.message).toMatch(/đã bị thu hồi/);
    expect((await fetch(`${server.url}/k/${second.code}`)).status).toBe(410);
    // The household may be given a new keychain.
    const renewed = await head.post('/api/keychains', { householdIds: [households[1]], handedOn: '2026-04-01', ...contact });
    expect(renewed.status).toBe(201);
    handedOut.push(renewed.body[0]);
  });

  itReading('poppler')('prints the village\'s cards as a PDF whose QR codes open the routed page', async () => {
    const res = await fetch(`${server.url}/api/keychains/cards.pdf?villageId=${langNgan.id}`, { headers: { cookie: officer.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keychain-cards-'));
    const pdf = path.join(dir, 'cards.pdf');
    fs.writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
    const text = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).normalize('NFC');
    expect(text).toContain('KHÓA AN TOÀN ANTT');
    expect(text).toContain('Công an xã Thượng Hà · Thôn Làng Ngần');
    expect(text).not.toContain('Vàng Seo Chứ'); // a lost card does not say whose house it opens
    expect(text).toContain('ĐT: 0987111222');
    const active = handedOut.filter((k) => k.id !== handedOut[1].id);
    for (const k of active) expect(text).toContain(`Mã: ${k.code.match(/.{4}/g).join('-')}`);

    // One card alone: the keychain just handed out.
    const one = await fetch(`${server.url}/api/keychains/cards.pdf?villageId=${langNgan.id}&ids=${active[0].id}`, { headers: { cookie: officer.cookie } });
    fs.writeFileSync(path.join(dir, 'one.pdf'), Buffer.from(await one.arrayBuffer()));
    const oneText = run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'one.pdf'), '-']);
    expect(oneText.match(/Mã: /g)).toHaveLength(1);
    expect(oneText).toContain(active[0].code.match(/.{4}/g).join('-'));
    const badIds = await fetch(`${server.url}/api/keychains/cards.pdf?villageId=${langNgan.id}&ids=1;2`, { headers: { cookie: officer.cookie } });
    expect(badIds.status).toBe(400);

    run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.png'))!)));
    // Each card of the first row: its left half, where the QR code is.
    const found: string[] = [];
    const mm = 150 / 25.4;
    for (const column of [0, 1]) {
      const left = Math.round((210 / 2 - 85.6 + column * 85.6) * mm);
      const top = Math.round(((297 - 5 * 54) / 2) * mm);
      const w = Math.round(45 * mm);
      const h = Math.round(54 * mm);
      const crop = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++) crop.set(png.data.subarray(((top + y) * png.width + left) * 4, ((top + y) * png.width + left + w) * 4), y * w * 4);
      const qr = jsqr.default(crop, w, h); // CommonJS: the function is also its own .default
      expect(qr, `QR code of card ${column + 1}`).not.toBeNull();
      found.push(qr!.data);
    }
    expect(found.sort()).toEqual(active.map((k) => `${server.url}/k/${k.code}`).sort().slice(0, 2));
    const opened = await fetch(found[0]!);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Thôn Làng Ngần');
  });
});

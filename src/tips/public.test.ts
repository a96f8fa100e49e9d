/**
 * The public tip channel as a resident uses it: the pages over real HTTP with real multipart
 * forms, and the confidentiality that must hold in the stored rows and in a dump of the database.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';

let server: TestServer;
let officer: Client; // canbo: officer of Xã Thượng Hà
let thuongHa: any;
const PHONE = '0987654321';
const NAME = 'Nguyễn Thị Người Báo Tin';
const count = async () => Number((await server.database.db.selectFrom('tips').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/**
 * Posts the form as a browser does: multipart, from an address of its own (the limits count per
 * address), then follows a redirect to the receipt with the cookie it set: `html` is the page the
 * person sees, `status` the answer to the post.
 */
async function send(fields: Record<string, string>, photos: { name: string; type: string; bytes: Uint8Array }[] = [], from = '203.0.113.7') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const p of photos) form.append('photos', new Blob([Buffer.from(p.bytes)], { type: p.type }), p.name);
  const res = await fetch(`${server.url}/bao-tin`, { method: 'POST', body: form, headers: { 'x-forwarded-for': from }, redirect: 'manual' });
  if (res.status !== 303) return { status: res.status, html: await res.text(), headers: res.headers, cookie: '' };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const receipt = await fetch(new URL(res.headers.get('location')!, server.url), { headers: { cookie } });
  expect(receipt.status).toBe(200);
  return { status: res.status, html: await receipt.text(), headers: res.headers, cookie };
}

const codesOf = (html: string) => [...html.matchAll(/<span class="code">([0-9A-Z-]+)<\/span>/g)].map((m) => m[1]!);

/** A JPEG carrying the GPS position and the phone model in its EXIF, as phones write them. */
const photoWithExif = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Secret Model X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '104/1 30/1 0/1' } })
    .toBuffer();

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.login('canbo');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
});
afterAll(() => server.close());

describe('the public tip form', () => {
  it('finds the commune by a name typed without diacritics, old names too, and opens its form', async () => {
    const found = await (await fetch(`${server.url}/bao-tin?tim=dien%20quan`)).text();
    expect(found).toContain(`href="/bao-tin?xa=${thuongHa.id}"`);
    // Its own name first, before communes that replaced an old "Thượng Hà".
    const byName = await (await fetch(`${server.url}/bao-tin?tim=thuong%20ha`)).text();
    expect(byName.match(/href="\/bao-tin\?xa=(\d+)"/)![1]).toBe(String(thuongHa.id));
    // Words typed begin words: "ha" is not the "ha" inside "Thanh"; only communes named so (or
    // that replaced one so named) are offered, not every ward of Hà Nội.
    expect(byName.match(/href="\/bao-tin\?xa=/g)!.length).toBeLessThan(10);
    // Spread over the commune, its district and province, the words still find it.
    const spread = await (await fetch(`${server.url}/bao-tin?tim=thuong%20ha%20lao%20cai`)).text();
    expect(spread.match(/href="\/bao-tin\?xa=(\d+)"/)![1]).toBe(String(thuongHa.id));
    const form = await fetch(`${server.url}/bao-tin?xa=${thuongHa.id}`);
    const html = await form.text();
    expect(html).toContain('Công an xã Thượng Hà');
    expect(html).not.toContain('<script');
    expect(Buffer.byteLength(html)).toBeLessThan(30 * 1024);
    expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('takes an anonymous tip with a photo, strips the photo\'s EXIF, and gives a tracking code and secret that open the status page', async () => {
    const exif = await photoWithExif();
    expect((await sharp(exif).metadata()).exif).toBeDefined();
    const sent = await send({ xa: String(thuongHa.id), category: 'drugs', description: 'Có nhóm người lạ tụ tập ở bãi đất trống sau chợ, nghi sử dụng ma túy.', place: 'Sau chợ Điện Quan' }, [{ name: 'IMG_2024.jpg', type: 'image/jpeg', bytes: exif }]);
    expect(sent.status).toBe(303);
    const [code, secret] = codesOf(sent.html);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(secret).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/);

    const tip = await server.database.db.selectFrom('tips').selectAll().where('tracking_code', '=', code!.replace(/-/g, '')).executeTakeFirstOrThrow();
    expect(tip).toMatchObject({ category: 'drugs', channel: 'web', status: 'new', contact_sealed: null, commune_id: thuongHa.id });
    const stored = await server.database.db.selectFrom('tip_files as tf').innerJoin('files as f', 'f.id', 'tf.file_id').select(['f.content', 'f.media_type']).where('tf.tip_id', '=', tip.id).executeTakeFirstOrThrow();
    const meta = await sharp(Buffer.from(stored.content)).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(stored.content).includes(Buffer.from('Secret Model X'))).toBe(false);
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 64, 48]);
    // The photo is the tip's: the commune police open it, a provincial viewer does not.
    const fileId = (await server.database.db.selectFrom('tip_files').select('file_id').where('tip_id', '=', tip.id).executeTakeFirstOrThrow()).file_id;
    expect((await officer.get(`/api/files/${fileId}`)).status).toBe(200);
    expect((await (await server.login('xem')).get(`/api/files/${fileId}`)).status).toBe(404);

    const status = await fetch(`${server.url}/bao-tin/theo-doi`, { method: 'POST', body: new URLSearchParams({ code: code!.toLowerCase(), secret: secret! }) });
    const page = await status.text();
    expect(status.status).toBe(200);
    expect(page).toContain('Tình trạng: <strong>Mới</strong>');
    const wrong = await fetch(`${server.url}/bao-tin/theo-doi`, { method: 'POST', body: new URLSearchParams({ code: code!, secret: 'AAAA-AAAA-AAAA-AAAA' }) });
    const unknown = await fetch(`${server.url}/bao-tin/theo-doi`, { method: 'POST', body: new URLSearchParams({ code: 'ZZZZ-ZZZZ-ZZ', secret: secret! }) });
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(await wrong.text()).toContain('Mã theo dõi hoặc mã bí mật không đúng');

    // The commune police see it in their inbox.
    const inbox = (await officer.get(`/api/tips?unitId=${thuongHa.id}`)).body;
    expect(inbox.find((t: any) => t.id === tip.id)).toMatchObject({ category: 'drugs', urgency: 'on_time', has_contact: false });
    // Codes as a person types them off the receipt: dashes or spaces, small letters, o for 0, l for 1.
    const typed = (c: string) => c.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    const asTyped = await fetch(`${server.url}/bao-tin/theo-doi`, { method: 'POST', body: new URLSearchParams({ code: typed(code!).replace(/-/g, ' '), secret: typed(secret!) }) });
    expect(asTyped.status).toBe(200);
    for (const search of [code!, typed(code!), ` ${code!.replace(/-/g, ' ')} `]) {
      const found = (await officer.get(`/api/tips?unitId=${thuongHa.id}&q=${encodeURIComponent(search)}`)).body;
      expect(found.map((t: any) => t.id), search).toEqual([tip.id]);
    }
  });

  it('sends the browser on to the receipt, which a refresh shows again without sending the tip again', async () => {
    const before = await count();
    const sent = await send({ xa: String(thuongHa.id), category: 'theft', description: 'Kẻ gian lấy trộm bình ắc quy của xe công nông đỗ ngoài ruộng.' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/bao-tin/da-gui');
    const setCookie = sent.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/Path=\/bao-tin\/da-gui/);
    expect(setCookie).toMatch(/HttpOnly/);
    // A session cookie: not written to the phone's disk.
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    const [code, secret] = codesOf(sent.html);
    expect(sent.html).toContain('Công an xã Thượng Hà đã nhận được tin báo của bạn');
    const again = await fetch(`${server.url}/bao-tin/da-gui`, { headers: { cookie: sent.cookie } });
    expect(codesOf(await again.text())).toEqual([code, secret]);
    expect(await count()).toBe(before + 1);
    // Without the cookie, or with one made up, the page shows no codes.
    for (const cookie of ['', `bien_nhan=${code!.replace(/-/g, '')}.AAAAAAAAAAAAAAAA`, 'bien_nhan=x']) {
      const gone = await fetch(`${server.url}/bao-tin/da-gui`, { headers: { cookie } });
      const html = await gone.text();
      expect([gone.status, codesOf(html)]).toEqual([200, []]);
      expect(html).toContain('chỉ hiện mã theo dõi và mã bí mật trong 15 phút');
    }
    // The person removes them from the phone at once.
    const removed = await fetch(`${server.url}/bao-tin/da-gui`, { method: 'POST', headers: { cookie: sent.cookie } });
    expect(removed.headers.get('set-cookie')).toMatch(/^bien_nhan=;.*Path=\/bao-tin\/da-gui/);
    expect(await removed.text()).toContain('Đã xóa hai mã khỏi máy này');
    // Past 15 minutes the page no longer shows them, whatever the browser still sends, and forgets them.
    await server.database.db.updateTable('tips').set({ received_at: new Date(Date.now() - 16 * 60_000) }).where('tracking_code', '=', code!.replace(/-/g, '')).execute();
    const late = await fetch(`${server.url}/bao-tin/da-gui`, { headers: { cookie: sent.cookie } });
    expect(codesOf(await late.text())).toEqual([]);
    expect(late.headers.get('set-cookie')).toMatch(/^bien_nhan=;/);
  });

  it('counts made-up receipt cookies as guesses, apart from real receipts and the status page', async () => {
    const from = '198.51.100.90';
    const guess = (i: number) => fetch(`${server.url}/bao-tin/da-gui`, { headers: { cookie: `bien_nhan=${'A'.repeat(9)}${i % 10}.${'B'.repeat(16)}`, 'x-forwarded-for': from } });
    for (let i = 0; i < 30; i++) expect((await guess(i)).status).toBe(200);
    expect((await guess(30)).status).toBe(429);
    // Another address is not held back, nor is the status page at this one.
    const status = await fetch(`${server.url}/bao-tin/theo-doi`, { method: 'POST', headers: { 'x-forwarded-for': from }, body: new URLSearchParams({ code: 'ZZZZ-ZZZZ-ZZ', secret: 'AAAA' }) });
    expect(status.status).toBe(404);
  });

  it('turns away an address over its limit before reading what it sends', async () => {
    const from = '198.51.100.77';
    for (let i = 0; i < 30; i++) expect((await send({ xa: String(thuongHa.id), category: 'other', description: `Tin thử số ${i} từ một địa chỉ.` }, [], from)).status).toBe(303);
    // A body that cannot be read gets 429, not 400: the limit came first.
    const cut = await fetch(`${server.url}/bao-tin`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz', 'x-forwarded-for': from }, body: '--xyz\r\nbroken' });
    expect(cut.status).toBe(429);
    expect(await cut.text()).toContain('Tin báo của bạn chưa được gửi');
  });

  it('seals the contact a resident chooses to leave: not in the rows, not in a dump; only a confidential officer reads it, and that is logged', async () => {
    const sent = await send({ xa: String(thuongHa.id), category: 'theft', description: 'Nhà tôi bị mất trộm xe máy đêm qua, kẻ gian phá khóa cổng.', name: NAME, phone: '0987 654 321' });
    expect(sent.status).toBe(303);
    const code = codesOf(sent.html)[0]!.replace(/-/g, '');
    const tip = await server.database.db.selectFrom('tips').select(['id', 'contact_sealed']).where('tracking_code', '=', code).executeTakeFirstOrThrow();
    const sealed = Buffer.from(tip.contact_sealed!);
    expect(sealed.includes(Buffer.from(PHONE))).toBe(false);
    expect(sealed.includes(Buffer.from('Người Báo Tin'))).toBe(false);

    // The whole database as its administrator would dump it.
    let dump: Buffer;
    if (server.database.engine === 'postgres') {
      const pgDump = ['/usr/bin/pg_dump', ...fs.readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`)].find((p) => fs.existsSync(p));
      expect(pgDump, 'pg_dump (Debian package postgresql-client)').toBeDefined();
      const out = spawnSync(pgDump!, ['--data-only', server.database.url!], { maxBuffer: 1024 * 1024 * 1024 });
      expect(out.status, String(out.stderr)).toBe(0);
      dump = out.stdout;
    } else {
      dump = Buffer.from(await (await server.database.dump!()).arrayBuffer());
    }
    expect(dump.length).toBeGreaterThan(100_000);
    expect(dump.includes(Buffer.from(code)), 'the dump holds the tip').toBe(true);
    expect(dump.includes(Buffer.from(PHONE))).toBe(false);
    expect(dump.includes(Buffer.from(NAME))).toBe(false);

    expect((await officer.post(`/api/tips/${tip.id}/reveal`)).status).toBe(403);
    const admin = await server.login('quantri');
    expect((await admin.post(`/api/tips/${tip.id}/reveal`)).status).toBe(403);
    const keeper = await admin.post('/api/users', { username: 'giamsat.thuongha', fullName: 'Phạm Văn Kín', password: 'Bi-mat#2025x', unitId: thuongHa.id, role: 'confidential' });
    expect(keeper.status).toBe(201);
    const confidant = await server.login('giamsat.thuongha', 'Bi-mat#2025x');
    const page = (await confidant.get(`/api/tips/${tip.id}`)).body;
    expect(page).toMatchObject({ canReveal: true, canHandle: false });
    expect(JSON.stringify(page)).not.toContain(PHONE);
    const revealed = await confidant.post(`/api/tips/${tip.id}/reveal`);
    expect(revealed.body).toEqual({ name: NAME, phone: PHONE });
    const logged = await server.database.db.selectFrom('audit_log').select(['actor_name', 'after']).where('action', '=', 'reveal').where('entity_id', '=', String(tip.id)).execute();
    expect(logged.map((l) => l.actor_name)).toEqual(['giamsat.thuongha']);
    expect(JSON.stringify(logged)).not.toContain(PHONE);

    // Exports leave the contact out; only the confidential role may ask for it, and that is a reveal too.
    const csv = async (who: Client, extra = '') => {
      const res = await fetch(`${server.url}/api/tips/export.csv?unitId=${thuongHa.id}${extra}`, { headers: { cookie: who.cookie } });
      return { status: res.status, text: await res.text() };
    };
    const plain = await csv(officer);
    expect(plain.status).toBe(200);
    expect(plain.text).toContain('Nhà tôi bị mất trộm xe máy');
    expect(plain.text).not.toContain(PHONE);
    expect(plain.text).not.toContain('Người báo tin');
    expect((await csv(officer, '&withContacts=true')).status).toBe(403);
    const full = await csv(confidant, '&withContacts=true');
    expect(full.status).toBe(200);
    expect(full.text).toContain(PHONE);
    expect(full.text).toContain(NAME);
    const viaExport = await server.database.db.selectFrom('audit_log').select('after').where('action', '=', 'reveal').where('entity_id', '=', String(tip.id)).where('actor_name', '=', 'giamsat.thuongha').execute();
    expect(viaExport).toHaveLength(2);
  });

  it('routes a keychain\'s tip to its commune and village; a revoked keychain no longer does', async () => {
    const head = await server.login('thon');
    const langNgan = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body.find((v: any) => v.name === 'Thôn Làng Ngần');
    const household = (await head.post('/api/households', { villageId: langNgan.id, headName: 'Giàng A Páo', address: 'Xóm Cửa Rừng', members: 5 })).body.id;
    const [keychain] = (await head.post('/api/keychains', { householdIds: [household], handedOn: '2026-02-01', contactName: 'Công an xã', contactPhone: '0912000111' })).body;
    const form = await (await fetch(`${server.url}/bao-tin?ma=${keychain.code}`)).text();
    expect(form).toContain('Công an xã Thượng Hà</strong> (Thôn Làng Ngần)');
    const sent = await send({ ma: keychain.code, category: 'fire', description: 'Có người đốt rác sát bìa rừng, lửa lan sang cỏ khô.' });
    expect(sent.status).toBe(303);
    const tip = await server.database.db.selectFrom('tips').selectAll().where('tracking_code', '=', codesOf(sent.html)[0]!.replace(/-/g, '')).executeTakeFirstOrThrow();
    expect(tip).toMatchObject({ channel: 'keychain', village_id: langNgan.id, commune_id: thuongHa.id });
    // The tip keeps no link to the keychain: that would name the household that sent it.
    expect(JSON.stringify(tip)).not.toContain(keychain.code);
    expect(Object.keys(tip)).not.toContain('keychain_id');

    await head.post(`/api/keychains/${keychain.id}/revoke`);
    const before = await count();
    const refused = await send({ ma: keychain.code, category: 'fire', description: 'Thử gửi lại bằng móc khóa đã báo mất.' });
    expect(refused.status).toBe(410);
    expect(refused.html).toContain('đã bị thu hồi');
    expect(await count()).toBe(before);
  });

  it('answers bad input with the form again, its text escaped, and stores nothing', async () => {
    const before = await count();
    const script = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
    const noCategory = await send({ xa: String(thuongHa.id), description: script });
    expect(noCategory.status).toBe(400);
    expect(noCategory.html).toContain('Hãy chọn loại sự việc');
    expect(noCategory.html).not.toContain('<script>alert');
    expect(noCategory.html).not.toContain('<img src=x');
    expect(noCategory.html).toContain('&lt;script&gt;');
    expect((await send({ xa: String(thuongHa.id), category: 'crime', description: 'ngắn' })).html).toContain('ít nhất vài từ');
    expect((await send({ xa: String(thuongHa.id), category: 'crime', description: 'x'.repeat(5001) })).status).toBe(400);
    expect((await send({ xa: String(thuongHa.id), category: 'crime', description: 'Sự việc đủ dài để gửi.', occurredAt: '2099-01-01T10:00' })).html).toContain('Thời điểm xảy ra ở tương lai');
    expect((await send({ xa: String(thuongHa.id), category: 'crime', description: 'Sự việc đủ dài để gửi.', occurredAt: 'hôm qua' })).html).toContain('Thời điểm xảy ra không hợp lệ');
    expect((await send({ xa: String(thuongHa.id), category: 'crime', description: 'Sự việc đủ dài để gửi.', phone: '12ab' })).html).toContain('Số điện thoại không hợp lệ');
    const fake = await send({ xa: String(thuongHa.id), category: 'crime', description: 'Sự việc đủ dài để gửi.' }, [{ name: 'anh.jpg', type: 'image/jpeg', bytes: Buffer.from('this is not a photo at all') }]);
    expect([fake.status, fake.html.includes('Ảnh &quot;anh.jpg&quot; không được nhận: không phải ảnh JPEG, PNG hoặc WebP.')]).toEqual([400, true]);
    const pdf = await send({ xa: String(thuongHa.id), category: 'crime', description: 'Sự việc đủ dài để gửi.' }, [{ name: 'a.jpg', type: 'image/jpeg', bytes: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF') }]);
    expect(pdf.status).toBe(400);
    const big = await send({ xa: String(thuongHa.id), category: 'crime', description: 'Sự việc đủ dài để gửi.' }, [{ name: 'big.jpg', type: 'image/jpeg', bytes: Buffer.alloc(6 * 1024 * 1024, 1) }]);
    expect([big.status, big.html.includes('Ảnh &quot;big.jpg&quot; không được nhận: lớn hơn 5 MB.')]).toEqual([400, true]);
    const cut = await fetch(`${server.url}/bao-tin`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\nContent-Disposition: form-data; name="xa"\r\n\r\n1' });
    expect([cut.status, (await cut.text()).includes('Không đọc được biểu mẫu')]).toEqual([400, true]);
    const noBoundary = await fetch(`${server.url}/bao-tin`, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
    expect(noBoundary.status).toBe(400);
    expect((await send({ xa: String(thuongHa.id), category: 'constructor', description: 'Sự việc đủ dài để gửi.' })).html).toContain('Hãy chọn loại sự việc');
    const bot = await send({ xa: String(thuongHa.id), category: 'crime', description: 'Sự việc đủ dài để gửi.', website: 'http://spam.example' });
    expect(bot.status).toBe(400);
    expect((await send({ xa: '999999999', category: 'crime', description: 'Sự việc đủ dài để gửi.' })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('keeps everything written when a photo is refused, and says which photo and why', async () => {
    const before = await count();
    const good = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } }).png().toBuffer();
    const story = 'Xe tải chở gỗ lậu đi qua cầu treo lúc nửa đêm, không bật đèn.';
    const fields = { xa: String(thuongHa.id), category: 'crime', description: story, occurredAt: '2026-03-01T23:30', place: 'Cầu treo Làng Ngần', name: 'Lò Văn Tâm', phone: '0912345678' };
    const big = await send(fields, [
      { name: 'cau-treo.png', type: 'image/png', bytes: good },
      { name: 'IMG_0042.jpg', type: 'image/jpeg', bytes: Buffer.alloc(6 * 1024 * 1024, 1) },
      { name: 'ghi-chu.txt', type: 'image/jpeg', bytes: Buffer.from('không phải ảnh') },
    ]);
    expect(big.status).toBe(400);
    expect(big.html).toContain('Ảnh &quot;IMG_0042.jpg&quot; không được nhận: lớn hơn 5 MB.');
    expect(big.html).toContain('Ảnh &quot;ghi-chu.txt&quot; không được nhận: không phải ảnh JPEG, PNG hoặc WebP.');
    expect(big.html).toContain('hãy chọn lại các ảnh hợp lệ trước khi gửi');
    expect(big.html).toContain('value="crime" checked');
    expect(big.html).toContain(`>${story}</textarea>`);
    for (const v of ['2026-03-01T23:30', 'Cầu treo Làng Ngần', 'Lò Văn Tâm', '0912345678']) expect(big.html).toContain(`value="${v}"`);
    expect(big.html).toContain('aria-describedby="photos-error"');
    // A fourth photo is named too, and what follows it in the form still arrives.
    const four = await send(fields, ['a', 'b', 'c', 'd'].map((n) => ({ name: `${n}.png`, type: 'image/png', bytes: good })));
    expect(four.html).toContain('Ảnh &quot;d.png&quot; không được nhận: quá 3 ảnh.');
    expect(four.html).toContain('value="0912345678"');
    // Another field's error says the photos chosen were not sent and must be chosen again.
    const short = await send({ ...fields, description: 'ngắn' }, [{ name: 'cau-treo.png', type: 'image/png', bytes: good }]);
    expect(short.html).toContain('Ảnh đã chọn chưa được gửi; hãy chọn lại trước khi gửi.');
    expect(short.html).toContain('value="Lò Văn Tâm"');
    // A body cut short keeps the fields read before the fault.
    const cut = await fetch(`${server.url}/bao-tin`, {
      method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: `--xyz\r\nContent-Disposition: form-data; name="xa"\r\n\r\n${thuongHa.id}\r\n--xyz\r\nContent-Disposition: form-data; name="place"\r\n\r\nBến đò\r\n--xyz\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nabc`,
    });
    const cutHtml = await cut.text();
    expect([cut.status, cutHtml.includes('Không đọc được biểu mẫu'), cutHtml.includes('value="Bến đò"')]).toEqual([400, true, true]);
    expect(await count()).toBe(before);
    // Sent again with the photo within the limits, it goes.
    expect((await send(fields, [{ name: 'cau-treo.png', type: 'image/png', bytes: good }])).status).toBe(303);
  });

  it('turns away a flood from one address, and the staff inbox still answers', async () => {
    const from = '198.51.100.23';
    const results = [];
    for (let i = 0; i < 32; i++) results.push((await send({ xa: String(thuongHa.id), category: 'other', description: `Tin thử số ${i} gửi liên tục.` }, [], from)).status);
    expect(results.filter((s) => s === 303)).toHaveLength(30);
    expect(results.slice(30)).toEqual([429, 429]);
    expect((await send({ xa: String(thuongHa.id), category: 'other', description: 'Một người khác, nơi khác.' }, [], '198.51.100.24')).status).toBe(303);
    expect((await officer.get(`/api/tips?unitId=${thuongHa.id}`)).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { readSheet } from '../../tests/support/xlsx.ts';

let server: TestServer;
let head: Client; // thon: village operator of Thôn Làng Ngần, Xã Thượng Hà
let officer: Client; // canbo: officer of Xã Thượng Hà
let thuongHa: any;
let langNgan: any;
let banLu: any;
const count = async () => Number((await server.database.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function importCsv(client: Client, unitId: number, text: string | Uint8Array) {
  const res = await fetch(`${server.url}/api/households/import?unitId=${unitId}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: client.cookie, 'x-csrf-token': client.csrf },
    body: typeof text === 'string' ? text : Buffer.from(text),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function download(client: Client, path: string) {
  const res = await fetch(server.url + path, { headers: { cookie: client.cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startTestServer();
  head = await server.login('thon');
  officer = await server.login('canbo');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  const villages = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body;
  langNgan = villages.find((u: any) => u.name === 'Thôn Làng Ngần');
  banLu = villages.find((u: any) => u.name === 'Thôn Bản Lự');
});
afterAll(() => server.close());

describe('households', () => {
  it('keeps a household with its head, address, members and phone; the same head and address twice is refused', async () => {
    const res = await head.post('/api/households', { villageId: langNgan.id, headName: 'Hoàng Văn Sử', address: 'Xóm Trên', members: 5, phone: '0912 345 678' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ head_name: 'Hoàng Văn Sử', members: 5, phone: '0912345678' });
    const again = await head.post('/api/households', { villageId: langNgan.id, headName: 'HOÀNG  VĂN SỬ', address: 'xóm trên.', members: 4 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('Thôn đã có hộ');
    // Names that differ only by their diacritics are two people.
    const hung = await head.post('/api/households', { villageId: langNgan.id, headName: 'Hoàng Văn Sư', address: 'Xóm Trên', members: 2 });
    expect(hung.status).toBe(201);

    const edited = await head.request('PUT', `/api/households/${res.body.id}`, { headName: 'Hoàng Văn Sử', address: 'Xóm Trên', members: 6 });
    expect(edited.body).toMatchObject({ members: 6, phone: null });
    const found = await officer.get(`/api/households?unitId=${thuongHa.id}&q=hoang van su`);
    expect(found.body.map((h: any) => h.head_name).sort()).toEqual(['Hoàng Văn Sư', 'Hoàng Văn Sử']);
  });

  it('shows households only to those who serve the village: a viewer is refused, another village is not found', async () => {
    const viewer = await server.login('xem');
    const refused = await viewer.get(`/api/households?unitId=${thuongHa.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('dữ liệu cá nhân');
    expect((await download(viewer, `/api/households/export.csv?unitId=${thuongHa.id}`)).status).toBe(403);
    expect((await head.post('/api/households', { villageId: banLu.id, headName: 'Lý Văn A', address: 'Bản Lự', members: 3 })).status).toBe(404);
    const bad = await head.post('/api/households', { villageId: langNgan.id, headName: '', address: 'x', members: 0, phone: '12' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.path).sort()).toEqual(['headName', 'members', 'phone']);
  });
});

describe('CSV import', () => {
  it('imports a village\'s Excel file (semicolons, byte-order mark, headers without diacritics) and updates on a second import', async () => {
    const csv = '\uFEFFChu ho;Dia chi;So nhan khau;So dien thoai;Ghi chu\r\nLý Văn Pao;Nà Pồng;4;0987.654.321;\r\nLý Thị Dua;"Nà Pồng; gần suối";2;;Hộ nghèo\r\n';
    const first = await importCsv(head, langNgan.id, csv);
    expect(first).toMatchObject({ status: 200, body: { created: 2, updated: 0, unchanged: 0 } });
    const second = await importCsv(head, langNgan.id, csv.replace(';4;', ';5;'));
    expect(second.body).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const listed = (await head.get(`/api/households?unitId=${langNgan.id}&q=ly thi dua`)).body[0];
    expect(listed).toMatchObject({ address: 'Nà Pồng; gần suối', members: 2, phone: null, note: 'Hộ nghèo' });
  });

  it('takes back a phone Excel turned into a number, and keeps a formula-like note as text in the export', async () => {
    const res = await importCsv(head, langNgan.id, 'Chủ hộ,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú\nSùng Văn Páo,Khu Cửa Khẩu,3,912345678,"=HYPERLINK(""http://x"")"\n');
    expect(res.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const stored = (await head.get(`/api/households?unitId=${langNgan.id}&q=sung van pao`)).body[0];
    expect(stored).toMatchObject({ phone: '0912345678', note: '=HYPERLINK("http://x")' });
    const csv = (await download(head, `/api/households/export.csv?unitId=${langNgan.id}`)).bytes.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    // The apostrophe goes again on the way back in: the same household, unchanged.
    const back = await importCsv(head, langNgan.id, csv.split('\n').filter((l, i) => i === 0 || l.includes('Sùng Văn Páo')).join('\n'));
    expect(back.body).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('rejects a file with bad rows, naming each row and column, and saves nothing', async () => {
    const before = await count();
    const csv = [
      'Chủ hộ,Địa chỉ,Số nhân khẩu,Số điện thoại',
      'Đặng Văn Một,Xóm Dưới,3,0912000111',
      ',Xóm Dưới,2,',
      'Đặng Văn Ba,Xóm Dưới,ba,0912',
      'ĐẶNG VĂN MỘT,xóm dưới,1,',
    ].join('\n');
    const res = await importCsv(head, langNgan.id, csv);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Tệp có 4 lỗi, chưa nhập dòng nào');
    expect(res.body.error.fields).toEqual([
      { path: 'Dòng 3, cột Chủ hộ', message: 'Chưa có tên chủ hộ' },
      { path: 'Dòng 4, cột Số nhân khẩu', message: 'Số nhân khẩu phải là số' },
      { path: 'Dòng 4, cột Số điện thoại', message: 'Số điện thoại không hợp lệ (ví dụ 0912345678)' },
      { path: 'Dòng 5, cột Chủ hộ', message: 'Trùng với dòng 2 (cùng chủ hộ và địa chỉ)' },
    ]);
    expect(await count()).toBe(before);
  });

  it('rejects a malformed CSV, a file not in UTF-8, a missing column and a commune file without villages, saving nothing', async () => {
    const before = await count();
    const malformed = await importCsv(head, langNgan.id, 'Chủ hộ,Địa chỉ,Số nhân khẩu\n"Lò Văn Hai,Xóm Giữa,3\n');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/^Tệp CSV không đọc được/);
    // "Chủ hộ" in Windows-1258, as an old Excel saves it.
    const legacy = await importCsv(head, langNgan.id, Uint8Array.from([0x43, 0x68, 0xf4, 0xde, 0x20, 0x68, 0xf4, 0x0a]));
    expect(legacy.body.error.message).toMatch(/không phải mã UTF-8/);
    const noMembers = await importCsv(head, langNgan.id, 'Chủ hộ,Địa chỉ\nLò Văn Ba,Xóm Giữa\n');
    expect(noMembers.body.error.message).toBe('Thiếu cột "Số nhân khẩu" ở dòng tiêu đề');
    const commune = await importCsv(officer, thuongHa.id, 'Chủ hộ,Địa chỉ,Số nhân khẩu\nLò Văn Ba,Xóm Giữa,3\n');
    expect(commune.body.error.message).toBe('Thiếu cột "Thôn" ở dòng tiêu đề');
    const elsewhere = await importCsv(head, thuongHa.id, 'Thôn,Chủ hộ,Địa chỉ,Số nhân khẩu\nThôn Bản Lự,Lò Văn Ba,Xóm Giữa,3\n');
    expect(elsewhere.status).toBe(404); // the head does not serve the commune
    expect(await count()).toBe(before);
  });
});

describe('who sees which households', () => {
  it('shows a village head who also views the province only the village\'s households, from any unit above it', async () => {
    const admin = await server.login('quantri');
    const laoCai = (await admin.get('/api/units/search?q=lao%20cai')).body.units.find((u: any) => u.code === '15');
    const user = await admin.post('/api/users', { username: 'thon.xemtinh', fullName: 'Lò Văn Xem', password: 'Thon-xem#2025', unitId: langNgan.id, role: 'village_operator' });
    expect(user.status).toBe(201);
    expect((await admin.post(`/api/users/${user.body.id}/grants`, { unitId: laoCai.id, role: 'viewer' })).status).toBe(201);
    const mine = await head.post('/api/households', { villageId: langNgan.id, headName: 'Sùng A Của', address: 'Xóm Giữa', members: 3 });
    const other = await officer.post('/api/households', { villageId: banLu.id, headName: 'Lù Văn Khác', address: 'Xóm Dưới', members: 4 });
    expect([mine.status, other.status]).toEqual([201, 201]);

    const client = await server.login('thon.xemtinh', 'Thon-xem#2025');
    for (const unit of [laoCai, thuongHa, langNgan]) {
      const list = await client.get(`/api/households?unitId=${unit.id}&limit=500`);
      expect(list.status).toBe(200);
      expect(new Set(list.body.map((h: any) => h.village_name))).toEqual(new Set(['Thôn Làng Ngần']));
      expect(list.body.map((h: any) => h.id)).toContain(mine.body.id);
      const csv = (await download(client, `/api/households/export.csv?unitId=${unit.id}`)).bytes.toString('utf8');
      expect(csv).toContain('Sùng A Của');
      expect(csv).not.toContain('Lù Văn Khác');
    }
    // The other village of the commune: readable as a unit, its households not.
    expect((await client.get(`/api/households?unitId=${banLu.id}`)).status).toBe(403);
  });
});

describe('the audit log of households', () => {
  const entries = async (id: number) =>
    server.database.db.selectFrom('audit_log').select(['action', 'actor_name', 'unit_id', 'before', 'after'])
      .where('entity', '=', 'household').where('entity_id', '=', String(id)).orderBy('id').execute();

  it('records who created, changed and deleted a household, with the village and the row before and after', async () => {
    const created = await head.post('/api/households', { villageId: langNgan.id, headName: 'Giàng Thị Ghi', address: 'Xóm Cuối', members: 2 });
    expect(created.status).toBe(201);
    expect(await entries(created.body.id)).toEqual([
      { action: 'create', actor_name: 'thon', unit_id: langNgan.id, before: null, after: expect.objectContaining({ head_name: 'Giàng Thị Ghi', members: 2 }) },
    ]);
    expect((await head.request('PUT', `/api/households/${created.body.id}`, { headName: 'Giàng Thị Ghi', address: 'Xóm Cuối', members: 3 })).status).toBe(200);
    expect((await head.delete(`/api/households/${created.body.id}`)).status).toBe(204);
    const log = await entries(created.body.id);
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(log[1]).toMatchObject({ before: expect.objectContaining({ members: 2 }), after: expect.objectContaining({ members: 3 }) });
    expect(log[2]).toMatchObject({ before: expect.objectContaining({ members: 3 }), after: null });
  });
});

describe('export', () => {
  it('exports CSV and XLSX with Vietnamese headings, and the CSV imports back unchanged', async () => {
    const csv = await download(officer, `/api/households/export.csv?unitId=${thuongHa.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain("filename*=UTF-8''H%E1%BB%99%20gia%20%C4%91%C3%ACnh");
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFThôn,Chủ hộ,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú,Tổ liên gia,Mã móc khóa')).toBe(true);
    expect(text).toContain('Thôn Làng Ngần,Lý Thị Dua,Nà Pồng; gần suối,2,,Hộ nghèo');
    const rows = text.trim().split('\n').length - 1;
    const back = await importCsv(officer, thuongHa.id, csv.bytes);
    expect(back.body).toEqual({ created: 0, updated: 0, unchanged: rows });

    const xlsx = await download(officer, `/api/households/export.xlsx?unitId=${thuongHa.id}`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const data = await readSheet(xlsx.bytes);
    expect(data[0]).toEqual(['Thôn', 'Chủ hộ', 'Địa chỉ', 'Số nhân khẩu', 'Số điện thoại', 'Ghi chú', 'Tổ liên gia', 'Mã móc khóa']);
    expect(data.some((r) => r[1] === 'Lý Thị Dua' && r[3] === 2)).toBe(true);
    expect(data.length - 1).toBe(rows);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';

let server: TestServer;
let officer: Client; // canbo: officer at Xã Thượng Hà
let thuongHa: number;
beforeAll(async () => {
  server = await startTestServer();
  officer = await server.login('canbo');
  thuongHa = (await officer.get('/api/units/roots')).body[0].id;
});
afterAll(() => server.close());

const unitCount = async () =>
  Number((await server.database.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('administrative tree', () => {
  it('holds the 34 provinces and 3,321 communes with GSO codes', async () => {
    const rows = await server.database.db
      .selectFrom('units').select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', 'in', ['province', 'commune']).groupBy('kind').orderBy('kind').execute();
    expect(rows).toEqual([{ kind: 'commune', n: 3321 }, { kind: 'province', n: 34 }]);
    const legacy = await server.database.db.selectFrom('legacy_units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(legacy.n).toBe(10047);
  });

  it('shows a unit page with ancestors and the pre-2025 communes it replaced', async () => {
    const res = await officer.get(`/api/units/${thuongHa}`);
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ code: '02968', name: 'Xã Thượng Hà', kind: 'commune', province_code: '15' });
    expect(res.body.ancestors.map((a: any) => a.name)).toEqual(['Việt Nam', 'Lào Cai']);
    expect(res.body.legacy).toEqual(expect.arrayContaining([
      { old_code: '02959', old_name: 'Xã Điện Quan', old_district_name: 'Huyện Bảo Yên', old_province_name: 'Tỉnh Lào Cai' },
    ]));
    expect(res.body.childCounts).toMatchObject({ village: 6, school: 1, agency: 2 });
    expect(res.body.canWrite).toBe(true);
  });

  it('lists a subtree in tree order, page by page', async () => {
    const lc = await server.login('xem'); // viewer, all of Lào Cai
    const province = (await lc.get('/api/units/roots')).body[0];
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await lc.get(`/api/units/${province.id}/subtree?limit=40${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((u: any) => u.path));
      after = res.body.next;
    } while (after);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.every((p) => p.startsWith(province.path))).toBe(true);
    const { n } = await server.database.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('path', 'like', province.path + '_%').executeTakeFirstOrThrow();
    expect(seen.length).toBe(n);
  });
});

describe('creating and editing units', () => {
  it('adds a village, records it in the audit log, and finds it without diacritics', async () => {
    const res = await officer.post('/api/units', { parentId: thuongHa, kind: 'village', subkind: 'thon', name: '  Thôn   Bản Cằm ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Thôn Bản Cằm', subkind: 'Thôn', province_code: '15', depth: 3 });
    const audit = await server.database.db.selectFrom('audit_log').selectAll()
      .where('entity', '=', 'unit').where('entity_id', '=', String(res.body.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor_name: 'canbo', before: null });
    expect((audit[0]!.after as any).name).toBe('Thôn Bản Cằm');
    const found = await officer.get('/api/units/search?q=ban%20cam');
    expect(found.body.units[0].name).toBe('Thôn Bản Cằm');
  });

  it.each([
    [{ parentId: 999999999, kind: 'village', subkind: 'Thôn', name: 'X' }, 400, 'VALIDATION'],
    [{ kind: 'village', subkind: 'Thôn', name: 'X' }, 400, 'VALIDATION'],
    [{ parentId: 1, kind: 'commune', subkind: 'Xã', name: 'Xã Mới' }, 400, 'VALIDATION'],
    [{ parentId: -4, kind: 'village', subkind: 'Thôn', name: 'X' }, 400, 'VALIDATION'],
    [{ parentId: 'abc', kind: 'village', subkind: 'Thôn', name: 'X' }, 400, 'VALIDATION'],
    [{ parentId: 1, kind: 'village', subkind: 'Thôn', name: '' }, 400, 'VALIDATION'],
    [{ parentId: 1, kind: 'village', subkind: 'Thôn', name: 'x'.repeat(201) }, 400, 'VALIDATION'],
  ])('refuses %j with %i and saves nothing', async (body, status, code) => {
    const before = await unitCount();
    const res = await officer.post('/api/units', body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[^\x00-\x7F]/); // Vietnamese, with diacritics
    expect(await unitCount()).toBe(before);
  });

  it('refuses a village under a school, a bad subkind, a blank name and a duplicate, naming the fields', async () => {
    const school = (await officer.get(`/api/units/${thuongHa}/children?kind=school`)).body[0];
    const cases = [
      [{ parentId: school.id, kind: 'village', subkind: 'Thôn', name: 'Thôn A' }, 'parentId'],
      [{ parentId: thuongHa, kind: 'village', subkind: 'Phố cổ', name: 'Thôn A' }, 'subkind'],
      [{ parentId: thuongHa, kind: 'village', subkind: 'Thôn', name: '  ..  ' }, 'name'],
      [{ parentId: thuongHa, kind: 'village', subkind: 'Thôn', name: 'thôn làng ngần' }, 'name'],
    ] as const;
    for (const [body, field] of cases) {
      const before = await unitCount();
      const res = await officer.post('/api/units', body);
      expect([400, 409]).toContain(res.status);
      expect(res.body.error.fields.map((f: any) => f.path)).toContain(field);
      expect(await unitCount()).toBe(before);
    }
  });

  it('refuses to add or edit outside the granted subtree (403/404) and changes nothing', async () => {
    const admin = await server.login('quantri');
    const trieuSon = (await admin.get('/api/units/search?q=xa%20trieu%20son')).body.units.find((u: any) => u.code === '15664');
    const before = await unitCount();
    const add = await officer.post('/api/units', { parentId: trieuSon.id, kind: 'village', subkind: 'Thôn', name: 'Thôn Ngoài' });
    expect(add.status).toBe(404);
    const edit = await officer.patch(`/api/units/${trieuSon.id}`, { note: 'không được phép' });
    expect(edit.status).toBe(404);
    expect(await unitCount()).toBe(before);
    const viewer = await server.login('xem'); // reads Lào Cai, may not write
    const denied = await viewer.post('/api/units', { parentId: thuongHa, kind: 'village', subkind: 'Thôn', name: 'Thôn Xem' });
    expect(denied.status).toBe(403);
    const imported = await viewer.post(`/api/units/${thuongHa}/import`, { csv: 'loai,phan_loai,ten\nthôn,Thôn,Thôn Xem\n' });
    expect(imported.status).toBe(403);
    expect(await unitCount()).toBe(before);
  });

  it('renames a village and its search text follows, with before and after audited', async () => {
    const created = (await officer.post('/api/units', { parentId: thuongHa, kind: 'village', subkind: 'Thôn', name: 'Thôn Cũ' })).body;
    const res = await officer.patch(`/api/units/${created.id}`, { name: 'Thôn Phúc Khánh', note: 'đổi tên theo nghị quyết' });
    expect(res.status).toBe(200);
    expect((await officer.get('/api/units/search?q=phuc%20khanh')).body.units.map((u: any) => u.id)).toContain(created.id);
    expect((await officer.get('/api/units/search?q=thon%20cu')).body.units.map((u: any) => u.id)).not.toContain(created.id);
    const audit = await server.database.db.selectFrom('audit_log').selectAll()
      .where('entity_id', '=', String(created.id)).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect((audit.before as any).name).toBe('Thôn Cũ');
    expect((audit.after as any).name).toBe('Thôn Phúc Khánh');
  });

  it('keeps official province and commune names read-only', async () => {
    const res = await (await server.login('quantri')).patch(`/api/units/${thuongHa}`, { name: 'Xã Khác' });
    expect(res.status).toBe(400);
  });

  it('narrows a search by the commune a village lies in', async () => {
    const res = await officer.get('/api/units/search?q=lang%20ngan,%20thuong%20ha');
    expect(res.body.units[0].name).toBe('Thôn Làng Ngần');
  });
});

describe('CSV import', () => {
  it('imports villages, schools and agencies in one go', async () => {
    const csv = '\uFEFFloai,phan_loai,ten,ghi_chu\nthôn,Thôn,Thôn Khuổi Vài,\ntruong,Trường tiểu học,Trường Tiểu học Điện Quan,điểm trường chính\ncơ quan,Đoàn thể,Hội Phụ nữ xã Thượng Hà,\n';
    const res = await officer.post(`/api/units/${thuongHa}/import`, { csv });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(3);
    expect(res.body.units.map((u: any) => u.kind).sort()).toEqual(['agency', 'school', 'village']);
  });

  it('rejects the whole file with every row\'s error and saves nothing', async () => {
    const csv = [
      'kind,subkind,name,parent_code',
      'village,Thôn,Thôn Mới Một,',
      'lâu đài,Thôn,Thôn Hai,',
      'village,Phố cổ,Thôn Ba,',
      'village,Thôn,,',
      'village,Thôn,Thôn Mới Một,',
      'village,Thôn,Thôn Năm,15664',
      'village,Thôn,Thôn Làng Ngần,',
    ].join('\n');
    const before = await unitCount();
    const res = await officer.post(`/api/units/${thuongHa}/import`, { csv });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IMPORT_REJECTED');
    expect(res.body.error.message).toMatch(/chưa nhập dòng nào/);
    const rows = res.body.error.fields.map((f: any) => f.path);
    expect(rows).toEqual(['row 3.kind', 'row 4.subkind', 'row 5.name', 'row 6.name', 'row 7.parent_code', 'row 8.name']);
    expect(await unitCount()).toBe(before);
  });

  it.each(['', 'ten\nThôn A', 'loai,phan_loai,ten\n', '"unterminated,quote\n'])('refuses a malformed file %j', async (csv) => {
    const before = await unitCount();
    const res = await officer.post(`/api/units/${thuongHa}/import`, { csv });
    expect(res.status).toBe(400);
    expect(await unitCount()).toBe(before);
  });
});

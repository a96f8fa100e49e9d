import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('quantri');
});
afterAll(() => server.close());

describe('unit search', () => {
  it.each(['dien quan', 'Điện Quan', 'DIEN QUAN', 'điện quan'])('finds the pre-2025 commune "%s" and what replaced it', async (q) => {
    const res = await admin.get(`/api/units/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const legacy = res.body.legacy.find((l: any) => l.old_code === '02959');
    expect(legacy).toMatchObject({ old_name: 'Xã Điện Quan', old_district_name: 'Huyện Bảo Yên' });
    expect(legacy.replaced_by).toEqual([expect.objectContaining({ code: '02968', name: 'Xã Thượng Hà' })]);
    expect(res.body.units.map((u: any) => u.name)).toContain('Trường THCS Điện Quan');
  });

  it('narrows by district and province: "Điện Quan, Bảo Yên, Lào Cai" → Xã Thượng Hà (02968)', async () => {
    const res = await admin.get(`/api/units/search?q=${encodeURIComponent('Điện Quan, Bảo Yên, Lào Cai')}`);
    expect(res.body.legacy).toHaveLength(1);
    expect(res.body.legacy[0].replaced_by[0]).toMatchObject({ code: '02968', name: 'Xã Thượng Hà' });
  });

  it('ranks the commune named by the words first and never matches across two names', async () => {
    const res = await admin.get('/api/units/search?q=dien%20quan');
    expect(res.body.legacy[0].old_code).toBe('02959');
    // "Phường Cầu Diễn, Quận Nam Từ Liêm" holds "dien" and "quan" only across the name boundary.
    expect(res.body.legacy.map((l: any) => l.old_name)).not.toContain('Phường Cầu Diễn');
  });

  it('resolves a pre-2025 district to the communes that replaced it', async () => {
    const res = await admin.get(`/api/units/search?q=${encodeURIComponent('huyen trieu son')}`);
    const district = res.body.legacyDistricts.find((d: any) => d.old_district_name === 'Huyện Triệu Sơn');
    expect(district.replaced_by.map((u: any) => u.code)).toEqual(
      ['15664', '15667', '15682', '15715', '15724', '15754', '15763', '15766'],
    );
  });

  it('finds today\'s units without diacritics', async () => {
    const res = await admin.get('/api/units/search?q=thuong%20ha');
    expect(res.body.units[0]).toMatchObject({ code: '02968', kind: 'commune' });
  });

  it('refuses a query shorter than two letters with a Vietnamese message', async () => {
    const res = await admin.get('/api/units/search?q=%20a');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toMatch(/ít nhất 2 ký tự/);
  });

  it('shows nothing outside the caller\'s grants', async () => {
    const officer = await server.login('canbo'); // Xã Thượng Hà only
    const res = await officer.get(`/api/units/search?q=${encodeURIComponent('trieu son')}`);
    expect(res.body.units).toEqual([]);
    expect(res.body.legacy).toEqual([]);
    expect(res.body.legacyDistricts).toEqual([]);
    const own = await officer.get('/api/units/search?q=dien%20quan');
    expect(own.body.legacy[0].replaced_by[0].code).toBe('02968');
  });
});

import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { publicStatus } from './service.ts';

/** Open311 GeoReport v2 over real HTTP, with no session: the way a civic-reporting client files and follows tips. */
let server: TestServer;
let anon: Client;
let thuongHa: { id: number };

const STORY = 'Có nhóm thanh niên lạ mặt tụ tập đánh bạc ở nhà văn hóa thôn vào ban đêm';
const PHONE = '0912345678';
const NAME = 'Hoàng Thị Mai';

const form = (fields: Record<string, string>, format = 'json') =>
  anon.request('POST', `/open311/v2/requests.${format}`, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

/** An XML answer, read as the specification's lists (each named element always an array). */
const LISTS = ['service', 'request', 'error', 'attribute', 'endpoint', 'format', 'note'];
async function getXml(path: string, init?: RequestInit) {
  const res = await fetch(server.url + path, init);
  const body = await res.text();
  expect(res.headers.get('content-type'), body).toMatch(/^text\/xml/);
  return { status: res.status, doc: new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) }).parse(body) };
}

/** The specification's error: a list of one { code, description }, code = the HTTP status. */
function expectSpecError(res: { status: number; body: any }, status: number, matching?: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual([{ code: status, description: expect.any(String) }]);
  if (matching) expect(res.body[0].description).toMatch(matching);
}

beforeAll(async () => {
  server = await startTestServer();
  anon = server.anonymous();
  thuongHa = await server.database.db.selectFrom('units').select('id').where('code', '=', '02968').executeTakeFirstOrThrow();
});
afterAll(() => server.close());

describe('Open311 services', () => {
  it('lists one realtime service per tip category, in Vietnamese', async () => {
    const res = await anon.get('/open311/v2/services.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.map((s: any) => s.service_code)).toEqual(['crime', 'drugs', 'theft', 'traffic', 'fire', 'social_evils', 'other']);
    for (const s of res.body) {
      expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
      expect(s).toMatchObject({ metadata: true, type: 'realtime', service_name: expect.any(String), keywords: expect.any(String) });
      expect(s.description).toMatch(/lat\/long/);
    }
    expect(res.body.find((s: any) => s.service_code === 'drugs')).toMatchObject({ service_name: 'Ma túy', group: 'An ninh trật tự' });
  });

  it('defines each service: where it goes, when it happened, and the optional contact', async () => {
    const res = await anon.get('/open311/v2/services/theft.json');
    expect(res.status).toBe(200);
    expect(res.body.service_code).toBe('theft');
    const byCode = Object.fromEntries(res.body.attributes.map((a: any) => [a.code, a]));
    // The commune is what routes a tip: marked required, so a client that follows the definition sends it.
    expect(byCode.commune_code).toMatchObject({ variable: true, datatype: 'string', required: true, order: 1 });
    expect(byCode.keychain_code).toMatchObject({ variable: true, datatype: 'string' });
    expect(byCode.occurred_at).toMatchObject({ variable: true, datatype: 'datetime', required: false });
    expect(byCode.contact_notice).toMatchObject({ variable: false, required: false });
    expect(byCode.contact_notice.description).toMatch(/mã hóa/);
    for (const a of res.body.attributes) expect(a).toHaveProperty('datatype_description');
  });

  it('answers an unknown service with 404 and a format it does not offer with 400, both in the specification\'s format', async () => {
    expectSpecError(await anon.get('/open311/v2/services/potholes.json'), 404, /potholes/);
    expectSpecError(await anon.get('/open311/v2/services.csv'), 400, /\.xml hoặc \.json/);
    expectSpecError(await anon.get('/open311/v2/requests/ABCDEFGHJK.html'), 400, /\.xml hoặc \.json/);
    expectSpecError(await anon.get('/open311/v2/nothing-here.json'), 404);
  });

  it('serves the services and their definitions in XML, the specification\'s required format', async () => {
    const list = await getXml('/open311/v2/services.xml');
    expect(list.status).toBe(200);
    expect(list.doc.services.service.map((s: any) => s.service_code)).toEqual(['crime', 'drugs', 'theft', 'traffic', 'fire', 'social_evils', 'other']);
    expect(list.doc.services.service[1]).toMatchObject({ service_name: 'Ma túy', metadata: 'true', type: 'realtime', group: 'An ninh trật tự' });
    const def = await getXml('/open311/v2/services/theft.xml');
    expect(def.status).toBe(200);
    expect(def.doc.service_definition.service_code).toBe('theft');
    const commune = def.doc.service_definition.attributes.attribute.find((a: any) => a.code === 'commune_code');
    expect(commune).toMatchObject({ variable: 'true', datatype: 'string', required: 'true', order: '1' });
    const missing = await getXml('/open311/v2/services/potholes.xml');
    expect(missing.status).toBe(404);
    expect(missing.doc.errors.error).toEqual([{ code: '404', description: expect.stringMatching(/potholes/) }]);
  });

  it('describes itself in a discovery document, in JSON and XML, with where it departs from the specification and why', async () => {
    const json = await anon.get('/open311/discovery.json');
    expect(json.status).toBe(200);
    expect(json.body.endpoints).toEqual([expect.objectContaining({
      specification: 'http://wiki.open311.org/GeoReport_v2', url: `${server.url}/open311/v2`, type: 'production', formats: ['text/xml', 'application/json'],
    })]);
    expect(json.body.changeset).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(json.body.notes.join(' ')).toMatch(/service_request_id.*danh sách rỗng/);
    const xml = await getXml('/open311/discovery.xml');
    expect(xml.status).toBe(200);
    expect(xml.doc.discovery.endpoints.endpoint[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2' });
    expect(xml.doc.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    expect(xml.doc.discovery.notes.note).toEqual(json.body.notes);
  });
});

describe('Open311 requests', () => {
  let id = '';
  let notice = '';

  it('takes a form-encoded request routed by the commune\'s GSO code, and answers with a tracking id', async () => {
    const res = await form({
      service_code: 'social_evils', description: STORY, 'attribute[commune_code]': '02968', 'attribute[occurred_at]': '2025-06-30T22:15:00+07:00',
      address_string: 'Nhà văn hóa thôn', first_name: 'Hoàng Thị', last_name: 'Mai', phone: PHONE, email: 'mai@example.vn',
      media_url: 'http://example.com/anh.jpg', device_id: 'abc', account_id: 'user-42',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toEqual({ service_request_id: expect.stringMatching(/^[0-9A-Z]{10}$/), service_notice: expect.any(String), account_id: null });
    id = res.body[0].service_request_id;
    notice = res.body[0].service_notice;
    expect(notice).toMatch(/Công an xã Thượng Hà/);
    expect(notice).toMatch(/media_url không được tải về/);
  });

  it('gives the status page\'s secret once, in the service notice', async () => {
    const secret = /Mã bí mật: ([0-9A-Z-]+)/.exec(notice)![1]!;
    const view = await publicStatus(server.database.db, id, secret);
    expect(view).toMatchObject({ tracking_code: id, status: 'new', commune_name: 'Xã Thượng Hà' });
  });

  it('never keeps the contact in clear', async () => {
    const row = await server.database.db.selectFrom('tips').selectAll().where('tracking_code', '=', id).executeTakeFirstOrThrow();
    expect(row.channel).toBe('open311');
    expect(row.category).toBe('social_evils');
    expect(row.commune_id).toBe(thuongHa.id);
    expect(row.place).toBe('Nhà văn hóa thôn');
    expect(row.occurred_at?.toISOString()).toBe('2025-06-30T15:15:00.000Z');
    const sealed = Buffer.from(row.contact_sealed!);
    expect(sealed.length).toBeGreaterThan(29);
    for (const clear of [PHONE, 'Mai', 'mai@example.vn', 'user-42']) {
      expect(sealed.includes(Buffer.from(clear))).toBe(false);
      expect(JSON.stringify({ ...row, contact_sealed: null })).not.toContain(clear === 'Mai' ? NAME : clear);
    }
  });

  it('puts the tip in the commune police\'s inbox, marked as having a contact', async () => {
    const canbo = await server.login('canbo');
    const inbox = await canbo.ok<any[]>(`/api/tips?unitId=${thuongHa.id}`);
    const tip = inbox.find((t) => t.tracking_code === id);
    expect(tip).toMatchObject({ channel: 'open311', category: 'social_evils', description: STORY, status: 'new', has_contact: true });
    expect(JSON.stringify(tip)).not.toContain(PHONE);
  });

  it('shows a request\'s state as the public status page does: open, and no story or contact', async () => {
    const res = await anon.get(`/open311/v2/requests/${id}.json`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    const r = res.body[0];
    expect(r).toMatchObject({
      service_request_id: id, status: 'open', service_code: 'social_evils', service_name: 'Tệ nạn xã hội',
      agency_responsible: 'Công an xã Thượng Hà', description: null, address: null, lat: null, long: null, media_url: null,
    });
    expect(new Date(r.requested_datetime).getTime()).not.toBeNaN();
    expect(r.requested_datetime).toMatch(/Z$|[+-]\d\d:\d\d$/);
    const text = JSON.stringify(res.body);
    for (const secretish of [STORY.slice(0, 20), PHONE, NAME, 'mai@example.vn', 'Nhà văn hóa']) expect(text).not.toContain(secretish);
    // Typed as printed, with dashes and small letters, it is found too.
    const typed = await anon.get(`/open311/v2/requests/${id.slice(0, 4).toLowerCase()}-${id.slice(4)}.json`);
    expect(typed.body[0]?.service_request_id).toBe(id);
  });

  it('follows the status through to closed, with the public reply as status notes', async () => {
    await server.database.db.updateTable('tips').set({ status: 'resolved', public_reply: 'Đã xác minh và xử lý.' }).where('tracking_code', '=', id).execute();
    const [r] = (await anon.get(`/open311/v2/requests/${id}.json`)).body;
    expect(r.status).toBe('closed');
    expect(r.status_notes).toMatch(/Đã giải quyết/);
    expect(r.status_notes).toMatch(/Đã xác minh và xử lý\./);
  });

  it('lists only the requests named by id; without ids, none', async () => {
    const none = await anon.get('/open311/v2/requests.json');
    expect(none.status).toBe(200);
    expect(none.body).toEqual([]);
    const named = await anon.get(`/open311/v2/requests.json?service_request_id=${id},ZZZZZZZZZZ,nonsense`);
    expect(named.status).toBe(200);
    expect(named.body.map((r: any) => r.service_request_id)).toEqual([id]);
    // service_request_id overrides every other filter, as the specification says.
    const overridden = await anon.get(`/open311/v2/requests.json?service_request_id=${id}&status=open&service_code=fire&start_date=2099-01-01T00:00:00Z`);
    expect(overridden.body.map((r: any) => r.service_request_id)).toEqual([id]);
    expectSpecError(await anon.get('/open311/v2/requests.json?status=pending'), 400, /status/);
    const xml = await getXml(`/open311/v2/requests.xml?service_request_id=${id}`);
    expect(xml.status).toBe(200);
    expect(xml.doc.service_requests.request).toEqual([expect.objectContaining({ service_request_id: id, status: 'closed', service_code: 'social_evils' })]);
    const one = await getXml(`/open311/v2/requests/${id}.xml`);
    expect(one.doc.service_requests.request[0]).toMatchObject({ service_request_id: id, agency_responsible: 'Công an xã Thượng Hà' });
    expect(one.doc.service_requests.request[0].description).toBe('');
    expect((await getXml('/open311/v2/requests/ZZZZZZZZZZ.xml')).doc.errors.error[0].code).toBe('404');
  });

  it('answers an unknown request id with 404', async () => {
    expectSpecError(await anon.get('/open311/v2/requests/ZZZZZZZZZZ.json'), 404);
    expectSpecError(await anon.get('/open311/v2/requests/not-a-code.json'), 404);
  });

  it('also takes JSON, routed by a keychain code, anonymous', async () => {
    const keychain = await server.database.db.selectFrom('keychains').select(['id', 'code', 'village_id']).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
    const res = await anon.post('/open311/v2/requests.json', { service_code: 'theft', description: 'Mất trộm một con trâu ở bãi chăn thả ven suối', attribute: { keychain_code: keychain.code } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const row = await server.database.db.selectFrom('tips').select(['contact_sealed', 'village_id', 'channel']).where('tracking_code', '=', res.body[0].service_request_id).executeTakeFirstOrThrow();
    expect(row).toEqual({ contact_sealed: null, village_id: keychain.village_id, channel: 'open311' });
  });

  it('takes a request that fills every required field: a position and the commune, answering in XML when asked', async () => {
    const res = await getXml('/open311/v2/requests.xml', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service_code: 'traffic', description: 'Nhóm thanh niên đua xe trên tỉnh lộ mỗi tối', lat: '22.3381', long: '104.1472', 'attribute[commune_code]': '02968' }).toString(),
    });
    expect(res.status).toBe(200);
    const [created] = res.doc.service_requests.request;
    expect(created).toMatchObject({ service_request_id: expect.stringMatching(/^[0-9A-Z]{10}$/), service_notice: expect.stringMatching(/Công an xã Thượng Hà/) });
    const row = await server.database.db.selectFrom('tips').selectAll().where('tracking_code', '=', created.service_request_id).executeTakeFirstOrThrow();
    expect(row.commune_id).toBe(thuongHa.id);
    expect(JSON.stringify(row)).not.toContain('104.1472');
    const byAddressId = await form({ service_code: 'theft', description: 'Mất trộm xe máy trước cửa hàng', address_id: 'A-17', 'attribute[commune_code]': '02968' });
    expect(byAddressId.status, JSON.stringify(byAddressId.body)).toBe(200);
    const refused = await getXml('/open311/v2/requests.xml', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'service_code=theft' });
    expect(refused.status).toBe(400);
    expect(refused.doc.errors.error).toEqual([{ code: '400', description: expect.stringMatching(/description/) }]);
  });

  it('refuses bad requests with 400 in the specification\'s format', async () => {
    const base = { service_code: 'crime', description: STORY, 'attribute[commune_code]': '02968', address_string: 'Chợ phiên' };
    expectSpecError(await form({ ...base, service_code: 'graffiti' }), 400, /graffiti/);
    expectSpecError(await form({ ...base, description: '' }), 400, /description/);
    const { description: _, ...noDescription } = base;
    expectSpecError(await form(noDescription), 400, /description/);
    expectSpecError(await form({ ...base, description: 'ngắn' }), 400, /10 ký tự/);
    expectSpecError(await form({ ...base, 'attribute[commune_code]': '99999' }), 400, /99999/);
    // A province's code is no commune.
    expectSpecError(await form({ ...base, 'attribute[commune_code]': '15' }), 400, /commune_code/);
    expectSpecError(await form({ ...base, 'attribute[keychain_code]': 'ZZZZ-ZZZZ' }), 400, /keychain_code/);
    const { 'attribute[commune_code]': __, ...nowhere } = base;
    expectSpecError(await form({ ...nowhere, lat: '22.1', long: '104.3' }), 400, /attribute\[commune_code\].*bắt buộc/);
    expectSpecError(await form(nowhere), 400, /commune_code/);
    // The specification's location: lat and long together, address_string or address_id.
    const { address_string: ___, ...unlocated } = base;
    expectSpecError(await form(unlocated), 400, /Thiếu vị trí/);
    expectSpecError(await form({ ...unlocated, lat: '22.1' }), 400, /lat và long/);
    expectSpecError(await form({ ...unlocated, lat: 'bắc', long: '104.3' }), 400, /lat/);
    expectSpecError(await form({ ...unlocated, lat: '122.1', long: '104.3' }), 400, /lat: từ -90 đến 90/);
    expectSpecError(await form({ ...base, 'attribute[occurred_at]': 'hôm qua' }), 400, /occurred_at/);
    expectSpecError(await form({ ...base, 'attribute[occurred_at]': '2099-01-01T00:00:00Z' }), 400, /tương lai/);
    expectSpecError(await form({ ...base, phone: '12ab' }), 400, /phone/);
    const bad = await anon.request('POST', '/open311/v2/requests.json', '{not json', { 'content-type': 'application/json' });
    expectSpecError(bad, 400);
    // None of these left a tip behind.
    const count = await server.database.db.selectFrom('tips').select((eb) => eb.fn.countAll<number>().as('n')).where('description', '=', STORY).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});

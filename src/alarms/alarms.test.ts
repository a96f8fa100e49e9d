import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';

let server: TestServer;
let head: Client; // thon: village operator of Thôn Làng Ngần, Xã Thượng Hà
let officer: Client; // canbo: officer of Xã Thượng Hà
let leader: Client; // lanhdao
let langNgan: any;
let banLu: any;
let thuongHa: any;
const count = async (table: 'alarms' | 'notifications') =>
  Number((await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const raise = (who: Client, body: Record<string, unknown> = {}) =>
  who.post('/api/alarms', { villageId: langNgan.id, kind: 'fire', description: 'Cháy nhà kho nhà ông Páo, đầu thôn', idempotencyKey: randomUUID(), ...body });

/** The public address the CAP documents name, whatever Host a request claims. */
const PUBLIC_URL = 'https://binhyen.example.vn';

/** A GET over real HTTP with a Host header of the caller's choosing (fetch would not send a forged one). */
const getWithHost = (path: string, host: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
  const { port } = new URL(server.url);
  httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body }));
  }).on('error', reject).end();
});

beforeAll(async () => {
  server = await startTestServer({ publicUrl: PUBLIC_URL });
  [head, officer, leader] = await Promise.all([server.login('thon'), server.login('canbo'), server.login('lanhdao')]);
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  const villages = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body;
  langNgan = villages.find((u: any) => u.name === 'Thôn Làng Ngần');
  banLu = villages.find((u: any) => u.name === 'Thôn Bản Lự');
});
afterAll(() => server.close());

describe('alarm gong', () => {
  it('notifies the commune\'s officers and leaders and the village at once; each acknowledges', async () => {
    const res = await raise(head);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: true, alarm: { kind: 'fire', village_name: 'Thôn Làng Ngần', commune_name: 'Xã Thượng Hà' } });
    expect(res.body.recipients).toBeGreaterThanOrEqual(3);
    const id = res.body.alarm.id;

    for (const who of [officer, leader]) {
      const unacked = (await who.get('/api/alarms?unacked=true')).body;
      expect(unacked.map((a: any) => a.id)).toContain(id);
    }
    const acked = await officer.post(`/api/alarms/${id}/ack`);
    expect(acked.status).toBe(200);
    expect(acked.body.acked_at).not.toBeNull();
    expect((await officer.post(`/api/alarms/${id}/ack`)).body.acked_at).toBe(acked.body.acked_at); // once
    expect((await officer.get('/api/alarms?unacked=true')).body.map((a: any) => a.id)).not.toContain(id);
    expect((await leader.get('/api/alarms?unacked=true')).body.map((a: any) => a.id)).toContain(id);
    expect((await officer.get('/api/alarms')).body.find((a: any) => a.id === id).acks).toBe(1);

    // A viewer of the province sees it but was not sent it.
    const viewer = await server.login('xem');
    expect((await viewer.get('/api/alarms')).body.find((a: any) => a.id === id)).toMatchObject({ notified: false });
    expect((await viewer.get('/api/alarms?unacked=true')).body.map((a: any) => a.id)).not.toContain(id);
    const audit = await server.database.db.selectFrom('audit_log').select('entity').where('entity', 'in', ['alarm', 'alarm_ack']).where('entity_id', '=', String(id)).execute();
    expect(audit.map((a) => a.entity).sort()).toEqual(['alarm', 'alarm_ack']);
  });

  it('answers a replay of the same alarm with the same alarm, and notifies nobody twice', async () => {
    const key = randomUUID();
    const first = await raise(head, { idempotencyKey: key, kind: 'crime', description: 'Trộm trâu ở bãi chăn thả' });
    const before = [await count('alarms'), await count('notifications')];
    const again = await raise(head, { idempotencyKey: key, kind: 'crime', description: 'Trộm trâu ở bãi chăn thả' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, alarm: { id: first.body.alarm.id } });
    expect([await count('alarms'), await count('notifications')]).toEqual(before);
  });

  it.each([
    ['a village the user does not serve', () => ({ villageId: banLu.id }), 404],
    ['no description', () => ({ description: '   ' }), 400],
    ['an unknown kind', () => ({ kind: 'flood' }), 400],
    ['a time in the future', () => ({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), 400],
    ['a time two days ago', () => ({ occurredAt: new Date(Date.now() - 48 * 3_600_000).toISOString() }), 400],
  ])('refuses %s and sends nothing', async (_what, body, status) => {
    const before = [await count('alarms'), await count('notifications')];
    const res = await raise(head, body());
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(/[À-ỹ]/);
    expect([await count('alarms'), await count('notifications')]).toEqual(before);
  });

  it('lists a unit\'s alarms: a village\'s own, a commune\'s villages\', none of a unit out of reach', async () => {
    const here = (await raise(head)).body.alarm.id;
    const there = (await raise(officer, { villageId: banLu.id, kind: 'crime', description: 'Mất trộm trâu' })).body.alarm.id;
    const ids = async (unitId: number) => (await officer.get(`/api/alarms?unitId=${unitId}&limit=200`)).body.map((a: any) => a.id);
    expect(await ids(langNgan.id)).toContain(here);
    expect(await ids(langNgan.id)).not.toContain(there);
    expect(await ids(thuongHa.id)).toEqual(expect.arrayContaining([here, there]));
    expect((await head.get(`/api/alarms?unitId=${banLu.id}`)).status).toBe(404);
    await officer.post(`/api/alarms/${here}/ack`);
    const seen = (await head.get(`/api/alarms?unitId=${langNgan.id}`)).body.find((a: any) => a.id === here);
    expect(seen.acked_by.map((k: any) => k.name)).toEqual(['Lò Văn Minh']);
  });

  it('lets only its recipients and those who answer alarms at the village acknowledge it', async () => {
    const id = (await raise(head, { kind: 'other', description: 'Trâu lạc vào vườn trường' })).body.alarm.id;
    const viewer = await server.login('xem');
    const refused = await viewer.post(`/api/alarms/${id}/ack`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/người nhận báo động/);
    expect((await officer.get('/api/alarms')).body.find((a: any) => a.id === id).acks).toBe(0);
    expect((await officer.post(`/api/alarms/${id}/ack`)).status).toBe(200);
    // Outside the reader's units it does not exist.
    const elsewhere = (await raise(officer, { villageId: banLu.id })).body.alarm.id;
    expect((await head.post(`/api/alarms/${elsewhere}/ack`)).status).toBe(404);
  });

  it('ends or cancels an alarm once, for those who may raise alarms at the village', async () => {
    const id = (await raise(head)).body.alarm.id;
    const viewer = await server.login('xem');
    expect((await viewer.post(`/api/alarms/${id}/close`, { closedAs: 'ended' })).status).toBe(403);
    const bad = await officer.post(`/api/alarms/${id}/close`, { closedAs: 'finished' });
    expect(bad.status).toBe(400);
    const ended = await head.post(`/api/alarms/${id}/close`, { closedAs: 'ended' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id, closed_as: 'ended', closed_at: expect.any(String) });
    const again = await officer.post(`/api/alarms/${id}/close`, { closedAs: 'cancelled' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Báo động này đã kết thúc');
    const row = await server.database.db.selectFrom('alarms').select(['closed_as', 'closed_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.closed_as).toBe('ended');
    const elsewhere = (await raise(officer, { villageId: banLu.id })).body.alarm.id;
    expect((await head.post(`/api/alarms/${elsewhere}/close`, { closedAs: 'cancelled' })).status).toBe(404);
  });

  it('refuses a viewer, and a commune in place of a village', async () => {
    expect((await raise(await server.login('xem'))).status).toBe(403);
    const commune = await raise(officer, { villageId: thuongHa.id });
    expect(commune.status).toBe(400);
    expect(commune.body.error.message).toBe('Báo động được phát ở thôn, tổ dân phố');
  });

  it('pushes a new alarm to an open page at once (server-sent events)', async () => {
    const abort = new AbortController();
    const res = await fetch(`${server.url}/api/alarms/stream`, { headers: { cookie: officer.cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    await reader.read(); // the stream is open
    const raised = (await raise(head, { kind: 'other', description: 'Người lạ lảng vảng quanh trường' })).body.alarm;
    const deadline = Date.now() + 10_000;
    while (!text.includes(`id: ${raised.id}\n`) && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    const event = text.split('\n\n').find((e) => e.includes(`id: ${raised.id}\n`))!;
    expect(event).toContain('event: alarm');
    expect(JSON.parse(event.split('data: ')[1]!)).toMatchObject({ id: raised.id, description: 'Người lạ lảng vảng quanh trường' });
    expect((await fetch(`${server.url}/api/alarms/stream`)).status).toBe(401);
  });
});

describe('CAP 1.2', () => {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: true, parseTagValue: false });
  /** The child elements of an element, in order: [name, value-or-children]. */
  const children = (node: any[]): [string, any][] => node.filter((n) => !n[':@'] || Object.keys(n).length > 1).map((n) => {
    const name = Object.keys(n).find((k) => k !== ':@')!;
    return [name, n[name]];
  });
  const text = (value: any[]) => value.map((v) => v['#text']).join('');

  it('publishes each alarm as a CAP 1.2 alert, with the required elements in the schema\'s order and its enumerations', async () => {
    const alarm = (await raise(head, { kind: 'crime', description: 'Đối tượng lạ <trộm> xe máy & bỏ chạy "về phía" suối' })).body.alarm;
    const res = await fetch(`${server.url}/cap/alerts/${alarm.id}.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/cap\+xml/);
    const doc = parser.parse(await res.text());
    const alertNode = doc.find((n: any) => n.alert);
    expect(alertNode[':@']['@_xmlns']).toBe('urn:oasis:names:tc:emergency:cap:1.2');
    const alert = children(alertNode.alert);
    expect(alert.map(([n]) => n)).toEqual(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'info']);
    const get = (list: [string, any][], name: string) => text(list.find(([n]) => n === name)![1]);
    expect(get(alert, 'identifier')).toMatch(/^[^\s,<&]+$/);
    expect(get(alert, 'sender')).toMatch(/^[^\s,<&]+$/);
    expect(get(alert, 'sent')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect([get(alert, 'status'), get(alert, 'msgType'), get(alert, 'scope')]).toEqual(['Actual', 'Alert', 'Public']);

    const info = children(alert.find(([n]) => n === 'info')![1]);
    const order = ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'audience', 'eventCode', 'effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter', 'resource', 'area'];
    const names = info.map(([n]) => n);
    expect(names).toEqual([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const required of ['category', 'event', 'urgency', 'severity', 'certainty']) expect(names).toContain(required);
    expect(get(info, 'category')).toBe('Security');
    expect(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']).toContain(get(info, 'urgency'));
    expect(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']).toContain(get(info, 'severity'));
    expect(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']).toContain(get(info, 'certainty'));
    expect(get(info, 'description')).toBe('Đối tượng lạ <trộm> xe máy & bỏ chạy "về phía" suối');

    const area = children(info.find(([n]) => n === 'area')![1]);
    expect(area[0]![0]).toBe('areaDesc');
    expect(get(area, 'areaDesc')).toBe('Thôn Làng Ngần, Xã Thượng Hà, Lào Cai');
    const geocodes = area.filter(([n]) => n === 'geocode').map(([, v]) => Object.fromEntries(children(v).map(([n, x]) => [n, text(x)])));
    expect(geocodes).toEqual([{ valueName: 'VN-GSO-XA', value: '02968' }, { valueName: 'VN-GSO-TINH', value: '15' }]);

    const fire = (await raise(head, { kind: 'fire' })).body.alarm;
    const fireInfo = children(children(parser.parse(await (await fetch(`${server.url}/cap/alerts/${fire.id}.xml`)).text()).find((n: any) => n.alert).alert).find(([n]) => n === 'info')![1]);
    expect([get(fireInfo, 'category'), get(fireInfo, 'severity')]).toEqual(['Fire', 'Severe']);
    expect((await fetch(`${server.url}/cap/alerts/999999999.xml`)).status).toBe(404);
    expect((await fetch(`${server.url}/cap/alerts/abc.xml`)).status).toBe(404);
  });

  const capOf = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(200);
    const alert = children(parser.parse(await res.text()).find((n: any) => n.alert).alert);
    const get = (list: [string, any][], name: string) => { const found = list.find(([n]) => n === name); return found && text(found[1]); };
    const info = children(alert.find(([n]) => n === 'info')![1]);
    return { alert: (name: string) => get(alert, name), info: (name: string) => get(info, name), names: alert.map(([n]) => n) };
  };

  it('names the sender and the ids from PUBLIC_URL, whatever Host the request claims', async () => {
    const alarm = (await raise(head)).body.alarm;
    const doc = await getWithHost(`/cap/alerts/${alarm.id}.xml`, 'attacker.example');
    expect(doc.status).toBe(200);
    const alert = children(parser.parse(doc.body).find((n: any) => n.alert).alert);
    expect(text(alert.find(([n]) => n === 'sender')![1])).toBe('binhyen@binhyen.example.vn');
    expect(doc.body).not.toContain('attacker.example');
    const feed = await getWithHost('/cap/alerts.atom', 'attacker.example');
    expect(feed.body).not.toContain('attacker.example');
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(feed.body).feed;
    expect(parsed.id).toBe(`${PUBLIC_URL}/cap/alerts.atom`);
    expect(parsed.entry.map((e: any) => e.id)).toContain(`${PUBLIC_URL}/cap/alerts/${alarm.id}.xml`);
  });

  it('sets an expiry on each alert, after its sending', async () => {
    const alarm = (await raise(head)).body.alarm;
    const cap = await capOf(`/cap/alerts/${alarm.id}.xml`);
    expect(cap.info('expires')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(new Date(cap.info('expires')!).getTime()).toBeGreaterThan(new Date(cap.alert('sent')!).getTime());
  });

  it('publishes the end of an alarm as an Update and its cancellation as a Cancel, referring to the first alert', async () => {
    for (const [closedAs, msgType, suffix] of [['ended', 'Update', 'update'], ['cancelled', 'Cancel', 'cancel']] as const) {
      const alarm = (await raise(head)).body.alarm;
      expect((await fetch(`${server.url}/cap/alerts/${alarm.id}-${suffix}.xml`)).status).toBe(404);
      expect((await officer.post(`/api/alarms/${alarm.id}/close`, { closedAs })).status).toBe(200);
      const first = await capOf(`/cap/alerts/${alarm.id}.xml`);
      const closing = await capOf(`/cap/alerts/${alarm.id}-${suffix}.xml`);
      expect(first.alert('msgType')).toBe('Alert');
      expect(closing.alert('msgType')).toBe(msgType);
      expect(closing.alert('identifier')).not.toBe(first.alert('identifier'));
      expect(closing.alert('references')).toBe(`${first.alert('sender')},${first.alert('identifier')},${first.alert('sent')}`);
      expect(closing.names).toEqual(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'references', 'info']);
      expect(closing.info('expires')).toBeDefined();
      const other = msgType === 'Update' ? 'cancel' : 'update';
      expect((await fetch(`${server.url}/cap/alerts/${alarm.id}-${other}.xml`)).status).toBe(404);
      const feed = await (await fetch(`${server.url}/cap/alerts.atom`)).text();
      expect(feed).toContain(`${PUBLIC_URL}/cap/alerts/${alarm.id}-${suffix}.xml`);
    }
  });

  it('keeps the description out of the public feed when the officer asks, and still shows it to staff', async () => {
    const secret = 'Nghi phạm là Nguyễn Văn Tèo, con ông Hai';
    const alarm = (await raise(officer, { kind: 'crime', description: secret, publicDetails: false })).body.alarm;
    expect(alarm.public_details).toBe(false);
    expect((await officer.get('/api/alarms')).body.find((a: any) => a.id === alarm.id).description).toBe(secret);
    const cap = await (await fetch(`${server.url}/cap/alerts/${alarm.id}.xml`)).text();
    expect(cap).not.toContain('Tèo');
    expect(cap).toContain('Báo động tội phạm tại Thôn Làng Ngần, Xã Thượng Hà');
    expect(await (await fetch(`${server.url}/cap/alerts.atom`)).text()).not.toContain('Tèo');
    const shown = (await raise(officer, { description: 'Cháy đống rơm' })).body.alarm;
    expect(shown.public_details).toBe(true);
    expect(await (await fetch(`${server.url}/cap/alerts/${shown.id}.xml`)).text()).toContain('Cháy đống rơm');
  });

  it('lists the alerts in an Atom feed, each linked to its CAP document', async () => {
    const alarm = (await raise(head, { kind: 'fire', description: 'Cháy rừng keo sau thôn' })).body.alarm;
    const res = await fetch(`${server.url}/cap/alerts.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(await res.text()).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated', 'author']) expect(feed).toHaveProperty(required);
    const entry = feed.entry.find((e: any) => e.title.includes('Báo động cháy tại Thôn Làng Ngần') && e.summary.includes('Cháy rừng keo'));
    expect(entry).toBeDefined();
    const link = entry.link.find((l: any) => l['@_type'] === 'application/cap+xml');
    expect(link['@_href']).toBe(`${PUBLIC_URL}/cap/alerts/${alarm.id}.xml`);
    expect((await fetch(server.url + new URL(link['@_href']).pathname)).status).toBe(200);
  });
});

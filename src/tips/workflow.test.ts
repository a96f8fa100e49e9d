/**
 * The staff side of tips over real HTTP: stages and their deadlines, assignment, internal notes,
 * transfer to another commune, the public reply, reveal of the informant, dashboard counts.
 * The server is built with a known tip key, so tips made here through the service open there.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/engine.ts';
import type { TipStatus } from '../db/schema.ts';
import { Client } from '../../tests/support/client.ts';
import { testDatabase } from '../../tests/support/db.ts';
import { TEST_PASSWORD } from '../../tests/support/prepare.ts';
import { addDays, dayEnd, todayVN } from '../shared/dates.ts';
import { legalLastDay, nextStages, type TipKind } from './deadlines.ts';
import { sealer } from './seal.ts';
import { publicStatus, submitTip, type TipInput } from './service.ts';

const key = randomBytes(32);
const seal = sealer(key);
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let url: string;
const login = (username: string, password = TEST_PASSWORD) => new Client(url).login(username, password);

let canbo: Client; // officer of Xã Thượng Hà
let lanhdao: Client; // leader of Xã Thượng Hà
let thon: Client; // village operator of Thôn Làng Ngần
let xem: Client; // viewer of Lào Cai
let quantri: Client; // administrator of the country
let thachlap: Client; // officer of Xã Thạch Lập
let dieutra: Client; // investigator assigned to Xã Thượng Hà by the provincial investigation police
const ids: Record<string, number> = {};
const units: Record<string, { id: number; path: string }> = {};
const ALL: TipStatus[] = ['new', 'verifying', 'handling', 'suspended', 'resolved', 'transferred', 'not_accepted', 'unfounded'];
const HOUR = 3_600_000;
const BODY = 'Cơ quan CSĐT Công an tỉnh Lào Cai';
const today = () => todayVN(new Date());
/** A decision as the body's investigator writes it down. */
const bodyDecision = (reference = '12/QĐ-CSĐT') => ({ reference, signedOn: today(), issuerTitle: 'Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh', issuerName: 'Nguyễn Văn An' });
const procuracyDecision = (reference = '3/QĐ-VKS') => ({ reference, signedOn: today(), issuerTitle: 'Viện trưởng Viện kiểm sát nhân dân', issuerName: 'Trần Văn Bình' });
const settlerDecision = (reference = '7/QĐ-CAX') => ({ reference, signedOn: today(), issuerTitle: 'Phó Trưởng Công an xã, Điều tra viên được phân công', issuerName: 'Hà Văn Quang' });
const denunciationDecision = (reference = '2/QĐ-TLTC') => ({ reference, signedOn: today(), issuerTitle: 'Trưởng Công an xã', issuerName: 'Nguyễn Văn Hùng' });

async function newTip(input: Partial<TipInput> = {}) {
  return submitTip(database.db, seal, { category: 'theft', description: 'Mất trộm xe máy trước cửa nhà văn hóa thôn', communeId: units.thuongHa!.id, ...input }, 'web');
}
const put = (c: Client, path: string, body: unknown) => c.request('PUT', path, body);
const tipRow = (id: number) => database.db.selectFrom('tips').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventCount = async (id: number) => (await database.db.selectFrom('tip_events').select('id').where('tip_id', '=', id).execute()).length;
const near = (iso: string | Date | null, expected: number, slackMs = 60_000) => {
  expect(iso).not.toBeNull();
  expect(Math.abs(new Date(iso!).getTime() - expected)).toBeLessThan(slackMs);
};

const classify = (id: number, kind: TipKind, reason?: string) => canbo.post(`/api/tips/${id}/classify`, { kind, ...(reason && { reason }) });
/** The body of a stage change, with what that change must carry for the kind. */
function stageBody(kind: TipKind, to: TipStatus, settle = false) {
  if (to === 'transferred') return { status: to, transferredTo: BODY, ...(kind === 'crime' && settle && { handover: { settlerId: ids.dieutra } }) };
  if (kind === 'crime' && to === 'handling') return { status: to, decision: bodyDecision() };
  if (kind === 'crime' && to === 'resolved') return { status: to, outcome: 'not_prosecute', decision: bodyDecision() };
  if (kind === 'crime' && to === 'suspended') return { status: to, ground: 'a', decision: bodyDecision() };
  if (kind === 'denunciation' && ['handling', 'not_accepted', 'resolved'].includes(to)) return { status: to, decision: denunciationDecision() };
  return { status: to };
}

/** Drives a case of the kind from 'new' to the stage, the way its officers would. */
async function reach(id: number, kind: TipKind, path: TipStatus[], settle = false) {
  expect((await classify(id, kind)).status).toBe(200);
  for (const s of path) {
    const as = kind === 'crime' && ['handling', 'resolved', 'suspended'].includes(s) ? dieutra : canbo;
    // A suspension is decided when the term runs out (art. 148(1)): the term is made to end today.
    if (s === 'suspended') await database.db.updateTable('tips').set({ legal_due_at: dayEnd(today()) }).where('id', '=', id).execute();
    const res = await as.post(`/api/tips/${id}/status`, stageBody(kind, s, settle));
    expect(res.status, `${s}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, config: { cookieSecure: false }, tipKey: key });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  [canbo, lanhdao, thon, xem, quantri, thachlap, dieutra] = (await Promise.all(
    ['canbo', 'lanhdao', 'thon', 'xem', 'quantri', 'thachlap', 'dieutra'].map((u) => login(u)),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client];
  const unitBy = async (code: string) => database.db.selectFrom('units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
  units.thuongHa = await unitBy('02968');
  units.thachLap = await unitBy('15085');
  units.laoCai = await unitBy('15');
  units.langNgan = await database.db.selectFrom('units').select(['id', 'path']).where('name', '=', 'Thôn Làng Ngần').where('parent_id', '=', units.thuongHa.id).executeTakeFirstOrThrow();
  for (const u of await database.db.selectFrom('users').select(['id', 'username']).execute()) ids[u.username] = u.id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('a crime report at the commune: received, checked, handed over (BLTTHS art. 146(3), TTLT 01/2017)', () => {
  it('starts unclassified with 24 hours to hand over, classified without a word, handed over with its record', async () => {
    const tip = await newTip();
    const page = (await canbo.ok(`/api/tips/${tip.id}`)) as any;
    expect(page.tip).toMatchObject({ status: 'new', kind: null, urgency: 'on_time', legal_term: 'handover', settler_id: null });
    near(page.tip.legal_due_at, new Date(page.tip.received_at).getTime() + 24 * HOUR, 1000);
    expect(page.tip.due_at).toBe(page.tip.legal_due_at);
    expect(page).toMatchObject({ canHandle: true, canReveal: false, canSettle: false, next: ['verifying', 'transferred'], extensions: [] });

    const classified = await classify(tip.id, 'crime');
    expect(classified.status, JSON.stringify(classified.body)).toBe(200);
    expect(classified.body.tip).toMatchObject({ kind: 'crime', status: 'new', legal_due_at: page.tip.legal_due_at });
    expect(classified.body.events.at(-1)).toMatchObject({ kind: 'classified', detail: 'Phân loại: Tố giác, tin báo về tội phạm, kiến nghị khởi tố' });

    const verifying = await canbo.patch(`/api/tips/${tip.id}/status`, { status: 'verifying', note: 'Đã lấy lời khai ban đầu' });
    expect(verifying.status, JSON.stringify(verifying.body)).toBe(200);
    // The preliminary check is within the same 24 hours, not a term of its own.
    expect(verifying.body.tip).toMatchObject({ status: 'verifying', due_at: page.tip.legal_due_at });
    // The commune settles nothing itself: only the handover comes next.
    for (const to of ['handling', 'resolved', 'unfounded'] as const) {
      const res = await canbo.post(`/api/tips/${tip.id}/status`, { status: to });
      expect(res.status, to).toBe(409);
    }

    const sent = await lanhdao.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: BODY, handover: { document: 'Công văn số 15/CAX' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.tip).toMatchObject({ status: 'transferred', transferred_to: BODY, handover_document: 'Công văn số 15/CAX', due_at: null, urgency: 'closed', settler_id: null });
    near(sent.body.tip.handed_over_at, Date.now(), 10_000);
    expect(sent.body.tip.body_received_at).toBe(sent.body.tip.handed_over_at);
    expect(sent.body.events.find((e: any) => e.kind === 'handed_over').detail).toMatch(/^Chuyển Cơ quan CSĐT Công an tỉnh Lào Cai lúc \d\d:\d\d \d\d\/\d\d\/\d{4}; Công văn số 15\/CAX; cơ quan nhận lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    // Its later stages are the receiving body's: the commune has none.
    expect(sent.body.next).toEqual([]);
    const refused = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'handling' });
    expect([refused.status, refused.body.error.message]).toEqual([409, 'Tin báo đã chuyển cho cơ quan có thẩm quyền; các bước sau là của cơ quan đó']);
    // Out of the commune's open cases.
    const open = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&status=open&limit=200`)) as any[];
    expect(open.map((t) => t.id)).not.toContain(tip.id);
    expect((await publicStatus(database.db, tip.trackingCode, tip.secret)).status).toBe('transferred');

    const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_name', 'after']).where('entity', '=', 'tip').where('entity_id', '=', String(tip.id)).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_name])).toEqual([['create', null], ['update', 'canbo'], ['update', 'canbo'], ['update', 'lanhdao']]);
    expect(audit.at(-1)!.after).toMatchObject({ status: 'transferred', due_at: null });
  });

  it('gives a remote commune 48 hours, set above the commune with its document, for the tips still to hand over', async () => {
    const tip = await newTip();
    const set = (c: Client, body: unknown, id = units.thuongHa!.id) => put(c, `/api/units/${id}/remote-area`, body);
    expect((await set(canbo, { remote: true, basis: 'Quyết định 1/QĐ-UBND' })).status).toBe(403);
    expect((await set(xem, { remote: true, basis: 'Quyết định 1/QĐ-UBND' })).status).toBe(403);
    const noBasis = await set(quantri, { remote: true });
    expect([noBasis.status, noBasis.body.error.fields[0].path]).toEqual([400, 'basis']);
    expect((await set(quantri, { remote: true, basis: 'x' }, units.laoCai!.id)).status).toBe(400);
    try {
      const done = await set(quantri, { remote: true, basis: 'Quyết định số 1/QĐ-UBND ngày 02/01/2026 của UBND tỉnh Lào Cai' });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ remote_area: true, handover_hours: 48 });
      const row = await tipRow(tip.id);
      expect(row.legal_due_at!.getTime() - row.received_at.getTime()).toBe(48 * HOUR);
      const later = await newTip();
      const laterRow = await tipRow(later.id);
      expect(laterRow.due_at!.getTime() - laterRow.received_at.getTime()).toBe(48 * HOUR);
      // One handed over late says so.
      await database.db.updateTable('tips').set({ legal_due_at: new Date(Date.now() - HOUR) }).where('id', '=', later.id).execute();
      const sent = await canbo.post(`/api/tips/${later.id}/status`, { status: 'transferred', transferredTo: BODY });
      expect(sent.body.events.find((e: any) => e.kind === 'handed_over').detail).toMatch(/chuyển quá thời hạn 48 giờ$/);
    } finally {
      await set(quantri, { remote: false });
    }
    expect((await tipRow(tip.id)).legal_due_at!.getTime() - (await tipRow(tip.id)).received_at.getTime()).toBe(24 * HOUR);
  });

  it('allows each kind exactly its next stages and refuses every other, changing nothing when it refuses', async () => {
    const paths: [TipKind, TipStatus[], boolean][] = [
      ['crime', [], false], ['crime', ['verifying'], false], ['crime', ['transferred'], true], ['crime', ['transferred', 'handling'], true],
      ['crime', ['transferred', 'handling', 'suspended'], true], ['denunciation', [], false], ['denunciation', ['handling'], false],
      ['other', [], false], ['other', ['verifying'], false], ['other', ['handling'], false], ['other', ['unfounded'], false],
    ];
    for (const [kind, path, settle] of paths) {
      const from = path.at(-1) ?? 'new';
      const allowed = nextStages(kind, from, settle);
      for (const to of allowed) {
        const tip = await newTip();
        await reach(tip.id, kind, path, settle);
        if (to === 'suspended') await database.db.updateTable('tips').set({ legal_due_at: dayEnd(today()) }).where('id', '=', tip.id).execute();
        const as = kind === 'crime' && ['handling', 'resolved', 'suspended'].includes(to) ? dieutra : canbo;
        const res = await as.post(`/api/tips/${tip.id}/status`, stageBody(kind, to, settle));
        expect(res.status, `${kind} ${from} → ${to}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(res.body.tip.status).toBe(to);
        // Only a crime report's check keeps a term at the commune; an "other" report past "new" has none.
        if (kind === 'other') expect(res.body.tip).toMatchObject({ due_at: null, urgency: 'closed' });
        if (kind === 'crime' && to === 'verifying') expect(res.body.tip.due_at).toBe(res.body.tip.legal_due_at);
      }
      const tip = await newTip();
      await reach(tip.id, kind, path, settle);
      const before = await tipRow(tip.id);
      const events = await eventCount(tip.id);
      for (const to of ALL.filter((s) => !allowed.includes(s))) {
        const res = await dieutra.post(`/api/tips/${tip.id}/status`, stageBody(kind, to, settle));
        expect(res.status, `${kind} ${from} → ${to} must be refused`).toBe(409);
        expect(res.body.error.fields[0].path).toBe('status');
      }
      expect(await tipRow(tip.id)).toEqual(before);
      expect(await eventCount(tip.id)).toBe(events);
    }
  });

  it('asks for the receiving body on a handover, and refuses bad input with field paths', async () => {
    const tip = await newTip();
    const missing = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: 'transferredTo', message: 'Chưa ghi cơ quan nhận tin báo.' }]);
    const stray = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'verifying', transferredTo: 'Công an huyện cũ' });
    expect([stray.status, stray.body.error.fields[0].path]).toEqual([400, 'transferredTo']);
    const unknown = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'done' });
    expect([unknown.status, unknown.body.error.fields[0].path]).toEqual([400, 'status']);
    expect(unknown.body.error.message).toMatch(/^Dữ liệu không hợp lệ/);
    const long = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: 'x'.repeat(301) });
    expect([long.status, long.body.error.fields[0].path]).toEqual([400, 'transferredTo']);
    const notInvestigator = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: BODY, handover: { settlerId: ids.canbo } });
    expect([notInvestigator.status, notInvestigator.body.error.fields[0].path]).toEqual([400, 'handover.settlerId']);
    const future = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: BODY, handover: { bodyReceivedAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect([future.status, future.body.error.fields[0].path]).toEqual([400, 'handover.bodyReceivedAt']);
    const before = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: BODY, handover: { bodyReceivedAt: '2020-01-01T00:00:00+07:00' } });
    expect([before.status, before.body.error.fields[0].path]).toEqual([400, 'handover.bodyReceivedAt']);
    const absurd = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: BODY, handover: { bodyReceivedAt: '9999-12-25T00:00:00Z' } });
    expect(absurd.status).toBe(400);
    expect((await tipRow(tip.id)).status).toBe('new');
    expect(await eventCount(tip.id)).toBe(1);
  });

  it('serves two officers acting at once one after the other', async () => {
    const tip = await newTip();
    const both = await Promise.all([canbo.post(`/api/tips/${tip.id}/status`, { status: 'verifying' }), lanhdao.post(`/api/tips/${tip.id}/status`, { status: 'verifying' })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await eventCount(tip.id)).toBe(2);
  });

  it('flags overdue and due-soon tips in the inbox, and a stage that ends the commune\'s duty clears the flag', async () => {
    const late = await newTip({ description: 'Tin báo đã quá hạn chuyển ở thôn' });
    const soon = await newTip({ description: 'Tin báo sắp đến hạn chuyển ở thôn' });
    await database.db.updateTable('tips').set({ due_at: new Date(Date.now() - HOUR) }).where('id', '=', late.id).execute();
    await database.db.updateTable('tips').set({ due_soon_at: new Date(Date.now() - HOUR) }).where('id', '=', soon.id).execute();

    const inbox = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&status=open&limit=200`)) as any[];
    expect(inbox.find((t) => t.id === late.id).urgency).toBe('overdue');
    expect(inbox.find((t) => t.id === soon.id).urgency).toBe('due_soon');
    const overdue = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&overdue=true&limit=200`)) as any[];
    expect(overdue.map((t) => t.id)).toContain(late.id);
    expect(overdue.map((t) => t.id)).not.toContain(soon.id);
    expect(overdue.every((t) => t.urgency === 'overdue')).toBe(true);

    const moved = await canbo.post(`/api/tips/${late.id}/status`, { status: 'transferred', transferredTo: BODY });
    expect(moved.body.tip.urgency).toBe('closed');
    const again = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&overdue=true&limit=200`)) as any[];
    expect(again.map((t) => t.id)).not.toContain(late.id);
  });
});

describe('classification', () => {
  it('needs a reason to change a kind, restarts the term the new kind has from receipt, and stops once handed over', async () => {
    const tip = await newTip();
    expect((await classify(tip.id, 'other')).status).toBe(200);
    const noReason = await classify(tip.id, 'denunciation');
    expect([noReason.status, noReason.body.error.fields[0].path]).toEqual([400, 'reason']);
    const same = await canbo.post(`/api/tips/${tip.id}/classify`, { kind: 'other', reason: 'x' });
    expect(same.status).toBe(409);
    expect((await canbo.post(`/api/tips/${tip.id}/classify`, { kind: 'spam' })).status).toBe(400);
    expect((await xem.post(`/api/tips/${tip.id}/classify`, { kind: 'crime' })).status).toBe(404);

    const denunciation = await classify(tip.id, 'denunciation', 'Đơn tố cáo cán bộ xã vi phạm khi thực hiện công vụ');
    expect(denunciation.status, JSON.stringify(denunciation.body)).toBe(200);
    const received = todayVN(new Date(denunciation.body.tip.received_at));
    expect(denunciation.body.tip).toMatchObject({ kind: 'denunciation', legal_term: 'acceptance', legal_due_at: dayEnd(legalLastDay('acceptance', received)).toISOString() });
    expect(denunciation.body.events.at(-1).detail).toBe('Phân loại lại: Phản ánh, kiến nghị khác → Tố cáo (Luật Tố cáo). Lý do: Đơn tố cáo cán bộ xã vi phạm khi thực hiện công vụ');

    const crime = await classify(tip.id, 'crime', 'Có dấu hiệu tội nhận hối lộ');
    expect(crime.body.tip).toMatchObject({ kind: 'crime', legal_term: 'handover' });
    near(crime.body.tip.legal_due_at, new Date(crime.body.tip.received_at).getTime() + 24 * HOUR, 1000);
    await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: BODY });
    expect((await classify(tip.id, 'other', 'Thử phân loại lại')).status).toBe(409);
    const audit = await database.db.selectFrom('audit_log').select(['after']).where('entity', '=', 'tip').where('entity_id', '=', String(tip.id)).orderBy('id').execute();
    expect(audit.map((a) => (a.after as any).kind).filter(Boolean)).toEqual(['other', 'denunciation', 'crime']);
  });
});

describe('who may act', () => {
  it('answers 404 outside the scope and 403 to a reader who does not handle tips', async () => {
    const tip = await newTip();
    for (const outsider of [thachlap, xem, thon]) {
      expect((await outsider.post(`/api/tips/${tip.id}/status`, { status: 'verifying' })).status).toBe(404);
      expect((await outsider.post(`/api/tips/${tip.id}/notes`, { body: 'Không được phép' })).status).toBe(404);
      expect((await put(outsider, `/api/tips/${tip.id}/reply`, { publicReply: 'Không được phép' })).status).toBe(404);
      expect((await outsider.post(`/api/tips/${tip.id}/assign`, { userId: null })).status).toBe(404);
      expect((await outsider.post(`/api/tips/${tip.id}/transfer`, { communeId: units.thachLap!.id })).status).toBe(404);
    }
    // A reader who only reveals (the confidential role) does not handle the tip.
    const created = await quantri.post('/api/users', { username: 'baomat1', fullName: 'Đinh Thị Bảo', password: TEST_PASSWORD, unitId: units.thuongHa!.id, role: 'confidential' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reader = await login('baomat1');
    expect((await reader.get(`/api/tips/${tip.id}`)).status).toBe(200);
    expect((await reader.post(`/api/tips/${tip.id}/status`, { status: 'verifying' })).status).toBe(403);
    expect((await reader.post(`/api/tips/${tip.id}/notes`, { body: 'Ghi chú' })).status).toBe(403);
    expect((await put(reader, `/api/tips/${tip.id}/reply`, { publicReply: 'Trả lời' })).status).toBe(403);
    expect((await tipRow(tip.id)).status).toBe('new');
    expect(await eventCount(tip.id)).toBe(1);
  });
});

describe('assignment', () => {
  it('gives a tip only to an active user who handles tips on its commune', async () => {
    const tip = await newTip();
    const candidates = ((await canbo.ok(`/api/tips/${tip.id}/assignees`)) as any[]).map((u) => u.username);
    expect(candidates).toEqual(expect.arrayContaining(['canbo', 'lanhdao', 'quantri']));
    expect(candidates).not.toContain('thachlap');
    expect(candidates).not.toContain('thon');
    expect(candidates).not.toContain('xem');

    const toLeader = await canbo.post(`/api/tips/${tip.id}/assign`, { userId: ids.lanhdao });
    expect(toLeader.status).toBe(200);
    expect(toLeader.body.tip).toMatchObject({ assignee_id: ids.lanhdao, assignee_name: 'Nguyễn Văn Hùng' });
    expect(toLeader.body.events.at(-1)).toMatchObject({ kind: 'assigned', detail: 'Nguyễn Văn Hùng' });
    // Granted above the commune: the administrator of the country handles tips too.
    expect((await canbo.post(`/api/tips/${tip.id}/assign`, { userId: ids.quantri })).status).toBe(200);

    for (const userId of [ids.thachlap, ids.thon, ids.xem, 999_999]) {
      const res = await canbo.post(`/api/tips/${tip.id}/assign`, { userId });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([{ path: 'userId', message: 'Người này không xử lý tin báo của xã' }]);
    }
    // An officer of the commune whose account is locked.
    const officer = await quantri.post('/api/users', { username: 'canbo2', fullName: 'Hà Văn Tú', password: TEST_PASSWORD, unitId: units.thuongHa!.id, role: 'officer' });
    expect(officer.status).toBe(201);
    expect((await canbo.post(`/api/tips/${tip.id}/assign`, { userId: officer.body.id })).status).toBe(200);
    expect((await quantri.patch(`/api/users/${officer.body.id}`, { active: false })).status).toBe(200);
    expect((await canbo.post(`/api/tips/${tip.id}/assign`, { userId: null })).status).toBe(200);
    expect((await canbo.post(`/api/tips/${tip.id}/assign`, { userId: officer.body.id })).status).toBe(400);
    expect((await canbo.post(`/api/tips/${tip.id}/assign`, { userId: 'canbo' })).body.error.fields[0].path).toBe('userId');

    expect((await canbo.post(`/api/tips/${tip.id}/assign`, { userId: ids.canbo })).status).toBe(200);
    const mine = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&assignee=${ids.canbo}&limit=200`)) as any[];
    expect(mine.map((t) => t.id)).toContain(tip.id);
    expect(mine.every((t) => t.assignee_id === ids.canbo)).toBe(true);
    const none = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&assignee=none&limit=200`)) as any[];
    expect(none.map((t) => t.id)).not.toContain(tip.id);
    expect(none.every((t) => t.assignee_id === null)).toBe(true);
    const audit = await database.db.selectFrom('audit_log').select(['after']).where('entity', '=', 'tip').where('entity_id', '=', String(tip.id)).where('action', '=', 'update').orderBy('id').execute();
    expect(audit.map((a) => (a.after as any).assignee_id)).toEqual([ids.lanhdao, ids.quantri, officer.body.id, null, ids.canbo]);
  });
});

describe('notes and the public reply', () => {
  it('keeps notes and officers\' names off the public status page, which shows the reply', async () => {
    const tip = await newTip({ contact: { name: 'Người dân giấu tên', phone: '0912000111' } });
    const note = await canbo.post(`/api/tips/${tip.id}/notes`, { body: 'Nghi vấn đối tượng Hờ A Páo, cần kín' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ body: 'Nghi vấn đối tượng Hờ A Páo, cần kín', author_name: 'Lò Văn Minh' });
    expect((await canbo.post(`/api/tips/${tip.id}/notes`, { body: '   ' })).body.error.fields[0].path).toBe('body');
    expect((await canbo.post(`/api/tips/${tip.id}/notes`, { body: 'x'.repeat(5001) })).status).toBe(400);
    await canbo.post(`/api/tips/${tip.id}/assign`, { userId: ids.canbo });
    await canbo.post(`/api/tips/${tip.id}/status`, { status: 'verifying', note: 'Ghi chú nội bộ khi chuyển bước' });

    const reply = await put(canbo, `/api/tips/${tip.id}/reply`, { publicReply: 'Công an xã đã tiếp nhận và đang xác minh. Cảm ơn bạn.' });
    expect(reply.status).toBe(200);
    expect(reply.body.tip.public_reply).toBe('Công an xã đã tiếp nhận và đang xác minh. Cảm ơn bạn.');
    expect(reply.body.notes.map((n: any) => n.body)).toEqual(['Nghi vấn đối tượng Hờ A Páo, cần kín']);
    expect((await put(canbo, `/api/tips/${tip.id}/reply`, { publicReply: 'x'.repeat(2001) })).body.error.fields[0].path).toBe('publicReply');

    const view = await publicStatus(database.db, tip.trackingCode, tip.secret);
    expect(view).toMatchObject({ status: 'verifying', public_reply: 'Công an xã đã tiếp nhận và đang xác minh. Cảm ơn bạn.', commune_name: 'Xã Thượng Hà' });
    const shown = JSON.stringify(view);
    for (const secret of ['Hờ A Páo', 'Ghi chú nội bộ', 'Lò Văn Minh', 'canbo', '0912000111', 'Người dân giấu tên']) expect(shown).not.toContain(secret);
    // The audit names the note, not its words.
    const audit = await database.db.selectFrom('audit_log').select(['after']).where('entity', '=', 'tip_note').where('entity_id', '=', String(note.body.id)).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('Páo');

    // An empty reply takes it back.
    expect((await put(canbo, `/api/tips/${tip.id}/reply`, { publicReply: '' })).body.tip.public_reply).toBeNull();
    expect((await publicStatus(database.db, tip.trackingCode, tip.secret)).public_reply).toBeNull();
  });
});

describe('a crime report settled for the body by the commune\'s assigned investigator (art. 147–149)', () => {
  /** A crime report handed over to the body `days` days ago, settled here by the investigator. */
  async function settling(days: number) {
    const tip = await newTip();
    await reach(tip.id, 'crime', ['transferred', 'handling'], true);
    const body = new Date(Date.now() - days * 24 * HOUR);
    const legal = dayEnd(legalLastDay('standard', todayVN(body)));
    await database.db.updateTable('tips').set({ received_at: new Date(body.getTime() - HOUR), body_received_at: body, legal_due_at: legal, due_at: legal }).where('id', '=', tip.id).execute();
    return { id: tip.id, tip, body, legal };
  }
  const extend = (id: number, body: Record<string, unknown>, as = dieutra) => as.post(`/api/tips/${id}/extend`, body);

  it('runs 20 days from the body\'s receipt for the investigator, and only the investigator records the body\'s steps', async () => {
    const tip = await newTip();
    await classify(tip.id, 'crime');
    const sent = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: BODY, handover: { settlerId: ids.dieutra } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const body = todayVN(new Date(sent.body.tip.body_received_at));
    const legal = dayEnd(legalLastDay('standard', body)).toISOString();
    expect(sent.body.tip).toMatchObject({ status: 'transferred', settler_id: ids.dieutra, assignee_id: ids.dieutra, legal_term: 'standard', legal_due_at: legal, due_at: legal, urgency: 'on_time' });
    expect(sent.body.events.find((e: any) => e.kind === 'handed_over').detail).toMatch(/Điều tra viên giải quyết: Hà Văn Quang$/);
    // The commune's officer sees the case open, but may not record the body's steps; nor may the administrator.
    expect(((await canbo.ok(`/api/tips/${tip.id}`)) as any)).toMatchObject({ canSettle: false, next: [] });
    expect((await canbo.post(`/api/tips/${tip.id}/status`, { status: 'handling' })).status).toBe(403);
    expect((await quantri.post(`/api/tips/${tip.id}/status`, { status: 'handling' })).status).toBe(403);
    expect(((await dieutra.ok(`/api/tips/${tip.id}`)) as any)).toMatchObject({ canSettle: true, next: ['handling'] });
    const open = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&status=open&limit=200`)) as any[];
    expect(open.map((t) => t.id)).toContain(tip.id);

    const handling = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'handling' });
    expect(handling.body.tip).toMatchObject({ status: 'handling', legal_due_at: legal });
    const noOutcome = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'resolved', decision: bodyDecision() });
    expect([noOutcome.status, noOutcome.body.error.fields[0].path]).toEqual([400, 'outcome']);
    const noDecision = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'resolved', outcome: 'prosecute' });
    expect([noDecision.status, noDecision.body.error.fields[0].path]).toEqual([400, 'decision']);
    // Who signs is the law's: the procuracy does not decide to prosecute.
    const wrongIssuer = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'resolved', outcome: 'prosecute', decision: procuracyDecision() });
    expect([wrongIssuer.status, wrongIssuer.body.error.fields[0].path]).toEqual([400, 'decision.issuerTitle']);
    const tomorrow = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'resolved', outcome: 'prosecute', decision: { ...bodyDecision(), signedOn: addDays(today(), 1) } });
    expect([tomorrow.status, tomorrow.body.error.fields[0].path]).toEqual([400, 'decision.signedOn']);
    const early = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'suspended', ground: 'a', decision: bodyDecision() });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/^Chỉ tạm đình chỉ khi hết thời hạn giải quyết/);
    expect((await tipRow(tip.id)).status).toBe('handling');

    const resolved = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'resolved', outcome: 'not_prosecute', decision: settlerDecision('9/QĐ-KKT') });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.tip).toMatchObject({ status: 'resolved', outcome: 'not_prosecute', due_at: null, urgency: 'closed' });
    expect(resolved.body.decisions.at(-1)).toMatchObject({ kind: 'not_prosecute', reference: '9/QĐ-KKT', issuer_name: 'Hà Văn Quang', recorded_by_name: 'Hà Văn Quang' });
    // The result is owed in writing to the informant and the procuracy within 3 working days.
    expect(resolved.body.notices.map((n: any) => [n.recipient, n.sent_on, n.overdue])).toEqual([['informant', null, false], ['procuracy', null, false]]);
    const notice = resolved.body.notices[0];
    const bad = await dieutra.post(`/api/tips/${tip.id}/notices/${notice.id}`, { sentOn: addDays(today(), 2) });
    expect([bad.status, bad.body.error.fields[0].path]).toEqual([400, 'sentOn']);
    const sentNotice = await dieutra.post(`/api/tips/${tip.id}/notices/${notice.id}`, { sentOn: today(), reference: 'Thông báo số 4/TB-CAX' });
    expect(sentNotice.status, JSON.stringify(sentNotice.body)).toBe(200);
    expect(sentNotice.body.notices[0]).toMatchObject({ sent_on: today(), reference: 'Thông báo số 4/TB-CAX' });
    expect((await dieutra.post(`/api/tips/${tip.id}/notices/${notice.id}`, { sentOn: today() })).status).toBe(409);
    expect((await dieutra.post(`/api/tips/${tip.id}/notices/999999`, { sentOn: today() })).status).toBe(404);
    expect((await thachlap.post(`/api/tips/${tip.id}/notices/${notice.id}`, { sentOn: today() })).status).toBe(404);
    expect(((await publicStatus(database.db, tip.trackingCode, tip.secret)) as any).status).toBe('resolved');
  });

  it('extends to 2 months in steps, then once by the procuracy with its chief\'s decision, each before the term runs out', async () => {
    const { id, body, legal } = await settling(10);
    const day = todayVN(body);
    const before = await tipRow(id);
    const events = await eventCount(id);
    const refused = [
      [await extend(id, { term: 'procuracy', decision: procuracyDecision() }), 409, 'term'],
      [await extend(id, { term: 'complex', decision: { ...bodyDecision(), reference: '  ' } }), 400, 'decision.reference'],
      [await extend(id, { term: 'complex' }), 400, 'decision'],
      [await extend(id, { term: 'complex', decision: procuracyDecision() }), 400, 'decision.issuerTitle'],
      [await extend(id, { term: 'later', decision: bodyDecision() }), 400, 'term'],
      [await extend(id, { term: 'complex', decision: bodyDecision(), until: addDays(legalLastDay('complex', day), 1) }), 400, 'until'],
      [await extend(id, { term: 'complex', decision: bodyDecision(), until: addDays(day, 19) }), 400, 'until'],
      [await extend(id, { term: 'complex', decision: bodyDecision(), until: '2026-02-30' }), 400, 'until'],
      [await extend(id, { term: 'denunciation_extended', decision: denunciationDecision() }), 409, 'term'],
    ] as const;
    for (const [res, status, path] of refused) {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.fields[0].path).toBe(path);
    }
    expect((await extend(id, { term: 'complex', decision: bodyDecision() }, canbo)).status).toBe(403);
    expect((await extend(id, { term: 'complex', decision: bodyDecision() }, thachlap)).status).toBe(404);
    expect(await tipRow(id)).toEqual(before);
    expect(await eventCount(id)).toBe(events);

    const step = await extend(id, { term: 'complex', decision: bodyDecision('5/QĐ-CSĐT'), until: addDays(day, 30) });
    expect(step.status, JSON.stringify(step.body)).toBe(200);
    expect(step.body.tip).toMatchObject({ legal_term: 'complex', legal_due_at: dayEnd(addDays(day, 30)).toISOString(), procuracy_ask_by: null });
    const complex = await extend(id, { term: 'complex', decision: bodyDecision('7/QĐ-CSĐT') });
    const twoMonths = legalLastDay('complex', day);
    expect(complex.body.tip).toMatchObject({ legal_term: 'complex', legal_due_at: dayEnd(twoMonths).toISOString(), procuracy_ask_by: addDays(twoMonths, -5) });
    expect(new Date(complex.body.tip.legal_due_at) > legal).toBe(true);
    expect(complex.body.decisions.map((d: any) => d.kind)).toEqual(['complex', 'complex']);
    expect(complex.body.events.find((e: any) => e.kind === 'decision' && e.detail.includes('7/QĐ-CSĐT')).detail)
      .toMatch(/^Quyết định kéo dài thời hạn giải quyết đến hết ngày \d\d\/\d\d\/\d{4} \(vụ việc phức tạp .*\): 7\/QĐ-CSĐT, ký ngày \d\d\/\d\d\/\d{4}, Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh Nguyễn Văn An$/);
    expect((await extend(id, { term: 'complex', decision: bodyDecision() })).body.error.message).toMatch(/tối đa 02 tháng/);

    const until = addDays(twoMonths, 10);
    const procuracy = await extend(id, { term: 'procuracy', decision: procuracyDecision(), until });
    expect(procuracy.status, JSON.stringify(procuracy.body)).toBe(200);
    expect(procuracy.body.tip).toMatchObject({ legal_term: 'procuracy', legal_due_at: dayEnd(until).toISOString(), procuracy_ask_by: null });
    const again = await extend(id, { term: 'procuracy', decision: procuracyDecision('4/QĐ-VKS') });
    expect([again.status, again.body.error.message]).toEqual([409, 'Viện kiểm sát đã gia hạn một lần; luật chỉ cho gia hạn một lần']);
    const audit = await database.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'tip').where('entity_id', '=', String(id)).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ legal_term: 'complex' });
    expect(audit.after).toMatchObject({ legal_term: 'procuracy', decision: '3/QĐ-VKS' });

    // Past its deadline a term can no longer be extended: the case stays overdue.
    const overdue = await settling(25);
    const late = await extend(overdue.id, { term: 'complex', decision: bodyDecision() });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^Thời hạn đã hết \(hết ngày \d\d\/\d\d\/\d{4}\)/);
    expect((await tipRow(overdue.id)).legal_term).toBe('standard');
    expect(((await canbo.ok(`/api/tips/${overdue.id}`)) as any).tip.urgency).toBe('overdue');
  });

  it('suspends when the term runs out on a ground of art. 148, and resumes for at most one month, each with its notices', async () => {
    const { id } = await settling(19); // the 20th day is today
    const noGround = await dieutra.post(`/api/tips/${id}/status`, { status: 'suspended', decision: bodyDecision() });
    expect([noGround.status, noGround.body.error.fields[0].path]).toEqual([400, 'ground']);
    const suspended = await dieutra.post(`/api/tips/${id}/status`, { status: 'suspended', ground: 'a', decision: bodyDecision('11/QĐ-TĐC') });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body.tip).toMatchObject({ status: 'suspended', due_at: null, urgency: 'closed' });
    expect(suspended.body.notices.map((n: any) => n.recipient)).toEqual(['procuracy']);
    near(suspended.body.notices[0].due_at, Date.now() + 24 * HOUR, 10_000);
    expect(suspended.body.events.find((e: any) => e.kind === 'decision').detail).toMatch(/^Quyết định tạm đình chỉ \(Điều 148 khoản 1 điểm a: Đã trưng cầu giám định/);
    expect((await extend(id, { term: 'complex', decision: bodyDecision() })).status).toBe(409);
    // Still the commune's investigator's: it stays in the open list, with no term running.
    expect(((await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&status=open&limit=200`)) as any[]).map((t) => t.id)).toContain(id);

    const resumed = await dieutra.post(`/api/tips/${id}/status`, { status: 'handling', decision: bodyDecision('12/QĐ-PHGQ') });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    const month = dayEnd(legalLastDay('resumed', today())).toISOString();
    expect(resumed.body.tip).toMatchObject({ status: 'handling', legal_term: 'resumed', legal_due_at: month, due_at: month });
    expect(resumed.body.extensions).toEqual([]);
    expect(resumed.body.notices.filter((n: any) => n.decision_kind === 'resume').map((n: any) => [n.recipient, n.due_at]))
      .toEqual([['procuracy', dayEnd(addDays(today(), 2)).toISOString()], ['informant', dayEnd(addDays(today(), 2)).toISOString()]]);
  });
});

describe('the body\'s stages are the body\'s to the end', () => {
  it('keeps a handed-over case out of re-routing, its notices the investigator\'s, its decisions in order', async () => {
    const tip = await newTip();
    await reach(tip.id, 'crime', ['transferred', 'handling'], true);
    // An officer cannot undo the investigator's stage by sending the case to another commune.
    const moved = await canbo.post(`/api/tips/${tip.id}/transfer`, { communeId: units.thachLap!.id });
    expect(moved.status).toBe(409);
    expect((await tipRow(tip.id)).status).toBe('handling');
    // A decision is not signed before the case reached the body, nor before the one it follows.
    const yesterday = addDays(today(), -1);
    const early = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'resolved', outcome: 'prosecute', decision: { ...bodyDecision(), signedOn: yesterday } });
    expect([early.status, early.body.error.fields[0].path]).toEqual([400, 'decision.signedOn']);
    const done = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'resolved', outcome: 'prosecute', decision: bodyDecision('15/QĐ-KT') });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const notice = done.body.notices[0];
    // The body's notices are recorded by its investigator, not by the commune's officer.
    expect((await canbo.post(`/api/tips/${tip.id}/notices/${notice.id}`, { sentOn: today() })).status).toBe(403);
    expect(((await canbo.ok(`/api/tips/${tip.id}`)) as any).canSettle).toBe(false);
    const before = await dieutra.post(`/api/tips/${tip.id}/notices/${notice.id}`, { sentOn: yesterday });
    expect([before.status, before.body.error.fields[0].path]).toEqual([400, 'sentOn']);
    expect((await dieutra.post(`/api/tips/${tip.id}/notices/${notice.id}`, { sentOn: today() })).status).toBe(200);
  });

  it('refuses an extension signed after the term ran to, and a suspension signed before it ran out', async () => {
    const tip = await newTip();
    await reach(tip.id, 'crime', ['transferred', 'handling'], true);
    const row = await tipRow(tip.id);
    const last = todayVN(new Date(row.legal_due_at!.getTime() - 1));
    // The term made to end yesterday's day… is over; made to end today, a decision dated tomorrow is refused by the day check.
    await database.db.updateTable('tips').set({ legal_due_at: dayEnd(today()) }).where('id', '=', tip.id).execute();
    const signedLate = await dieutra.post(`/api/tips/${tip.id}/extend`, { term: 'complex', decision: { ...bodyDecision(), signedOn: addDays(today(), 1) } });
    expect([signedLate.status, signedLate.body.error.fields[0].path]).toEqual([400, 'decision.signedOn']);
    expect(last > today()).toBe(true);
    const suspendEarly = await dieutra.post(`/api/tips/${tip.id}/status`, { status: 'suspended', ground: 'b', decision: { ...bodyDecision(), signedOn: addDays(today(), -1) } });
    expect(suspendEarly.status).toBe(409);
    expect((await tipRow(tip.id)).status).toBe('handling');
  });

  it('judges a handover recorded after the fact by its own moment, and leaves an overdue one overdue when the commune turns remote', async () => {
    const tip = await newTip();
    const received = (await tipRow(tip.id)).received_at;
    await database.db.updateTable('tips').set({ received_at: new Date(received.getTime() - 30 * HOUR), legal_due_at: new Date(received.getTime() - 6 * HOUR) }).where('id', '=', tip.id).execute();
    const set = (remote: boolean) => put(quantri, `/api/units/${units.thuongHa!.id}/remote-area`, { remote, basis: 'Quyết định số 1/QĐ-UBND' });
    try {
      expect((await set(true)).status).toBe(200);
      const row = await tipRow(tip.id);
      expect(row.legal_due_at!.getTime()).toBe(received.getTime() - 6 * HOUR);
    } finally {
      await set(false);
    }
    const at = new Date(received.getTime() - 2 * HOUR).toISOString(); // 28 hours after its receipt
    const sent = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: BODY, handover: { handedOverAt: at } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.tip.handed_over_at).toBe(at);
    expect(sent.body.events.find((e: any) => e.kind === 'handed_over').detail).toMatch(/chuyển quá thời hạn 24 giờ$/);
    const before = await newTip();
    const wrong = await canbo.post(`/api/tips/${before.id}/status`, { status: 'transferred', transferredTo: BODY, handover: { handedOverAt: '2020-01-01T00:00:00+07:00' } });
    expect([wrong.status, wrong.body.error.fields[0].path]).toEqual([400, 'handover.handedOverAt']);
  });

  it('lets nobody give themselves the investigator\'s or the confidential role', async () => {
    for (const role of ['investigator', 'confidential']) {
      const res = await quantri.post(`/api/users/${ids.quantri}/grants`, { unitId: units.thuongHa!.id, role, basis: 'Quyết định thử' });
      expect(res.status, role).toBe(403);
    }
  });
});

describe('denunciations under Luật Tố cáo', () => {
  it('accepts within 7 working days, settles within 30 days of acceptance, extends once or twice by 30 days', async () => {
    const tip = await newTip({ category: 'other', description: 'Tố cáo cán bộ xã yêu cầu nộp tiền ngoài quy định khi làm hồ sơ' });
    const classified = await classify(tip.id, 'denunciation');
    expect(classified.body.tip).toMatchObject({ legal_term: 'acceptance', urgency: 'on_time' });
    expect(classified.body.extensions).toEqual(['acceptance_long']);
    const longer = await canbo.post(`/api/tips/${tip.id}/extend`, { term: 'acceptance_long', decision: denunciationDecision('1/QĐ-KD') });
    expect(longer.status, JSON.stringify(longer.body)).toBe(200);
    const received = todayVN(new Date(longer.body.tip.received_at));
    expect(longer.body.tip).toMatchObject({ legal_term: 'acceptance_long', legal_due_at: dayEnd(legalLastDay('acceptance_long', received)).toISOString() });
    const wrong = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'handling', decision: bodyDecision() });
    expect([wrong.status, wrong.body.error.fields[0].path]).toEqual([400, 'decision.issuerTitle']);

    const accepted = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'handling', decision: denunciationDecision() });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const thirty = legalLastDay('denunciation', today());
    expect(accepted.body.tip).toMatchObject({ status: 'handling', accepted_on: today(), legal_term: 'denunciation', legal_due_at: dayEnd(thirty).toISOString() });
    expect(accepted.body.notices.map((n: any) => n.recipient)).toEqual(['informant']);
    // Once accepted it stays with the commune that accepted it.
    expect((await canbo.post(`/api/tips/${tip.id}/transfer`, { communeId: units.thachLap!.id })).status).toBe(409);
    expect((await classify(tip.id, 'crime', 'Thử')).status).toBe(409);

    const once = await canbo.post(`/api/tips/${tip.id}/extend`, { term: 'denunciation_extended', decision: denunciationDecision('3/QĐ-GH') });
    expect(once.body.tip).toMatchObject({ legal_term: 'denunciation_extended', legal_due_at: dayEnd(legalLastDay('denunciation_extended', thirty)).toISOString() });
    const twice = await canbo.post(`/api/tips/${tip.id}/extend`, { term: 'denunciation_extended_twice', decision: denunciationDecision('4/QĐ-GH') });
    expect(twice.status, JSON.stringify(twice.body)).toBe(200);
    const third = await canbo.post(`/api/tips/${tip.id}/extend`, { term: 'denunciation_extended_twice', decision: denunciationDecision('5/QĐ-GH') });
    expect(third.status).toBe(409);
    const concluded = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'resolved', decision: denunciationDecision('6/KL') });
    expect(concluded.body.tip).toMatchObject({ status: 'resolved', outcome: 'concluded', due_at: null });
    expect(concluded.body.decisions.map((d: any) => d.kind)).toEqual(['accept_long', 'accept', 'denunciation_extend', 'denunciation_extend', 'concluded']);
  });

  it('records a refusal to accept with its decision, and passes one on to the competent body', async () => {
    const refused = await newTip();
    await classify(refused.id, 'denunciation');
    const no = await canbo.post(`/api/tips/${refused.id}/status`, { status: 'not_accepted', decision: denunciationDecision('8/TB-KTL') });
    expect(no.body.tip).toMatchObject({ status: 'not_accepted', outcome: 'not_accepted', urgency: 'closed' });
    expect((await publicStatus(database.db, refused.trackingCode, refused.secret)).status).toBe('not_accepted');
    const passed = await newTip();
    await classify(passed.id, 'denunciation');
    const on = await canbo.post(`/api/tips/${passed.id}/status`, { status: 'transferred', transferredTo: 'Ủy ban nhân dân xã Thượng Hà' });
    expect(on.body.tip).toMatchObject({ status: 'transferred', handed_over_at: null, urgency: 'closed' });
  });
});

describe('an investigator\'s grant', () => {
  it('is given at a commune with the decision that assigned them, and names them among those who may settle', async () => {
    const made = await quantri.post('/api/users', { username: 'dieutra2', fullName: 'Lê Văn Sơn', password: TEST_PASSWORD, unitId: units.thuongHa!.id, role: 'investigator' });
    expect([made.status, made.body.error?.fields[0].path]).toEqual([400, 'basis']);
    const province = await quantri.post('/api/users', { username: 'dieutra2', fullName: 'Lê Văn Sơn', password: TEST_PASSWORD, unitId: units.laoCai!.id, role: 'investigator', basis: 'QĐ 1' });
    expect([province.status, province.body.error?.fields[0].path]).toEqual([400, 'unitId']);
    const ok = await quantri.post('/api/users', { username: 'dieutra2', fullName: 'Lê Văn Sơn', password: TEST_PASSWORD, unitId: units.thuongHa!.id, role: 'investigator', basis: 'Quyết định số 130/QĐ-CSĐT ngày 02/12/2026' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.grants[0]).toMatchObject({ role: 'investigator', basis: 'Quyết định số 130/QĐ-CSĐT ngày 02/12/2026' });
    const tip = await newTip();
    const names = ((await canbo.ok(`/api/tips/${tip.id}/investigators`)) as any[]).map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['dieutra', 'dieutra2']));
    expect(names).not.toContain('canbo');
    expect((await xem.get(`/api/tips/${tip.id}/investigators`)).status).toBe(404);
  });
});

describe('transfer to another commune', () => {
  it('leaves one commune\'s inbox for the other\'s, starting again as new, photos and all', async () => {
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    const tip = await newTip({ description: 'Đánh bạc ở bãi đất trống gần chợ Thạch Lập', photos: [{ name: 'anh.png', content: photo }], communeId: units.thuongHa!.id });
    await reach(tip.id, 'crime', ['verifying']);
    await canbo.post(`/api/tips/${tip.id}/assign`, { userId: ids.canbo });
    const page = (await canbo.ok(`/api/tips/${tip.id}`)) as any;
    const fileId = page.photos[0].id;
    expect((await canbo.get(`/api/files/${fileId}`)).status).toBe(200);

    expect((await canbo.post(`/api/tips/${tip.id}/transfer`, { communeId: units.langNgan!.id })).body.error.fields).toEqual([{ path: 'communeId', message: 'Không phải xã, phường, đặc khu' }]);
    expect((await canbo.post(`/api/tips/${tip.id}/transfer`, { communeId: units.laoCai!.id })).status).toBe(400);
    expect((await canbo.post(`/api/tips/${tip.id}/transfer`, { communeId: units.thuongHa!.id })).body.error.fields[0].path).toBe('communeId');
    expect((await canbo.post(`/api/tips/${tip.id}/transfer`, {})).body.error.fields[0].path).toBe('communeId');
    expect((await tipRow(tip.id)).commune_id).toBe(units.thuongHa!.id);

    // Xã Thạch Lập is outside canbo's grants: it receives the tip all the same.
    const moved = await canbo.post(`/api/tips/${tip.id}/transfer`, { communeId: units.thachLap!.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ commune_id: units.thachLap!.id, commune_name: 'Xã Thạch Lập', status: 'new', stillReadable: false });
    // The law's clock still runs from the first receipt: the 24 hours are not given afresh.
    near(moved.body.due_at, new Date(page.tip.received_at).getTime() + 24 * HOUR, 1000);
    expect((await tipRow(tip.id)).legal_due_at).toEqual(page.tip.legal_due_at && new Date(page.tip.legal_due_at));

    const ours = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&limit=200`)) as any[];
    expect(ours.map((t) => t.id)).not.toContain(tip.id);
    expect((await canbo.get(`/api/tips/${tip.id}`)).status).toBe(404);
    const theirs = (await thachlap.ok(`/api/tips?unitId=${units.thachLap!.id}&limit=200`)) as any[];
    expect(theirs.find((t) => t.id === tip.id)).toMatchObject({ status: 'new', assignee_id: null, village_id: null, commune_name: 'Xã Thạch Lập', urgency: 'on_time' });
    const there = (await thachlap.ok(`/api/tips/${tip.id}`)) as any;
    expect(there.events.at(-1)).toMatchObject({ kind: 'transferred', status: 'new', detail: 'Xã Thượng Hà → Xã Thạch Lập' });
    expect((await thachlap.get(`/api/files/${fileId}`)).status).toBe(200);
    expect((await canbo.get(`/api/files/${fileId}`)).status).toBe(404);
    const row = await tipRow(tip.id);
    expect(row.unit_path).toBe(units.thachLap!.path);
    const audit = await database.db.selectFrom('audit_log').select(['unit_id']).where('entity', '=', 'tip').where('entity_id', '=', String(tip.id)).where('action', '=', 'update').orderBy('id', 'desc').limit(2).execute();
    expect(audit.map((a) => a.unit_id).sort()).toEqual([units.thuongHa!.id, units.thachLap!.id].sort());

    // A closed tip stays where it ended.
    const closed = await newTip();
    await reach(closed.id, 'other', ['unfounded']);
    expect((await canbo.post(`/api/tips/${closed.id}/transfer`, { communeId: units.thachLap!.id })).status).toBe(409);
  });
});

describe('the informant\'s identity', () => {
  it('is revealed only to the confidential role, every time written to the audit log', async () => {
    const tip = await newTip({ contact: { name: 'Sùng Thị Mỷ', phone: '0987654321' } });
    expect(((await canbo.ok(`/api/tips/${tip.id}`)) as any).canReveal).toBe(false);
    expect((await canbo.post(`/api/tips/${tip.id}/reveal`)).status).toBe(403);
    // The administrator of the platform is not told who informed the police.
    expect(((await quantri.ok(`/api/tips/${tip.id}`)) as any).canReveal).toBe(false);
    expect((await quantri.post(`/api/tips/${tip.id}/reveal`)).status).toBe(403);
    expect((await xem.post(`/api/tips/${tip.id}/reveal`)).status).toBe(404);

    const grant = await quantri.post(`/api/users/${ids.lanhdao}/grants`, { unitId: units.thuongHa!.id, role: 'confidential' });
    expect(grant.status, JSON.stringify(grant.body)).toBe(201);
    const leader = await login('lanhdao');
    expect(((await leader.ok(`/api/tips/${tip.id}`)) as any).canReveal).toBe(true);
    const revealed = await leader.post(`/api/tips/${tip.id}/reveal`);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ name: 'Sùng Thị Mỷ', phone: '0987654321' });
    const reveals = await database.db.selectFrom('audit_log').select(['actor_name', 'entity', 'unit_id']).where('action', '=', 'reveal').where('entity_id', '=', String(tip.id)).execute();
    expect(reveals).toEqual([{ actor_name: 'lanhdao', entity: 'tip_contact', unit_id: units.thuongHa!.id }]);
    // A tip with no contact has nothing to reveal.
    const anonymous = await newTip();
    expect(((await leader.ok(`/api/tips/${anonymous.id}`)) as any).canReveal).toBe(false);
    expect((await leader.post(`/api/tips/${anonymous.id}/reveal`)).status).toBe(404);

    // Nowhere in the audit log, nor in the tips table, is the contact in plain text.
    const audit = await database.db.selectFrom('audit_log').select(['before', 'after']).where('entity', 'like', 'tip%').execute();
    expect(JSON.stringify(audit)).not.toMatch(/Sùng Thị Mỷ|0987654321/);
    expect(Buffer.from((await tipRow(tip.id)).contact_sealed!).toString('latin1')).not.toContain('0987654321');
  });
});

describe('dashboard counts', () => {
  it('counts by category and status, and the open ones overdue and due soon, without a word of any tip', async () => {
    const url = (unitId: number, q = '') => `/api/tips/summary?unitId=${unitId}${q}`;
    const before = (await canbo.ok(url(units.thuongHa!.id))) as any;
    const province = (await quantri.ok(url(units.laoCai!.id))) as any;
    const a = await newTip({ category: 'drugs', description: 'Nghi có người bán ma túy ở đầu cầu treo' });
    const b = await newTip({ category: 'drugs', description: 'Tụ tập sử dụng ma túy ở lán nương' });
    const c = await newTip({ category: 'fire' , description: 'Đốt nương gần rừng phòng hộ không có người trông' });
    await reach(b.id, 'crime', ['verifying']);
    await reach(c.id, 'other', ['unfounded']);
    const at = (h: number) => new Date(Date.now() + h * HOUR);
    await database.db.updateTable('tips').set({ due_at: at(-1) }).where('id', '=', a.id).execute();
    await database.db.updateTable('tips').set({ due_at: at(1), due_soon_at: at(-5) }).where('id', '=', b.id).execute();
    // A tip to hand over is due soon in its last 6 hours; one with 12 hours left is not yet.
    const d = await newTip({ category: 'other', description: 'Chó thả rông cắn người ở đầu thôn' });
    const e = await newTip({ category: 'other', description: 'Đèn đường hỏng ở ngã ba chợ' });
    await database.db.updateTable('tips').set({ due_at: at(2), due_soon_at: at(-4) }).where('id', '=', d.id).execute();
    await database.db.updateTable('tips').set({ due_at: at(12), due_soon_at: at(6) }).where('id', '=', e.id).execute();

    const after = (await canbo.ok(url(units.thuongHa!.id))) as any;
    expect(after.received - before.received).toBe(5);
    expect(after.byCategory.drugs - before.byCategory.drugs).toBe(2);
    expect(after.byCategory.fire - before.byCategory.fire).toBe(1);
    expect(after.byStatus.new - before.byStatus.new).toBe(3);
    expect(after.byStatus.verifying - before.byStatus.verifying).toBe(1);
    expect(after.byStatus.unfounded - before.byStatus.unfounded).toBe(1);
    expect(after.open.total - before.open.total).toBe(4);
    expect(after.open.overdue - before.open.overdue).toBe(1);
    expect(after.open.dueSoon - before.open.dueSoon).toBe(2);
    expect(Object.values(after.byCategory).reduce((s: number, n: any) => s + n, 0)).toBe(after.received);
    expect(after.byDay.reduce((s: number, d: any) => s + d.count, 0)).toBe(after.received);
    expect(JSON.stringify(after)).not.toMatch(/ma túy ở|lán nương|rừng phòng hộ/);
    // The province's dashboard counts them too.
    const provinceAfter = (await quantri.ok(url(units.laoCai!.id))) as any;
    expect(provinceAfter.received - province.received).toBe(5);
    // A range before any tip: nothing received, the open ones still counted as they stand.
    const old = (await canbo.ok(url(units.thuongHa!.id, '&from=2020-01-01&to=2020-01-31'))) as any;
    expect(old).toMatchObject({ received: 0, byDay: [], open: after.open });

    expect((await xem.get(url(units.laoCai!.id))).status).toBe(403);
    expect((await thon.get(url(units.langNgan!.id))).status).toBe(403);
    expect((await canbo.get(url(units.thachLap!.id))).status).toBe(404);
    const reversed = await canbo.get(url(units.thuongHa!.id, '&from=2026-02-01&to=2026-01-01'));
    expect([reversed.status, reversed.body.error.fields[0].path]).toEqual([400, 'from']);
    expect((await canbo.get(url(units.thuongHa!.id, '&from=2024-01-01&to=2026-01-01'))).status).toBe(400);
    const bad = await canbo.get(url(units.thuongHa!.id, '&from=2026-02-30'));
    expect([bad.status, bad.body.error.fields[0].path]).toEqual([400, 'querystring.from']);
  });
});

describe('inbox search', () => {
  it('finds a tip by its story or place without diacritics, and by its tracking code', async () => {
    const tip = await newTip({ description: 'Trộm cắp gà vịt ở xóm Đồng Tâm, 50% số nhà bị mất', place: 'Cầu Đá' });
    await newTip({ description: 'Trộm cắp xe đạp ở chợ phiên', place: 'Chợ' });
    const search = async (text: string) =>
      ((await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&limit=200&q=${encodeURIComponent(text)}`)) as any[]).map((t) => t.id);
    expect(await search('trom cap ga vit')).toEqual([tip.id]);
    expect(await search('DONG TAM')).toEqual([tip.id]);
    expect(await search('cau da')).toEqual([tip.id]);
    expect(await search(tip.trackingCode.toLowerCase())).toEqual([tip.id]);
    expect(await search('50% so nha')).toEqual([tip.id]);
    expect(await search('trom cap ga xe')).toEqual([]);
  });
});

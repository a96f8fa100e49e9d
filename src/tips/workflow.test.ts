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
import { addDays, addMonths, dayEnd, todayVN } from '../shared/dates.ts';
import { DUE_SOON_MS, legalLastDay, NEXT, NEW_STAGE_MS } from './deadlines.ts';
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
const ids: Record<string, number> = {};
const units: Record<string, { id: number; path: string }> = {};
const ALL: TipStatus[] = ['new', 'verifying', 'handling', 'resolved', 'transferred', 'unfounded'];
const HOUR = 3_600_000;

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

/** Drives a tip from 'new' to the stage, the way an officer would. */
async function reach(id: number, status: TipStatus) {
  const path: Record<TipStatus, TipStatus[]> = {
    new: [], verifying: ['verifying'], handling: ['verifying', 'handling'], resolved: ['verifying', 'resolved'], transferred: ['transferred'], unfounded: ['unfounded'],
  };
  for (const s of path[status]) {
    const res = await canbo.post(`/api/tips/${id}/status`, { status: s, ...(s === 'transferred' && { transferredTo: 'Cơ quan CSĐT Công an tỉnh' }) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, config: { cookieSecure: false }, tipKey: key });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  [canbo, lanhdao, thon, xem, quantri, thachlap] = await Promise.all([login('canbo'), login('lanhdao'), login('thon'), login('xem'), login('quantri'), login('thachlap')]);
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

describe('stages and their deadlines', () => {
  it('starts as new with a 24-hour deadline; the later stages run to the legal deadline, 20 days from receipt', async () => {
    const tip = await newTip();
    const page = (await canbo.ok(`/api/tips/${tip.id}`)) as any;
    expect(page.tip).toMatchObject({ status: 'new', urgency: 'on_time', assignee_id: null, legal_term: 'standard' });
    near(page.tip.due_at, new Date(page.tip.received_at).getTime() + NEW_STAGE_MS, 1000);
    // 24:00 of the 20th day, the day of receipt the first.
    const legal = dayEnd(addDays(todayVN(new Date(page.tip.received_at)), 19)).toISOString();
    expect(page.tip.legal_due_at).toBe(legal);
    expect(page).toMatchObject({ canHandle: true, canReveal: false });

    const verifying = await canbo.patch(`/api/tips/${tip.id}/status`, { status: 'verifying', note: 'Đã gọi trưởng thôn hỏi lại' });
    expect(verifying.status, JSON.stringify(verifying.body)).toBe(200);
    expect(verifying.body.tip.status).toBe('verifying');
    near(verifying.body.tip.stage_started_at, Date.now(), 10_000);
    expect(verifying.body.tip.due_at).toBe(legal);
    expect(verifying.body.events.at(-1)).toMatchObject({ kind: 'status', status: 'verifying', detail: 'Đã gọi trưởng thôn hỏi lại', actor_name: 'Lò Văn Minh' });

    const handling = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'handling' });
    expect(handling.body.tip.status).toBe('handling');
    expect(handling.body.tip).toMatchObject({ due_at: legal, legal_due_at: legal });

    const resolved = await lanhdao.post(`/api/tips/${tip.id}/status`, { status: 'resolved' });
    expect(resolved.body.tip).toMatchObject({ status: 'resolved', due_at: null, urgency: 'closed' });
    expect(resolved.body.events.map((e: any) => e.status)).toEqual(['new', 'verifying', 'handling', 'resolved']);

    const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_name', 'before', 'after']).where('entity', '=', 'tip').where('entity_id', '=', String(tip.id)).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_name])).toEqual([['create', null], ['update', 'canbo'], ['update', 'canbo'], ['update', 'lanhdao']]);
    expect(audit.at(-1)!.before).toMatchObject({ status: 'handling' });
    expect(audit.at(-1)!.after).toMatchObject({ status: 'resolved', due_at: null });
  });

  it('allows every transition of NEXT and refuses every other, changing nothing when it refuses', async () => {
    for (const from of ALL) {
      for (const to of NEXT[from]) {
        const tip = await newTip();
        await reach(tip.id, from);
        const res = await canbo.post(`/api/tips/${tip.id}/status`, { status: to, ...(to === 'transferred' && { transferredTo: 'Công an huyện cũ' }) });
        expect(res.status, `${from} → ${to}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(res.body.tip.status).toBe(to);
        // NEXT never leads back to "new": an open stage runs to the legal deadline, a closed one has none.
        expect(res.body.tip.due_at).toBe(['verifying', 'handling'].includes(to) ? res.body.tip.legal_due_at : null);
      }
      const tip = await newTip();
      await reach(tip.id, from);
      const before = await tipRow(tip.id);
      const events = await eventCount(tip.id);
      for (const to of ALL.filter((s) => !NEXT[from].includes(s))) {
        const res = await canbo.post(`/api/tips/${tip.id}/status`, { status: to, ...(to === 'transferred' && { transferredTo: 'Công an huyện cũ' }) });
        expect(res.status, `${from} → ${to} must be refused`).toBe(409);
        expect(res.body.error.fields[0].path).toBe('status');
        expect(res.body.error.message).toMatch(NEXT[from].length ? /^Không thể chuyển tin báo từ/ : /đã kết thúc/);
      }
      expect(await tipRow(tip.id)).toEqual(before);
      expect(await eventCount(tip.id)).toBe(events);
    }
  });

  it('asks for the receiving agency on a transfer elsewhere, and refuses bad input with field paths', async () => {
    const tip = await newTip();
    const missing = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: 'transferredTo', message: 'Chưa ghi cơ quan nhận tin báo' }]);
    const stray = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'verifying', transferredTo: 'Công an huyện cũ' });
    expect(stray.status).toBe(400);
    expect(stray.body.error.fields[0].path).toBe('transferredTo');
    const unknown = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'done' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('status');
    expect(unknown.body.error.message).toMatch(/^Dữ liệu không hợp lệ/);
    const long = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: 'x'.repeat(301) });
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].path).toBe('transferredTo');
    expect((await tipRow(tip.id)).status).toBe('new');

    const sent = await canbo.post(`/api/tips/${tip.id}/status`, { status: 'transferred', transferredTo: 'Cơ quan CSĐT Công an tỉnh', note: 'Có dấu hiệu tội phạm nghiêm trọng' });
    expect(sent.status).toBe(200);
    expect(sent.body.tip).toMatchObject({ status: 'transferred', transferred_to: 'Cơ quan CSĐT Công an tỉnh', due_at: null });
    expect(sent.body.events.at(-1).detail).toBe('Chuyển đến: Cơ quan CSĐT Công an tỉnh. Có dấu hiệu tội phạm nghiêm trọng');
  });

  it('serves two officers acting at once one after the other', async () => {
    const tip = await newTip();
    const both = await Promise.all([canbo.post(`/api/tips/${tip.id}/status`, { status: 'verifying' }), lanhdao.post(`/api/tips/${tip.id}/status`, { status: 'verifying' })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await eventCount(tip.id)).toBe(2);
  });

  it('flags overdue and due-soon tips in the inbox, and a new stage clears the flag', async () => {
    const late = await newTip({ description: 'Tin báo đã quá hạn xác minh ở thôn' });
    const soon = await newTip({ description: 'Tin báo sắp đến hạn xác minh ở thôn' });
    await reach(late.id, 'verifying');
    await reach(soon.id, 'verifying');
    await database.db.updateTable('tips').set({ due_at: new Date(Date.now() - HOUR) }).where('id', '=', late.id).execute();
    await database.db.updateTable('tips').set({ due_at: new Date(Date.now() + DUE_SOON_MS - HOUR) }).where('id', '=', soon.id).execute();

    const inbox = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&status=open&limit=200`)) as any[];
    expect(inbox.find((t) => t.id === late.id).urgency).toBe('overdue');
    expect(inbox.find((t) => t.id === soon.id).urgency).toBe('due_soon');
    const overdue = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&overdue=true&limit=200`)) as any[];
    expect(overdue.map((t) => t.id)).toContain(late.id);
    expect(overdue.map((t) => t.id)).not.toContain(soon.id);
    expect(overdue.every((t) => t.urgency === 'overdue')).toBe(true);

    const moved = await canbo.post(`/api/tips/${late.id}/status`, { status: 'handling' });
    expect(moved.body.tip.urgency).toBe('on_time');
    const again = (await canbo.ok(`/api/tips?unitId=${units.thuongHa!.id}&overdue=true&limit=200`)) as any[];
    expect(again.map((t) => t.id)).not.toContain(late.id);
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

describe('the legal deadline, counted from receipt', () => {
  /** A tip received `days` days ago, at the stage: its dates moved back as if it had waited that long. */
  async function receivedAgo(days: number, status: TipStatus = 'new') {
    const tip = await newTip();
    await reach(tip.id, status);
    const received = new Date(Date.now() - days * 24 * HOUR);
    const legal = dayEnd(legalLastDay('standard', todayVN(received)));
    const due = status === 'new' ? new Date(Math.min(received.getTime() + NEW_STAGE_MS, legal.getTime())) : legal;
    await database.db.updateTable('tips').set({ received_at: received, stage_started_at: received, legal_due_at: legal, due_at: due }).where('id', '=', tip.id).execute();
    return { id: tip.id, received, legal };
  }
  const extend = (id: number, body: Record<string, unknown>, as = canbo) => as.post(`/api/tips/${id}/extend`, body);

  it('gives a stage only what is left of it: a re-route on the 20th day keeps the day, not a fresh 24 hours', async () => {
    const late = await receivedAgo(19);
    const moved = await canbo.post(`/api/tips/${late.id}/transfer`, { communeId: units.thachLap!.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.due_at).toBe(late.legal.toISOString());
    expect((await tipRow(late.id)).legal_due_at).toEqual(late.legal);

    const past = await receivedAgo(25);
    const verifying = await canbo.post(`/api/tips/${past.id}/status`, { status: 'verifying' });
    expect(verifying.body.tip).toMatchObject({ due_at: past.legal.toISOString(), urgency: 'overdue' });
  });

  it('extends to 2 months for a complex case, then once by the procuracy, each in its order and once', async () => {
    const { id, received, legal } = await receivedAgo(10, 'verifying');
    const day = todayVN(received);
    const before = await tipRow(id);
    const events = await eventCount(id);
    const refused = [
      [await extend(id, { term: 'procuracy', decision: 'Quyết định số 3/QĐ-VKS' }), 409, 'term'],
      [await extend(id, { term: 'complex', decision: '  ' }), 400, 'decision'],
      [await extend(id, { term: 'complex' }), 400, 'decision'],
      [await extend(id, { term: 'later', decision: 'QĐ 1' }), 400, 'term'],
      [await extend(id, { term: 'complex', decision: 'QĐ 1', until: addDays(addMonths(day, 2), 3) }), 400, 'until'],
      [await extend(id, { term: 'complex', decision: 'QĐ 1', until: addDays(day, 19) }), 400, 'until'],
      [await extend(id, { term: 'complex', decision: 'QĐ 1', until: '2026-02-30' }), 400, 'until'],
    ] as const;
    for (const [res, status, path] of refused) {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.fields[0].path).toBe(path);
    }
    expect(refused[0][0].body.error.message).toMatch(/khi thời hạn đã được kéo dài đủ 02 tháng/);
    expect((await extend(id, { term: 'complex', decision: 'QĐ 1' }, thon)).status).toBe(404);
    expect((await extend(id, { term: 'complex', decision: 'QĐ 1' }, thachlap)).status).toBe(404);
    expect(await tipRow(id)).toEqual(before);
    expect(await eventCount(id)).toBe(events);

    // A complex case's term may be set in steps, up to 2 months from receipt.
    const step = await extend(id, { term: 'complex', decision: 'Quyết định kéo dài số 5/QĐ-CAX', until: addDays(day, 30) });
    expect(step.status, JSON.stringify(step.body)).toBe(200);
    expect(step.body.tip).toMatchObject({ legal_term: 'complex', legal_due_at: dayEnd(addDays(day, 30)).toISOString() });
    // The procuracy comes in only once the 2 months are used up.
    expect((await extend(id, { term: 'procuracy', decision: 'QĐ 3/QĐ-VKS' })).status).toBe(409);
    const complex = await extend(id, { term: 'complex', decision: 'Quyết định kéo dài số 7/QĐ-CAX ngày 20/11/2026' });
    expect(complex.status, JSON.stringify(complex.body)).toBe(200);
    const twoMonths = dayEnd(legalLastDay('complex', day)).toISOString();
    expect(complex.body.tip).toMatchObject({ legal_term: 'complex', legal_due_at: twoMonths, due_at: twoMonths });
    expect(new Date(twoMonths) > legal).toBe(true);
    expect(complex.body.events.at(-1)).toMatchObject({ kind: 'extended', actor_name: 'Lò Văn Minh' });
    expect(complex.body.events.at(-1).detail).toMatch(/^kéo dài đến hết ngày \d\d\/\d\d\/\d{4} \(vụ việc phức tạp .*\)\. Quyết định kéo dài số 7\/QĐ-CAX ngày 20\/11\/2026$/);
    const full = await extend(id, { term: 'complex', decision: 'QĐ 2' });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toMatch(/tối đa 02 tháng kể từ ngày nhận/);

    const until = addDays(legalLastDay('complex', day), 10);
    const procuracy = await extend(id, { term: 'procuracy', decision: 'Quyết định gia hạn số 3/QĐ-VKS', until });
    expect(procuracy.status, JSON.stringify(procuracy.body)).toBe(200);
    expect(procuracy.body.tip).toMatchObject({ legal_term: 'procuracy', legal_due_at: dayEnd(until).toISOString() });
    expect(procuracy.body.events.at(-1).detail).toMatch(/^gia hạn đến hết ngày /);
    const again = await extend(id, { term: 'procuracy', decision: 'QĐ 4' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Viện kiểm sát đã gia hạn một lần; luật chỉ cho gia hạn một lần');

    const audit = await database.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'tip').where('entity_id', '=', String(id)).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ legal_term: 'complex' });
    expect(audit.after).toMatchObject({ legal_term: 'procuracy', decision: 'Quyết định gia hạn số 3/QĐ-VKS' });

    const closed = await newTip();
    await reach(closed.id, 'unfounded');
    const ended = await extend(closed.id, { term: 'complex', decision: 'QĐ 5' });
    expect(ended.status).toBe(409);
    expect(ended.body.error.message).toMatch(/đã kết thúc/);

    // Past its deadline a term can no longer be extended: the tip stays overdue.
    const overdue = await receivedAgo(25, 'verifying');
    const late = await extend(overdue.id, { term: 'complex', decision: 'QĐ 6' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^Hạn giải quyết theo luật đã hết \(hết ngày \d\d\/\d\d\/\d{4}\)/);
    expect((await tipRow(overdue.id)).legal_term).toBe('standard');
  });
});

describe('transfer to another commune', () => {
  it('leaves one commune\'s inbox for the other\'s, starting again as new, photos and all', async () => {
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    const tip = await newTip({ description: 'Đánh bạc ở bãi đất trống gần chợ Thạch Lập', photos: [{ name: 'anh.png', content: photo }], communeId: units.thuongHa!.id });
    await reach(tip.id, 'verifying');
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
    near(moved.body.due_at, Date.now() + NEW_STAGE_MS);
    // The law's clock still runs from the first receipt.
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
    await reach(closed.id, 'unfounded');
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
    await reach(b.id, 'verifying');
    await reach(c.id, 'unfounded');
    await database.db.updateTable('tips').set({ due_at: new Date(Date.now() - HOUR) }).where('id', '=', a.id).execute();
    await database.db.updateTable('tips').set({ due_at: new Date(Date.now() + HOUR) }).where('id', '=', b.id).execute();
    // A new tip is due soon within a quarter of its 24 hours; one with 12 hours left is not yet.
    const d = await newTip({ category: 'other', description: 'Chó thả rông cắn người ở đầu thôn' });
    const e = await newTip({ category: 'other', description: 'Đèn đường hỏng ở ngã ba chợ' });
    await database.db.updateTable('tips').set({ due_at: new Date(Date.now() + 2 * HOUR) }).where('id', '=', d.id).execute();
    await database.db.updateTable('tips').set({ due_at: new Date(Date.now() + 12 * HOUR) }).where('id', '=', e.id).execute();

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

/**
 * Periodic reports over real HTTP and the real database: what each unit owes, the draft from
 * data (a province's figures are the sums of its communes'), the workflow up the tree with its
 * permissions, reminders and completeness, and the report as DOCX and PDF read back by
 * LibreOffice and poppler.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { itReading } from '../../tests/support/tools.ts';
import { readSheet } from '../../tests/support/xlsx.ts';
import { flat, run } from '../plans/export/readback.ts';
import { systemActor } from '../demo/plans.ts';
import { todayVN } from '../shared/dates.ts';
import { draftFigures } from './figures.ts';

let server: TestServer;
let quantri: Client;
let thachlap: Client;
let xem: Client;
const year = Number(todayVN().slice(0, 4));
const unit: Record<string, { id: number; path: string }> = {};

const duties = (c: Client, unitId: number) => c.ok(`/api/reports/duties?unitId=${unitId}&year=${year}`) as Promise<any>;
const refOf = (d: any) => ({ unitId: d.unit.id, scheduleKey: d.schedule_key, periodStart: d.period_start, dueYear: year });

beforeAll(async () => {
  server = await startTestServer();
  [quantri, thachlap, xem] = await Promise.all([server.login('quantri'), server.login('thachlap'), server.login('xem')]);
  const db = server.database.db;
  for (const [key, code] of [['thachLap', '15085'], ['trieuSon', '15664'], ['cuChi', '27553']] as const) {
    unit[key] = await db.selectFrom('units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
  }
  unit.thanhHoa = await db.selectFrom('units').select(['id', 'path']).where('kind', '=', 'province').where('name', '=', 'Thanh Hóa').executeTakeFirstOrThrow();
  unit.country = await db.selectFrom('units').select(['id', 'path']).where('kind', '=', 'country').executeTakeFirstOrThrow();
});
afterAll(() => server.close());

describe('what a unit owes', () => {
  it('lists the reports of the models a commune runs, due this year to the province, not yet started', async () => {
    const own = await duties(thachlap, unit.thachLap!.id);
    expect(own.canWrite).toBe(true);
    const yearly = own.duties.filter((d: any) => d.due_on === `${year}-12-15`);
    // Tiếng kẻng bình yên and Tổ liên gia PCCC each ask for a yearly report by 15/12.
    expect(yearly).toHaveLength(2);
    expect(yearly.some((d: any) => d.subject.includes('Tiếng kẻng bình yên'))).toBe(true);
    expect(yearly.some((d: any) => d.subject.includes('Tổ liên gia an toàn về PCCC'))).toBe(true);
    for (const d of yearly) {
      expect(d).toMatchObject({ receiver: { id: unit.thanhHoa!.id }, period: 'year', period_start: `${year}-01-01`, period_end: `${year}-12-14`, period_label: `năm ${year}` });
    }
  });

  it('refuses to start a report nobody owes, and lets no viewer start one', async () => {
    const count = async () => (await server.database.db.selectFrom('reports').select('id').execute()).length;
    const before = await count();
    const bad = await thachlap.post('/api/reports', { unitId: unit.thachLap!.id, scheduleKey: 'model:999999:0', periodStart: `${year}-01-01`, dueYear: year });
    expect(bad.status).toBe(400);
    const d = (await duties(thachlap, unit.thachLap!.id)).duties[0];
    expect((await xem.post('/api/reports', refOf(d))).status).toBe(404);
    expect((await thachlap.post('/api/reports', { ...refOf(d), periodStart: '2026-02-30' })).status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe('a commune report from draft to accepted', () => {
  let id: number;
  let view: any;

  it('starts once: a second start finds the first', async () => {
    const d = (await duties(thachlap, unit.thachLap!.id)).duties.find((x: any) => x.subject.includes('Tiếng kẻng'));
    const first = await thachlap.post('/api/reports', refOf(d));
    expect(first.status).toBe(201);
    const again = await thachlap.post('/api/reports', refOf(d));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    id = first.body.id;
    view = await thachlap.ok(`/api/reports/${id}`);
    expect(view.report.status).toBe('draft');
    expect(view.canWrite).toBe(true);
  });

  it('drafts its gong figures from the same roll-ups as the statistics, its villages adding up to its totals', async () => {
    const f = view.figures;
    // Counted up to today while the period runs, to its end once it is over.
    expect(f.to).toBe(view.report.period_end < todayVN() ? view.report.period_end : todayVN());
    const rollup = await thachlap.ok(`/api/rollups/gongs?unitId=${unit.thachLap!.id}&from=${f.from}&to=${f.to}&by=month`);
    expect(f.gongs).toEqual({ villages: rollup.total.villages, expected: rollup.total.expected, struck: rollup.total.struck, on_time: rollup.total.on_time });
    expect(f.gongs.struck).toBeGreaterThan(0);
    const sum = (k: string) => f.breakdown.reduce((s: number, b: any) => s + b[k], 0);
    expect(sum('patrols')).toBe(f.patrols.patrols);
    expect(sum('activities')).toBe(f.activities.reduce((s: number, a: any) => s + a.activities, 0));
    expect(f.patrols.patrols).toBeGreaterThan(0);
    expect(f.targets.find((t: any) => t.key === 'thon-danh-keng')).toMatchObject({ count: f.gongs.on_time, of: f.gongs.expected });
  });

  it('says its figures run to today while the period runs, to its end once it is over', async () => {
    const { actor } = await systemActor(server.database.db);
    const commune = { id: unit.thachLap!.id, name: 'Xã Thạch Lập', kind: 'commune', path: unit.thachLap!.path };
    const running = await draftFigures(server.database.db, actor, commune, '2026-07-01', '2026-12-31', new Date('2026-11-24T05:00:00Z'));
    expect([running.from, running.to]).toEqual(['2026-07-01', '2026-11-24']);
    const over = await draftFigures(server.database.db, actor, commune, '2026-01-01', '2026-06-30', new Date('2026-11-24T05:00:00Z'));
    expect([over.from, over.to]).toEqual(['2026-01-01', '2026-06-30']);
  });

  it('saves the narrative only over the version read, and checks its length', async () => {
    const narrative = { results: 'Các thôn duy trì đánh kẻng lúc 22 giờ.\nTuần tra đều đặn sau tiếng kẻng.', limitations: 'Một số thôn đánh kẻng muộn.', causes: 'Kẻng hỏng chưa kịp thay.', proposals: 'Hỗ trợ kinh phí thay kẻng.' };
    const saved = await thachlap.request('PUT', `/api/reports/${id}`, { version: view.report.version, narrative });
    expect(saved.status).toBe(200);
    expect(saved.body.report.narrative).toEqual(narrative);
    const stale = await thachlap.request('PUT', `/api/reports/${id}`, { version: view.report.version, narrative: { ...narrative, results: 'cũ' } });
    expect(stale.status).toBe(409);
    const long = await thachlap.request('PUT', `/api/reports/${id}`, { version: saved.body.report.version, narrative: { ...narrative, results: 'a'.repeat(20_001) } });
    expect(long.status).toBe(400);
    expect((await thachlap.ok(`/api/reports/${id}`)).report.narrative).toEqual(narrative);
    view = saved.body;
  });

  it('is submitted with its figures frozen: data arriving later does not change what was sent', async () => {
    const sent = await thachlap.post(`/api/reports/${id}/submit`, { version: view.report.version });
    expect(sent.status).toBe(200);
    expect(sent.body.report.status).toBe('submitted');
    expect(sent.body.canWrite).toBe(false);
    const before = sent.body.figures;
    const activity = await thachlap.post('/api/activities', { unitId: unit.thachLap!.id, kind: 'meeting', title: 'Họp giao ban an ninh', heldOn: before.from });
    expect(activity.status).toBe(201);
    expect((await thachlap.ok(`/api/reports/${id}`)).figures).toEqual(before);
    expect((await thachlap.request('PUT', `/api/reports/${id}`, { version: sent.body.report.version, narrative: view.report.narrative })).status).toBe(409);
    view = sent.body;
  });

  it('is reviewed only by the unit above: returned with a reason, sent again, accepted', async () => {
    expect((await thachlap.post(`/api/reports/${id}/review`, { version: view.report.version, decision: 'accept' })).status).toBe(403);
    const noReason = await quantri.post(`/api/reports/${id}/review`, { version: view.report.version, decision: 'return' });
    expect(noReason.status).toBe(400);
    const returned = await quantri.post(`/api/reports/${id}/review`, { version: view.report.version, decision: 'return', comment: 'Bổ sung số liệu kẻng hỏng.' });
    expect(returned.status).toBe(200);
    expect(returned.body.report).toMatchObject({ status: 'returned', review_comment: 'Bổ sung số liệu kẻng hỏng.' });
    const mine = await thachlap.ok(`/api/reports/${id}`);
    expect(mine.canWrite).toBe(true);
    const resent = await thachlap.post(`/api/reports/${id}/submit`, { version: mine.report.version });
    expect(resent.status).toBe(200);
    // Sent again after a return: the first sending is the one that counts, the review is answered.
    expect(resent.body.report.submitted_at).toBe(view.report.submitted_at);
    expect(resent.body.report.review_comment).toBeNull();
    const accepted = await quantri.post(`/api/reports/${id}/review`, { version: resent.body.report.version, decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.report.status).toBe('accepted');
    expect(accepted.body.events.map((e: any) => e.action)).toEqual(['created', 'submitted', 'returned', 'submitted', 'accepted']);
    expect((await quantri.post(`/api/reports/${id}/review`, { version: accepted.body.report.version, decision: 'return', comment: 'x' })).status).toBe(409);
  });

  itReading('writer', 'poppler')('exports as DOCX and PDF in Vietnamese, opened by LibreOffice and read back by poppler', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    try {
      for (const format of ['docx', 'pdf']) {
        const res = await fetch(`${server.url}/api/reports/${id}/export.${format}`, { headers: { cookie: thachlap.cookie } });
        expect(res.status).toBe(200);
        fs.writeFileSync(path.join(dir, `r.${format}`), Buffer.from(await res.arrayBuffer()));
      }
      run('libreoffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo-out'), path.join(dir, 'r.docx')], 120_000);
      for (const pdf of [path.join(dir, 'r.pdf'), path.join(dir, 'lo-out', 'r.pdf')]) {
        const text = flat(run('pdftotext', ['-enc', 'UTF-8', pdf, '-']));
        expect(text).toContain('BÁO CÁO');
        expect(text).toContain('ỦY BAN NHÂN DÂN XÃ THẠCH LẬP');
        expect(text).toContain('Các thôn duy trì đánh kẻng lúc 22 giờ.');
        expect(text).toContain('Kết quả thực hiện chỉ tiêu');
        expect(text).toContain(`đúng giờ ${new Intl.NumberFormat('vi-VN').format(view.figures.gongs.on_time)} lượt`);
        expect(text).toContain('UBND tỉnh Thanh Hóa (b/c);');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** The paragraphs of a DOCX as Word stores them (word/document.xml), each as its plain text. */
async function docxParagraphs(res: Response): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-xml-'));
  try {
    fs.writeFileSync(path.join(dir, 'r.docx'), Buffer.from(await res.arrayBuffer()));
    const xml = run('unzip', ['-p', path.join(dir, 'r.docx'), 'word/document.xml']);
    const decode = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    return xml.split('</w:p>').map((p) => flat(decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))).filter((p) => p !== '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the report as an official document (Nghị định 30/2020)', () => {
  const docx = async (c: Client, id: number) => {
    const res = await fetch(`${server.url}/api/reports/${id}/export.docx`, { headers: { cookie: c.cookie } });
    expect(res.status).toBe(200);
    return docxParagraphs(res);
  };

  it('a school\'s report: dated at its commune, sent to the commune\'s People\'s Committee, to the period\'s last day, signed by whom it says', async () => {
    const school = await server.database.db.selectFrom('units').select('id').where('name', '=', 'Trường THCS Củ Chi').executeTakeFirstOrThrow();
    // Last year's yearly review, due 31/12: a period that is over, read to its last day.
    const last = year - 1;
    const owed = (await quantri.ok(`/api/reports/duties?unitId=${school.id}&year=${last}`)).duties.find((d: any) => d.due_on === `${last}-12-31`);
    expect(owed).toMatchObject({ period_start: `${last}-01-01`, period_end: `${last}-12-31` });
    const { id } = (await quantri.post('/api/reports', { ...refOf(owed), dueYear: last })).body;
    const view = await quantri.ok(`/api/reports/${id}`);
    expect(view.figures.to).toBe(`${last}-12-31`);
    // Nobody leads the school in the data: the title its kind signs with, the name left to write.
    expect(view.signer).toEqual({ title: 'HIỆU TRƯỞNG', name: '' });
    expect(view.place).toBe('Xã Củ Chi');

    const before = await docx(quantri, id);
    expect(before).toContain(`Số liệu tính từ ngày 01/01/${last} đến ngày 31/12/${last}, tổng hợp từ dữ liệu trên hệ thống Bình Yên.`);
    expect(before).toContain('Củ Chi, ngày … tháng … năm …');
    expect(before.some((p) => p.startsWith('Trường THCS Củ Chi,'))).toBe(false);
    const recipients = before.slice(before.indexOf('Nơi nhận:') + 1, before.indexOf('Nơi nhận:') + 3);
    expect(recipients).toEqual(['- UBND xã Củ Chi (b/c);', '- Lưu: VT.']);

    const signer = { title: 'Phó Hiệu trưởng', name: 'Hoàng Văn Thắng' };
    const saved = await quantri.request('PUT', `/api/reports/${id}`, { version: view.report.version, narrative: view.report.narrative, signer });
    expect(saved.status).toBe(200);
    expect(saved.body.signer).toEqual(signer);
    const after = await docx(quantri, id);
    expect(after).toContain('PHÓ HIỆU TRƯỞNG');
    expect(after.at(-1)).toBe('Hoàng Văn Thắng');
    const tooLong = await quantri.request('PUT', `/api/reports/${id}`, { version: saved.body.report.version, narrative: view.report.narrative, signer: { ...signer, name: 'a'.repeat(201) } });
    expect(tooLong.status).toBe(400);
    expect((await quantri.ok(`/api/reports/${id}`)).signer).toEqual(signer);
  });

  it('a commune\'s report is signed in its leader\'s name until someone writes another', async () => {
    const leader = await quantri.post('/api/users', { username: 'chutich.thachlap', fullName: 'Lê Thị Thu', password: 'Thach-lap#2025', unitId: unit.thachLap!.id, role: 'leader' });
    expect(leader.status).toBe(201);
    // Last year's, so this year's stay unstarted for the tests below.
    const last = year - 1;
    const d = (await thachlap.ok(`/api/reports/duties?unitId=${unit.thachLap!.id}&year=${last}`)).duties.find((x: any) => x.subject.includes('PCCC'));
    const { id } = (await thachlap.post('/api/reports', { ...refOf(d), dueYear: last })).body;
    expect((await thachlap.ok(`/api/reports/${id}`)).signer).toEqual({ title: 'CHỦ TỊCH', name: 'Lê Thị Thu' });
    const paragraphs = await docx(thachlap, id);
    expect(paragraphs.slice(-3)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Thị Thu']);
    expect(paragraphs).toContain('Thạch Lập, ngày … tháng … năm …');
    expect(paragraphs).toContain('- UBND tỉnh Thanh Hóa (b/c);');
  });

  it('a province\'s report to the country names the Ministry\'s department, not "Việt Nam"', async () => {
    const owed = (await duties(quantri, unit.thanhHoa!.id)).duties.find((d: any) => d.schedule_key === 'national:1');
    const { id } = (await quantri.post('/api/reports', refOf(owed))).body;
    const paragraphs = await docx(quantri, id);
    const at = paragraphs.indexOf('Nơi nhận:');
    expect(paragraphs.slice(at + 1, at + 3)).toEqual(['- Bộ Công an (Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc) (b/c);', '- Lưu: VT.']);
    expect(paragraphs.join('\n')).not.toContain('Việt Nam (b/c)');
    expect(paragraphs).toContain('Thanh Hóa, ngày … tháng … năm …');
  });
});

describe('the unit above', () => {
  it('sees who has sent, who is late and who has not started, and reminds them', async () => {
    const c = await quantri.ok(`/api/reports/received?unitId=${unit.thanhHoa!.id}&year=${year}`);
    expect(c.canReview).toBe(true);
    const units = new Set(c.duties.map((d: any) => d.unit.id));
    expect(units.has(unit.thachLap!.id)).toBe(true);
    expect(units.has(unit.trieuSon!.id)).toBe(true);
    expect(c.summary.owed).toBe(c.duties.length);
    expect(c.summary.not_started).toBe(c.duties.filter((d: any) => d.status === 'not_started').length);
    const today = todayVN();
    for (const d of c.duties) {
      if (d.status === 'not_started' || d.status === 'draft') expect(d.late, d.title).toBe(d.due_on < today);
    }
    const open = c.duties.find((d: any) => d.unit.id === unit.trieuSon!.id && d.status !== 'submitted' && d.status !== 'accepted');
    // Outside its commune a unit is not there at all; its own report it cannot remind itself of.
    expect((await thachlap.post('/api/reports/reminders', { ...refOf(open), message: 'Đề nghị gửi báo cáo.' })).status).toBe(404);
    const ownOpen = c.duties.find((d: any) => d.unit.id === unit.thachLap!.id && d.status === 'not_started');
    expect((await thachlap.post('/api/reports/reminders', refOf(ownOpen))).status).toBe(403);
    const sent = await quantri.post('/api/reports/reminders', { ...refOf(open), message: 'Đề nghị gửi báo cáo.' });
    expect(sent.status).toBe(201);
    // Once a day: a second reminder the same day is refused, and changes nothing.
    const again = await quantri.post('/api/reports/reminders', refOf(open));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^Đã nhắc .* gửi báo cáo này lúc \d\d:\d\d \d\d\/\d\d\/\d{4}; mỗi ngày chỉ nhắc một lần$/);
    const after = await quantri.ok(`/api/reports/received?unitId=${unit.thanhHoa!.id}&year=${year}`);
    expect(after.duties.find((d: any) => d.unit.id === open.unit.id && d.schedule_key === open.schedule_key && d.period_start === open.period_start).reminders).toBe(open.reminders + 1);
    const theirs = await quantri.ok(`/api/reports/duties?unitId=${unit.trieuSon!.id}&year=${year}`);
    expect(theirs.reminders[0]).toMatchObject({ message: 'Đề nghị gửi báo cáo.', sender_name: 'Quản trị hệ thống' });

    const xlsx = await fetch(`${server.url}/api/reports/received.xlsx?unitId=${unit.thanhHoa!.id}&year=${year}`, { headers: { cookie: quantri.cookie } });
    expect(xlsx.status).toBe(200);
    const rows = await readSheet(Buffer.from(await xlsx.arrayBuffer()));
    expect(rows[0]).toEqual(['Đơn vị', 'Báo cáo', 'Kỳ', 'Về', 'Hạn gửi', 'Tình trạng', 'Ngày gửi', 'Trễ hạn', 'Số lần nhắc']);
    expect(rows).toHaveLength(after.duties.length + 1);
  });

  it('judges a sent report by the day it was sent (on its due day is on time), and counts accepted ones as submitted', async () => {
    const received = () => quantri.ok(`/api/reports/received?unitId=${unit.thanhHoa!.id}&year=${year}`) as Promise<any>;
    const accepted = (await received()).duties.find((d: any) => d.status === 'accepted');
    expect(accepted).toBeDefined();
    const sentAt = async (local: string) => {
      await server.database.db.updateTable('reports').set({ submitted_at: new Date(`${local}+07:00`) }).where('id', '=', accepted.report_id).execute();
      const c = await received();
      return { late: c.duties.find((d: any) => d.report_id === accepted.report_id).late, summary: c.summary, duties: c.duties };
    };
    const dayAfter = new Date(Date.parse(accepted.due_on) + 86_400_000).toISOString().slice(0, 10);
    expect((await sentAt(`${accepted.due_on}T23:30:00`)).late).toBe(false);
    expect((await sentAt(`${dayAfter}T00:10:00`)).late).toBe(true);
    // Sent long before its due day and looked at today: on time, whatever today is.
    const early = await sentAt(`${accepted.period_start}T08:00:00`);
    expect(early.late).toBe(false);
    const sent = early.duties.filter((d: any) => d.status === 'submitted' || d.status === 'accepted');
    expect(early.summary.submitted).toBe(sent.length);
    expect(early.summary.accepted).toBe(early.duties.filter((d: any) => d.status === 'accepted').length);
    expect(early.summary.accepted).toBeGreaterThan(0);
    expect(early.summary.late).toBe(early.duties.filter((d: any) => d.late).length);
  });

  it('keeps other provinces out', async () => {
    expect((await xem.get(`/api/reports/received?unitId=${unit.thanhHoa!.id}&year=${year}`)).status).toBe(404);
    expect((await xem.get(`/api/reports/duties?unitId=${unit.thachLap!.id}&year=${year}`)).status).toBe(404);
    const any = await server.database.db.selectFrom('reports').select('id').executeTakeFirstOrThrow();
    expect((await xem.get(`/api/reports/${any.id}`)).status).toBe(404);
    expect((await xem.get(`/api/reports/${any.id}/export.pdf`)).status).toBe(404);
  });
});

describe('a province report rolled up from its communes', () => {
  it('is owed to the country, and adds up the communes in its draft', async () => {
    const owed = (await duties(quantri, unit.thanhHoa!.id)).duties.find((d: any) => d.schedule_key === 'national:0');
    expect(owed).toMatchObject({ period_start: `${year}-01-01`, period_end: `${year}-06-19`, due_on: `${year}-06-20`, receiver: { id: unit.country!.id } });
    const country = await quantri.ok(`/api/reports/received?unitId=${unit.country!.id}&year=${year}`);
    expect(country.duties.filter((d: any) => d.schedule_key === 'national:0')).toHaveLength(34);

    const started = await quantri.post('/api/reports', refOf(owed));
    const f = (await quantri.ok(`/api/reports/${started.body.id}`)).figures;
    const rollup = await quantri.ok(`/api/rollups/gongs?unitId=${unit.thanhHoa!.id}&from=${f.from}&to=${f.to}&by=month`);
    expect(f.gongs).toEqual({ villages: rollup.total.villages, expected: rollup.total.expected, struck: rollup.total.struck, on_time: rollup.total.on_time });
    const communes = f.breakdown.filter((b: any) => b.id !== null);
    expect(communes.length).toBeGreaterThan(100);
    for (const k of ['villages', 'expected', 'struck', 'on_time']) expect(communes.reduce((s: number, b: any) => s + (b.gongs?.[k] ?? 0), 0), k).toBe(f.gongs[k]);
    const total = (k: string) => f.breakdown.reduce((s: number, b: any) => s + b[k], 0);
    expect(total('patrols')).toBe(f.patrols.patrols);
    expect(total('activities')).toBe(f.activities.reduce((s: number, a: any) => s + a.activities, 0));
    expect(total('tips')).toBe(f.tips.received);
    for (const k of ['households', 'in_fire_groups', 'keychains']) expect(total(k), k).toBe(f.households[k]);

    // The breakdown as a sheet: a row per unit and the total, which is the figures' total.
    const xlsx = await fetch(`${server.url}/api/reports/${started.body.id}/export.xlsx`, { headers: { cookie: quantri.cookie } });
    expect(xlsx.status).toBe(200);
    const rows = await readSheet(Buffer.from(await xlsx.arrayBuffer()));
    expect(rows[0]!.slice(0, 4)).toEqual(['Đơn vị', 'Lượt phải đánh kẻng', 'Đã đánh', 'Đúng giờ']);
    expect(rows).toHaveLength(f.breakdown.length + 2);
    expect(rows.at(-1)!.slice(0, 4)).toEqual(['Tổng cộng', f.gongs.expected, f.gongs.struck, f.gongs.on_time]);

    // Thạch Lập's row is what Thạch Lập's own draft over the same days says.
    const own = (await duties(quantri, unit.thachLap!.id)).duties.find((d: any) => d.subject.includes('PCCC'));
    const mine = (await quantri.ok(`/api/reports/${(await quantri.post('/api/reports', refOf(own))).body.id}`)).figures;
    const row = communes.find((b: any) => b.id === unit.thachLap!.id);
    expect(row.households).toBe(mine.households.households);
    expect(row.gongs.villages).toBe(mine.gongs.villages);
  });
});

describe('report schedules of a plan', () => {
  it('asks the schools under a commune to report, and is checked', async () => {
    const plan = await server.database.db.selectFrom('plans').select('id').where('unit_id', '=', unit.cuChi!.id).where('status', '=', 'issued').executeTakeFirstOrThrow();
    const add = (body: object) => quantri.post(`/api/plans/${plan.id}/report-schedules`, { title: 'Báo cáo sơ kết', period: 'half_year', dueDay: 10, dueMonth: 5, reporterKind: 'school', ...body });
    expect((await add({ dueDay: 31, dueMonth: 4 })).status).toBe(400);
    expect((await add({ period: 'month' })).status).toBe(400);
    expect((await add({ title: ' ' })).status).toBe(400);
    const schedule = await add({});
    expect(schedule.status).toBe(201);
    const listed = await quantri.ok(`/api/plans/${plan.id}/report-schedules`);
    expect(listed.schedules.map((s: any) => s.id)).toContain(schedule.body.id);

    const school = await server.database.db.selectFrom('units').select('id').where('name', '=', 'Trường THCS Củ Chi').executeTakeFirstOrThrow();
    const owed = (await duties(quantri, school.id)).duties.find((d: any) => d.schedule_key === `plan:${schedule.body.id}`);
    expect(owed).toMatchObject({ period_start: `${year}-01-01`, period_end: `${year}-05-09`, due_on: `${year}-05-10`, receiver: { id: unit.cuChi!.id } });
    expect(owed.subject).toMatch(/^Kế hoạch /);
    const received = await quantri.ok(`/api/reports/received?unitId=${unit.cuChi!.id}&year=${year}`);
    expect(received.duties.some((d: any) => d.unit.id === school.id && d.schedule_key === `plan:${schedule.body.id}`)).toBe(true);

    expect((await quantri.post('/api/reports', refOf(owed))).status).toBe(201);
    expect((await quantri.delete(`/api/plans/${plan.id}/report-schedules/${schedule.body.id}`)).status).toBe(409);
  });
});

describe('what stays and what is hidden', () => {
  it('shows tip counts only to those who handle tips', async () => {
    const laoCai = await server.database.db.selectFrom('units').select('id').where('kind', '=', 'province').where('name', '=', 'Lào Cai').executeTakeFirstOrThrow();
    const owed = (await duties(quantri, laoCai.id)).duties.find((d: any) => d.schedule_key === 'national:0');
    const { id } = (await quantri.post('/api/reports', refOf(owed))).body;
    expect((await quantri.ok(`/api/reports/${id}`)).figures.tips).not.toBeNull();
    const seen = await xem.ok(`/api/reports/${id}`);
    expect(seen.figures.tips).toBeNull();
    expect(seen.figures.breakdown.every((b: any) => b.tips === 0)).toBe(true);
    const pdf = await fetch(`${server.url}/api/reports/${id}/export.pdf`, { headers: { cookie: xem.cookie } });
    expect(pdf.status).toBe(200);
  });

  it('keeps a report started on the list when its model closes', async () => {
    const db = server.database.db;
    const listed = (await duties(thachlap, unit.thachLap!.id)).duties.filter((d: any) => d.report_id !== null);
    expect(listed.length).toBeGreaterThan(0);
    const instances = [...new Set(listed.map((d: any) => Number(d.schedule_key.split(':')[1])))] as number[];
    await db.updateTable('model_instances').set({ status: 'closed' }).where('id', 'in', instances).execute();
    const after = (await duties(thachlap, unit.thachLap!.id)).duties.filter((d: any) => d.report_id !== null);
    expect(after.map((d: any) => [d.report_id, d.status, d.period_label])).toEqual(listed.map((d: any) => [d.report_id, d.status, d.period_label]));
    // Nothing new is owed by a closed model.
    expect((await duties(thachlap, unit.thachLap!.id)).duties.filter((d: any) => d.report_id === null && instances.includes(Number(d.schedule_key.split(':')[1])))).toEqual([]);
  });
});

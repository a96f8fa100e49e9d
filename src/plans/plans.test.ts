import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { addDays, todayVN } from '../shared/dates.ts';

let server: TestServer;
let officer: Client; // canbo: officer at Xã Thượng Hà
let leader: Client; // lanhdao: leader at Xã Thượng Hà
let thuongHa: any;
let police: any;
const count = async (table: 'plans' | 'tasks' | 'task_occurrences') =>
  Number((await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const draft = (extra: object = {}) => ({
  unitId: thuongHa.id, symbol: 'KH-UBND', place: 'Thượng Hà',
  title: 'Xây dựng mô hình "Cổng trường an toàn giao thông" trên địa bàn xã Thượng Hà',
  issuer: { superior: 'UBND TỈNH LÀO CAI', name: 'ỦY BAN NHÂN DÂN XÃ THƯỢNG HÀ' },
  bases: ['Căn cứ Hướng dẫn số 22/HD-BCA-V05 ngày 18 tháng 11 năm 2022 của Bộ Công an.'],
  sections: [{ heading: 'I. MỤC ĐÍCH, YÊU CẦU', paragraphs: ['Nhằm phát huy sức mạnh tổng hợp của cán bộ và nhân dân.'] }],
  recipients: ['Công an xã (t/h);', 'Lưu: VT.'],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Hùng' },
  periodStart: '2024-04-01', periodEnd: '2024-12-31',
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.login('canbo');
  leader = await server.login('lanhdao');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  police = (await officer.get(`/api/units/${thuongHa.id}/children?kind=agency`)).body.find((u: any) => u.name === 'Công an xã Thượng Hà');
});
afterAll(() => server.close());

describe('plans', () => {
  let plan: any;
  it('drafts a plan with its official parts; an officer drafts, a leader issues once numbered and dated', async () => {
    const res = await officer.post('/api/plans', draft());
    expect(res.status).toBe(201);
    plan = res.body;
    expect(plan).toMatchObject({ status: 'draft', symbol: 'KH-UBND', unit_name: 'Xã Thượng Hà' });
    expect((await officer.post(`/api/plans/${plan.id}/status`, { status: 'issued' })).status).toBe(403);
    const unnumbered = await leader.post(`/api/plans/${plan.id}/status`, { status: 'issued' });
    expect(unnumbered.status).toBe(400);
    expect(unnumbered.body.error.fields.map((f: any) => f.path)).toEqual(['number', 'issuedOn']);
    expect((await officer.request('PUT', `/api/plans/${plan.id}`, draft({ number: '45', issuedOn: '2024-03-20' }))).status).toBe(200);
    const issued = await leader.post(`/api/plans/${plan.id}/status`, { status: 'issued' });
    expect(issued.status).toBe(200);
    expect(issued.body.status).toBe('issued');
    expect((await officer.request('PUT', `/api/plans/${plan.id}`, draft({ title: 'Khác' }))).status).toBe(409);
    expect((await leader.post(`/api/plans/${plan.id}/status`, { status: 'issued' })).status).toBe(409);
  });

  it('downloads the plan as DOCX and PDF', async () => {
    const docx = await fetch(`${server.url}/api/plans/${plan.id}/export.docx`, { headers: { cookie: officer.cookie } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(docx.headers.get('content-disposition')).toBe(`attachment; filename="Ke hoach 45-KH-UBND.docx"; filename*=UTF-8''${encodeURIComponent('Kế hoạch 45-KH-UBND.docx')}`);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await fetch(`${server.url}/api/plans/${plan.id}/export.pdf`, { headers: { cookie: officer.cookie } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetch(`${server.url}/api/plans/${plan.id}/export.pdf`)).status).toBe(401);
    const village = await server.login('thon'); // the commune's plan is above the village
    expect((await fetch(`${server.url}/api/plans/${plan.id}/export.pdf`, { headers: { cookie: village.cookie } })).status).toBe(404);
  });

  it('refuses a plan that implements itself, directly or through another', async () => {
    const a = (await officer.post('/api/plans', draft({ title: 'Kế hoạch A' }))).body;
    const b = (await officer.post('/api/plans', draft({ title: 'Kế hoạch B', parentPlanId: a.id }))).body;
    const self = await officer.request('PUT', `/api/plans/${a.id}`, draft({ title: 'Kế hoạch A', parentPlanId: a.id }));
    expect(self.status).toBe(400);
    const loop = await officer.request('PUT', `/api/plans/${a.id}`, draft({ title: 'Kế hoạch A', parentPlanId: b.id }));
    expect(loop.status).toBe(400);
    expect(loop.body.error.message).toMatch(/vòng lặp/);
    const page = (await officer.get(`/api/plans/${a.id}`)).body;
    expect(page.plan.parent_plan_id).toBeNull();
    expect(page.children.map((c: any) => c.id)).toEqual([b.id]);
  });

  it.each([
    [{ periodStart: '2024-12-31', periodEnd: '2024-01-01' }, 'periodEnd'],
    [{ issuedOn: '2024-13-01' }, 'issuedOn'],
    [{ unitId: 999999999 }, 'unitId'],
    [{ title: '' }, 'title'],
  ])('refuses %j and saves nothing', async (extra, field) => {
    const before = await count('plans');
    const res = await officer.post('/api/plans', draft(extra));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: any) => f.path)).toContain(field);
    expect(await count('plans')).toBe(before);
  });

  it('lays out a recurring task\'s occurrences: the nightly gong at 22:00 for a month', async () => {
    const res = await officer.post(`/api/plans/${plan.id}/tasks`, {
      title: 'Đánh kẻng bình yên lúc 22 giờ', leadUnitId: police.id, supportUnitIds: [thuongHa.id],
      recurrence: { freq: 'daily', time: '22:00' }, startsOn: '2024-05-01', endsOn: '2024-05-31',
    });
    expect(res.status).toBe(201);
    expect(res.body.occurrences).toBe(31);
    const deadline = await officer.post(`/api/plans/${plan.id}/tasks`, {
      title: 'Hoàn thiện hồ sơ, ra mắt mô hình', leadUnitId: police.id, recurrence: { freq: 'once', due: '2024-04-15' },
    });
    expect(deadline.body.occurrences).toBe(1);
    const yearly = await officer.post(`/api/plans/${plan.id}/tasks`, {
      title: 'Báo cáo 6 tháng và năm', leadUnitId: thuongHa.id, recurrence: { freq: 'yearly', dates: [{ day: 10, month: 6 }, { day: 10, month: 11 }] },
    });
    expect(yearly.body.occurrences).toBe(2); // within the plan's period 2024-04-01 … 2024-12-31
    const page = (await officer.get(`/api/plans/${plan.id}`)).body;
    expect(page.tasks.map((t: any) => [t.title, t.open_occurrences])).toEqual([
      ['Đánh kẻng bình yên lúc 22 giờ', 31], ['Hoàn thiện hồ sơ, ra mắt mô hình', 1], ['Báo cáo 6 tháng và năm', 2],
    ]);
  });

  it('refuses a task for a unit outside the caller\'s units, reversed dates, or an endless daily task, saving nothing', async () => {
    const admin = await server.login('quantri');
    const trieuSon = (await admin.get('/api/units/search?q=xa%20trieu%20son')).body.units.find((u: any) => u.code === '15664');
    const before = [await count('tasks'), await count('task_occurrences')];
    const outside = await officer.post(`/api/plans/${plan.id}/tasks`, { title: 'X', leadUnitId: trieuSon.id, recurrence: { freq: 'once', due: '2024-05-01' } });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields[0].path).toBe('leadUnitId');
    const reversed = await officer.post(`/api/plans/${plan.id}/tasks`, { title: 'X', leadUnitId: police.id, recurrence: { freq: 'weekly', weekday: 6 }, startsOn: '2024-06-01', endsOn: '2024-05-01' });
    expect(reversed.status).toBe(400);
    const endless = await officer.post(`/api/plans/${plan.id}/tasks`, { title: 'X', leadUnitId: police.id, recurrence: { freq: 'daily' }, startsOn: '2024-01-01', endsOn: '2034-01-01' });
    expect(endless.status).toBe(400);
    const badTime = await officer.post(`/api/plans/${plan.id}/tasks`, { title: 'X', leadUnitId: police.id, recurrence: { freq: 'daily', time: '25:00' } });
    expect(badTime.status).toBe(400);
    expect([await count('tasks'), await count('task_occurrences')]).toEqual(before);
  });

  it('refuses a task due before its plan starts or after it ends, naming both dates, saving nothing', async () => {
    const before = [await count('tasks'), await count('task_occurrences')];
    const add = (body: object) => officer.post(`/api/plans/${plan.id}/tasks`, { title: 'X', leadUnitId: police.id, ...body });
    const early = await add({ recurrence: { freq: 'once', due: '2024-03-10' } }); // the plan runs 01/04–31/12/2024
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('Hạn nhiệm vụ (10/03/2024) trước ngày bắt đầu kế hoạch (01/04/2024)');
    expect(early.body.error.fields[0].path).toBe('recurrence.due');
    const late = await add({ recurrence: { freq: 'once', due: '2025-01-05' } });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toBe('Hạn nhiệm vụ (05/01/2025) sau ngày kết thúc kế hoạch (31/12/2024)');
    const startsEarly = await add({ recurrence: { freq: 'weekly', weekday: 6 }, startsOn: '2024-03-01', endsOn: '2024-05-01' });
    expect([startsEarly.status, startsEarly.body.error.fields[0].path]).toEqual([400, 'startsOn']);
    const endsLate = await add({ recurrence: { freq: 'weekly', weekday: 6 }, startsOn: '2024-05-01', endsOn: '2025-02-01' });
    expect([endsLate.status, endsLate.body.error.fields[0].path]).toEqual([400, 'endsOn']);
    // A plan without a period starts when it is issued.
    const unperiodic = (await officer.post('/api/plans', draft({ title: 'Kế hoạch không có thời gian thực hiện', issuedOn: '2024-03-20', periodStart: null, periodEnd: null }))).body;
    const beforeIssue = await officer.post(`/api/plans/${unperiodic.id}/tasks`, { title: 'X', leadUnitId: police.id, recurrence: { freq: 'once', due: '2024-03-19' } });
    expect(beforeIssue.body.error.message).toBe('Hạn nhiệm vụ (19/03/2024) trước ngày ban hành kế hoạch (20/03/2024)');
    expect([await count('tasks'), await count('task_occurrences')]).toEqual(before);
    // The plan's first and last days are inside it.
    expect((await add({ recurrence: { freq: 'once', due: '2024-04-01' } })).status).toBe(201);
    expect((await add({ recurrence: { freq: 'once', due: '2024-12-31' } })).status).toBe(201);
  });
});

describe('my work and the calendar', () => {
  it('shows overdue, coming and done work for the units a user serves, and only those', async () => {
    const today = todayVN();
    const plan = (await officer.post('/api/plans', draft({ title: 'Kế hoạch tuần tra', periodStart: addDays(today, -10), periodEnd: addDays(today, 20) }))).body;
    await officer.post(`/api/plans/${plan.id}/tasks`, { title: 'Tuần tra sau tiếng kẻng', leadUnitId: police.id, recurrence: { freq: 'daily', time: '22:15' } });
    const work = (await officer.get('/api/my-work?days=7')).body;
    expect(work.today).toBe(today);
    expect(work.counts.overdue).toBeGreaterThanOrEqual(10);
    expect(work.overdue[0]).toMatchObject({ status: 'open', lead_unit_name: 'Công an xã Thượng Hà' });
    expect(work.due.map((o: any) => o.due_on)).toContain(today);
    expect(work.due.every((o: any) => o.due_on >= today && o.due_on <= addDays(today, 7))).toBe(true);

    const first = work.overdue[0];
    const done = await officer.patch(`/api/occurrences/${first.id}`, { status: 'done', evidence: 'Tổ tuần tra 4 người, không phát hiện vụ việc' });
    expect(done.status).toBe(200);
    const after = (await officer.get('/api/my-work?days=7')).body;
    expect(after.counts.overdue).toBe(work.counts.overdue - 1);
    expect(after.done[0]).toMatchObject({ id: first.id, evidence: 'Tổ tuần tra 4 người, không phát hiện vụ việc' });

    const viewer = await server.login('xem'); // viewer: sees, may not tick off
    expect((await viewer.patch(`/api/occurrences/${first.id}`, { status: 'open' })).status).toBe(403);
    const admin = await server.login('quantri');
    const outsider = await admin.post('/api/users', { username: 'canbo.trieuson', fullName: 'Lê Văn Sơn', password: 'Trieu-son#2025', unitId: (await admin.get('/api/units/search?q=xa%20trieu%20son')).body.units[0].id, role: 'officer' });
    expect(outsider.status).toBe(201);
    const other = await server.login('canbo.trieuson', 'Trieu-son#2025');
    const theirs = (await other.get('/api/my-work')).body;
    expect(theirs.counts).toEqual({ overdue: 0, due: 0 });
    expect((await other.patch(`/api/occurrences/${first.id}`, { status: 'open' })).status).toBe(404);
  });

  it('keeps evidence files on an occurrence, for those who may tick it off', async () => {
    const work = (await officer.get('/api/my-work?days=7')).body;
    const item = work.overdue[0] ?? work.due[0];
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const res = await officer.upload(`/api/occurrences/${item.id}/files`, 'băng rôn tuyên truyền.jpg', png);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'băng rôn tuyên truyền.png', media_type: 'image/png', size: png.length }); // the bytes decide the type
    const listed = [...(await officer.get('/api/my-work?days=7')).body.overdue, ...(await officer.get('/api/my-work?days=7')).body.due].find((o: any) => o.id === item.id);
    expect(listed.files).toEqual([expect.objectContaining({ id: res.body.id, name: 'băng rôn tuyên truyền.png' })]);
    const month = (await officer.get(`/api/calendar?month=${item.due_on.slice(0, 7)}`)).body.days[item.due_on];
    expect(month.find((o: any) => o.id === item.id).files).toHaveLength(1);

    const files = async () => Number((await server.database.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await files();
    const viewer = await server.login('xem');
    expect((await viewer.upload(`/api/occurrences/${item.id}/files`, 'a.png', png)).status).toBe(403);
    expect((await officer.upload(`/api/occurrences/${item.id}/files`, 'a.png', new TextEncoder().encode('<script>alert(1)</script>'))).status).toBe(400);
    expect((await officer.upload('/api/occurrences/999999999/files', 'a.png', png)).status).toBe(404);
    const other = await server.login('canbo.trieuson', 'Trieu-son#2025'); // officer of another commune
    expect((await other.upload(`/api/occurrences/${item.id}/files`, 'a.png', png)).status).toBe(404);
    expect((await other.get(`/api/files/${res.body.id}`)).status).toBe(404);
    expect((await other.delete(`/api/occurrences/${item.id}/files/${res.body.id}`)).status).toBe(404);
    expect(await files()).toBe(before);

    expect((await officer.delete(`/api/occurrences/${item.id}/files/${res.body.id}`)).status).toBe(204);
    expect((await officer.get(`/api/files/${res.body.id}`)).status).toBe(404);
    const audit = await server.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'task_occurrence_file').where('entity_id', '=', String(res.body.id)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });

  it('lays the month out by day', async () => {
    const res = await officer.get('/api/calendar?month=2024-05');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.days)).toHaveLength(31);
    expect(res.body.days['2024-05-31'][0]).toMatchObject({ title: 'Đánh kẻng bình yên lúc 22 giờ', due_time: '22:00' });
    expect((await officer.get('/api/calendar?month=2024-13')).status).toBe(400);
  });
});

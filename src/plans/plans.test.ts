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

  it('answers a task in year 9999 with 400 and keeps serving; a century of weeks is refused by count', async () => {
    const before = [await count('tasks'), await count('task_occurrences')];
    const far = await officer.post(`/api/plans/${plan.id}/tasks`, {
      title: 'X', leadUnitId: police.id, recurrence: { freq: 'weekly', weekday: 1 }, startsOn: '9999-12-25', endsOn: '9999-12-31',
    });
    expect(far.status).toBe(400);
    expect(far.body.error.fields.map((f: any) => [f.path, f.message])).toEqual([['startsOn', 'Năm phải từ 2000 đến 2100'], ['endsOn', 'Năm phải từ 2000 đến 2100']]);
    const farDue = await officer.post(`/api/plans/${plan.id}/tasks`, { title: 'X', leadUnitId: police.id, recurrence: { freq: 'once', due: '1999-12-31' } });
    expect(farDue.body.error.fields[0]).toMatchObject({ path: 'recurrence.due', message: 'Năm phải từ 2000 đến 2100' });
    const longPlan = (await officer.post('/api/plans', draft({ title: 'Kế hoạch một thế kỷ', periodStart: '2000-01-01', periodEnd: '2100-12-31' }))).body;
    const century = await officer.post(`/api/plans/${longPlan.id}/tasks`, {
      title: 'X', leadUnitId: police.id, recurrence: { freq: 'weekly', weekday: 1 }, startsOn: '2000-01-01', endsOn: '2100-12-31',
    });
    expect(century.status).toBe(400);
    expect(century.body.error.message).toMatch(/^Nhiệm vụ lặp quá \d+ lần/);
    expect((await officer.get('/api/health')).status).toBe(200);
    expect([await count('tasks'), await count('task_occurrences')]).toEqual(before);
  });

  it('refuses sections nested 800 levels, or too many of them, with a clear message', async () => {
    let deep: any = { heading: 'Mục', paragraphs: [] };
    for (let i = 0; i < 800; i++) deep = { heading: 'Mục', paragraphs: [], children: [deep] };
    const before = await count('plans');
    const nested = await officer.post('/api/plans', draft({ sections: [deep] }));
    expect(nested.status).toBe(400);
    expect(nested.body.error.fields[0]).toMatchObject({ path: 'sections.0.children.0.children.0.children.0.children.0.children.0.children', message: 'Các mục lồng nhau tối đa 6 cấp' });
    const many = await officer.post('/api/plans', draft({ sections: Array.from({ length: 101 }, () => ({ heading: 'Mục', paragraphs: [] })) }));
    expect(many.status).toBe(400);
    expect(many.body.error.fields[0].path).toBe('sections');
    const sixLevels = [1, 2, 3, 4, 5].reduce((s: any) => ({ heading: 'Mục', paragraphs: ['Nội dung.'], children: [s] }), { heading: 'Mục', paragraphs: [] });
    expect((await officer.post('/api/plans', draft({ sections: [sixLevels] }))).status).toBe(201);
    expect(await count('plans')).toBe(before + 1);
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

  it('answers a gong, patrol or outreach task from the data: a night with every village\'s check-in is done, one without is overdue', async () => {
    const today = todayVN();
    const villages = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body;
    const [langNgan, banLu] = ['Thôn Làng Ngần', 'Thôn Bản Lự'].map((name) => villages.find((u: any) => u.name === name));
    const plan = (await officer.post('/api/plans', draft({ title: 'Kế hoạch tiếng kẻng', periodStart: addDays(today, -3), periodEnd: addDays(today, 5) }))).body;
    const addTask = (title: string, measure: string, time: string) => officer.post(`/api/plans/${plan.id}/tasks`, {
      title, leadUnitId: police.id, supportUnitIds: [langNgan.id, banLu.id], recurrence: { freq: 'daily', time }, measure,
    });
    const gongTask = await addTask('Đánh kẻng 22 giờ ở hai thôn', 'gong', '22:00');
    expect(gongTask.status).toBe(201);
    expect(gongTask.body.measure).toBe('gong');
    await addTask('Tuần tra sau tiếng kẻng ở hai thôn', 'patrol', '22:15');
    const outreach = await officer.post(`/api/plans/${plan.id}/tasks`, {
      title: 'Tuyên truyền tiếng kẻng ở thôn', leadUnitId: police.id, recurrence: { freq: 'once', due: addDays(today, -1) }, startsOn: addDays(today, -3), measure: 'outreach',
    });
    expect((await officer.post('/api/activities', {
      unitId: langNgan.id, kind: 'outreach', channel: 'talk', title: 'Họp thôn phổ biến tiếng kẻng', heldOn: addDays(today, -2),
    })).status).toBe(201);
    expect((await addTask('Đo bằng thứ không có', 'weather', '22:00')).status).toBe(400);
    // A commune without villages has no check-ins to count: refused, nothing saved.
    const admin = await server.login('quantri');
    const empty = (await admin.get('/api/units/search?q=phuong%20ba%20dinh')).body.units[0];
    expect((await admin.get(`/api/units/${empty.id}/children?kind=village`)).body).toEqual([]);
    const elsewhere = (await admin.post('/api/plans', draft({ unitId: empty.id, title: 'Kế hoạch không có thôn' }))).body;
    const tasks = await count('tasks');
    const noVillages = await admin.post(`/api/plans/${elsewhere.id}/tasks`, {
      title: 'Đánh kẻng 22 giờ', leadUnitId: empty.id, recurrence: { freq: 'daily', time: '22:00' }, measure: 'gong',
    });
    expect(noVillages.status).toBe(400);
    expect(noVillages.body.error.fields).toEqual([{ path: 'measure', message: 'Chưa có thôn, làng' }]);
    expect(await count('tasks')).toBe(tasks);

    const struck = (village: any, night: string) => officer.post('/api/gong-checkins', {
      villageId: village.id, night, struckAt: new Date(`${night}T22:05:00+07:00`).toISOString(), idempotencyKey: crypto.randomUUID(),
    });
    expect((await struck(langNgan, addDays(today, -2))).status).toBe(201);
    expect((await struck(banLu, addDays(today, -2))).status).toBe(201);
    expect((await struck(langNgan, addDays(today, -3))).status).toBe(201);
    const night = addDays(today, -1);
    const patrol = await officer.post('/api/patrols', {
      unitId: thuongHa.id, startedAt: new Date(`${night}T23:30:00+07:00`).toISOString(), endedAt: new Date(`${today}T01:00:00+07:00`).toISOString(),
      area: 'Làng Ngần, Bản Lự', participants: ['Lò Văn Minh'],
    });
    expect(patrol.status).toBe(201);

    // The whole list: the demo's own overdue work must not push these past the default page.
    const work = (await officer.get('/api/my-work?days=7&limit=200')).body;
    const mine = (list: any[], taskId: number) => list.filter((o) => o.task_id === taskId).map((o) => [o.due_on, o.status, o.measured]);
    const gong = gongTask.body.id;
    expect(mine(work.overdue, gong)).toEqual([
      [addDays(today, -3), 'open', { recorded: 1, required: 2 }],
      [addDays(today, -1), 'open', { recorded: 0, required: 2 }],
    ]);
    expect(mine(work.done, gong)).toEqual([[addDays(today, -2), 'done', { recorded: 2, required: 2 }]]);
    // Tonight's gong is coming work; the nights after it are for the calendar.
    expect(mine(work.due, gong)).toEqual([[today, 'open', { recorded: 0, required: 2 }]]);
    const patrols = work.overdue.concat(work.done).filter((o: any) => o.title === 'Tuần tra sau tiếng kẻng ở hai thôn');
    expect(patrols.map((o: any) => [o.due_on, o.status])).toEqual([[addDays(today, -3), 'open'], [addDays(today, -2), 'open'], [night, 'done']]);
    expect(mine(work.done, outreach.body.id)).toEqual([[addDays(today, -1), 'done', { recorded: 1, required: 1 }]]);
    expect(work.overdue.every((o: any) => o.status === 'open')).toBe(true);

    // Nobody ticks what the data answers, and trying changes nothing.
    const open = work.overdue.find((o: any) => o.task_id === gong);
    const refused = await officer.patch(`/api/occurrences/${open.id}`, { status: 'done' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('tự động theo dữ liệu');
    expect((await officer.get('/api/my-work?days=7')).body.counts).toEqual(work.counts);

    // The calendar and the plan page count the same way.
    const month = (await officer.get(`/api/calendar?month=${addDays(today, -2).slice(0, 7)}`)).body;
    expect(month.days[addDays(today, -2)].find((o: any) => o.task_id === gong)).toMatchObject({ status: 'done', measured: { recorded: 2, required: 2 } });
    const task = (await officer.get(`/api/plans/${plan.id}`)).body.tasks.find((t: any) => t.id === gong);
    expect(task).toMatchObject({ measure: 'gong', done_occurrences: 1, open_occurrences: 8 });

    // A village reporting a night late completes it: the night leaves the overdue work.
    expect((await struck(banLu, addDays(today, -3))).status).toBe(201);
    const later = (await officer.get('/api/my-work?days=7')).body;
    expect(later.counts.overdue).toBe(work.counts.overdue - 1);
    expect(mine(later.done, gong).map((o) => o[0]).sort()).toEqual([addDays(today, -3), addDays(today, -2)]);
  });

  it('lays the month out by day', async () => {
    const res = await officer.get('/api/calendar?month=2024-05');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.days)).toHaveLength(31);
    expect(res.body.days['2024-05-31'][0]).toMatchObject({ title: 'Đánh kẻng bình yên lúc 22 giờ', due_time: '22:00' });
    expect((await officer.get('/api/calendar?month=2024-13')).status).toBe(400);
  });
});

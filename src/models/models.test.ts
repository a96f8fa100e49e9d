import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { todayVN } from '../shared/dates.ts';

let server: TestServer;
let officer: Client; // canbo, officer at Xã Thượng Hà
let thuongHa: any;
let school: any;
let cong: any; // "Cổng trường an toàn giao thông"
const count = async (table: 'model_instances' | 'instance_steps') =>
  Number((await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.login('canbo');
  thuongHa = (await officer.get('/api/units/roots')).body[0];
  // The demo already runs the school model at Trường THCS Điện Quan: start from a school of our own.
  school = (await officer.post('/api/units', { parentId: thuongHa.id, kind: 'school', subkind: 'Trường THCS', name: 'Trường THCS Kiểm Thử' })).body;
  cong = (await officer.get('/api/templates')).body.find((t: any) => t.builtin_key === 'cong-truong-atgt');
});
afterAll(() => server.close());

describe('model templates', () => {
  it('has the five models of the seed plans built in, with cadences, targets and report days', async () => {
    const templates = (await officer.get('/api/templates')).body;
    expect(templates.filter((t: any) => t.builtin_key).map((t: any) => t.name).sort()).toEqual([
      'An ninh cơ sở trong trường học', 'Cổng trường an toàn giao thông', 'Khóa an toàn an ninh trật tự',
      'Tiếng kẻng bình yên', 'Tổ liên gia an toàn về PCCC',
    ]);
    const keng = templates.find((t: any) => t.builtin_key === 'tieng-keng-binh-yen');
    expect(keng.activities[0].recurrence).toEqual({ freq: 'daily', time: '22:00' });
    expect(keng.targets[0]).toMatchObject({ value: 100, unit: '%' });
    const ancs = templates.find((t: any) => t.builtin_key === 'an-ninh-co-so-truong-hoc');
    expect(ancs.reports.map((r: any) => r.due)).toEqual([{ day: 10, month: 6 }, { day: 10, month: 11 }]);
  });

  it('versions a template once an instance uses it; the instance keeps its version', async () => {
    const parts = { name: 'Camera an ninh thôn', field: 'ANTT', purpose: 'Lắp camera ở các ngã ba', steps: [{ step: 'survey', title: 'Khảo sát vị trí', startDay: 0, endDay: 5 }], activities: [], targets: [], reports: [] };
    const created = await officer.post('/api/templates', { ownerUnitId: thuongHa.id, ...parts });
    expect(created.status).toBe(201);
    const edited = await officer.request('PUT', `/api/templates/${created.body.id}`, { ...parts, purpose: 'Lắp camera ở ngã ba, ngã tư' });
    expect(edited.body.id).toBe(created.body.id); // unused: changed in place
    const village = (await officer.get(`/api/units/${thuongHa.id}/children?kind=village`)).body[0];
    const m = await officer.post('/api/models', { templateId: created.body.id, unitId: village.id, startedOn: '2024-04-01' });
    expect(m.status).toBe(201);
    const v2 = await officer.request('PUT', `/api/templates/${created.body.id}`, { ...parts, name: 'Camera an ninh thôn, bản' });
    expect(v2.body).toMatchObject({ version: 2, is_current: true, family_id: created.body.id });
    expect(v2.body.id).not.toBe(created.body.id);
    const page = (await officer.get(`/api/models/${m.body.id}`)).body;
    expect(page.instance).toMatchObject({ template_id: created.body.id, template_version: 1, template_name: 'Camera an ninh thôn' });
    const builtin = await officer.request('PUT', `/api/templates/${cong.id}`, parts);
    expect(builtin.status).toBe(400);
  });

  it('refuses a template with reversed step days or a repeated step', async () => {
    const bad = await officer.post('/api/templates', {
      ownerUnitId: thuongHa.id, name: 'X', field: 'ANTT', purpose: '', activities: [], targets: [], reports: [],
      steps: [{ step: 'survey', title: 'A', startDay: 10, endDay: 2 }, { step: 'survey', title: 'B', startDay: 0, endDay: 1 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.path)).toEqual(expect.arrayContaining(['steps.0.endDay', 'steps']));
  });
});

describe('model instances', () => {
  let instance: any;
  it('starts the school model at a school with its lifecycle steps planned from the start date', async () => {
    const staff = officer;
    const res = await staff.post('/api/models', { templateId: cong.id, unitId: school.id, startedOn: '2024-04-01' });
    expect(res.status).toBe(201);
    instance = res.body;
    const page = (await staff.get(`/api/models/${instance.id}`)).body;
    expect(page.instance).toMatchObject({ name: 'Cổng trường an toàn giao thông — Trường THCS Kiểm Thử', status: 'building', unit_name: 'Trường THCS Kiểm Thử' });
    expect(page.steps.map((s: any) => s.step)).toEqual(['survey', 'working_group', 'training', 'commitments', 'launch', 'operating', 'interim_review']);
    expect(page.steps[0]).toMatchObject({ planned_start: '2024-04-01', planned_end: '2024-04-08', label: 'Khảo sát', late: true });
    const again = await staff.post('/api/models', { templateId: cong.id, unitId: school.id, startedOn: '2024-05-01' });
    expect(again.status).toBe(409);
  });

  it('records actual dates; the launch puts the model into operation; late steps are flagged', async () => {
    const ok = await officer.patch(`/api/models/${instance.id}/steps/launch`, { actualStart: '2024-04-15', actualEnd: '2024-04-15', responsible: 'Lò Văn Minh', notes: 'Lễ ra mắt tại sân trường' });
    expect(ok.status).toBe(200);
    const page = (await officer.get(`/api/models/${instance.id}`)).body;
    expect(page.instance.status).toBe('operating');
    expect(page.steps.find((s: any) => s.step === 'launch').late).toBe(false);
    expect(page.steps.find((s: any) => s.step === 'survey').late).toBe(true);
    // Running the model goes on past its planned end: late only while it has not started.
    expect(page.steps.find((s: any) => s.step === 'operating').late).toBe(true);
    await officer.patch(`/api/models/${instance.id}/steps/operating`, { actualStart: '2024-04-16' });
    const running = (await officer.get(`/api/models/${instance.id}`)).body;
    expect(running.steps.find((s: any) => s.step === 'operating')).toMatchObject({ actual_end: null, late: false });
    const listed = (await officer.get(`/api/models?unitId=${school.id}`)).body.find((m: any) => m.id === instance.id);
    expect(listed.late_steps).toBe(running.steps.filter((s: any) => s.late).length);
  });

  it.each([
    [{ actualStart: '2024-04-20', actualEnd: '2024-04-10' }, 'actualEnd'],
    [{ plannedStart: '2024-05-01', plannedEnd: '2024-04-01' }, 'plannedEnd'],
    [{ actualEnd: '2999-01-01' }, 'actualEnd'],
    [{ actualEnd: '2024-02-30' }, 'actualEnd'],
  ])('refuses impossible or reversed dates %j and changes nothing', async (body, field) => {
    const before = (await officer.get(`/api/models/${instance.id}`)).body.steps;
    const res = await officer.patch(`/api/models/${instance.id}/steps/training`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: any) => f.path)).toContain(field);
    expect((await officer.get(`/api/models/${instance.id}`)).body.steps).toEqual(before);
  });

  it('keeps the working group and the signed commitments', async () => {
    expect((await officer.post(`/api/models/${instance.id}/members`, { fullName: 'Hoàng Thị Lan', role: 'Tổ trưởng', position: 'Phó hiệu trưởng' })).status).toBe(201);
    const list = Array.from({ length: 40 }, (_, i) => ({ signerKind: i % 2 ? 'parent' : 'student', signerName: `Người ký ${i + 1}`, signedOn: '2024-04-12' }));
    expect((await officer.post(`/api/models/${instance.id}/commitments`, { commitments: list })).status).toBe(201);
    const future = await officer.post(`/api/models/${instance.id}/commitments`, { commitments: [...list, { signerKind: 'parent', signerName: 'X', signedOn: '2999-01-01' }] });
    expect(future.status).toBe(400);
    const page = (await officer.get(`/api/models/${instance.id}`)).body;
    expect(page.members).toEqual([expect.objectContaining({ full_name: 'Hoàng Thị Lan', role: 'Tổ trưởng' })]);
    expect(page.commitments).toEqual({ parent: 20, student: 20 });
  });

  it('edits and removes a working-group member, audited; 404 outside the unit\'s scope, 403 to a viewer, 400 on a blank name', async () => {
    const added = (await officer.post(`/api/models/${instance.id}/members`, { fullName: 'Nông Văn Tuấn', role: 'Thành viên' })).body;
    const path = `/api/models/${instance.id}/members/${added.id}`;
    const members = async () => (await officer.get(`/api/models/${instance.id}`)).body.members;
    const audit = (action: string) => server.database.db.selectFrom('audit_log').select(['action', 'before', 'after'])
      .where('entity', '=', 'instance_member').where('entity_id', '=', String(added.id)).where('action', '=', action).execute();

    const edited = await officer.patch(path, { fullName: 'Nông Văn Tuấn', role: 'Tổ phó', position: ' Tổng phụ trách Đội ' });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({ id: added.id, full_name: 'Nông Văn Tuấn', role: 'Tổ phó', position: 'Tổng phụ trách Đội' });
    expect(await audit('update')).toEqual([expect.objectContaining({ before: expect.objectContaining({ role: 'Thành viên' }), after: expect.objectContaining({ role: 'Tổ phó' }) })]);

    const before = await members();
    const blank = await officer.patch(path, { fullName: '  ', role: 'Tổ phó' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.fields.map((f: any) => f.path)).toContain('fullName');
    const viewer = await server.login('xem'); // reads all of Lào Cai, changes nothing
    expect((await viewer.patch(path, { fullName: 'X', role: 'Y' })).status).toBe(403);
    expect((await viewer.delete(path)).status).toBe(403);
    const outsider = await server.login('thachlap'); // another province
    expect((await outsider.patch(path, { fullName: 'X', role: 'Y' })).status).toBe(404);
    expect((await outsider.delete(path)).status).toBe(404);
    // A member is reached only through its own instance.
    const other = (await officer.get('/api/models')).body.find((m: any) => m.id !== instance.id);
    expect((await officer.patch(`/api/models/${other.id}/members/${added.id}`, { fullName: 'X', role: 'Y' })).status).toBe(404);
    expect(await members()).toEqual(before);

    expect((await officer.delete(path)).status).toBe(204);
    expect((await members()).map((m: any) => m.id)).not.toContain(added.id);
    expect(await audit('delete')).toEqual([expect.objectContaining({ before: expect.objectContaining({ full_name: 'Nông Văn Tuấn' }) })]);
    expect((await officer.delete(path)).status).toBe(404);
  });

  it('attaches files to a step, checked by their content, readable only within the unit\'s scope', async () => {
    const upload = (who: Client, name: string, body: Uint8Array) => who.upload(`/api/models/${instance.id}/steps/survey/files`, name, body);
    const files = async () => Number((await server.database.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const res = await upload(officer, 'Biên bản khảo sát.pdf', pdf);
    expect(res.status).toBe(201);
    const file = res.body;
    expect(file).toMatchObject({ name: 'Biên bản khảo sát.pdf', media_type: 'application/pdf', size: pdf.length });

    const step = (await officer.get(`/api/models/${instance.id}`)).body.steps.find((s: any) => s.step === 'survey');
    expect(step.files).toEqual([expect.objectContaining({ id: file.id, name: 'Biên bản khảo sát.pdf' })]);
    const down = await fetch(`${server.url}/api/files/${file.id}`, { headers: { cookie: officer.cookie } });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('application/pdf');
    expect(down.headers.get('content-disposition')).toBe(`attachment; filename="Bien ban khao sat.pdf"; filename*=UTF-8''${encodeURIComponent('Biên bản khảo sát.pdf')}`);
    expect(down.headers.get('x-content-type-options')).toBe('nosniff');
    expect(down.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await down.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    // A photo opens in the browser, sandboxed, under the extension of what it really is.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const photo = await upload(officer, 'ảnh (khảo sát)\u202egpj.jpg', png);
    expect(photo.body).toMatchObject({ name: 'ảnh (khảo sát)gpj.png', media_type: 'image/png' });
    const shown = await fetch(`${server.url}/api/files/${photo.body.id}`, { headers: { cookie: officer.cookie } });
    expect(shown.headers.get('content-disposition')).toBe(`inline; filename="anh (khao sat)gpj.png"; filename*=UTF-8''%E1%BA%A3nh%20%28kh%E1%BA%A3o%20s%C3%A1t%29gpj.png`);
    expect(shown.headers.get('content-security-policy')).toContain('sandbox');
    // Up to 10 MB is taken (more than the 5 MB of a JSON request).
    const big = Buffer.concat([Buffer.from(pdf), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    expect((await upload(officer, 'Danh sách ký cam kết.pdf', big)).status).toBe(201);

    // A renamed program, a text called .jpg, an empty file, a file over 10 MB, a reader without write rights.
    const before = await files();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new Array(200).fill(0)]);
    for (const [name, body, status] of [
      ['quyet-dinh.pdf', exe, 400], ['anh.jpg', new TextEncoder().encode('không phải ảnh'), 400], ['trong.pdf', new Uint8Array(), 400],
      ['lon.pdf', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25), 413],
    ] as const) {
      const bad = await upload(officer, name, body);
      expect(bad.status, name).toBe(status);
      expect(bad.body.error.fields, name).toEqual([expect.objectContaining({ path: 'file' })]);
      expect(bad.body.error.message, name).toMatch(/^(Chỉ nhận tệp PDF, ảnh JPEG|Tệp trống|Tệp lớn hơn 10 MB)/);
    }
    expect((await upload(await server.login('xem'), 'a.pdf', pdf)).status).toBe(403);
    expect(await files()).toBe(before);

    const outsider = await server.login('thon'); // a village of Thượng Hà: the school is not theirs
    expect((await fetch(`${server.url}/api/files/${file.id}`, { headers: { cookie: outsider.cookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/api/files/${file.id}`)).status).toBe(401);

    expect((await officer.delete(`/api/models/${instance.id}/steps/training/files/${file.id}`)).status).toBe(404);
    expect((await officer.delete(`/api/models/${instance.id}/steps/survey/files/${file.id}`)).status).toBe(204);
    expect((await fetch(`${server.url}/api/files/${file.id}`, { headers: { cookie: officer.cookie } })).status).toBe(404);
    const audit = await server.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'instance_step_file').where('entity_id', '=', String(file.id)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });

  it('replicates to every lower-secondary school of the commune in one request, skipping those that run it', async () => {
    const csv = 'loai,phan_loai,ten\n' + ['Trường THCS Minh Tân', 'Trường THCS Thượng Hà', 'Trường THCS Bảo Hà'].map((n) => `truong,Trường THCS,${n}`).join('\n');
    expect((await officer.post(`/api/units/${thuongHa.id}/import`, { csv })).status).toBe(201);
    const res = await officer.post(`/api/models/${instance.id}/replicate`, { under: { unitId: thuongHa.id, kind: 'school', subkind: 'Trường THCS' }, startedOn: todayVN() });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(3);
    // The demo's own instance runs at Trường THCS Điện Quan; the origin runs at its own school.
    expect(res.body.skipped.map((s: any) => s.name).sort()).toEqual(['Trường THCS Kiểm Thử', 'Trường THCS Điện Quan']);
    const copy = (await officer.get(`/api/models/${res.body.instances[0].id}`)).body;
    expect(copy.replicatedFrom).toMatchObject({ id: instance.id, unit_name: 'Trường THCS Kiểm Thử' });
    expect(copy.instance.template_id).toBe(cong.id);
    expect(copy.steps[0].planned_start).toBe(todayVN());
    const origin = (await officer.get(`/api/models/${instance.id}`)).body;
    expect(origin.replicaCount).toBe(3);
    expect(origin.replicas.map((r: any) => r.unit_name).sort()).toEqual(['Trường THCS Bảo Hà', 'Trường THCS Minh Tân', 'Trường THCS Thượng Hà']);
  });

  it('refuses replication to a unit outside the caller\'s grants, and saves nothing', async () => {
    const admin = await server.login('quantri');
    const trieuSon = (await admin.get('/api/units/search?q=xa%20trieu%20son')).body.units.find((u: any) => u.code === '15664');
    const before = [await count('model_instances'), await count('instance_steps')];
    const res = await officer.post(`/api/models/${instance.id}/replicate`, { unitIds: [trieuSon.id], startedOn: '2024-09-01' });
    expect([400, 403]).toContain(res.status);
    const mixed = await admin.post(`/api/models/${instance.id}/replicate`, { unitIds: [trieuSon.id, 1], startedOn: '2024-09-01' });
    expect(mixed.status).toBe(400);
    expect([await count('model_instances'), await count('instance_steps')]).toEqual(before);
  });

  it('lists the models of a unit\'s subtree with their current step and late steps', async () => {
    const list = (await officer.get(`/api/models?unitId=${thuongHa.id}`)).body;
    const own = list.find((m: any) => m.id === instance.id);
    expect(own).toMatchObject({ current_step: 'survey', template_name: 'Cổng trường an toàn giao thông' });
    expect(own.late_steps).toBeGreaterThan(0);
    const viewer = await server.login('xem');
    expect((await viewer.get(`/api/models?unitId=${thuongHa.id}`)).body.length).toBe(list.length);
    const other = await server.login('quantri');
    expect((await other.get('/api/models')).body.length).toBeGreaterThanOrEqual(list.length);
  });
});

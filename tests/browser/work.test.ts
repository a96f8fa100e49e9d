import fs from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayVN } from '../../src/shared/dates.ts';
import { useBrowserServer } from '../support/browser.ts';

/**
 * Models, plans and tasks as the staff use them: my work, the month calendar, writing and
 * issuing a plan, its exports, a model's steps and its replication, and a phone screen. Real
 * Chromium on the built web app, a real server on a fresh copy of the prepared database (with
 * the demo); every change is checked again after a reload or through the API.
 */
const app = useBrowserServer();
/** Vietnamese users in Vietnam. */
const VN = { locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
const DESKTOP = { ...VN, viewport: { width: 1280, height: 900 } };

async function withContext(options: Parameters<typeof app.browser.newContext>[0], run: (context: BrowserContext) => Promise<void>) {
  const context = await app.browser.newContext(options);
  try {
    await run(context);
  } finally {
    await context.close();
  }
}

/** The API with the page's own session cookie (and its CSRF token for changes). */
function apiOf(page: Page) {
  const url = (path: string) => app.server.url + path;
  return {
    async get<T = any>(path: string): Promise<T> {
      const res = await page.request.get(url(path));
      expect(res.status(), `GET ${path}`).toBe(200);
      return (await res.json()) as T;
    },
    async post(path: string, data: unknown) {
      const me = await page.request.get(url('/api/auth/me'));
      const { csrfToken } = (await me.json()) as { csrfToken: string };
      const res = await page.request.post(url(path), { data, headers: { 'x-csrf-token': csrfToken } });
      return { status: res.status(), body: (await res.json()) as any };
    },
  };
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
/** Polls until the locator's text contains the expected text. */
const expectText = (locator: Locator, expected: string) => expect.poll(() => text(locator)).toContain(expected);
const number = async (locator: Locator) => Number((await text(locator)).replace(/\D/g, ''));
const pathOf = (page: Page) => new URL(page.url()).pathname;
/** "Tháng 11 năm 2026" for '2026-11'. */
const monthTitle = (month: string) => `Tháng ${Number(month.slice(5))} năm ${month.slice(0, 4)}`;
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
};
/** The status beside the plan page's title. */
const planStatus = (page: Page) => page.locator('.title-row').getByTestId('plan-status');
const nav = (page: Page, name: string) => page.getByTestId('main-nav').getByRole('link', { name }).click();

describe('models, plans and tasks in the staff web app', () => {
  it('canbo lands on Việc của tôi, ticks off an overdue occurrence with a note, and it stays done', async () => {
    await withContext(DESKTOP, async (context) => {
      const page = await app.logIn(context, 'canbo');
      await page.waitForURL(/\/work$/);
      await expectText(page.getByRole('heading', { level: 1 }), 'Việc của tôi');

      const overdue = page.getByTestId('work-overdue');
      await overdue.waitFor();
      expect(await text(overdue.getByRole('heading', { level: 2 }))).toMatch(/^Quá hạn \d+$/);
      const overdueBefore = await number(page.getByTestId('count-overdue'));
      expect(overdueBefore).toBeGreaterThan(0);

      const item = overdue.getByTestId('work-item').first();
      const id = await item.getAttribute('data-id');
      const title = await text(item.locator('.work__title'));
      expect(await text(item)).toMatch(/Quá hạn \d+ ngày/);
      expect(await text(item)).toContain('Chủ trì:');
      const doneButton = item.getByTestId('work-done');
      expect(await text(doneButton)).toBe('✓ Đã xong');

      const note = 'Đã gửi báo cáo tháng qua thư điện tử';
      await item.getByRole('button', { name: 'Thêm ghi chú, minh chứng' }).click();
      await item.getByTestId('work-evidence').fill(note);
      await doneButton.click();

      const checkDone = async () => {
        const done = page.getByTestId('work-done').locator(`[data-testid="work-item"][data-id="${id}"]`);
        await done.waitFor();
        expect(await done.getAttribute('data-status')).toBe('done');
        const shown = await text(done);
        expect(shown).toContain(title);
        expect(shown).toContain('Hoàn thành lúc');
        expect(shown).toContain(`“${note}”`);
        expect(await text(done.getByTestId('work-reopen'))).toBe('Chưa xong, mở lại');
        expect(await page.getByTestId('work-overdue').locator(`[data-id="${id}"]`).count()).toBe(0);
        expect(await number(page.getByTestId('count-overdue'))).toBe(overdueBefore - 1);
        await expectText(page.getByTestId('work-done').getByRole('heading', { level: 2 }), 'Đã xong gần đây');
      };
      await checkDone();
      await page.reload();
      await checkDone();

      const work = await apiOf(page).get('/api/my-work?days=14');
      const saved = work.done.find((o: { id: number }) => o.id === Number(id));
      expect(saved).toMatchObject({ status: 'done', evidence: note, title });
      expect(work.overdue.some((o: { id: number }) => o.id === Number(id))).toBe(false);
    });
  });

  it('thachlap sees on Việc của tôi the commune\'s tips to act on and the reports due, as their own pages count them', async () => {
    await withContext(DESKTOP, async (context) => {
      // A resident's tip, left past its deadline.
      const thachLap = await app.server.database.db.selectFrom('units').select('id').where('code', '=', '15085').executeTakeFirstOrThrow();
      const form = new FormData();
      for (const [k, v] of Object.entries({ xa: String(thachLap.id), category: 'theft', description: 'Mất trộm máy bơm nước ngoài đồng đêm qua.' })) form.set(k, v);
      expect((await fetch(`${app.server.url}/bao-tin`, { method: 'POST', body: form, redirect: 'manual' })).status).toBe(303);
      await app.server.database.db.updateTable('tips').set({ due_at: new Date(Date.now() - 3_600_000) }).where('description', '=', 'Mất trộm máy bơm nước ngoài đồng đêm qua.').execute();

      // A report of the commune sent and returned by the province, to be sent again.
      const officer = await app.server.login('thachlap');
      const admin = await app.server.login('quantri');
      const today = todayVN();
      const owed = (await officer.ok(`/api/reports/duties?unitId=${thachLap.id}&year=${today.slice(0, 4)}`)).duties as any[];
      const over = owed.find((d) => d.status === 'not_started' && d.period_start <= today)!;
      const started = await officer.post('/api/reports', { unitId: thachLap.id, scheduleKey: over.schedule_key, periodStart: over.period_start, dueYear: Number(over.due_on.slice(0, 4)) });
      const draft = await officer.ok(`/api/reports/${started.body.id}`);
      const saved = await officer.request('PUT', `/api/reports/${started.body.id}`, { version: draft.report.version, narrative: { results: 'Các thôn duy trì đánh kẻng 22 giờ.', limitations: '', causes: '', proposals: '' } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const sent = await officer.post(`/api/reports/${started.body.id}/submit`, { version: saved.body.report.version });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expect((await admin.post(`/api/reports/${started.body.id}/review`, { version: sent.body.report.version, decision: 'return', comment: 'Bổ sung số liệu.' })).status).toBe(200);

      const page = await app.logIn(context, 'thachlap');
      const api = apiOf(page);
      const me = await api.get('/api/auth/me');
      // The unit granted closest, as the page chooses it.
      const commune = me.grants.filter((g: any) => g.permissions.includes('tip.read')).sort((a: any, b: any) => b.unitPath.length - a.unitPath.length)[0];
      const summary = await api.get(`/api/tips/summary?unitId=${commune.unitId}&from=${today}&to=${today}`);
      const tips = page.getByTestId('work-tips');
      await tips.getByTestId('work-tips-open').waitFor();
      expect(await text(tips.locator('h2'))).toBe('Tin báo của xã Thạch Lập');
      expect(await number(tips.getByTestId('work-tips-open'))).toBe(summary.open.total);
      expect(await number(tips.getByTestId('work-tips-overdue'))).toBe(summary.open.overdue);
      expect(await number(tips.getByTestId('work-tips-unassigned'))).toBe(summary.open.unassigned);
      expect(summary.open.overdue).toBeGreaterThan(0);
      expect(await tips.getAttribute('class')).toContain('work-section--alert');

      // Listed: returned, or not sent and late or due within 30 days, whichever year they fall due.
      const year = Number(today.slice(0, 4));
      const duties = (await Promise.all([year - 1, year, year + 1].map((y) => api.get(`/api/reports/duties?unitId=${commune.unitId}&year=${y}`)))).flatMap((d: any) => d.duties) as any[];
      const pending = duties.filter((d) => d.status === 'returned' || ((d.status === 'not_started' || d.status === 'draft') && (d.late || d.due_on <= addDays(today, 30))));
      const listed = page.getByTestId('work-report');
      await listed.first().waitFor();
      expect(await listed.count()).toBe(pending.length);
      const returned = listed.filter({ hasText: 'Bị trả lại' });
      expect(await returned.count()).toBe(1);
      expect(await text(returned)).toContain(over.title);
      await returned.getByRole('link').click();
      await expect.poll(() => pathOf(page)).toBe(`/reports/${started.body.id}`);
      await page.goBack();

      await tips.getByTestId('work-tips-link').click();
      await page.getByTestId('tips-list').waitFor();
      expect(pathOf(page)).toBe('/tips');
    });
  });

  it('thachlap sees the nightly gong answered by the check-ins, not a box to tick; a night reported late leaves the overdue work', async () => {
    await withContext(DESKTOP, async (context) => {
      const GONG = 'Đánh kẻng bình yên lúc 22 giờ hằng ngày tại 100% thôn, làng';
      const today = todayVN();
      const page = await app.logIn(context, 'thachlap');
      const api = apiOf(page);
      const work = await api.get('/api/my-work?days=14');
      // Nothing the data shows done is overdue, and what it answers is never ticked by hand.
      expect(work.overdue.filter((o: any) => o.measured && o.measured.recorded >= o.measured.required)).toEqual([]);
      expect([...work.overdue, ...work.due, ...work.done].filter((o: any) => o.measure && o.done_at)).toEqual([]);
      expect(work.done.some((o: any) => o.title === GONG && o.status === 'done')).toBe(true);
      // A night some villages missed that can still be reported (31 days).
      const missed = work.overdue.find((o: any) => o.title === GONG && o.due_on >= addDays(today, -30))!;
      expect(missed).toBeDefined();

      const overdue = page.getByTestId('work-overdue');
      await overdue.waitFor();
      expect(await number(page.getByTestId('count-overdue'))).toBe(work.counts.overdue);
      const card = overdue.locator(`[data-testid="work-item"][data-id="${missed.id}"]`);
      expect(await text(card.getByTestId('work-auto'))).toBe(`Tự động theo dữ liệu: ${missed.measured.recorded}/${missed.measured.required} thôn đã đánh kẻng`);
      expect(await card.getByTestId('work-done').count()).toBe(0);
      const done = page.getByTestId('work-done').locator('[data-testid="work-item"]').filter({ hasText: GONG }).first();
      expect(await text(done.getByTestId('work-auto'))).toMatch(/^✓ Tự động theo dữ liệu: (\d+)\/\1 thôn đã đánh kẻng$/);
      expect(await done.getByTestId('work-reopen').count()).toBe(0);

      // The villages that missed the night report it late: the night is done, counted by the data alone.
      const officer = await app.server.login('thachlap');
      const thachLap = await app.server.database.db.selectFrom('units').select('id').where('code', '=', '15085').executeTakeFirstOrThrow();
      const villages = (await officer.ok(`/api/units/${thachLap.id}/children?kind=village`)) as any[];
      for (const v of villages) {
        const res = await officer.post('/api/gong-checkins', {
          villageId: v.id, night: missed.due_on, struckAt: new Date(`${missed.due_on}T22:05:00+07:00`).toISOString(), idempotencyKey: crypto.randomUUID(),
        });
        expect([201, 409]).toContain(res.status);
      }
      await page.reload();
      await page.getByTestId('work-counts').waitFor();
      await expect.poll(async () => number(page.getByTestId('count-overdue'))).toBe(work.counts.overdue - 1);
      expect(await page.locator(`[data-testid="work-overdue"] [data-id="${missed.id}"]`).count()).toBe(0);
      const month = await api.get(`/api/calendar?month=${missed.due_on.slice(0, 7)}`);
      expect(month.days[missed.due_on].find((o: any) => o.id === missed.id)).toMatchObject({ status: 'done', measured: { recorded: villages.length, required: villages.length } });
    });
  });

  it('canbo reads the month calendar, opens a day, goes to the next month and back', async () => {
    await withContext(DESKTOP, async (context) => {
      const page = await app.logIn(context, 'canbo');
      await page.getByTestId('to-calendar').click();
      await page.waitForURL(/\/calendar$/);
      const month = todayVN().slice(0, 7);
      const title = page.getByTestId('month-title');
      await expectText(title, monthTitle(month));

      // What the month holds for canbo's units, as stored.
      const calendar = await apiOf(page).get<{ days: Record<string, { title: string }[]> }>(`/api/calendar?month=${month}`);
      const day = Object.keys(calendar.days).sort()[0]!;
      expect(day, 'the demo gives canbo work every month').toBeDefined();
      const items = calendar.days[day]!;
      const cell = page.locator(`[data-testid="calendar-day"][data-day="${day}"]`);
      await expectText(cell, items[0]!.title);
      expect(await cell.getByTestId('calendar-item').count()).toBe(Math.min(items.length, 3));

      // A day opens to its work, each with "Đã xong" or "mở lại".
      await cell.getByRole('button', { name: `Ngày ${Number(day.slice(8))}: ${items.length} việc` }).click();
      const detail = page.getByTestId('calendar-detail');
      await detail.waitFor();
      expect(await detail.getByTestId('work-item').count()).toBe(items.length);
      for (const i of items) expect(await text(detail)).toContain(i.title);
      expect(await text(detail.getByRole('heading', { level: 3 }))).toContain(`${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)}`);

      const next = nextMonth(month);
      await page.getByTestId('month-next').click();
      await expectText(title, monthTitle(next));
      expect(new URL(page.url()).searchParams.get('month')).toBe(next);
      await page.locator(`[data-testid="calendar-day"][data-day="${next}-01"]`).waitFor();
      expect(await page.getByTestId('calendar-detail').count()).toBe(0);
      expect(await text(page.getByTestId('month-today'))).toBe('Về tháng này');

      await page.getByTestId('month-prev').click();
      await expectText(title, monthTitle(month));
      expect(pathOf(page) + new URL(page.url()).search).toBe('/calendar');
      await expectText(cell, items[0]!.title);
      expect(await page.getByTestId('month-today').count()).toBe(0);
    });
  });

  const PLAN_TITLE = 'Bảo đảm an ninh, trật tự trên địa bàn xã Thượng Hà dịp Tết Nguyên đán';
  const TASK_TITLE = 'Tuần tra, kiểm soát ban đêm tại các thôn giáp ranh';
  const today = todayVN();
  let planId = 0;

  it('canbo writes a plan (a reversed period is refused and saves nothing), assigns a task, lanhdao issues it', async () => {
    await withContext(DESKTOP, async (context) => {
      const page = await app.logIn(context, 'canbo');
      const api = apiOf(page);
      await nav(page, 'Kế hoạch & nhiệm vụ');
      await page.getByTestId('new-plan').click();
      await page.waitForURL(/\/plans\/new$/);
      await expectText(page.getByRole('heading', { level: 1 }), 'Soạn kế hoạch');
      await expectText(page.getByTestId('plan-unit-picked'), 'Xã Thượng Hà');
      expect(await page.getByTestId('plan-place').inputValue()).toBe('Thượng Hà');

      await page.getByTestId('plan-issuer').fill('CÔNG AN XÃ THƯỢNG HÀ');
      await page.getByTestId('plan-number').fill('15');
      await page.getByTestId('plan-symbol').fill('KH-CAX');
      await page.getByTestId('plan-issued-on').fill(today);
      await page.getByTestId('plan-title-input').fill(PLAN_TITLE);
      // The end before the start.
      await page.getByTestId('plan-period-start').fill(addDays(today, 90));
      await page.getByTestId('plan-period-end').fill(today);
      const section = page.getByTestId('section-editor').first();
      expect(await section.getByTestId('section-heading').inputValue()).toBe('I. MỤC ĐÍCH, YÊU CẦU');
      await section.getByTestId('section-text').fill('Bảo đảm tuyệt đối an toàn các mục tiêu, công trình trọng điểm trên địa bàn xã.\nKhông để xảy ra đột xuất, bất ngờ.');
      await page.getByTestId('plan-signer-title').fill('TRƯỞNG CÔNG AN XÃ');
      await page.getByTestId('plan-signer-name').fill('Lò Văn Minh');

      await page.getByTestId('plan-save').click();
      const end = page.getByTestId('plan-period-end');
      await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
      await expectText(page.getByTestId('plan-editor'), 'Ngày kết thúc trước ngày bắt đầu');
      expect(await text(page.getByTestId('editor-fix'))).toBe('Một số phần còn thiếu hoặc chưa đúng, xem các ô được đánh dấu bên dưới.');
      expect(pathOf(page)).toBe('/plans/new');
      expect(await api.get(`/api/plans?q=${encodeURIComponent('Tết Nguyên đán')}`)).toEqual([]);
      // The server refuses it too, in Vietnamese, and keeps nothing.
      const unitId = (await api.get('/api/auth/me')).grants[0].unitId;
      const refused = await api.post('/api/plans', {
        unitId, symbol: 'KH-CAX', place: 'Thượng Hà', title: PLAN_TITLE, issuer: { name: 'CÔNG AN XÃ THƯỢNG HÀ' }, bases: [], sections: [],
        recipients: [], signer: { title: 'TRƯỞNG CÔNG AN XÃ', name: 'Lò Văn Minh' }, periodStart: addDays(today, 90), periodEnd: today,
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.error)).toMatch(/[àáảãạăâđêôơư]/);
      expect(await api.get(`/api/plans?q=${encodeURIComponent('Tết Nguyên đán')}`)).toEqual([]);

      await end.fill(addDays(today, 120));
      await page.getByTestId('plan-period-start').fill(today);
      await page.getByTestId('plan-save').click();
      await page.waitForURL(/\/plans\/\d+$/);
      planId = Number(pathOf(page).split('/').pop());

      const checkPlan = async (status: string) => {
        await expectText(page.getByTestId('plan-title'), 'Số 15/KH-CAX');
        expect(await text(page.getByTestId('plan-subtitle'))).toBe(PLAN_TITLE);
        expect(await text(planStatus(page))).toBe(status);
        const doc = await text(page.getByTestId('plan-document'));
        for (const part of ['CÔNG AN XÃ THƯỢNG HÀ', 'Số: 15/KH-CAX', 'KẾ HOẠCH', PLAN_TITLE, 'I. MỤC ĐÍCH, YÊU CẦU', 'Không để xảy ra đột xuất, bất ngờ.', 'TRƯỞNG CÔNG AN XÃ', 'Lò Văn Minh']) {
          expect(doc).toContain(part);
        }
        const [y, m, d] = today.split('-').map(Number) as [number, number, number];
        expect(doc).toContain(`Thượng Hà, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? `0${m}` : m} năm ${y}`);
      };
      await checkPlan('Dự thảo');
      await expectText(page.getByTestId('plan-actions'), 'Dự thảo đang chờ lãnh đạo phê duyệt, ban hành.');
      expect(await page.getByTestId('issue-plan').count()).toBe(0);

      // "Giao nhiệm vụ": once, three days from today, led by the commune.
      const due = addDays(today, 3);
      await expectText(page.getByTestId('plan-tasks'), 'Kế hoạch chưa giao nhiệm vụ nào.');
      await page.getByTestId('add-task').click();
      const form = page.getByTestId('task-form');
      await form.getByTestId('task-title').fill(TASK_TITLE);
      await expectText(form.getByTestId('task-lead-picked'), 'Xã Thượng Hà');
      await form.getByTestId('recurrence-due').fill(due);
      const [y, m, d] = due.split('-').map(Number);
      await expectText(form.getByTestId('recurrence-preview'), `Lịch thực hiện: Trước ngày ${d}/${m}/${y}`);
      await form.getByTestId('task-submit').click();
      await expectText(page.getByTestId('plan-tasks'), 'Đã giao nhiệm vụ, gồm 1 lần thực hiện.');
      const checkTask = async () => {
        const task = page.getByTestId('task-item').filter({ hasText: TASK_TITLE });
        await task.waitFor();
        const shown = await text(task);
        expect(shown).toContain(`Trước ngày ${d}/${m}/${y}`);
        expect(shown).toContain('Xã Thượng Hà');
      };
      await checkTask();
      await page.reload();
      await checkPlan('Dự thảo');
      await checkTask();
      const stored = await api.get(`/api/plans/${planId}`);
      expect(stored.tasks).toHaveLength(1);
      expect(stored.tasks[0]).toMatchObject({ title: TASK_TITLE, open_occurrences: 1 });

      // The task is canbo's coming work.
      await nav(page, 'Việc của tôi');
      await expectText(page.getByTestId('work-due'), TASK_TITLE);
      const coming = page.locator(`[data-testid="work-day"][data-day="${due}"]`);
      await expectText(coming, TASK_TITLE);
      await expectText(coming, PLAN_TITLE);
    });

    await withContext(DESKTOP, async (context) => {
      const page = await app.logIn(context, 'lanhdao');
      await nav(page, 'Kế hoạch & nhiệm vụ');
      await page.getByTestId('plan-search').fill('tet nguyen dan');
      const card = page.getByTestId('plan-item').filter({ hasText: PLAN_TITLE });
      await card.waitFor();
      expect(await text(card.getByTestId('plan-status'))).toBe('Dự thảo');
      await card.getByRole('link', { name: PLAN_TITLE }).click();
      await page.waitForURL(new RegExp(`/plans/${planId}$`));

      const issue = page.getByTestId('issue-plan');
      expect(await text(issue)).toBe('Phê duyệt, ban hành');
      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        void dialog.accept();
      });
      await issue.click();
      const status = planStatus(page);
      await expect.poll(() => text(status)).toBe('Đã ban hành');
      expect(asked).toContain('Ban hành kế hoạch này?');
      await page.reload();
      await expect.poll(() => text(status)).toBe('Đã ban hành');
      expect(await page.getByTestId('issue-plan').count()).toBe(0);
      await page.getByTestId('close-plan').waitFor();
      expect((await apiOf(page).get(`/api/plans/${planId}`)).plan.status).toBe('issued');

      // The status filter of the list.
      await nav(page, 'Kế hoạch & nhiệm vụ');
      await page.waitForURL(/\/plans$/);
      const filter = page.getByTestId('plan-status-filter');
      const issued = filter.getByRole('button', { name: 'Đã ban hành' });
      await issued.click();
      expect(await issued.getAttribute('aria-pressed')).toBe('true');
      await page.getByTestId('plan-item').filter({ hasText: PLAN_TITLE }).waitFor();
      expect(new Set(await page.getByTestId('plan-list').getByTestId('plan-status').allTextContents())).toEqual(new Set(['Đã ban hành']));
      // Its only draft was this plan: now none is left in lanhdao's commune.
      await filter.getByRole('button', { name: 'Dự thảo' }).click();
      await page.getByText('Không có kế hoạch nào khớp.').waitFor();
      expect(await page.getByTestId('plan-item').count()).toBe(0);
    });
  });

  it('lanhdao is told a plan without a number cannot be issued before being asked to confirm', async () => {
    await withContext(DESKTOP, async (context) => {
      const page = await app.logIn(context, 'lanhdao');
      const api = apiOf(page);
      const unitId = (await api.get('/api/auth/me')).grants[0].unitId;
      const body = {
        unitId, symbol: 'KH-UBND', place: 'Thượng Hà', title: 'Kế hoạch chưa đánh số', issuer: { name: 'ỦY BAN NHÂN DÂN XÃ THƯỢNG HÀ' },
        bases: [], sections: [], recipients: [], signer: { title: 'CHỦ TỊCH', name: 'Nguyễn Văn Hùng' }, issuedOn: today,
      };
      const plan = (await api.post('/api/plans', body)).body;
      await page.goto(`${app.server.url}/plans/${plan.id}`);
      const issue = page.getByTestId('issue-plan');
      await issue.waitFor();
      let asked = false;
      page.on('dialog', (dialog) => {
        asked = true;
        void dialog.dismiss();
      });
      expect(await issue.isDisabled()).toBe(true);
      expect(await text(page.getByTestId('issue-needs'))).toBe('Chưa ban hành được: kế hoạch chưa có số văn bản. Bổ sung ngay');
      expect(await issue.getAttribute('aria-describedby')).toBe('issue-needs');
      // Nobody listed to receive it: the records office's copy still is, as in the exports.
      expect(await page.locator('.doc__recipients li').allTextContents()).toEqual(['- Lưu: VT.']);
      await issue.click({ force: true });
      expect(asked).toBe(false);
      // The server refuses it too, and the plan stays a draft.
      const refused = await api.post(`/api/plans/${plan.id}/status`, { status: 'issued' });
      expect([refused.status, refused.body.error.message]).toEqual([400, 'Cần số và ngày ban hành trước khi ban hành kế hoạch']);
      expect((await api.get(`/api/plans/${plan.id}`)).plan.status).toBe('draft');

      // Numbered, it may be issued: the note goes.
      const res = await page.request.put(`${app.server.url}/api/plans/${plan.id}`, {
        data: { ...body, number: '21' }, headers: { 'x-csrf-token': (await api.get('/api/auth/me')).csrfToken },
      });
      expect(res.status()).toBe(200);
      await page.reload();
      await expect.poll(() => issue.isEnabled()).toBe(true);
      expect(await page.getByTestId('issue-needs').count()).toBe(0);
    });
  });

  it('downloads a plan as a real PDF and a real DOCX', async () => {
    await withContext({ ...DESKTOP, acceptDownloads: true }, async (context) => {
      expect(planId, 'the plan written in the test above').toBeGreaterThan(0);
      const page = await app.logIn(context, 'canbo', `/plans/${planId}`);
      await expectText(page.getByTestId('plan-title'), 'Số 15/KH-CAX');
      for (const [testId, label, magic, ext] of [['download-pdf', 'Tải PDF', '%PDF-', '.pdf'], ['download-docx', 'Tải DOCX', 'PK', '.docx']] as const) {
        const link = page.getByTestId(testId);
        expect(await text(link)).toBe(label);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`\\${ext}$`));
        const file = await download.path();
        const bytes = fs.readFileSync(file);
        expect(bytes.length).toBeGreaterThan(1000);
        expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      }
    });
  });

  it('quantri opens the model at Trường THCS Điện Quan, sees its steps, updates one and replicates it to a new school', async () => {
    await withContext(DESKTOP, async (context) => {
      const page = await app.logIn(context, 'quantri');
      const api = apiOf(page);
      const commune = (await api.get(`/api/units/search?q=${encodeURIComponent('Xã Thượng Hà')}&limit=5`)).units.find((u: { name: string }) => u.name === 'Xã Thượng Hà');
      const schoolName = 'Trường THCS Thượng Hà Thử Nghiệm';
      const created = await api.post('/api/units', { parentId: commune.id, kind: 'school', subkind: 'Trường THCS', name: schoolName });
      expect(created.status).toBe(201);
      const schoolId = created.body.id as number;

      await nav(page, 'Mô hình');
      const origin = 'Cổng trường an toàn giao thông — Trường THCS Điện Quan';
      const card = page.getByTestId('model-item').filter({ hasText: origin });
      await card.waitFor();
      expect(await text(card)).toContain('Trường THCS Điện Quan');
      await card.getByRole('link', { name: origin }).click();
      await page.waitForURL(/\/models\/\d+$/);
      const originPath = pathOf(page);
      expect(await text(page.getByTestId('model-title'))).toBe(origin);

      const steps = page.getByTestId('model-step');
      await steps.first().waitFor();
      const labels = await steps.locator('.stepper__label').allTextContents();
      expect(labels.slice(0, 5)).toEqual(['Khảo sát', 'Thành lập tổ giúp việc, ban điều hành', 'Tập huấn', 'Ký cam kết', 'Lễ ra mắt']);
      expect(labels).toContain('Duy trì hoạt động');
      expect(await text(steps.first())).toContain('Đã xong');
      expect(await page.getByRole('button', { name: 'Cập nhật bước này' }).count()).toBe(labels.length);

      const replicas = page.getByTestId('replicas');
      const before = await number(replicas.getByRole('heading', { level: 2 }));
      await replicas.getByRole('button', { name: 'Nhân rộng', exact: true }).click();
      const dialog = page.getByTestId('replicate-dialog');
      // Prefilled from the model's place: every "Trường THCS" school of its commune.
      await expectText(dialog.getByTestId('replicate-under-picked'), 'Xã Thượng Hà');
      expect(await dialog.getByTestId('replicate-kind').inputValue()).toBe('school');
      expect(await dialog.getByTestId('replicate-subkind').inputValue()).toBe('Trường THCS');
      await dialog.getByTestId('replicate-submit').click();
      const result = dialog.getByTestId('replicate-result');
      await expectText(result, 'Đã xây dựng mô hình tại 1 đơn vị mới.');
      const replicaName = `Cổng trường an toàn giao thông — ${schoolName}`;
      await result.getByRole('link', { name: replicaName }).click();
      await page.waitForURL((u) => /^\/models\/\d+$/.test(u.pathname) && u.pathname !== originPath);
      const replicaPath = pathOf(page);

      const checkReplica = async () => {
        await expect.poll(() => text(page.getByTestId('model-title'))).toBe(replicaName);
        const from = page.getByTestId('replicated-from');
        await expectText(from, 'Nhân rộng từ');
        await expectText(from, origin);
        await expectText(from, '· Trường THCS Điện Quan');
        expect(await page.getByTestId('model-step').locator('.stepper__label').allTextContents()).toEqual(labels);
      };
      await checkReplica();

      // Its first step gets under way today.
      const survey = page.locator('[data-testid="model-step"][data-step="survey"]');
      expect(await text(survey)).toContain('chưa bắt đầu');
      await survey.getByRole('button', { name: 'Cập nhật bước này' }).click();
      await survey.getByTestId('step-actualStart').fill(today);
      await survey.getByTestId('step-form').locator('button[type="submit"]').click();
      const [y, m, d] = today.split('-');
      await expectText(survey, `${d}/${m}/${y} – …`);

      await page.reload();
      await checkReplica();
      await expectText(survey, `${d}/${m}/${y} – …`);
      const replica = await api.get(`/api/models/${replicaPath.split('/').pop()}`);
      expect(replica.steps.find((s: { step: string }) => s.step === 'survey').actual_start).toBe(today);
      expect(replica.replicatedFrom.id).toBe(Number(originPath.split('/').pop()));

      // The original lists where it spread.
      await page.getByTestId('replicated-from').getByRole('link', { name: origin }).click();
      await page.waitForURL((u) => u.pathname === originPath);
      const checkOrigin = async () => {
        await expectText(page.getByTestId('replica-list'), schoolName);
        expect(await number(page.getByTestId('replicas').getByRole('heading', { level: 2 }))).toBe(before + 1);
        await expectText(page.getByTestId('replicas'), `Đã nhân rộng tới ${before + 1} đơn vị:`);
      };
      await checkOrigin();
      await page.reload();
      await checkOrigin();

      // The new school's page shows its model.
      await page.goto(`${app.server.url}/units/${schoolId}`);
      const unitWork = page.getByTestId('unit-work');
      await expectText(unitWork.getByRole('heading', { level: 2 }), 'Mô hình, kế hoạch, nhiệm vụ');
      await expectText(unitWork.getByTestId('unit-models'), replicaName);
    });
  });

  it('fits a 360 × 740 phone: my work, the calendar and a plan scroll only down', async () => {
    await withContext({ ...VN, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, async (context) => {
      const page = await app.logIn(context, 'canbo');
      const scrollWidth = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
      await page.waitForURL(/\/work$/);
      await page.getByTestId('work-overdue').getByTestId('work-item').first().waitFor();
      expect(await scrollWidth()).toBeLessThanOrEqual(360);

      await page.goto(`${app.server.url}/calendar`);
      await page.getByTestId('calendar-list-day').first().waitFor();
      expect(await page.getByTestId('calendar-list').isVisible()).toBe(true);
      expect(await scrollWidth()).toBeLessThanOrEqual(360);

      expect(planId, 'the plan written in the test above').toBeGreaterThan(0);
      await page.goto(`${app.server.url}/plans/${planId}`);
      await page.getByTestId('plan-document').waitFor();
      expect(await scrollWidth()).toBeLessThanOrEqual(360);
    });
  });
});

/**
 * A commune's own model template, written in the browser from a built-in one, and evidence
 * attached to a model's step and to a task on "Việc của tôi": as an officer of Xã Thượng Hà does it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browser.ts';

const env = useBrowserServer();

describe('model templates and step files in the staff app', () => {
  it('copies a built-in template into the commune\'s own, and refuses an empty step with a clear error', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'canbo', '/models/templates');
      const keng = page.getByTestId('template-card').filter({ hasText: 'Tiếng kẻng bình yên' });
      await keng.getByTestId('template-copy').click();
      await page.getByTestId('template-name').fill('Tiếng kẻng bình yên — Thượng Hà');
      await page.getByTestId('template-add-activity').click();
      await page.getByTestId('template-activity-title').last().fill('Kiểm tra kẻng các thôn');
      await page.getByTestId('template-save').click();

      const mine = page.getByTestId('template-card').filter({ hasText: 'Tiếng kẻng bình yên — Thượng Hà' });
      await mine.waitFor();
      expect(await mine.textContent()).toContain('Mẫu của Xã Thượng Hà');
      const saved = (await (await page.request.get(env.server.url + '/api/templates')).json()).find((t: any) => t.name === 'Tiếng kẻng bình yên — Thượng Hà');
      expect(saved.activities.map((a: any) => a.title)).toContain('Kiểm tra kẻng các thôn');
      expect(saved.builtin_key).toBeNull();

      await mine.getByTestId('template-edit').click();
      await page.getByTestId('template-step-title').first().fill('');
      await page.getByTestId('template-save').click();
      const error = page.getByTestId('template-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('Không được để trống');
      const after = await (await page.request.get(`${env.server.url}/api/templates/${saved.id}`)).json();
      expect(after.steps[0].title).toBe(saved.steps[0].title);
    } finally {
      await context.close();
    }
  });

  it('attaches a file to a step, lists it, and refuses a file that is not what it claims', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'step-files-'));
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'canbo', '/models');
      await page.getByRole('link', { name: 'Cổng trường an toàn giao thông — Trường THCS Điện Quan' }).click();
      const survey = page.locator('[data-step="survey"]');
      const minutes = path.join(dir, 'Biên bản khảo sát.pdf');
      fs.writeFileSync(minutes, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await survey.getByTestId('attachment-input').setInputFiles(minutes);
      const link = survey.getByTestId('attachment').filter({ hasText: 'Biên bản khảo sát.pdf' });
      await link.waitFor();
      const res = await page.request.get(env.server.url + (await link.getAttribute('href')));
      expect(res.headers()['content-type']).toBe('application/pdf');

      const fake = path.join(dir, 'ảnh lễ ra mắt.jpg');
      fs.writeFileSync(fake, 'đây không phải là ảnh');
      await survey.getByTestId('attachment-input').setInputFiles(fake);
      const error = survey.getByTestId('attachment-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('Chỉ nhận tệp');
      await page.reload();
      await survey.getByTestId('attachment').first().waitFor();
      expect(await survey.getByTestId('attachment').allTextContents()).toEqual(['Biên bản khảo sát.pdf']);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('edits a working-group member and removes another, kept after a reload; a viewer gets neither button', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await env.logIn(context, 'canbo', '/models');
      await page.getByRole('link', { name: 'Cổng trường an toàn giao thông — Trường THCS Điện Quan' }).click();
      const members = page.getByTestId('members');
      const row = (name: string) => members.getByTestId('member').filter({ hasText: name });
      await row('Nông Văn Tuấn').waitFor();

      await row('Nông Văn Tuấn').getByTestId('member-edit').click();
      const form = members.getByTestId('member-form');
      expect(await form.getByTestId('member-name').inputValue()).toBe('Nông Văn Tuấn');
      await form.getByTestId('member-role').fill('Tổ phó');
      await form.getByTestId('member-position').fill('Tổng phụ trách Đội, Trường THCS Điện Quan');
      await form.getByTestId('member-save').click();
      await expect.poll(async () => (await row('Nông Văn Tuấn').textContent()) ?? '').toContain('Tổng phụ trách Đội, Trường THCS Điện Quan');

      await row('Triệu Thị Hoa').getByTestId('member-remove').click();
      expect(await row('Triệu Thị Hoa').textContent()).toContain('Xóa Triệu Thị Hoa khỏi tổ?');
      await row('Triệu Thị Hoa').getByTestId('member-remove-confirm').click();
      await expect.poll(() => row('Triệu Thị Hoa').count()).toBe(0);

      await page.reload();
      await row('Nông Văn Tuấn').waitFor();
      expect(await row('Nông Văn Tuấn').locator('.badge').textContent()).toBe('Tổ phó');
      expect(await row('Triệu Thị Hoa').count()).toBe(0);
      expect(await row('Lò Văn Minh').count()).toBe(1);

      const other = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const viewer = await env.logIn(other, 'xem', new URL(page.url()).pathname);
        await viewer.getByTestId('members').getByTestId('member').first().waitFor();
        expect(await viewer.getByTestId('member-edit').count()).toBe(0);
        expect(await viewer.getByTestId('member-remove').count()).toBe(0);
      } finally {
        await other.close();
      }
    } finally {
      await context.close();
    }
  });

  it('attaches a photo as evidence to a task on "Việc của tôi"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'work-files-'));
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await env.logIn(context, 'canbo', '/work');
      const item = page.getByTestId('work-item').first();
      const id = await item.getAttribute('data-id');
      const photo = path.join(dir, 'băng rôn.png');
      fs.writeFileSync(photo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
      await item.getByTestId('work-add-note').click();
      await item.getByTestId('attachment-input').setInputFiles(photo);
      const same = page.locator(`[data-testid="work-item"][data-id="${id}"]`);
      await same.getByTestId('attachment').filter({ hasText: 'băng rôn.png' }).waitFor();
      const work = await (await page.request.get(env.server.url + '/api/my-work')).json();
      const saved = [...work.overdue, ...work.due].find((o: any) => String(o.id) === id);
      expect(saved.files.map((f: any) => [f.name, f.media_type])).toEqual([['băng rôn.png', 'image/png']]);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The plan exports, checked as a reader gets them: the DOCX opened by LibreOffice and printed
 * to PDF, the PDF read back by poppler (pdftotext, pdfinfo, pdffonts, pdftoppm). Text must come
 * back with its diacritics, every paragraph must survive the page breaks, and page 1 must render.
 *
 * LibreOffice and poppler are required, not optional: CI installs them (.ci/run), and a test
 * that skipped without them would let a broken document through.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument, PlanSection } from '../document.ts';
import { renderPlanDocx } from './docx.ts';
import { seed000, seed003 } from './fixture.ts';
import { balanceLines, dateLine, layoutPlan, numberLine, recipientLine, upper } from './layout.ts';
import { renderPlanPdf } from './pdf.ts';

const TOOLS: [command: string, debianPackage: string][] = [
  ['libreoffice', 'libreoffice-writer'],
  ['pdftotext', 'poppler-utils'],
  ['pdftoppm', 'poppler-utils'],
  ['pdfinfo', 'poppler-utils'],
  ['pdffonts', 'poppler-utils'],
];

function requireTools(): void {
  const missing = TOOLS.filter(([cmd]) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0);
  if (missing.length) {
    const pkgs = [...new Set(missing.map(([, pkg]) => pkg))];
    throw new Error(
      `missing ${missing.map(([cmd]) => cmd).join(', ')}: install Debian package(s) ${pkgs.join(', ')} ` +
        `(apt-get install -y --no-install-recommends ${pkgs.join(' ')})`,
    );
  }
}

function run(cmd: string, args: string[], timeoutMs = 30_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} failed: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The text of each page, page numbers at the top left out, in NFC. */
function pagesOf(pdf: string): string[] {
  const pages = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']).normalize('NFC').split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((page, i) => {
    if (i === 0) return page;
    const lines = page.split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    expect(lines[first]?.trim(), `page ${i + 1} starts with its number`).toBe(String(i + 1));
    return lines.slice(first + 1).join('\n');
  });
}

/** Whitespace collapsed: justification and line breaks are not the text. */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function allParagraphs(doc: PlanDocument): string[] {
  const walk = (s: PlanSection): string[] => [s.heading, ...s.paragraphs, ...(s.children ?? []).flatMap(walk)];
  return [
    ...doc.bases,
    ...(doc.preamble ?? '').split('\n'),
    ...doc.sections.flatMap(walk),
    ...(doc.closing ? [doc.closing] : []),
  ];
}

/** What any rendering of seed 000 must show, diacritics included. */
const SEED000_TEXT = [
  'UBND HUYỆN BẢO YÊN',
  'ỦY BAN NHÂN DÂN XÃ ĐIỆN QUAN',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Điện Quan, ngày … tháng … năm …',
  'KẾ HOẠCH',
  'Căn cứ Hướng dẫn số 22/HD-BCA-V05',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'II. NỘI DUNG VÀ BIỆN PHÁP TIẾN HÀNH',
  'Bước 2: Triển khai thực hiện',
  'III. TỔ CHỨC THỰC HIỆN',
  'khẩn trương tổ chức triển khai thực hiện./.',
  'Nơi nhận:',
  '- Trường THCS Điện Quan (t/h).',
  '- Lưu: VT, CAX.',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Hoàng Văn Thắng',
];

/** Seed 000 as issued: with its number and date. */
const issued: PlanDocument = { ...seed000, number: '519', issuedOn: '2024-03-04' };

function checkSeed000(pdf: string, doc: PlanDocument): void {
  const pages = pagesOf(pdf);
  const text = flat(pages.join('\n'));
  for (const s of SEED000_TEXT.filter((s) => doc.issuedOn === null || !s.includes('ngày'))) expect(text).toContain(flat(s));
  expect(text).toContain(flat(seed000.title));
  if (doc.number === null) expect(text).toMatch(/Số:\s+\/KH-UBND/);
  else expect(text).toContain(`Số: ${doc.number}/KH-UBND`);
  if (doc.issuedOn) expect(text).toContain('Điện Quan, ngày 04 tháng 3 năm 2024');
  // Header before the title, signer on the last page.
  expect(flat(pages[0]!).indexOf('CỘNG HÒA XÃ HỘI')).toBeLessThan(flat(pages[0]!).indexOf('KẾ HOẠCH'));
  expect(flat(pages.at(-1)!)).toContain('Hoàng Văn Thắng');
  for (const p of allParagraphs(doc)) expect(text).toContain(flat(p));
}

function checkRendersPage1(pdf: string, dir: string): void {
  const prefix = path.join(dir, path.basename(pdf, '.pdf') + '-page');
  run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', pdf, prefix]);
  const png = fs.readdirSync(dir).find((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'));
  expect(png, 'pdftoppm wrote page 1').toBeDefined();
  expect(fs.statSync(path.join(dir, png!)).size).toBeGreaterThan(5 * 1024);
}

function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
}

describe('layout rules (ND30)', () => {
  it('writes the date line, blank when there is no date', () => {
    expect(dateLine('Điện Quan', '2024-03-04')).toBe('Điện Quan, ngày 04 tháng 3 năm 2024');
    expect(dateLine('Củ Chi', '2024-02-15')).toBe('Củ Chi, ngày 15 tháng 02 năm 2024');
    expect(dateLine('Củ Chi', '2025-12-01')).toBe('Củ Chi, ngày 01 tháng 12 năm 2025');
    expect(dateLine('Điện Quan', null)).toBe('Điện Quan, ngày … tháng … năm …');
    expect(() => dateLine('Điện Quan', '2024-02-30')).toThrow(/real date/);
    expect(() => dateLine('Điện Quan', '4/3/2024')).toThrow(/real date/);
  });

  it('writes the number line, with room to fill in by hand', () => {
    expect(numberLine('519', 'KH-CAH')).toBe('Số: 519/KH-CAH');
    expect(numberLine(null, 'KH-UBND')).toMatch(/^Số:\s{4,}\/KH-UBND$/);
  });

  it('upper-cases names and dashes recipients', () => {
    expect(upper('Ủy ban nhân dân xã Điện Quan')).toBe('ỦY BAN NHÂN DÂN XÃ ĐIỆN QUAN');
    expect(recipientLine('Công an huyện (b/c);')).toBe('- Công an huyện (b/c);');
    expect(recipientLine('- Lưu: VT.')).toBe('- Lưu: VT.');
    const header = layoutPlan({ ...seed000, issuer: { superior: 'Ubnd huyện Bảo Yên', name: 'Ủy ban nhân dân xã Điện Quan' } }).header[0]!;
    expect(header.left.flatMap((b) => (b.kind === 'text' ? [b.text] : []))).toEqual(['UBND HUYỆN BẢO YÊN', 'ỦY BAN NHÂN DÂN XÃ ĐIỆN QUAN']);
  });

  it('breaks a long title into even lines, never a lone last word', () => {
    const lines = balanceLines(seed000.title, { size: 14, bold: true }, 467).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(seed000.title);
    expect(lines[1]!.split(' ').length).toBeGreaterThan(3);
  });
});

describe('plan exports', () => {
  let dir: string;
  const out = (name: string) => path.join(dir, name);
  /** Why the files could not be made: every test reports it and fails (vitest would skip them). */
  let setupError: unknown;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      await makeFiles();
    } catch (e) {
      setupError = e;
    }
  }, 180_000);

  async function makeFiles(): Promise<void> {
    requireTools();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-export-'));
    const files: [string, Promise<Buffer>][] = [
      ['seed000.pdf', renderPlanPdf(seed000)],
      ['issued.pdf', renderPlanPdf(issued)],
      ['seed003.pdf', renderPlanPdf(seed003)],
      ['docx/seed000.docx', renderPlanDocx(seed000)],
      ['docx/issued.docx', renderPlanDocx(issued)],
      ['docx/seed003.docx', renderPlanDocx(seed003)],
    ];
    fs.mkdirSync(out('docx'));
    for (const [name, buf] of files) fs.writeFileSync(out(name), await buf);
    // One LibreOffice run converts all three; its own profile folder keeps parallel runs apart.
    const docx = ['seed000', 'issued', 'seed003'].map((n) => out(`docx/${n}.docx`));
    run('libreoffice', [
      `-env:UserInstallation=file://${out('lo-profile')}`, '--headless', '--norestore',
      '--convert-to', 'pdf', '--outdir', out('docx'), ...docx,
    ], 120_000);
  }

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('PDF', () => {
    it('has the whole of seed 000 with its diacritics', () => {
      ready();
      checkSeed000(out('seed000.pdf'), seed000);
      checkSeed000(out('issued.pdf'), issued);
    });

    it('is A4 with the font embedded, and page 1 renders', () => {
      ready();
      expect(run('pdfinfo', [out('seed000.pdf')])).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      const fonts = run('pdffonts', [out('seed000.pdf')]).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const row of fonts) {
        expect(row).toMatch(/Tinos/);
        expect(row).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb, sub
      }
      checkRendersPage1(out('seed000.pdf'), dir);
    });

    it('breaks the longest plan over numbered pages without losing a paragraph', () => {
      ready();
      const pages = pagesOf(out('seed003.pdf'));
      expect(pages.length).toBeGreaterThanOrEqual(5);
      expect(pages.length).toBe(pageCount(out('seed003.pdf')));
      const text = flat(pages.join('\n'));
      for (const p of allParagraphs(seed003)) expect(text).toContain(flat(p));
      expect(flat(pages.at(-1)!)).toContain('Vũ Đức Kính');
      expect(flat(pages.at(-1)!)).toContain('Nơi nhận:');
    });
  });

  describe('DOCX (opened by LibreOffice)', () => {
    it('has the whole of seed 000 with its diacritics', () => {
      ready();
      checkSeed000(out('docx/seed000.pdf'), seed000);
      checkSeed000(out('docx/issued.pdf'), issued);
    });

    it('is A4, shows the embedded Tinos, and page 1 renders', () => {
      ready();
      expect(run('pdfinfo', [out('docx/seed000.pdf')])).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      // Tinos is no system font here: LibreOffice can only have it from the file.
      expect(run('pdffonts', [out('docx/seed000.pdf')])).toMatch(/Tinos-Bold/);
      checkRendersPage1(out('docx/seed000.pdf'), dir);
    });

    it('breaks the longest plan over numbered pages without losing a paragraph', () => {
      ready();
      const pages = pagesOf(out('docx/seed003.pdf'));
      expect(pages.length).toBeGreaterThanOrEqual(5);
      const text = flat(pages.join('\n'));
      for (const p of allParagraphs(seed003)) expect(text).toContain(flat(p));
      expect(flat(pages.at(-1)!)).toContain('Vũ Đức Kính');
    });
  });
});

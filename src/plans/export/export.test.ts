/**
 * The plan exports, checked as a reader gets them (see readback.ts): text must come back with
 * its diacritics, every paragraph must survive the page breaks, and page 1 must render.
 */
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../document.ts';
import { renderPlanDocx } from './docx.ts';
import { seed000, seed003 } from './fixture.ts';
import { balanceLines, dateLine, layoutPlan, numberLine, recipientLine, upper } from './layout.ts';
import { renderPlanPdf } from './pdf.ts';
import { describeReading } from '../../../tests/support/tools.ts';
import {
  allParagraphs, checkRendersPage1, checkTinosEmbedded, exportFiles, flat, pageCount, pagesOf, run,
} from './readback.ts';

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

describeReading('writer', 'poppler')('plan exports', () => {
  const { out, ready } = exportFiles('plan-export-', () => ({
    'seed000.pdf': renderPlanPdf(seed000),
    'issued.pdf': renderPlanPdf(issued),
    'seed003.pdf': renderPlanPdf(seed003),
    'docx/seed000.docx': renderPlanDocx(seed000),
    'docx/issued.docx': renderPlanDocx(issued),
    'docx/seed003.docx': renderPlanDocx(seed003),
  }));

  describe('PDF', () => {
    it('has the whole of seed 000 with its diacritics', () => {
      ready();
      checkSeed000(out('seed000.pdf'), seed000);
      checkSeed000(out('issued.pdf'), issued);
    });

    it('is A4 with the font embedded, and page 1 renders', () => {
      ready();
      expect(run('pdfinfo', [out('seed000.pdf')])).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      checkTinosEmbedded(out('seed000.pdf'));
      checkRendersPage1(out('seed000.pdf'));
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
      checkRendersPage1(out('docx/seed000.pdf'));
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

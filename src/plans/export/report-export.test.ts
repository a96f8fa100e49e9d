/**
 * Reports (BÁO CÁO) and their tables, checked as a reader gets them (see readback.ts): a table
 * that runs over several pages must keep every cell, in order, never split a row between pages,
 * and start each page it runs on to with its header row again, in the PDF and in Word's table
 * as LibreOffice lays it out.
 */
import { describe, expect, it } from 'vitest';
import type { DocTable } from '../document.ts';
import { renderPlanDocx } from './docx.ts';
import { seed000 } from './fixture.ts';
import { CONTENT_WIDTH, layoutPlan, type TableBlock } from './layout.ts';
import { renderPlanPdf } from './pdf.ts';
import { describeReading } from '../../../tests/support/tools.ts';
import { allParagraphs, checkTinosEmbedded, exportFiles, flat, pageCount, pagesOf, run } from './readback.ts';
import { GONG_TABLE, TIPS_TABLE, report2026 } from './report-fixture.ts';

const allRows = (t: DocTable) => [...t.rows, ...(t.total ? [t.total] : [])];

/**
 * The page each cell is found on, searching every cell from where the one before it was found:
 * a cell missing, or out of order, is not found. Empty cells are left out (the total row's STT).
 */
function cellPages(pages: string[], rows: string[][]): number[][] {
  const texts = pages.map(flat);
  let page = 0;
  let from = 0;
  return rows.map((row, r) => row.filter((c) => c.trim() !== '').map((cell) => {
    const want = flat(cell);
    for (;;) {
      const at = texts[page]!.indexOf(want, from);
      if (at >= 0) {
        from = at + want.length;
        return page;
      }
      page++;
      from = 0;
      if (page === texts.length) throw new Error(`row ${r + 1}: "${cell}" is missing or out of order`);
    }
  }));
}

describe('report layout', () => {
  it('titles a report BÁO CÁO and a plan KẾ HOẠCH', () => {
    const report = layoutPlan(report2026);
    const plan = layoutPlan(seed000);
    expect(report.body[0]).toMatchObject({ kind: 'text', text: 'BÁO CÁO' });
    expect(report.meta.title).toBe(`Báo cáo ${report2026.title}`);
    expect(plan.body[0]).toMatchObject({ kind: 'text', text: 'KẾ HOẠCH' });
    expect(plan.meta.title).toBe(`Kế hoạch ${seed000.title}`);
    expect(layoutPlan({ ...seed000, kind: 'plan' })).toEqual(plan);
  });

  it('shares the text width among the columns by weight, the caption kept with the table', () => {
    const body = layoutPlan(report2026).body;
    const at = body.findIndex((b) => b.kind === 'table');
    const table = body[at] as TableBlock;
    expect(body[at - 1]).toMatchObject({ kind: 'text', text: GONG_TABLE.caption, keepWithNext: true, style: { bold: true, italic: true } });
    expect(table.widths.reduce((a, b) => a + b)).toBeCloseTo(CONTENT_WIDTH, 6);
    expect(table.widths[1]! / table.widths[0]!).toBeCloseTo(30 / 6, 6);
    expect(table.header.map((c) => c.text)).toEqual(GONG_TABLE.columns.map((c) => c.title));
    expect(table.rows).toHaveLength(GONG_TABLE.rows.length + 1);
    expect(table.rows.at(-1)!.every((c) => c.style.bold)).toBe(true);
    expect(table.rows[0]!.map((c) => c.align)).toEqual(['center', 'left', 'right', 'right', 'right', 'right']);
  });

  it('never leaves "Nơi nhận" empty: the records office keeps a copy', () => {
    const lines = (recipients: string[]) => layoutPlan({ ...seed000, recipients }).footer.left.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(lines([])).toEqual(['Nơi nhận:', '- Lưu: VT.']);
    expect(lines(['UBND xã Thượng Hà (b/c);'])).toEqual(['Nơi nhận:', '- UBND xã Thượng Hà (b/c);', '- Lưu: VT.']);
    expect(lines(['Công an xã (t/h);', '- Lưu: VT, CAX.'])).toEqual(['Nơi nhận:', '- Công an xã (t/h);', '- Lưu: VT, CAX.']);
  });

  it('refuses a row that does not match the columns', () => {
    const ragged = (table: DocTable) => ({ ...report2026, sections: [{ heading: 'I.', paragraphs: [], tables: [table] }] });
    expect(() => layoutPlan(ragged({ ...TIPS_TABLE, rows: [['Ma túy', '96']] }))).toThrow(/row 1 of table "Bảng 2.*" has 2 cells for 4 columns/);
    expect(() => layoutPlan(ragged({ ...TIPS_TABLE, total: ['Tổng cộng'] }))).toThrow(/the total row/);
    expect(() => layoutPlan(ragged({ ...TIPS_TABLE, columns: [{ title: 'Loại tin', width: 0 }] }))).toThrow(/positive width/);
  });
});

describeReading('writer', 'poppler')('report exports', () => {
  const { out, ready } = exportFiles('report-export-', () => ({
    'report.pdf': renderPlanPdf(report2026),
    'docx/report.docx': renderPlanDocx(report2026),
  }));
  const header = flat(GONG_TABLE.columns.map((c) => c.title).join(' '));

  for (const [reader, file] of [['PDF', 'report.pdf'], ['DOCX (opened by LibreOffice)', 'docx/report.pdf']] as const) {
    describe(reader, () => {
      it('is a BÁO CÁO with the whole body, its fonts embedded', () => {
        ready();
        const pages = pagesOf(out(file));
        const first = flat(pages[0]!);
        expect(first.indexOf('BÁO CÁO')).toBeGreaterThan(first.indexOf('CỘNG HÒA XÃ HỘI'));
        expect(first.indexOf(flat(report2026.title))).toBeGreaterThan(first.indexOf('BÁO CÁO'));
        const text = flat(pages.join('\n'));
        expect(text).not.toContain('KẾ HOẠCH');
        for (const p of allParagraphs(report2026)) expect(text).toContain(flat(p));
        expect(flat(pages.at(-1)!)).toContain('Lê Văn Hòa');
        expect(run('pdfinfo', [out(file)])).toContain(`Title:           Báo cáo ${report2026.title}`);
        checkTinosEmbedded(out(file));
      });

      it('has every cell of the tables in row order, no row split between pages', () => {
        ready();
        const pages = pagesOf(out(file), 'raw');
        expect(pages.length).toBe(pageCount(out(file)));
        expect(pages.length).toBeGreaterThan(1);
        const rows = cellPages(pages, [...allRows(GONG_TABLE), ...allRows(TIPS_TABLE)]);
        for (const [r, onPages] of rows.entries()) expect(new Set(onPages).size, `row ${r + 1} on one page`).toBe(1);
        // It does run over pages: the ones it starts and ends on, and at least one between.
        expect(rows.at(-1)![0]! - rows[0]![0]!).toBeGreaterThanOrEqual(2);
      });

      it('starts every page the table runs on to with its header row', () => {
        ready();
        const pages = pagesOf(out(file), 'raw');
        const rows = cellPages(pages, allRows(GONG_TABLE));
        const [start, end] = [rows[0]![0]!, rows.at(-1)![0]!];
        expect(flat(pages[start]!)).toContain(header);
        for (let p = start + 1; p <= end; p++) expect(flat(pages[p]!).startsWith(header), `page ${p + 1}`).toBe(true);
      });
    });
  }
});

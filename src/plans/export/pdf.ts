/**
 * A plan or a report as PDF, drawn with pdfkit from the blocks of layout.ts. Tinos is embedded
 * as a subset (pdfkit always subsets TrueType fonts), so the file shows the same on any reader.
 */
import PDFDocument from 'pdfkit';
import type { PlanDocument } from '../document.ts';
import { FONT_FAMILY, faceOf, fontData, naturalLineHeight, type FontFace } from './font.ts';
import {
  CONTENT_WIDTH, LEFT_COLUMN, MARGIN, MM, PAGE, PAGE_NUMBER_TOP_MM, RIGHT_COLUMN, layoutPlan,
  type Block, type BodyBlock, type ColumnsRow, type TableBlock, type TextBlock,
} from './layout.ts';

type Pdf = PDFKit.PDFDocument;

const RULE_WIDTH = 0.75;
const FACES: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

function fontName(face: FontFace): string {
  return `${FONT_FAMILY}-${face}`;
}

function textOptions(block: TextBlock, width: number): PDFKit.Mixins.TextOptions {
  return {
    width,
    align: block.align,
    indent: block.indent,
    // pdfkit spaces lines by the font's own line height plus lineGap.
    lineGap: (block.lineMultiple - 1) * naturalLineHeight() * block.style.size,
  };
}

function setFont(pdf: Pdf, block: TextBlock): void {
  pdf.font(fontName(faceOf(block.style))).fontSize(block.style.size);
}

/** Height the blocks take in a column of this width. */
function measure(pdf: Pdf, blocks: Block[], width: number): number {
  let h = 0;
  for (const b of blocks) {
    if (b.kind === 'space') h += b.height;
    else if (b.kind === 'rule') h += b.before + RULE_WIDTH + b.after;
    else {
      setFont(pdf, b);
      h += b.before + pdf.heightOfString(b.text, textOptions(b, width)) + b.after;
    }
  }
  return h;
}

/** Draws the blocks from y down in a column at x; returns where they end. */
function drawColumn(pdf: Pdf, blocks: Block[], x: number, width: number, y: number): number {
  for (const b of blocks) {
    if (b.kind === 'space') y += b.height;
    else if (b.kind === 'rule') {
      y += b.before + RULE_WIDTH / 2;
      const x0 = x + (width - b.width) / 2;
      pdf.moveTo(x0, y).lineTo(x0 + b.width, y).lineWidth(RULE_WIDTH).stroke();
      y += RULE_WIDTH / 2 + b.after;
    } else {
      setFont(pdf, b);
      pdf.text(b.text, x, y + b.before, textOptions(b, width));
      y = pdf.y + b.after;
    }
  }
  return y;
}

function drawRow(pdf: Pdf, row: ColumnsRow, y: number): number {
  const left = drawColumn(pdf, row.left, MARGIN.left, LEFT_COLUMN, y);
  const right = drawColumn(pdf, row.right, MARGIN.left + LEFT_COLUMN, RIGHT_COLUMN, y);
  return Math.max(left, right);
}

/** Lines a paragraph takes, and the advance from one baseline to the next. */
function lines(pdf: Pdf, b: TextBlock): { count: number; step: number; height: number } {
  setFont(pdf, b);
  const opts = textOptions(b, CONTENT_WIDTH);
  const step = pdf.currentLineHeight(true) + (opts.lineGap ?? 0);
  return { count: Math.max(1, Math.round(pdf.heightOfString(b.text, opts) / step)), step, height: pdf.currentLineHeight(true) };
}

/**
 * A body paragraph, with the widow and orphan control Word applies by default: never one line
 * alone at the foot of a page, nor its last line alone at the top of the next. pdfkit breaks
 * pages itself at the page's bottom margin, so the margin is raised for the one call to make it
 * break a line earlier.
 */
function drawParagraph(pdf: Pdf, b: TextBlock): void {
  const page = pdf.page;
  const top = page.margins.top;
  const y = pdf.y + (pdf.y > top ? b.before : 0);
  const { count, step, height } = lines(pdf, b);
  const fitting = Math.floor((page.maxY() - y - height) / step) + 1;
  let keep = count;
  if (count > fitting) {
    if (fitting < 2 || (count - fitting === 1 && fitting < 3)) keep = 0;
    else keep = count - fitting === 1 ? fitting - 1 : fitting;
  }
  if (keep === 0 && y > top) {
    pdf.addPage();
    drawColumn(pdf, [{ ...b, before: 0 }], MARGIN.left, CONTENT_WIDTH, pdf.y);
    return;
  }
  const bottom = page.margins.bottom;
  if (keep < count) page.margins.bottom = page.height - (y + (keep - 1) * step + height) - 0.01;
  try {
    pdf.y = drawColumn(pdf, [{ ...b, before: y - pdf.y }], MARGIN.left, CONTENT_WIDTH, pdf.y);
  } finally {
    page.margins.bottom = bottom;
  }
}

/** A table row's height: its tallest cell, wrapped in its column, and the padding. */
function rowHeight(pdf: Pdf, t: TableBlock, cells: TextBlock[]): number {
  return Math.max(...cells.map((c, i) => measure(pdf, [c], t.widths[i]! - 2 * t.padding))) + 2 * t.padding;
}

/** One row from y, each text centred in the row's height as the DOCX has it; returns its foot. */
function drawTableRow(pdf: Pdf, t: TableBlock, cells: TextBlock[], y: number, height: number): number {
  let x = MARGIN.left;
  cells.forEach((c, i) => {
    const width = t.widths[i]!;
    const inner = width - 2 * t.padding;
    const slack = height - 2 * t.padding - measure(pdf, [c], inner);
    drawColumn(pdf, [c], x + t.padding, inner, y + t.padding + slack / 2);
    pdf.rect(x, y, width, height).lineWidth(t.border).stroke();
    x += width;
  });
  return y + height;
}

/**
 * A table flows over pages a whole row at a time. A row that does not fit starts a new page,
 * which begins with the header row again, as Word repeats it; the header never ends a page alone.
 */
function drawTable(pdf: Pdf, t: TableBlock): void {
  const headerHeight = rowHeight(pdf, t, t.header);
  let y = pdf.y;
  const newPage = () => {
    pdf.addPage();
    y = pdf.y;
  };
  if (y > pdf.page.margins.top && y + tableStart(pdf, t) > pdf.page.maxY()) newPage();
  y = drawTableRow(pdf, t, t.header, y, headerHeight);
  // A row taller than a page under the header is drawn anyway rather than breaking page after page.
  let rowsOnPage = 0;
  for (const cells of t.rows) {
    const height = rowHeight(pdf, t, cells);
    if (rowsOnPage > 0 && y + height > pdf.page.maxY()) {
      newPage();
      y = drawTableRow(pdf, t, t.header, y, headerHeight);
      rowsOnPage = 0;
    }
    y = drawTableRow(pdf, t, cells, y, height);
    rowsOnPage++;
  }
  pdf.y = y + t.after;
}

/** The first rows of a table a caption or heading above it must stay with. */
function tableStart(pdf: Pdf, t: TableBlock): number {
  return rowHeight(pdf, t, t.header) + (t.rows[0] ? rowHeight(pdf, t, t.rows[0]) : 0);
}

/** The body flows over pages; headings and captions stay with what follows them. */
function drawBody(pdf: Pdf, blocks: BodyBlock[]): void {
  blocks.forEach((b, i) => {
    const top = pdf.page.margins.top;
    if (b.kind === 'text' && b.keepWithNext) {
      // This heading, any headings or caption right under it, and two lines of the paragraph that
      // follows, or a table's header and first row.
      let need = 0;
      let j = i;
      for (; blocks[j]?.kind === 'text' && (blocks[j] as TextBlock).keepWithNext; j++) need += measure(pdf, [blocks[j] as TextBlock], CONTENT_WIDTH);
      const next = blocks[j];
      if (next?.kind === 'text') {
        const l = lines(pdf, next);
        need += next.before + (Math.min(2, l.count) - 1) * l.step + l.height;
      } else if (next?.kind === 'table') need += tableStart(pdf, next);
      if (pdf.y > top && pdf.y + need > pdf.page.maxY()) pdf.addPage();
      pdf.y = drawColumn(pdf, [pdf.y > top ? b : { ...b, before: 0 }], MARGIN.left, CONTENT_WIDTH, pdf.y);
    } else if (b.kind === 'text') {
      drawParagraph(pdf, b);
    } else if (b.kind === 'table') {
      drawTable(pdf, b);
    } else {
      if (b.kind === 'rule' && pdf.y + b.before + RULE_WIDTH > pdf.page.maxY()) pdf.addPage();
      pdf.y = drawColumn(pdf, [b], MARGIN.left, CONTENT_WIDTH, pdf.y);
    }
  });
}

function numberPages(pdf: Pdf, style: { size: number }): void {
  const { start, count } = pdf.bufferedPageRange();
  pdf.font(fontName('regular')).fontSize(style.size);
  // ND30: no number on the first page; from page 2 at the top centre.
  for (let i = 1; i < count; i++) {
    pdf.switchToPage(start + i);
    pdf.text(String(i + 1), MARGIN.left, PAGE_NUMBER_TOP_MM * MM, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
  }
}

export async function renderPlanPdf(doc: PlanDocument): Promise<Buffer> {
  const layout = layoutPlan(doc);
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: layout.meta.title, Author: layout.meta.author, Creator: 'Bình Yên' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  for (const face of FACES) pdf.registerFont(fontName(face), fontData(face));

  let y = pdf.page.margins.top;
  for (const row of layout.header) y = drawRow(pdf, row, y);
  pdf.y = y;
  drawBody(pdf, layout.body);

  // "Nơi nhận" and the signer stay together on one page.
  const footerHeight = Math.max(measure(pdf, layout.footer.left, LEFT_COLUMN), measure(pdf, layout.footer.right, RIGHT_COLUMN));
  if (pdf.y + layout.footerGap + footerHeight > pdf.page.maxY()) pdf.addPage();
  else pdf.y += layout.footerGap;
  drawRow(pdf, layout.footer, pdf.y);

  numberPages(pdf, layout.pageNumber);
  pdf.end();
  return done;
}

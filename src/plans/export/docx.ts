/**
 * A plan or a report as DOCX (Word), built with the `docx` package from the blocks of layout.ts.
 *
 * The four Tinos faces are embedded in the file, so Word and LibreOffice show the same letters
 * and line breaks as the PDF even where Tinos is not installed (Tinos has the metrics of Times
 * New Roman, so a reader who swaps the font for Times New Roman keeps the layout).
 */
import {
  AlignmentType, BorderStyle, CharacterSet, Document, Header, LineRuleType, Packer, PageNumber, Paragraph,
  Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import type { PlanDocument } from '../document.ts';
import { FONT_FAMILY, fontData } from './font.ts';
import {
  CONTENT_WIDTH, LEFT_COLUMN, MARGIN, MM, PAGE, PAGE_NUMBER_TOP_MM, RIGHT_COLUMN, layoutPlan,
  type Align, type Block, type BodyBlock, type ColumnsRow, type TableBlock, type TextBlock,
} from './layout.ts';

/** Word measures in twentieths of a point. */
const twips = (pt: number) => Math.round(pt * 20);
/** …and font sizes in half points. */
const halfPoints = (pt: number) => Math.round(pt * 2);

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function textParagraph(b: TextBlock): Paragraph {
  const run = { font: FONT_FAMILY, size: halfPoints(b.style.size), bold: b.style.bold ?? false, italics: b.style.italic ?? false };
  return new Paragraph({
    alignment: ALIGN[b.align],
    indent: b.indent ? { firstLine: twips(b.indent) } : undefined,
    // Word's "auto" line rule counts in 240ths of single spacing.
    spacing: { before: twips(b.before), after: twips(b.after), line: Math.round(240 * b.lineMultiple), lineRule: LineRuleType.AUTO },
    keepNext: b.keepWithNext,
    run,
    children: b.text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...run })),
  });
}

/** An empty paragraph exactly `height` points tall. */
function spacer(height: number, keepNext = false): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: Math.max(twips(height), 20), lineRule: LineRuleType.EXACT },
    keepNext,
    run: { font: FONT_FAMILY, size: 2 },
  });
}

/**
 * Word has no free-standing centred line that survives every reader, so a rule is the bottom
 * border of an empty 1 pt paragraph, indented on both sides down to the rule's length.
 */
function rule(width: number, column: number, before: number, after: number): Paragraph {
  const side = twips(Math.max(0, (column - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: twips(before), after: twips(after), line: 20, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    run: { font: FONT_FAMILY, size: 2 },
  });
}

function paragraphs(blocks: Block[], column: number): Paragraph[] {
  return blocks.map((b) => {
    if (b.kind === 'text') return textParagraph(b);
    if (b.kind === 'rule') return rule(b.width, column, b.before, b.after);
    return spacer(b.height);
  });
}

/**
 * A bordered table of figures. The widths are fixed so that Word does not refit the columns to
 * their content; the header row repeats on each page and no row splits, as the PDF draws them.
 */
function grid(t: TableBlock): Table {
  // Rounded at the column edges, so the widths add up to the text width exactly.
  let edge = 0;
  const widths = t.widths.map((w) => {
    const from = twips(edge);
    edge += w;
    return twips(edge) - from;
  });
  const line = { style: BorderStyle.SINGLE, size: Math.round(t.border * 8), color: '000000' };
  const padding = twips(t.padding);
  const row = (cells: TextBlock[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      // A header row alone at the foot of a page would head nothing.
      keepNext: header,
      children: cells.map((c, i) => new TableCell({
        width: { size: widths[i]!, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        children: [textParagraph(c)],
      })),
    });
  return new Table({
    width: { size: twips(CONTENT_WIDTH), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    margins: { top: padding, bottom: padding, left: padding, right: padding },
    rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))],
  });
}

/** The body's blocks; a table is followed by a spacer, which also keeps two tables from merging. */
function body(blocks: BodyBlock[]): (Paragraph | Table)[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [grid(b), spacer(b.after)] : paragraphs([b], CONTENT_WIDTH)));
}

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/** A borderless two-column table of these rows, spanning the text width. */
function columns(rows: ColumnsRow[], keepTogether: boolean): Table {
  const cell = (blocks: Block[], width: number) =>
    new TableCell({
      width: { size: twips(width), type: WidthType.DXA },
      margins: NO_MARGINS,
      verticalAlign: VerticalAlignTable.TOP,
      children: paragraphs(blocks, width),
    });
  return new Table({
    width: { size: twips(CONTENT_WIDTH), type: WidthType.DXA },
    columnWidths: [twips(LEFT_COLUMN), twips(RIGHT_COLUMN)],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: NO_MARGINS,
    rows: rows.map((r) => new TableRow({ cantSplit: keepTogether, children: [cell(r.left, LEFT_COLUMN), cell(r.right, RIGHT_COLUMN)] })),
  });
}

export async function renderPlanDocx(doc: PlanDocument): Promise<Buffer> {
  const layout = layoutPlan(doc);
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT_FAMILY, size: halfPoints(layout.pageNumber.size) })],
  });
  const document = new Document({
    title: layout.meta.title,
    creator: layout.meta.author,
    fonts: [{
      name: FONT_FAMILY,
      data: fontData('regular'),
      bold: fontData('bold'),
      italic: fontData('italic'),
      boldItalic: fontData('boldItalic'),
      characterSet: CharacterSet.VIETNAMESE,
    }],
    styles: {
      default: { document: { run: { font: FONT_FAMILY, size: halfPoints(layout.pageNumber.size) } } },
    },
    sections: [{
      properties: {
        // ND30: no page number on the first page.
        titlePage: true,
        page: {
          size: { width: twips(PAGE.width), height: twips(PAGE.height) },
          margin: {
            top: twips(MARGIN.top), bottom: twips(MARGIN.bottom), left: twips(MARGIN.left), right: twips(MARGIN.right),
            header: twips(PAGE_NUMBER_TOP_MM * MM), footer: twips(10 * MM),
          },
        },
      },
      headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [] }) },
      children: [
        columns(layout.header, false),
        ...body(layout.body),
        // The gap before the signature keeps with it, so the signer never stands alone on a page.
        spacer(layout.footerGap, true),
        columns([layout.footer], true),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

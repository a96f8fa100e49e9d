/**
 * The page of a plan (KẾ HOẠCH) or a report (BÁO CÁO) as Nghị định 30/2020/NĐ-CP, Phụ lục I,
 * lays it out, worked out once for both exports: what each line says, its size, weight, slant,
 * alignment and spacing.
 * docx.ts and pdf.ts only translate these blocks into their library's terms, so the two files
 * cannot drift apart on wording or typography.
 *
 * Sizes are in points. The page is A4 with margins top 20, bottom 20, left 30, right 15 mm
 * (ND30: 20–25, 20–25, 30–35, 15–20).
 */
import { withRecordsCopy, type DocTable, type DocumentKind, type PlanDocument, type PlanSection } from '../document.ts';
import { textWidth } from './font.ts';

export const MM = 72 / 25.4;
/** A4 in points, as PDF and pdfinfo give it (595 x 842 when rounded). */
export const PAGE = { width: 210 * MM, height: 297 * MM };
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };
export const MARGIN = {
  top: MARGIN_MM.top * MM,
  bottom: MARGIN_MM.bottom * MM,
  left: MARGIN_MM.left * MM,
  right: MARGIN_MM.right * MM,
};
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Where the page number's line starts, from the top edge: inside the 20 mm top margin. */
export const PAGE_NUMBER_TOP_MM = 10;

/**
 * The header and the signature block are two columns. The left one must hold an issuer such as
 * "ỦY BAN NHÂN DÂN XÃ ĐIỆN QUAN" (12 pt bold, 204 pt wide) on one line; the right one
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt bold, 249 pt). 44 % of 467.7 pt gives 206 / 262 pt.
 */
export const LEFT_COLUMN = Math.round(CONTENT_WIDTH * 0.44);
export const RIGHT_COLUMN = CONTENT_WIDTH - LEFT_COLUMN;

export const BODY_SIZE = 14;
/** ND30: first-line indent 1–1.27 cm. */
export const FIRST_LINE_INDENT = 12.7 * MM;
/**
 * Line spacing as a multiple of the font's single spacing (Word's "Multiple 1.15"); ND30 allows
 * single up to 1.5 lines. The PDF turns it into extra points between lines.
 */
export const LINE_MULTIPLE = 1.15;
/** ND30: at least 6 pt between paragraphs. */
export const PARAGRAPH_AFTER = 6;
/** Blank height left under the signer's title for the signature and the seal. */
export const SIGNATURE_SPACE = 80;
/** Tables hold more columns than a line of body text has room for, so their text is smaller. */
export const TABLE_SIZE = 12;

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextBlock {
  kind: 'text';
  /** May hold "\n": a line break inside the paragraph (balanced centred lines). */
  text: string;
  style: TextStyle;
  align: Align;
  /** First-line indent in points. */
  indent: number;
  before: number;
  after: number;
  /** Line spacing multiple (1 = the font's single spacing). */
  lineMultiple: number;
  /** A heading must not be the last line of a page. */
  keepWithNext?: boolean;
}

/** A horizontal rule, centred in its column, `width` points long. */
export interface RuleBlock {
  kind: 'rule';
  width: number;
  before: number;
  after: number;
}

export interface SpaceBlock {
  kind: 'space';
  height: number;
}

export type Block = TextBlock | RuleBlock | SpaceBlock;

/**
 * A grid with borders (a report's figures). Each cell is a text block, so the exports set it as
 * they set any other text; a row never splits across pages.
 */
export interface TableBlock {
  kind: 'table';
  /** Column widths in points, adding up to CONTENT_WIDTH. */
  widths: number[];
  /** Printed again at the top of every page the table runs on to. */
  header: TextBlock[];
  /** The body rows, the total row (if any) last. */
  rows: TextBlock[][];
  /** Between a cell's border and its text, on every side. */
  padding: number;
  /** Line width of the grid. */
  border: number;
  after: number;
}

/** Tables only stand in the body, so the two-column header and footer need not handle them. */
export type BodyBlock = Block | TableBlock;

/** One row of a borderless two-column table. */
export interface ColumnsRow {
  left: Block[];
  right: Block[];
}

export interface PlanLayout {
  /** Two rows, so that "Số: …" and the date line sit on the same line, as in ND30's samples. */
  header: ColumnsRow[];
  body: BodyBlock[];
  /** Space between the closing and the "Nơi nhận" / signer block. */
  footerGap: number;
  /** "Nơi nhận" on the left, the signer on the right: kept on one page. */
  footer: ColumnsRow;
  /** From page 2 on, at the top centre (ND30). */
  pageNumber: TextStyle;
  /** For the files' metadata. */
  meta: { title: string; author: string };
}

/** Upper case as ND30 prints names of bodies and titles; Vietnamese letters map as expected. */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

/** Non-breaking spaces hold room to write the number in by hand on a printed draft. */
const NUMBER_BLANK = '\u00a0'.repeat(6);

/** "Số: 519/KH-CAH", or "Số:      /KH-UBND" while the number is not given. */
export function numberLine(number: string | null, symbol: string): string {
  const n = number?.trim();
  return `Số: ${n ? n : NUMBER_BLANK}/${upper(symbol.trim())}`;
}

/**
 * "Điện Quan, ngày 04 tháng 3 năm 2024"; ND30 writes days below 10 and the months January and
 * February with a leading zero. Without a date: "Điện Quan, ngày … tháng … năm …".
 */
export function dateLine(place: string, issuedOn: string | null): string {
  if (!issuedOn) return `${place}, ngày … tháng … năm …`;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(issuedOn);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (!m || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new Error(`issuedOn must be a real date as YYYY-MM-DD, not "${issuedOn}"`);
  }
  const dd = String(day).padStart(2, '0');
  const mm = month < 3 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "- Công an huyện (b/c);" — the dash is added here, whether or not the data has one. */
export function recipientLine(recipient: string): string {
  return `- ${recipient.trim().replace(/^[-–]\s*/, '')}`;
}

/** A preamble or closing may hold several paragraphs, one per line. */
function paragraphsOf(text: string | undefined): string[] {
  return (text ?? '').split('\n').map((p) => p.trim()).filter((p) => p !== '');
}

function text(value: string, style: TextStyle, align: Align, extra: Partial<TextBlock> = {}): TextBlock {
  return { kind: 'text', text: value, style, align, indent: 0, before: 0, after: 0, lineMultiple: 1, ...extra };
}

/** A paragraph of the body: justified, first line indented, 6 pt after. */
function bodyParagraph(value: string, style: TextStyle = { size: BODY_SIZE }): TextBlock {
  return text(value, style, 'justify', { indent: FIRST_LINE_INDENT, after: PARAGRAPH_AFTER, lineMultiple: LINE_MULTIPLE });
}

/**
 * Level 1 ("I. MỤC ĐÍCH, YÊU CẦU") and level 2 ("1. Nội dung thực hiện") are bold; deeper ones
 * ("Bước 1: …", "1.1. …") bold italic, so three levels stay apart on the page.
 */
function sectionBlocks(section: PlanSection, level: number): BodyBlock[] {
  const heading = bodyParagraph(section.heading.trim(), { size: BODY_SIZE, bold: true, italic: level >= 3 });
  const blocks: BodyBlock[] = [{ ...heading, before: level === 1 ? 6 : 0, keepWithNext: true }];
  for (const p of section.paragraphs) blocks.push(bodyParagraph(p.trim()));
  for (const table of section.tables ?? []) blocks.push(...tableBlocks(table));
  for (const child of section.children ?? []) blocks.push(...sectionBlocks(child, level + 1));
  return blocks;
}

/** Greedy line breaking at spaces, as Word and pdfkit do, measured with the embedded font. */
function wrap(value: string, style: TextStyle, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, style) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A centred text that needs several lines, broken (with "\n") into lines of even length: a
 * title must not end in a lone word ("… trên địa bàn xã Điện / Quan"). Searches the narrowest
 * width that still gives as few lines as the full width does.
 */
export function balanceLines(value: string, style: TextStyle, width: number): string {
  const count = wrap(value, style, width).length;
  if (count < 2) return value;
  let lo = 0;
  let hi = width;
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    if (wrap(value, style, mid).length <= count) hi = mid;
    else lo = mid;
  }
  return wrap(value, style, hi).join('\n');
}

/** Width of the longest line of a (possibly broken) text. */
function longestLine(value: string, style: TextStyle): number {
  return Math.max(...value.split('\n').map((l) => textWidth(l, style)));
}

/** Rule under a line of text: ND30 asks for 1/3 to 1/2 of the line's length. */
function shortRule(line: string, style: TextStyle, column: number, before: number, after: number): RuleBlock {
  const lineWidth = Math.min(longestLine(line, style), column);
  return { kind: 'rule', width: Math.round(lineWidth * 0.4), before, after };
}

/** A centred line in a column, broken evenly when it does not fit. */
function centred(value: string, style: TextStyle, column: number, extra: Partial<TextBlock> = {}): TextBlock {
  return text(balanceLines(value, style, column), style, 'center', extra);
}

/**
 * A table and its caption. The data comes from the caller's figures, so a row of the wrong
 * length is refused here rather than drawn as a ragged grid.
 */
function tableBlocks(table: DocTable): BodyBlock[] {
  const { columns } = table;
  const caption = table.caption?.trim();
  const name = caption ? `table "${caption}"` : `the table of ${columns.map((c) => c.title).join(', ')}`;
  if (columns.length === 0) throw new Error('a table needs at least one column');
  for (const c of columns) {
    if (!(c.width > 0)) throw new Error(`column "${c.title}" of ${name} needs a positive width, not ${c.width}`);
  }
  const cells = (values: string[], row: string, bold: boolean): TextBlock[] => {
    if (values.length !== columns.length) {
      throw new Error(`${row} of ${name} has ${values.length} cells for ${columns.length} columns`);
    }
    return values.map((v, i) => text(v.trim(), { size: TABLE_SIZE, bold }, columns[i]!.align ?? 'left'));
  };
  const weight = columns.reduce((sum, c) => sum + c.width, 0);
  const rows = table.rows.map((r, i) => cells(r, `row ${i + 1}`, false));
  if (table.total) rows.push(cells(table.total, 'the total row', true));

  const blocks: BodyBlock[] = [];
  if (caption) {
    const style: TextStyle = { size: BODY_SIZE, bold: true, italic: true };
    blocks.push(centred(caption, style, CONTENT_WIDTH, { before: 6, after: 3, keepWithNext: true }));
  }
  blocks.push({
    kind: 'table',
    widths: columns.map((c) => (c.width / weight) * CONTENT_WIDTH),
    header: columns.map((c) => text(c.title.trim(), { size: TABLE_SIZE, bold: true }, 'center')),
    rows,
    padding: 3,
    border: 0.5,
    after: PARAGRAPH_AFTER,
  });
  return blocks;
}

/** The name of each kind, as the meta title starts; the title line is it in upper case. */
const KIND_NAME: Record<DocumentKind, string> = { plan: 'Kế hoạch', report: 'Báo cáo' };

export function layoutPlan(doc: PlanDocument): PlanLayout {
  const kind = KIND_NAME[doc.kind ?? 'plan'];
  const issuerStyle: TextStyle = { size: 12, bold: true };
  const issuerName = balanceLines(upper(doc.issuer.name.trim()), issuerStyle, LEFT_COLUMN);
  const leftTop: Block[] = [];
  if (doc.issuer.superior?.trim()) leftTop.push(centred(upper(doc.issuer.superior.trim()), { size: 12 }, LEFT_COLUMN));
  leftTop.push(text(issuerName, issuerStyle, 'center'));
  leftTop.push(shortRule(issuerName, issuerStyle, LEFT_COLUMN, 2, 0));

  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const mottoStyle: TextStyle = { size: 13, bold: true };
  const rightTop: Block[] = [
    text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true }, 'center'),
    text(motto, mottoStyle, 'center'),
    // ND30: the rule under the motto is as long as the motto.
    { kind: 'rule', width: Math.round(textWidth(motto, mottoStyle)), before: 2, after: 0 },
  ];

  const titleStyle: TextStyle = { size: BODY_SIZE, bold: true };
  const title = balanceLines(doc.title.trim(), titleStyle, CONTENT_WIDTH);
  const body: BodyBlock[] = [
    text(upper(kind), titleStyle, 'center', { before: 18 }),
    text(title, titleStyle, 'center', { lineMultiple: LINE_MULTIPLE }),
    shortRule(title, titleStyle, CONTENT_WIDTH, 3, 12),
  ];
  for (const basis of doc.bases) body.push(bodyParagraph(basis.trim(), { size: BODY_SIZE, italic: true }));
  for (const p of paragraphsOf(doc.preamble)) body.push(bodyParagraph(p));
  for (const section of doc.sections) body.push(...sectionBlocks(section, 1));
  for (const p of paragraphsOf(doc.closing)) body.push(bodyParagraph(p));

  const signerStyle: TextStyle = { size: BODY_SIZE, bold: true };
  const signer: Block[] = [];
  if (doc.signer.authority?.trim()) signer.push(centred(upper(doc.signer.authority.trim()), signerStyle, RIGHT_COLUMN));
  signer.push(centred(upper(doc.signer.title.trim()), signerStyle, RIGHT_COLUMN));
  signer.push({ kind: 'space', height: SIGNATURE_SPACE });
  signer.push(centred(doc.signer.name.trim(), signerStyle, RIGHT_COLUMN));

  const recipients: Block[] = [
    text('Nơi nhận:', { size: 12, bold: true, italic: true }, 'left'),
    ...withRecordsCopy(doc.recipients).map((r) => text(recipientLine(r), { size: 11 }, 'left')),
  ];

  return {
    header: [
      { left: leftTop, right: rightTop },
      {
        left: [centred(numberLine(doc.number, doc.symbol), { size: 13 }, LEFT_COLUMN, { before: 4 })],
        right: [centred(dateLine(doc.place.trim(), doc.issuedOn), { size: 14, italic: true }, RIGHT_COLUMN, { before: 4 })],
      },
    ],
    body,
    footerGap: 6,
    footer: { left: recipients, right: signer },
    pageNumber: { size: BODY_SIZE },
    meta: { title: `${kind} ${doc.title.trim()}`, author: upper(doc.issuer.name.trim()) },
  };
}

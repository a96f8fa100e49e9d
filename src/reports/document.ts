/**
 * A report as the official document (BÁO CÁO, Nghị định 30/2020/NĐ-CP) the DOCX and PDF exports
 * render: the figures drafted from data written out as sentences and tables, then the parts
 * people wrote (results, limitations and causes, proposals).
 */
import { KIND_LABELS } from '../activities/service.ts';
import type { TipCategory, TipStatus } from '../db/schema.ts';
import type { DocTable, PlanDocument, PlanSection } from '../plans/document.ts';
import { CATEGORIES, STATUSES } from '../tips/service.ts';
import { formatDay, todayVN } from '../shared/dates.ts';
import { inSentence } from '../shared/text.ts';
import { breakdownTotal, rowName, type BreakdownRow, type ReportFigures } from './figures.ts';
import { periodLabel } from './periods.ts';
import type { Narrative } from './service.ts';

const SIGNER_LABELS: Record<string, string> = { parent: 'phụ huynh', student: 'học sinh', household: 'hộ gia đình', staff: 'cán bộ, giáo viên', other: 'khác' };
const MODEL_STAGES = { building: 'đang xây dựng', operating: 'đang hoạt động', closed: 'đã dừng' } as const;

const number = new Intl.NumberFormat('vi-VN');
const decimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const n = (x: number) => number.format(x);
/** "92,5 %"; a share of nothing is "–". */
export const pct = (count: number, of: number) => (of ? `${decimal.format((100 * count) / of)} %` : '–');

export interface ReportForDocument {
  title: string;
  subject: string;
  period: 'month' | 'quarter' | 'half_year' | 'year';
  period_start: string;
  status: string;
  submitted_at: Date | null;
  unit: { name: string; kind: string };
  /** The commune or province the unit sits in (itself, for a commune or a province). */
  place: string;
  receiver: { name: string; kind: string };
  signer: { title: string; name: string };
  narrative: Narrative;
  figures: ReportFigures;
}

/**
 * The place in the date line is the administrative unit where the issuer sits, without its kind
 * (Nghị định 30/2020, Phụ lục I, mục I.4): "Xã Thạch Lập" → "Thạch Lập"; a ward named by its
 * number keeps its kind ("Phường 1").
 */
export function placeOf(name: string) {
  const bare = name.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)\s+/u, '');
  return /^\d/.test(bare) ? name : bare;
}

/**
 * Who a report is sent to, as an agency in "Nơi nhận": a commune or a province receives through
 * its People's Committee. The country is no agency: what reaches it from a province is the
 * movement's review, which the Ministry of Public Security's department for the movement (V05,
 * the author of Hướng dẫn 22/HD-BCA-V05 the seed plans cite) collects.
 */
export function recipientOf(receiver: { name: string; kind: string }) {
  if (receiver.kind === 'country') return 'Bộ Công an (Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc)';
  if (GOVERNED.includes(receiver.kind)) return `UBND ${governedName(receiver)}`;
  return receiver.name;
}

const GOVERNED = ['province', 'commune'];

/** "Xã Thạch Lập" → "xã Thạch Lập"; a province named without its kind ("Thanh Hóa") → "tỉnh Thanh Hóa". */
function governedName(unit: { name: string; kind: string }) {
  const named = inSentence(unit.name);
  return named === unit.name && unit.kind === 'province' ? `tỉnh ${unit.name}` : named;
}

const TITLES: Record<string, string> = {
  province: 'CHỦ TỊCH', commune: 'CHỦ TỊCH', school: 'HIỆU TRƯỞNG', village: 'TRƯỞNG THÔN',
};

/** The title a unit of this kind signs its reports with, until the report names another. */
export const signerTitle = (kind: string) => TITLES[kind] ?? 'THỦ TRƯỞNG ĐƠN VỊ';

function issuerOf(r: ReportForDocument) {
  if (GOVERNED.includes(r.unit.kind)) return { issuer: { name: `Ủy ban nhân dân ${governedName(r.unit)}` }, symbol: 'BC-UBND', authority: 'TM. ỦY BAN NHÂN DÂN' };
  return { issuer: { superior: recipientOf(r.receiver), name: r.unit.name }, symbol: 'BC', authority: undefined };
}

function paragraphs(text: string, empty: string): string[] {
  const ps = text.split('\n').map((p) => p.trim()).filter((p) => p !== '');
  return ps.length ? ps : [empty];
}

export function figureLines(f: ReportFigures): string[] {
  const lines: string[] = [];
  // No village to hear a gong: no gong model runs in the unit, which is said rather than "0 %".
  if (f.gongs && f.gongs.villages === 0) lines.push('- Đánh kẻng 22 giờ: chưa triển khai mô hình Tiếng kẻng bình yên.');
  else if (f.gongs && f.gongs.expected) {
    const g = f.gongs;
    lines.push(`- Đánh kẻng 22 giờ: ${n(g.villages)} thôn, tổ dân phố trong ${n(f.nights)} đêm, đã đánh ${n(g.struck)}/${n(g.expected)} lượt (${pct(g.struck, g.expected)}), đúng giờ ${n(g.on_time)} lượt (${pct(g.on_time, g.expected)}), bỏ sót ${n(g.expected - g.struck)} lượt.`);
  }
  const p = f.patrols;
  lines.push(`- Tuần tra: ${n(p.patrols)} lượt${p.expected ? ` (theo lịch ${n(p.expected)} lượt)` : ''}${p.with_incidents ? `, trong đó ${n(p.with_incidents)} lượt xử lý tình huống báo động` : ''}.`);
  const held = f.activities.filter((a) => a.activities > 0);
  lines.push(held.length
    ? `- Hoạt động: ${held.map((a) => `${KIND_LABELS[a.kind].toLocaleLowerCase('vi-VN')} ${n(a.activities)} buổi${a.audience ? ` (${n(a.audience)} lượt người)` : ''}`).join('; ')}.`
    : '- Hoạt động: chưa ghi nhận hoạt động nào trong kỳ.');
  if (f.tips) {
    const by = <K extends string>(counts: Record<K, number>, labels: Record<K, string>) =>
      (Object.entries(counts) as [K, number][]).filter(([, c]) => c > 0).map(([k, c]) => `${labels[k].toLocaleLowerCase('vi-VN')} ${n(c)}`).join(', ');
    lines.push(f.tips.received
      ? `- Tin báo của Nhân dân: tiếp nhận ${n(f.tips.received)} tin (${by<TipCategory>(f.tips.byCategory, CATEGORIES)}); tình trạng: ${by<TipStatus>(f.tips.byStatus, STATUSES)}.`
      : '- Tin báo của Nhân dân: không tiếp nhận tin báo nào trong kỳ.');
  }
  const signed = f.commitments.reduce((s, c) => s + c.count, 0);
  if (signed) lines.push(`- Ký cam kết: ${n(signed)} bản (${f.commitments.map((c) => `${SIGNER_LABELS[c.signer_kind] ?? c.signer_kind} ${n(c.count)}`).join(', ')}).`);
  const h = f.households;
  if (h.households) {
    lines.push(`- Phòng cháy, chữa cháy: ${n(h.fire_groups)} tổ liên gia an toàn PCCC, ${n(h.in_fire_groups)}/${n(h.households)} hộ tham gia (${pct(h.in_fire_groups, h.households)}).`);
    lines.push(`- Khóa an toàn ANTT: trao ${n(h.keychains_handed_out)} móc khóa trong kỳ; ${n(h.keychains)}/${n(h.households)} hộ đang giữ móc khóa (${pct(h.keychains, h.households)}).`);
  }
  for (const m of f.models) {
    const stages = (Object.keys(MODEL_STAGES) as (keyof typeof MODEL_STAGES)[]).filter((s) => m[s] > 0).map((s) => `${n(m[s])} ${MODEL_STAGES[s]}`);
    lines.push(`- Mô hình "${m.template}": ${stages.join(', ')}.`);
  }
  return lines;
}

function targetsTable(f: ReportFigures): DocTable | null {
  if (!f.targets.length) return null;
  return {
    caption: 'Bảng 1. Kết quả thực hiện chỉ tiêu',
    columns: [{ title: 'Chỉ tiêu', width: 5 }, { title: 'Chỉ tiêu giao', width: 2, align: 'center' }, { title: 'Kết quả', width: 3, align: 'center' }, { title: 'Đánh giá', width: 2, align: 'center' }],
    rows: f.targets.map((t) => [
      t.title,
      t.unit === '%' ? `${n(t.target)} %` : n(t.target),
      t.unit === '%' ? `${n(t.count)}/${n(t.of)} (${pct(t.count, t.of)})` : `${n(t.count)}/${n(t.of)}`,
      t.met ? 'Đạt' : 'Chưa đạt',
    ]),
  };
}

function breakdownTable(f: ReportFigures, number: number): DocTable | null {
  if (f.breakdown.length < 2) return null;
  const withGongs = f.breakdown.some((b) => b.gongs);
  const withTips = f.tips !== null;
  const share = (part: number, of: number) => (of ? `${n(part)}/${n(of)}` : '–');
  const columns: DocTable['columns'] = [{ title: 'Đơn vị', width: 4 }];
  if (withGongs) columns.push({ title: 'Đánh kẻng đúng giờ', width: 4, align: 'right' });
  columns.push({ title: 'Tuần tra', width: 2, align: 'right' }, { title: 'Hoạt động', width: 2, align: 'right' });
  if (withTips) columns.push({ title: 'Tin báo', width: 2, align: 'right' });
  columns.push({ title: 'Hộ tham gia PCCC', width: 3, align: 'right' }, { title: 'Hộ nhận khóa', width: 3, align: 'right' });
  const cells = (name: string, b: Omit<BreakdownRow, 'id' | 'name'>) => [
    name,
    ...(withGongs ? [b.gongs?.expected ? `${share(b.gongs.on_time, b.gongs.expected)} (${pct(b.gongs.on_time, b.gongs.expected)})` : '–'] : []),
    n(b.patrols), n(b.activities),
    ...(withTips ? [n(b.tips)] : []),
    share(b.in_fire_groups, b.households),
    share(b.keychains, b.households),
  ];
  return {
    caption: `Bảng ${number}. Kết quả theo đơn vị`,
    columns,
    rows: f.breakdown.map((b) => cells(rowName(b), b)),
    total: cells('Tổng cộng', breakdownTotal(f.breakdown)),
  };
}

/**
 * The line under BÁO CÁO: a review keeps its name ("Sơ kết 6 tháng: kết quả thực hiện …"); any
 * other report is "Kết quả thực hiện …", since "Báo cáo năm với UBND xã" under BÁO CÁO would say
 * the word twice.
 */
export function documentTitle(title: string, subject: string, label: string): string {
  const review = /^(báo cáo\s+)?((sơ|tổng) kết.*)$/iu.exec(title.trim());
  if (review) return `${review[2]!.charAt(0).toLocaleUpperCase('vi-VN')}${review[2]!.slice(1)}: kết quả thực hiện ${subject} ${label}`;
  return `Kết quả thực hiện ${subject} ${label}`;
}

export function reportDocument(r: ReportForDocument): PlanDocument {
  const label = periodLabel(r.period, Number(r.period_start.slice(0, 4)), Number(r.period_start.slice(5, 7)));
  const who = issuerOf(r);
  const targets = targetsTable(r.figures);
  const breakdown = breakdownTable(r.figures, targets ? 2 : 1);
  const tables = [targets, breakdown].filter((t): t is DocTable => t !== null);
  const from = formatDay(r.figures.from);
  const to = formatDay(r.figures.to);
  const sections: PlanSection[] = [
    {
      heading: 'I. KẾT QUẢ ĐẠT ĐƯỢC',
      paragraphs: [],
      children: [
        { heading: '1. Số liệu kết quả', paragraphs: [`Số liệu tính từ ngày ${from} đến ngày ${to}, tổng hợp từ dữ liệu trên hệ thống Bình Yên.`, ...figureLines(r.figures)], tables },
        { heading: '2. Đánh giá kết quả', paragraphs: paragraphs(r.narrative.results, '(Chưa có nội dung)') },
      ],
    },
    {
      heading: 'II. HẠN CHẾ, NGUYÊN NHÂN',
      paragraphs: [],
      children: [
        { heading: '1. Hạn chế', paragraphs: paragraphs(r.narrative.limitations, 'Không có.') },
        { heading: '2. Nguyên nhân', paragraphs: paragraphs(r.narrative.causes, 'Không có.') },
      ],
    },
    { heading: 'III. ĐỀ XUẤT, KIẾN NGHỊ', paragraphs: paragraphs(r.narrative.proposals, 'Không có.') },
  ];
  const sent = r.submitted_at && r.status !== 'draft' && r.status !== 'returned' ? todayVN(r.submitted_at) : null;
  return {
    kind: 'report',
    issuer: who.issuer,
    number: null,
    symbol: who.symbol,
    place: placeOf(r.place),
    issuedOn: sent,
    title: documentTitle(r.title, r.subject, label),
    bases: [],
    preamble: `${r.unit.name} báo cáo kết quả thực hiện ${r.subject} ${label} như sau:`,
    sections,
    closing: `Trên đây là báo cáo kết quả thực hiện ${r.subject} ${label} của ${r.unit.name}./.`,
    recipients: [`${recipientOf(r.receiver)} (b/c);`, 'Lưu: VT.'],
    signer: {
      authority: who.authority, title: r.signer.title.trim() || signerTitle(r.unit.kind), name: r.signer.name.trim(),
    },
  };
}

/** A report as its official document, and the completeness table as an XLSX sheet. */
import type { Kysely } from 'kysely';
import type { Actor } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';
import type { PlanDocument } from '../plans/document.ts';
import { formatDay } from '../shared/dates.ts';
import { toXlsx, type TableColumn } from '../shared/table-export.ts';
import { reportDocument } from './document.ts';
import { breakdownTotal, rowName, type BreakdownRow, type ReportFigures } from './figures.ts';
import { reportView, type completeness, type Duty } from './service.ts';

const STATUS_LABELS: Record<Duty['status'], string> = {
  not_started: 'Chưa lập', draft: 'Đang soạn', submitted: 'Đã gửi', returned: 'Bị trả lại', accepted: 'Đã tiếp nhận',
};

/** "Báo cáo năm với UBND xã Xã Thạch Lập 01.01.2026": the title as written, with "Báo cáo" once. */
const fileName = (title: string, unit: string, start: string) =>
  `${/^báo cáo/iu.test(title) ? title : `Báo cáo ${title.charAt(0).toLocaleLowerCase('vi-VN')}${title.slice(1)}`} ${unit} ${formatDay(start)}`.replace(/[\\/]/g, '.');

export async function reportFile(db: Kysely<DB>, actor: Actor, id: number, render: (doc: PlanDocument) => Promise<Buffer>) {
  const v = await reportView(db, actor, id);
  const r = v.report;
  const doc = reportDocument({
    ...r, unit: { name: r.unit_name, kind: r.unit_kind }, receiver: { name: r.receiver_name, kind: r.receiver_kind },
    place: v.place, signer: v.signer, figures: v.figures,
  });
  return { content: await render(doc), name: fileName(r.title, r.unit_name, r.period_start) };
}

const COLUMNS: TableColumn<Duty>[] = [
  { header: 'Đơn vị', value: (d) => d.unit.name, width: 30 },
  { header: 'Báo cáo', value: (d) => d.title, width: 28 },
  { header: 'Kỳ', value: (d) => d.period_label, width: 22 },
  { header: 'Về', value: (d) => d.subject, width: 40 },
  { header: 'Hạn gửi', value: (d) => formatDay(d.due_on), width: 12 },
  { header: 'Tình trạng', value: (d) => STATUS_LABELS[d.status], width: 14 },
  { header: 'Ngày gửi', value: (d) => (d.submitted_at ? formatDay(d.submitted_at.toISOString().slice(0, 10)) : null), width: 12 },
  { header: 'Trễ hạn', value: (d) => (d.late ? 'Trễ hạn' : ''), width: 10 },
  { header: 'Số lần nhắc', value: (d) => d.reminders, width: 12 },
];

export async function completenessXlsx(c: Awaited<ReturnType<typeof completeness>>) {
  return { content: await toXlsx(COLUMNS, c.duties, 'Tình hình gửi báo cáo'), name: `Báo cáo gửi ${c.unit.name} năm ${c.year}.xlsx` };
}

type Row = Omit<BreakdownRow, 'id'>;

/** The report's breakdown by unit, as the sheet a province officer works on in Excel. */
export async function reportXlsx(db: Kysely<DB>, actor: Actor, id: number) {
  const v = await reportView(db, actor, id);
  const f: ReportFigures = v.figures;
  const columns: TableColumn<Row>[] = [
    { header: 'Đơn vị', value: (b) => b.name, width: 30 },
    ...(f.gongs ? [
      { header: 'Lượt phải đánh kẻng', value: (b: Row) => b.gongs?.expected ?? null, width: 18 },
      { header: 'Đã đánh', value: (b: Row) => b.gongs?.struck ?? null, width: 10 },
      { header: 'Đúng giờ', value: (b: Row) => b.gongs?.on_time ?? null, width: 10 },
    ] : []),
    { header: 'Tuần tra', value: (b) => b.patrols, width: 10 },
    { header: 'Hoạt động', value: (b) => b.activities, width: 10 },
    ...(f.tips ? [{ header: 'Tin báo', value: (b: Row) => b.tips, width: 10 }] : []),
    { header: 'Hộ gia đình', value: (b) => b.households, width: 12 },
    { header: 'Hộ trong tổ liên gia PCCC', value: (b) => b.in_fire_groups, width: 22 },
    { header: 'Hộ giữ móc khóa', value: (b) => b.keychains, width: 16 },
  ];
  const rows: Row[] = [...f.breakdown.map((b) => ({ ...b, name: rowName(b) })), { name: 'Tổng cộng', ...breakdownTotal(f.breakdown) }];
  const r = v.report;
  return { content: await toXlsx(columns, rows, 'Theo đơn vị'), name: `Số liệu ${fileName(r.title, r.unit_name, r.period_start)}.xlsx` };
}

/** A report as its official document, and the completeness table as an XLSX sheet. */
import type { Kysely } from 'kysely';
import type { Actor } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';
import type { PlanDocument } from '../plans/document.ts';
import { formatDay } from '../shared/dates.ts';
import { toXlsx, type TableColumn } from '../shared/table-export.ts';
import { reportDocument, withoutReportWord } from './document.ts';
import { reportView, type completeness, type Duty } from './service.ts';

export const STATUS_LABELS: Record<Duty['status'], string> = {
  not_started: 'Chưa lập', draft: 'Đang soạn', submitted: 'Đã gửi', returned: 'Bị trả lại', accepted: 'Đã tiếp nhận',
};

export async function reportFile(db: Kysely<DB>, actor: Actor, id: number, render: (doc: PlanDocument) => Promise<Buffer>) {
  const v = await reportView(db, actor, id);
  const r = v.report;
  const doc = reportDocument({
    ...r, unit: { name: r.unit_name, kind: r.unit_kind }, receiver: { name: r.receiver_name }, figures: v.figures,
  });
  return { content: await render(doc), name: `Báo cáo ${withoutReportWord(r.title).toLocaleLowerCase('vi-VN')} ${r.unit_name} ${formatDay(r.period_start)}`.replace(/[\\/]/g, '.') };
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

/**
 * The gong ranking as an XLSX sheet: the units below with their counts and shares, then the
 * total, headed in Vietnamese as the statistics page shows them.
 */
import { formatDay } from '../shared/dates.ts';
import { toXlsx, type TableColumn } from '../shared/table-export.ts';
import type { gongRollup, modelRollup } from './service.ts';

type Rollup = Awaited<ReturnType<typeof gongRollup>>;
type Row = { rank: number | null; name: string; code: string | null; villages: number; expected: number; struck: number; on_time: number; missed: number; covered: boolean };

/** Said instead of a share where no village is expected to strike. */
export const NOT_COVERED = 'Chưa triển khai mô hình Tiếng kẻng bình yên';

const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null);

const COLUMNS: TableColumn<Row>[] = [
  { header: 'STT', value: (r) => r.rank, width: 6 },
  { header: 'Đơn vị', value: (r) => r.name, width: 32 },
  { header: 'Mã', value: (r) => r.code, width: 8 },
  { header: 'Số thôn', value: (r) => r.villages, width: 10 },
  { header: 'Lượt phải đánh kẻng', value: (r) => r.expected, width: 20 },
  { header: 'Đã đánh', value: (r) => r.struck, width: 12 },
  { header: 'Đúng giờ', value: (r) => r.on_time, width: 12 },
  { header: 'Bỏ sót', value: (r) => r.missed, width: 12 },
  { header: 'Tỷ lệ đúng giờ (%)', value: (r) => share(r.on_time, r.expected), width: 18 },
  { header: 'Tỷ lệ đã đánh (%)', value: (r) => share(r.struck, r.expected), width: 18 },
  { header: 'Ghi chú', value: (r) => (r.covered ? null : NOT_COVERED), width: 40 },
];

export async function rollupXlsx(rollup: Rollup) {
  const rows: Row[] = [
    ...rollup.children.map((c, i) => ({ ...c, rank: i + 1 })),
    { ...rollup.total, rank: null, name: 'Tổng', code: null, covered: rollup.covered },
  ];
  const content = await toXlsx(COLUMNS, rows, 'Đánh kẻng 22 giờ');
  return { content, name: `Đánh kẻng ${rollup.unit.name} ${formatDay(rollup.from)}-${formatDay(rollup.to)}.xlsx`.replace(/\//g, '.') };
}

type Models = Awaited<ReturnType<typeof modelRollup>>;
type ModelRow = Models['templates'][number];

export async function modelsXlsx(m: Models) {
  const columns: TableColumn<ModelRow>[] = [
    { header: 'Mô hình', value: (r) => r.template, width: 36 },
    { header: 'Đang xây dựng', value: (r) => r.building, width: 14 },
    { header: 'Đang hoạt động', value: (r) => r.operating, width: 14 },
    { header: 'Đã dừng', value: (r) => r.closed, width: 10 },
    { header: `Số xã có mô hình (trên ${m.communes} xã)`, value: (r) => r.communes, width: 26 },
    { header: 'Tỷ lệ xã (%)', value: (r) => share(r.communes, m.communes), width: 12 },
  ];
  return { content: await toXlsx(columns, m.templates, 'Mô hình'), name: `Mô hình ${m.unit.name}.xlsx` };
}

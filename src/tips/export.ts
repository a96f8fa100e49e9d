/**
 * A commune's tips as a spreadsheet. The informants' contacts stay out of it; a holder of
 * tip.reveal may ask for them, and each contact put into the file is a reveal in the audit log.
 */
import type { Kysely } from 'kysely';
import { allows, type Actor } from '../access/policy.ts';
import { recordChanges, type Context } from '../audit/record.ts';
import type { DB, TipCategory, TipStatus } from '../db/schema.ts';
import { forbidden } from '../http/errors.ts';
import { countsXlsx, CSV_TYPE, toCsv, toXlsx, XLSX_TYPE, type TableColumn } from '../shared/table-export.ts';
import { formatCode } from '../shared/codes.ts';
import { formatDay, vnDateTime } from '../shared/dates.ts';
import * as q from './queries.ts';
import type { Contact, Sealer } from './seal.ts';
import { CATEGORIES, inbox, KIND_NAMES, openContact, STATUSES, summary } from './service.ts';
import { readableUnit } from '../units/service.ts';

export const MAX_EXPORT_TIPS = 20_000;

type Row = Awaited<ReturnType<typeof inbox>>[number] & { contact?: Contact | undefined };
const when = (d: Date | null) => (d ? vnDateTime(d) : null);

const COLUMNS: TableColumn<Row>[] = [
  { header: 'Mã theo dõi', value: (t) => formatCode(t.tracking_code), width: 14 },
  { header: 'Nhận lúc', value: (t) => when(t.received_at), width: 16 },
  { header: 'Xã, phường', value: (t) => t.commune_name, width: 18 },
  { header: 'Thôn', value: (t) => t.village_name, width: 16 },
  { header: 'Loại', value: (t) => CATEGORIES[t.category], width: 14 },
  { header: 'Loại vụ việc', value: (t) => (t.kind ? KIND_NAMES[t.kind] : 'Chưa phân loại'), width: 22 },
  { header: 'Tình trạng', value: (t) => STATUSES[t.status], width: 16 },
  { header: 'Hạn của bước', value: (t) => when(t.due_at), width: 16 },
  { header: 'Thời hạn theo luật', value: (t) => (t.due_at && t.legal_due_at ? when(t.legal_due_at) : null), width: 16 },
  { header: 'Người xử lý', value: (t) => t.assignee_name, width: 18 },
  { header: 'Nơi xảy ra', value: (t) => t.place, width: 24 },
  { header: 'Nội dung', value: (t) => t.description, width: 60 },
  { header: 'Trả lời công khai', value: (t) => t.public_reply, width: 40 },
];
const CONTACT_COLUMNS: TableColumn<Row>[] = [
  { header: 'Người báo tin', value: (t) => t.contact?.name ?? null, width: 20 },
  { header: 'Điện thoại người báo tin', value: (t) => t.contact?.phone ?? null, width: 16 },
  { header: 'Liên hệ khác', value: (t) => t.contact?.other ?? null, width: 20 },
];

export async function exportTips(
  db: Kysely<DB>, sealer: Sealer, ctx: Context & { actor: Actor }, unitId: number, filter: Parameters<typeof inbox>[3],
  opts: { format: 'csv' | 'xlsx'; withContacts: boolean },
) {
  const unit = await readableUnit(db, ctx.actor, unitId);
  const tips: Row[] = await inbox(db, ctx.actor, unitId, filter, { limit: MAX_EXPORT_TIPS, offset: 0 });
  if (opts.withContacts) {
    const sealed = await q.sealedContacts(db, tips.map((t) => t.id));
    const revealable = sealed.filter((s) => allows(ctx.actor, 'tip.reveal', s.unit_path));
    if (sealed.length && !revealable.length) throw forbidden('Chỉ người được giao bảo mật tin báo mới xuất được danh tính người báo tin');
    const contacts = new Map(revealable.map((s) => [s.id, openContact(sealer, s.contact_sealed!, s.tracking_code)]));
    for (const t of tips) t.contact = contacts.get(t.id);
    await recordChanges(db, ctx, revealable.map((s) => ({
      action: 'reveal' as const, entity: 'tip_contact', entityId: s.id, unit: { id: s.commune_id, path: s.unit_path, province_code: s.province_code }, after: { via: 'export' },
    })));
  }
  const columns = opts.withContacts ? [...COLUMNS, ...CONTACT_COLUMNS] : COLUMNS;
  const name = `Tin báo - ${unit.name}`;
  return opts.format === 'csv'
    ? { name: `${name}.csv`, type: CSV_TYPE, content: toCsv(columns, tips) }
    : { name: `${name}.xlsx`, type: XLSX_TYPE, content: await toXlsx(columns, tips, unit.name) };
}

/** The dashboard's tip counts as a sheet: by category, by status, and the open ones now. */
export async function summaryXlsx(db: Kysely<DB>, actor: Actor, unitId: number, range: { from?: string | undefined; to?: string | undefined }) {
  const s = await summary(db, actor, unitId, range);
  const content = await countsXlsx([
    ...(Object.keys(CATEGORIES) as TipCategory[]).map((k) => ({ group: 'Theo loại sự việc', item: CATEGORIES[k], count: s.byCategory[k] })),
    ...(Object.keys(STATUSES) as TipStatus[]).map((k) => ({ group: 'Theo trạng thái', item: STATUSES[k], count: s.byStatus[k] })),
    { group: 'Hiện tại', item: 'Chưa xong', count: s.open.total },
    { group: 'Hiện tại', item: 'Quá hạn', count: s.open.overdue },
    { group: 'Hiện tại', item: 'Sắp đến hạn', count: s.open.dueSoon },
    { group: 'Hiện tại', item: 'Chưa giao cán bộ', count: s.open.unassigned },
  ], { group: 'Nhóm', item: 'Mục', count: 'Số tin báo' }, 'Tin báo');
  return { content, name: `Tin báo ${s.unit.name} ${formatDay(s.from)}-${formatDay(s.to)}.xlsx`.replace(/\//g, '.') };
}

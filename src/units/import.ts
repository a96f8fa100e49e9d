import { parse } from 'csv-parse/sync';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { allows, type Actor } from '../access/policy.ts';
import { recordChanges, type Context } from '../audit/record.ts';
import { AppError, forbidden, invalid, notFound } from '../http/errors.ts';
import { fold } from '../shared/text.ts';
import { parseKind } from './kinds.ts';
import * as q from './queries.ts';
import { checkNewUnit } from './service.ts';

/** Column names accepted in the header, in Vietnamese (with or without diacritics) or English. */
const COLUMNS: Record<string, 'kind' | 'subkind' | 'name' | 'parent_code' | 'note'> = {
  kind: 'kind', loai: 'kind', 'loai don vi': 'kind',
  subkind: 'subkind', 'phan loai': 'subkind',
  name: 'name', ten: 'name', 'ten don vi': 'name',
  parent_code: 'parent_code', 'parent code': 'parent_code', 'ma don vi cha': 'parent_code', 'ma cha': 'parent_code', 'ma xa': 'parent_code',
  note: 'note', 'ghi chu': 'note',
};

export const MAX_IMPORT_ROWS = 5000;

export interface RowError {
  row: number;
  field: string;
  message: string;
}

/**
 * Imports villages, schools and agencies under a unit from CSV. Every row is checked
 * first; one bad row rejects the whole file with every row's errors, and nothing is saved.
 * A row may name a commune inside the unit by its GSO code in parent_code.
 */
export async function importUnits(db: Kysely<DB>, ctx: Context & { actor: Actor }, unitId: number, csv: string) {
  const target = await q.getUnit(db, unitId);
  if (!target || !allows(ctx.actor, 'unit.read', target.path)) throw notFound('Không tìm thấy đơn vị');
  if (!allows(ctx.actor, 'unit.write', target.path)) throw forbidden('Bạn không có quyền thêm đơn vị vào đây');

  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw invalid(`Tệp CSV không đọc được: ${(e as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw invalid('Tệp CSV trống');
  const columns = header.map((h) => COLUMNS[fold(h)]);
  for (const need of ['kind', 'subkind', 'name'] as const) {
    if (!columns.includes(need)) throw invalid(`Thiếu cột "${need}" (loai, phan_loai, ten) ở dòng tiêu đề`);
  }
  if (rows.length === 0) throw invalid('Tệp CSV không có dòng dữ liệu');
  if (rows.length > MAX_IMPORT_ROWS) throw invalid(`Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng`);

  const created = await db.transaction().execute(async (trx) => {
    const errors: RowError[] = [];
    const seen = new Set<string>();
    const parents = new Map<string, Awaited<ReturnType<typeof q.getUnit>>>();
    const values = [];
    const rowOf: number[] = [];
    for (const [i, cells] of rows.entries()) {
      const rowNo = i + 2; // header is row 1
      const r: Partial<Record<'kind' | 'subkind' | 'name' | 'parent_code' | 'note', string>> = {};
      columns.forEach((c, j) => c && (r[c] = cells[j] ?? ''));
      const kind = parseKind(r.kind ?? '');
      if (!kind) {
        errors.push({ row: rowNo, field: 'kind', message: `Loại "${r.kind ?? ''}" không hợp lệ (thôn, trường, cơ quan)` });
        continue;
      }
      let parent = target;
      if (r.parent_code) {
        if (!parents.has(r.parent_code)) parents.set(r.parent_code, await q.getUnitByCode(trx, r.parent_code));
        const found = parents.get(r.parent_code);
        if (!found || !found.path.startsWith(target.path)) {
          errors.push({ row: rowNo, field: 'parent_code', message: `Mã đơn vị cha "${r.parent_code}" không thuộc ${target.name}` });
          continue;
        }
        parent = found;
      }
      const checked = checkNewUnit(parent, { kind, subkind: r.subkind ?? '', name: r.name ?? '' }, ctx.actor);
      for (const e of checked.errors) errors.push({ row: rowNo, field: e.path === 'parentId' ? 'parent_code' : e.path, message: e.message });
      if (checked.errors.length) continue;
      const key = `${parent.id}|${kind}|${checked.name.toLowerCase()}`;
      if (seen.has(key)) {
        errors.push({ row: rowNo, field: 'name', message: `"${checked.name}" bị lặp trong tệp` });
        continue;
      }
      seen.add(key);
      values.push({ parent_id: parent.id, kind, subkind: checked.subkind, name: checked.name, name_folded: fold(checked.name), note: r.note || null });
      rowOf.push(rowNo);
    }
    if (values.length) {
      const existing = await trx
        .selectFrom('units').select(['parent_id', 'kind', 'name'])
        .where('parent_id', 'in', [...new Set(values.map((v) => v.parent_id))])
        .execute();
      const taken = new Set(existing.map((e) => `${e.parent_id}|${e.kind}|${e.name.toLowerCase()}`));
      values.forEach((v, i) => {
        if (taken.has(`${v.parent_id}|${v.kind}|${v.name.toLowerCase()}`)) {
          errors.push({ row: rowOf[i]!, field: 'name', message: `Đã có "${v.name}" trong đơn vị cấp trên` });
        }
      });
    }
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      throw new AppError(400, 'IMPORT_REJECTED', `Tệp có ${errors.length} lỗi, chưa nhập dòng nào`, errors.map((e) => ({ path: `row ${e.row}.${e.field}`, message: e.message })));
    }
    const created = [];
    for (let i = 0; i < values.length; i += 1000) created.push(...(await q.insertUnits(trx, values.slice(i, i + 1000))));
    await recordChanges(trx, ctx, created.map((u) => ({ action: 'import' as const, entity: 'unit', entityId: u.id, unit: u, after: u })));
    return created;
  });
  // A large import changes the picture the planner has of the tree.
  if (created.length >= 500) await sql`ANALYZE units`.execute(db);
  return created;
}

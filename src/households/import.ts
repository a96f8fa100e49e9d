/**
 * Households from a CSV file, as villages keep them in Excel. Every row is checked first; one bad
 * row rejects the file with every row's errors and nothing is saved. A row naming a household
 * already on record (same head and address) updates it, so the export, edited and imported
 * again, does what the user expects.
 */
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { allows, assertAllowed, type Actor } from '../access/policy.ts';
import { recordChanges, type Context } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid } from '../http/errors.ts';
import { fromCsvCell } from '../shared/table-export.ts';
import { fold } from '../shared/text.ts';
import { readableUnit } from '../units/service.ts';
import { villagesUnder } from '../units/queries.ts';
import * as q from './queries.ts';
import { HouseholdInput } from './schema.ts';
import { fieldsOf, identityOf } from './service.ts';

type Field = 'village' | 'headName' | 'address' | 'members' | 'phone' | 'note';

/**
 * Header words, folded, that name each column — matched as whole words anywhere in the heading,
 * so "Họ và tên chủ hộ", "Chủ hộ" and "chu_ho" all find the head's column. The first match wins.
 */
const COLUMNS: [words: string, field: Field][] = [
  ['chu ho', 'headName'], ['head', 'headName'], ['ho ten', 'headName'],
  ['dia chi', 'address'], ['address', 'address'],
  ['nhan khau', 'members'], ['so nguoi', 'members'], ['members', 'members'],
  ['dien thoai', 'phone'], ['sdt', 'phone'], ['phone', 'phone'],
  ['ghi chu', 'note'], ['note', 'note'],
  ['thon', 'village'], ['to dan pho', 'village'], ['village', 'village'],
];
const columnOf = (heading: string) => {
  const words = ` ${fold(heading)} `;
  return COLUMNS.find(([w]) => words.includes(` ${w} `))?.[1];
};

const LABELS: Record<Field, string> = {
  village: 'Thôn', headName: 'Chủ hộ', address: 'Địa chỉ', members: 'Số nhân khẩu', phone: 'Số điện thoại', note: 'Ghi chú',
};

export const MAX_IMPORT_ROWS = 10_000;

/** A file to start from: the headings the import reads, and one household as an example. */
export const TEMPLATE_CSV = '\uFEFFThôn,Chủ hộ,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú\r\nThôn Làng Ngần,Nguyễn Văn An,"Xóm 1, Thôn Làng Ngần",4,0912345678,\r\n';
const MAX_ROW_ERRORS = 100;

export interface RowError { row: number; column: string; message: string }

function rowsOf(content: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw invalid('Tệp không phải mã UTF-8. Trong Excel, chọn "Lưu dưới dạng" → "CSV UTF-8 (phân tách bằng dấu phẩy)"');
  }
  text = text.replace(/^\uFEFF/, '');
  const header = text.slice(0, text.search(/\r?\n|$/));
  // Excel with Vietnamese regional settings separates with ';'.
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { delimiter, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw invalid(`Tệp CSV không đọc được${err.lines ? ` ở dòng ${err.lines}` : ''}: kiểm tra dấu ngoặc kép và dấu phân cách`);
  }
}

/** Imports into a village, or into a commune's villages named in a "Thôn" column. */
export async function importHouseholds(db: Kysely<DB>, ctx: Context & { actor: Actor }, unitId: number, content: Uint8Array) {
  const unit = await readableUnit(db, ctx.actor, unitId);
  if (unit.kind !== 'village' && unit.kind !== 'commune') throw invalid('Nhập hộ gia đình vào một thôn, hoặc vào một xã (có cột "Thôn")');
  assertAllowed(ctx.actor, 'household.write', unit.path);

  const [header, ...rows] = rowsOf(content);
  if (!header) throw invalid('Tệp CSV trống');
  const columns = header.map(columnOf);
  const need: Field[] = ['headName', 'address', 'members', ...(unit.kind === 'commune' ? ['village' as const] : [])];
  const missing = need.filter((f) => !columns.includes(f));
  if (missing.length) throw invalid(`Thiếu cột ${missing.map((f) => `"${LABELS[f]}"`).join(', ')} ở dòng tiêu đề`);
  if (rows.length === 0) throw invalid('Tệp CSV không có dòng dữ liệu');
  if (rows.length > MAX_IMPORT_ROWS) throw invalid(`Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng`);

  const villages = unit.kind === 'village'
    ? [{ ...unit, province_code: unit.province_code! }]
    : (await villagesUnder(db, unit.path)).map((v) => ({ ...v, province_code: v.province_code! }));
  const villageByName = new Map(villages.map((v) => [fold(v.name), v]));

  const errors: RowError[] = [];
  const parsed: { rowNo: number; village: (typeof villages)[number]; input: HouseholdInput }[] = [];
  const seen = new Map<string, number>();
  for (const [i, cells] of rows.entries()) {
    const rowNo = i + 2; // the header is row 1
    const raw: Partial<Record<Field, string>> = {};
    columns.forEach((c, j) => c && (raw[c] = fromCsvCell(cells[j] ?? '')));
    let village = villages[0]!;
    if (unit.kind === 'commune' || raw.village) {
      const found = villageByName.get(fold(raw.village ?? ''));
      if (!found) {
        errors.push({ row: rowNo, column: LABELS.village, message: `Không có thôn "${raw.village ?? ''}" trong ${unit.name}` });
        continue;
      }
      village = found;
    }
    if (!allows(ctx.actor, 'household.write', village.path)) {
      errors.push({ row: rowNo, column: LABELS.village, message: `Bạn không phụ trách ${village.name}` });
      continue;
    }
    const checked = HouseholdInput.safeParse({ headName: raw.headName, address: raw.address, members: raw.members || undefined, phone: raw.phone, note: raw.note });
    if (!checked.success) {
      for (const issue of checked.error.issues) errors.push({ row: rowNo, column: LABELS[issue.path[0] as Field] ?? '', message: issue.message });
      continue;
    }
    const key = `${village.id}|${identityOf(checked.data)}`;
    const first = seen.get(key);
    if (first) {
      errors.push({ row: rowNo, column: LABELS.headName, message: `Trùng với dòng ${first} (cùng chủ hộ và địa chỉ)` });
      continue;
    }
    seen.set(key, rowNo);
    parsed.push({ rowNo, village, input: checked.data });
  }
  if (errors.length) {
    // The first errors say what is wrong with the file; ten thousand would only bury them.
    const shown = errors.slice(0, MAX_ROW_ERRORS).map((e) => ({ path: `Dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}`, message: e.message }));
    if (errors.length > MAX_ROW_ERRORS) shown.push({ path: '…', message: `và ${errors.length - MAX_ROW_ERRORS} lỗi khác` });
    throw new AppError(400, 'IMPORT_REJECTED', `Tệp có ${errors.length} lỗi, chưa nhập dòng nào`, shown);
  }

  return db.transaction().execute(async (trx) => {
    const existing = await q.householdsOfVillages(trx, [...new Set(parsed.map((p) => p.village.id))]);
    const byIdentity = new Map(existing.map((e) => [`${e.village_id}|${e.identity}`, e]));
    const fresh = [];
    const changes = [];
    let unchanged = 0;
    for (const p of parsed) {
      const fields = fieldsOf(p.input);
      const old = byIdentity.get(`${p.village.id}|${fields.identity}`);
      if (!old) {
        fresh.push({ ...fields, village_id: p.village.id, village_path: p.village.path, province_code: p.village.province_code });
      } else if (old.members !== fields.members || old.phone !== fields.phone || old.note !== fields.note || old.head_name !== fields.head_name || old.address !== fields.address) {
        await q.updateHousehold(trx, old.id, fields);
        changes.push({ action: 'update' as const, entity: 'household' as const, entityId: old.id, unit: p.village, before: old, after: fields });
      } else unchanged++;
    }
    const created = [];
    for (let i = 0; i < fresh.length; i += 1000) created.push(...(await q.insertHouseholds(trx, fresh.slice(i, i + 1000))));
    const villageOf = new Map(villages.map((v) => [v.id, v]));
    await recordChanges(trx, ctx, [
      ...created.map((h) => ({ action: 'import' as const, entity: 'household' as const, entityId: h.id, unit: villageOf.get(h.village_id)!, after: h })),
      ...changes,
    ]);
    return { created: created.length, updated: changes.length, unchanged };
  });
}

/**
 * A table as the files officers open in Excel: CSV (UTF-8 with a byte-order mark, so Excel reads
 * the diacritics) and XLSX. Columns carry their Vietnamese headings.
 */
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';

export interface TableColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Width in characters in the XLSX. */
  width?: number;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A text cell Excel would run as a formula ("=HYPERLINK(…)" typed into a note) is kept as text by
 * a leading apostrophe (OWASP's advice for CSV injection); imports drop it again (fromCsvCell).
 */
const safeCell = (v: string | number | null) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v ?? '');
export const fromCsvCell = (text: string) => text.replace(/^'(?=[=+\-@\t\r])/, '');

export function toCsv<T>(columns: TableColumn<T>[], rows: T[]): Buffer {
  const text = stringify([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => safeCell(c.value(r))))]);
  return Buffer.from('\uFEFF' + text, 'utf8');
}

export async function toXlsx<T>(columns: TableColumn<T>[], rows: T[], sheet: string): Promise<Buffer> {
  const data = [
    columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
    ...rows.map((r) => columns.map((c) => {
      const value = c.value(r);
      return value == null ? null : typeof value === 'number' ? { type: Number, value } : { type: String, value };
    })),
  ];
  // Excel refuses sheet names over 31 characters or with []:*?/\.
  const name = sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  return writeXlsxFile(data, { sheet: name, columns: columns.map((c) => ({ width: c.width ?? 16 })), stickyRowsCount: 1 }).toBuffer();
}

/** One line of a summary sheet: what is counted, under which heading, and its numbers. */
export interface CountRow { group: string; item: string; count: number; extra?: number | null }

/**
 * A dashboard's counts as a sheet: "Theo loại — Tội phạm — 12", one line each, so the tables of
 * a statistics page download as they are shown. `extra` is a second number where there is one
 * (the people an activity reached).
 */
export function countsXlsx(rows: CountRow[], headers: { group: string; item: string; count: string; extra?: string }, sheet: string) {
  const columns: TableColumn<CountRow>[] = [
    { header: headers.group, value: (r) => r.group, width: 22 },
    { header: headers.item, value: (r) => r.item, width: 34 },
    { header: headers.count, value: (r) => r.count, width: 14 },
    ...(headers.extra ? [{ header: headers.extra, value: (r: CountRow) => r.extra ?? null, width: 18 }] : []),
  ];
  return toXlsx(columns, rows, sheet);
}

/**
 * Which periods a report schedule asks for, and by when (docs/reports.md).
 *
 * A due date with a month (10/6, 15/11) is once a year: the report covers the calendar half or
 * year the due date falls in, from its first day up to the day before the due date, since the
 * figures must be in before the report is sent; due on the period's last day, the whole period. A due date in the first half of its period (a
 * year report due 15/1 or 15/2, a second-half report due 10/8) is for the period before, whole:
 * nobody reviews six weeks of a year. A due day without a month is due each period, on that day
 * of the month after the period ends; a month given with it is ignored.
 */
import type { ReportPeriodKind } from '../db/schema.ts';
import { addDays, lastDayOfMonth } from '../shared/dates.ts';

export interface Due { day: number; month?: number | null | undefined }

export interface ReportPeriod {
  start: string;
  /** The last day counted: the period's end, or the day before the due date. */
  end: string;
  due: string;
  label: string;
}

const MONTHS: Record<ReportPeriodKind, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'];

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number) => `${year}-${pad(month)}-01`;
/** The day of a month, held to the month's last day (a due day 31 in June is 30/6). */
function dayOf(year: number, month: number, day: number): string {
  const last = lastDayOfMonth(`${year}-${pad(month)}`);
  const wanted = `${year}-${pad(month)}-${pad(day)}`;
  return wanted < last ? wanted : last;
}

/** The period of this kind that starts in the given month (1-based, the period's first month). */
function periodFrom(kind: ReportPeriodKind, year: number, firstMonth: number) {
  const span = MONTHS[kind];
  const lastMonth = firstMonth + span - 1;
  return { start: monthStart(year, firstMonth), end: lastDayOfMonth(`${year}-${pad(lastMonth)}`), year, firstMonth };
}

export function periodLabel(kind: ReportPeriodKind, year: number, firstMonth: number): string {
  switch (kind) {
    case 'month': return `tháng ${firstMonth} năm ${year}`;
    case 'quarter': return `quý ${ROMAN[(firstMonth - 1) / 3]} năm ${year}`;
    case 'half_year': return firstMonth === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'year': return `năm ${year}`;
  }
}

/** The reports of a schedule that fall due in a calendar year, in order. */
export function periodsDueIn(kind: ReportPeriodKind, due: Due, year: number): ReportPeriod[] {
  const span = MONTHS[kind];
  if (due.month && span >= 6) {
    const dueOn = dayOf(year, due.month, due.day);
    const first = Math.floor((due.month - 1) / span) * span + 1;
    if (due.month - first < span / 2) {
      const [y, m] = first - span < 1 ? [year - 1, first - span + 12] : [year, first - span];
      const p = periodFrom(kind, y, m);
      return [{ start: p.start, end: p.end, due: dueOn, label: periodLabel(kind, y, m) }];
    }
    const p = periodFrom(kind, year, first);
    // Due on the period's last day, it covers the whole period: "01/01 đến 30/12" for a year
    // report due 31/12 would leave a day of the year out of every year's report.
    const end = dueOn >= p.end ? p.end : addDays(dueOn, -1);
    return [{ start: p.start, end, due: dueOn, label: periodLabel(kind, year, first) }];
  }
  // Due each period, in the month after it ends: the periods ending from December of the
  // year before to November of this year.
  const out: ReportPeriod[] = [];
  for (let first = 1 - span; first <= 12 - span; first += span) {
    const [y, m] = first < 1 ? [year - 1, first + 12] : [year, first];
    const p = periodFrom(kind, y, m);
    const dueMonth = m + span > 12 ? m + span - 12 : m + span;
    const dueYear = m + span > 12 ? y + 1 : y;
    out.push({ start: p.start, end: p.end, due: dayOf(dueYear, dueMonth, due.day), label: periodLabel(kind, y, m) });
  }
  return out;
}

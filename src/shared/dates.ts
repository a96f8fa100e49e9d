/** Calendar days as 'YYYY-MM-DD' strings, in Vietnam's time zone where "today" matters. */

/** Vietnam keeps UTC+7 all year, with no daylight saving (and has since 1975). */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The day it is in Vietnam at that moment (simple arithmetic: an Intl formatter costs far more per call). */
export const todayVN = (now = new Date()) => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

/** Whether a 'YYYY-MM-DD' string names a real day (not 2024-02-30). */
export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(date + 'T00:00:00Z');
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** '2024-02' → '2024-02-29'. */
export const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** Nothing is recorded before this day: an earlier one is a mistyped year. */
export const FIRST_DAY = '2000-01-01';

/**
 * Every date and time the API takes lies in these years: an earlier or later one is a mistyped year,
 * and a far one breaks date arithmetic (a day after 9999-12-31 is written '+010000-01-01', which
 * sorts before it, so a loop up to 9999-12-31 never ends).
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
export const YEARS_MESSAGE = `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}`;
/** Whether a date or moment written from its year ('2025-…') falls in those years. */
export const inYears = (s: string) => Number(s.slice(0, 4)) >= FIRST_YEAR && Number(s.slice(0, 4)) <= LAST_YEAR;

/** '2026-11-23' → '23/11/2026', as days are written in Vietnam. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The instant a calendar day begins in Vietnam (UTC+7 all year, no daylight saving). */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** 1 for Monday … 7 for Sunday, as weekly plans and "thứ Hai … Chủ nhật" count them. */
export const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The Monday of the ISO week a day is in. */
export const mondayOf = (day: string) => addDays(day, 1 - weekdayOf(day));

/** The moment a day ends in Vietnam: 24:00 of it, the start of the next. */
export const dayEnd = (day: string) => dayStart(addDays(day, 1));


const vnDateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
/** A moment as people in Vietnam read it: "14:05 23/11/2026" (the year whole: "23/11/26" reads badly on a form). */
export const vnDateTime = (d: Date) => vnDateTimeFormat.format(d);

/**
 * The same day `months` later, or that month's last day when it has none: 31/12 + 2 months is
 * 28/2 (or 29/2), as terms in months are counted (BLTTHS 2015 art. 134, Civil Code art. 147).
 */
export function addMonths(day: string, months: number): string {
  const month = shiftMonth(day.slice(0, 7), months);
  const last = lastDayOfMonth(month);
  return day.slice(8) > last.slice(8) ? last : `${month}-${day.slice(8)}`;
}

/** '2026-11' → '2026-12'; with -1, the month before. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/**
 * Working days in Vietnam's public service: Monday to Friday, less the public holidays and the days
 * swapped around them, plus the Saturdays worked in exchange, as each year's official calendar
 * (src/shared/holidays.ts) says. A year the calendar does not hold yet falls back to the fixed
 * solar holidays of Bộ luật Lao động 2019 art. 112 and says so (`calendarKnown`).
 */
import { addDays, weekdayOf } from './dates.ts';
import { CALENDARS, SOLAR_HOLIDAYS } from './holidays.ts';

const offDays = new Map<string, string>();
const workedSaturdays = new Set<string>();
for (const year of CALENDARS) {
  for (const off of year.off) {
    for (let day = off.from; day <= off.to; day = addDays(day, 1)) offDays.set(day, off.name);
  }
  for (const day of year.worked) workedSaturdays.add(day);
}

/** Whether the year's official calendar of holidays and swapped days is in the repository. */
export const calendarKnown = (day: string) => CALENDARS.some((c) => c.year === Number(day.slice(0, 4)));

/** What a rest day is: its holiday's name, 'Thứ Bảy' or 'Chủ nhật'; undefined for a working day. */
export function restDayName(day: string): string | undefined {
  if (workedSaturdays.has(day)) return undefined;
  const holiday = offDays.get(day) ?? (calendarKnown(day) ? undefined : SOLAR_HOLIDAYS[day.slice(5)]);
  if (holiday) return holiday;
  const weekday = weekdayOf(day);
  return weekday === 6 ? 'Thứ Bảy' : weekday === 7 ? 'Chủ nhật' : undefined;
}

export const isWorkingDay = (day: string) => restDayName(day) === undefined;

/** The day itself if it is a working day, else the first working day after it. */
export function onOrAfterWorkingDay(day: string): string {
  // A year has at most a few weeks of rest in a row (Tết with its weekends): 60 is far past it.
  // The bound only guards against a calendar typed wrong, so no test reaches it.
  // Stryker disable next-line EqualityOperator,UpdateOperator: a guard no real calendar reaches
  for (let i = 0; i < 60; i++, day = addDays(day, 1)) if (isWorkingDay(day)) return day;
  // Stryker disable next-line StringLiteral: the message of a guard no real calendar reaches
  throw new Error(`no working day within 60 days of ${day}`);
}

/**
 * The last day of a term of `n` working days counted from the day after `from` (the day of the
 * event is not one of them): 3 working days from Friday 24/4/2026 end on Monday 4/5/2026 (27/4, 30/4 and 1/5 are off).
 */
export function addWorkingDays(from: string, n: number): string {
  let day = from;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}

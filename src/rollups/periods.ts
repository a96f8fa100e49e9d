/**
 * A range of nights split into whole calendar months and the nights left at either end, so that
 * the months are read from the monthly roll-up and only the ends from the nightly one.
 */
import { addDays, lastDayOfMonth } from '../shared/dates.ts';

export interface Split {
  /** First days of the whole months, first and last; none when no month is whole. */
  months?: { from: string; to: string };
  /** Ranges of nights outside the whole months (at most two). */
  nights: { from: string; to: string }[];
}

const monthStart = (day: string) => day.slice(0, 7) + '-01';

export function splitByMonth(from: string, to: string): Split {
  if (from > to) return { nights: [] };
  const firstWhole = from.endsWith('-01') ? from : addDays(lastDayOfMonth(from.slice(0, 7)), 1);
  const lastWholeEnd = lastDayOfMonth(to.slice(0, 7)) === to ? to : addDays(monthStart(to), -1);
  if (firstWhole > lastWholeEnd) return { nights: [{ from, to }] };
  const nights = [];
  if (from < firstWhole) nights.push({ from, to: addDays(firstWhole, -1) });
  if (lastWholeEnd < to) nights.push({ from: addDays(lastWholeEnd, 1), to });
  return { months: { from: firstWhole, to: monthStart(lastWholeEnd) }, nights };
}

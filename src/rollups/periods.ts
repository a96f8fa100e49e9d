/**
 * A range of nights split into whole calendar months and the nights left at either end, so that
 * the months are read from the monthly roll-up and only the ends from the nightly one.
 *
 * No night after `lastWithData` can have a check-in (it has not come yet). A range ending in the
 * current month is then read as that whole month, less the nights after its end that already
 * have check-ins (tonight's, before its gong is due): one month row and at most a night or two,
 * instead of every night of the month so far.
 */
import { addDays, lastDayOfMonth } from '../shared/dates.ts';

export interface Split {
  /** First days of the whole months, first and last; none when no month is whole. */
  months?: { from: string; to: string };
  /** Ranges of nights outside the whole months (at most two), added. */
  nights: { from: string; to: string }[];
  /** Nights inside the last month but after the range, taken away. */
  minus?: { from: string; to: string };
}

const monthStart = (day: string) => day.slice(0, 7) + '-01';

export function splitByMonth(from: string, to: string, lastWithData?: string): Split {
  if (from > to) return { nights: [] };
  const firstWhole = from.endsWith('-01') ? from : addDays(lastDayOfMonth(from.slice(0, 7)), 1);
  const monthEnd = lastDayOfMonth(to.slice(0, 7));
  // The month `to` is in counts as whole when nothing after `to` in it can hold data but the
  // nights up to lastWithData, which are taken away.
  const tailWhole = monthEnd === to || (lastWithData !== undefined && lastWithData >= to && monthStart(lastWithData) === monthStart(to));
  const lastWholeEnd = tailWhole ? monthEnd : addDays(monthStart(to), -1);
  if (firstWhole > lastWholeEnd) return { nights: [{ from, to }] };
  const split: Split = { months: { from: firstWhole, to: monthStart(lastWholeEnd) }, nights: [] };
  if (from < firstWhole) split.nights.push({ from, to: addDays(firstWhole, -1) });
  if (!tailWhole) split.nights.push({ from: addDays(lastWholeEnd, 1), to });
  else if (monthEnd !== to && lastWithData! > to) split.minus = { from: addDays(to, 1), to: lastWithData! };
  return split;
}

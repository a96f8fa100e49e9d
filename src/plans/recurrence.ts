import { z } from 'zod';
import { addDays, inYears, isRealDate, weekdayOf, YEARS_MESSAGE } from '../shared/dates.ts';

/**
 * When a task falls due. The seeds use all of these: a deadline ("trước ngày 30/11/2021"),
 * the nightly gong at 22:00, weekly patrols, monthly assessments, quarterly lock surveys,
 * six-monthly reviews and reports due on fixed days of the year (10/6 and 10/11).
 * Days past a month's end fall on its last day (day 31 in June is 30/6).
 */
const time = z.string().max(5, { message: 'Giờ phải có dạng HH:MM', abort: true }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM');
// http/replies.ts' Day, written again: the web app bundles this file, and must not take in the server's error module.
const Day = z.string().max(10, { message: 'Ngày không hợp lệ (YYYY-MM-DD)', abort: true })
  .refine(isRealDate, { message: 'Ngày không hợp lệ (YYYY-MM-DD)', abort: true }).refine(inYears, YEARS_MESSAGE);
const dayOfYear = z.object({ day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) });

export const Recurrence = z
  .discriminatedUnion('freq', [
    z.object({ freq: z.literal('once'), due: Day, time: time.optional() }),
    z.object({ freq: z.literal('daily'), time: time.optional() }),
    z.object({ freq: z.literal('weekly'), weekday: z.number().int().min(1).max(7).describe('1 = thứ Hai … 7 = Chủ nhật'), time: time.optional() }),
    z.object({ freq: z.literal('monthly'), day: z.number().int().min(1).max(31), time: time.optional() }),
    z.object({ freq: z.literal('quarterly'), month: z.number().int().min(1).max(3).describe('tháng thứ mấy của quý'), day: z.number().int().min(1).max(31) }),
    z.object({ freq: z.literal('semiannual'), month: z.number().int().min(1).max(6).describe('tháng thứ mấy của nửa năm'), day: z.number().int().min(1).max(31) }),
    z.object({ freq: z.literal('yearly'), dates: z.array(dayOfYear).min(1).max(12) }),
  ])
  .meta({ id: 'Recurrence' });
export type Recurrence = z.infer<typeof Recurrence>;

export interface Occurrence {
  /** ISO date the occurrence falls due. */
  due: string;
  /** HH:MM on that day, when the recurrence names a time. */
  time: string | null;
}

/** The most occurrences one task may produce: a daily task over five years. */
export const MAX_OCCURRENCES = 366 * 5;

const iso = (y: number, m: number, d: number) => {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};
const parse = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
/** 1 = Monday … 7 = Sunday. */

/**
 * Every date in [from, to] on which the recurrence falls due, in order. A one-off task
 * falls due on its date whatever the range. Each loop stops at MAX_OCCURRENCES + 1 dates, so a
 * range too long, or one the date arithmetic cannot end (past year 9999), costs no more than
 * that; the caller refuses a list that long.
 */
export function occurrences(r: Recurrence, from: string, to: string): Occurrence[] {
  const time = 'time' in r && r.time ? r.time : null;
  const out: string[] = [];
  const room = () => out.length <= MAX_OCCURRENCES;
  const within = (d: string) => d >= from && d <= to;
  switch (r.freq) {
    case 'once':
      return [{ due: r.due, time }];
    case 'daily':
      for (let d = from; d <= to && room(); d = addDays(d, 1)) out.push(d);
      break;
    case 'weekly': {
      let d = addDays(from, (r.weekday - weekdayOf(from) + 7) % 7);
      for (; d <= to && room(); d = addDays(d, 7)) out.push(d);
      break;
    }
    default: {
      const start = parse(from);
      const end = parse(to);
      for (let y = start.y; y <= end.y && room(); y++) {
        for (let m = 1; m <= 12; m++) {
          const days =
            r.freq === 'monthly' ? [r.day]
            : r.freq === 'quarterly' ? ((m - 1) % 3 === r.month - 1 ? [r.day] : [])
            : r.freq === 'semiannual' ? ((m - 1) % 6 === r.month - 1 ? [r.day] : [])
            : r.dates.filter((x) => x.month === m).map((x) => x.day);
          for (const day of [...new Set(days)].sort((a, b) => a - b)) {
            const d = iso(y, m, day);
            if (within(d)) out.push(d);
          }
        }
      }
    }
  }
  return [...new Set(out)].slice(0, MAX_OCCURRENCES + 1).map((due) => ({ due, time }));
}

/** Vietnamese description of a recurrence, for screens and documents. */
export function describe(r: Recurrence): string {
  const at = 'time' in r && r.time ? ` lúc ${r.time}` : '';
  const dm = (d: { day: number; month: number }) => `${d.day}/${d.month}`;
  switch (r.freq) {
    case 'once': {
      const { y, m, d } = parse(r.due);
      return `trước ngày ${d}/${m}/${y}${at}`;
    }
    case 'daily': return `hằng ngày${at}`;
    case 'weekly': return `hằng tuần vào ${r.weekday === 7 ? 'Chủ nhật' : `thứ ${['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'][r.weekday - 1]}`}${at}`;
    case 'monthly': return `hằng tháng vào ngày ${r.day}${at}`;
    case 'quarterly': return `hằng quý vào ngày ${r.day} tháng thứ ${r.month} của quý`;
    case 'semiannual': return `6 tháng một lần vào ngày ${r.day}/${r.month} và ${r.day}/${r.month + 6}`;
    case 'yearly': return `hằng năm vào ngày ${r.dates.map(dm).join(' và ')}`;
  }
}

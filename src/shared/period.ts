import { invalid } from '../http/errors.ts';
import { addDays } from './dates.ts';

/** Reports count at most a year at a time. */
export const REPORT_DAYS = 366;

/** A period of days, in order; a report's (with `maxDays`) no longer than that. */
export function checkPeriod(from: string, to: string, maxDays?: number) {
  if (from > to) throw invalid('Ngày bắt đầu sau ngày kết thúc', [{ path: 'to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' }]);
  if (maxDays && addDays(from, maxDays) <= to) throw invalid('Tối đa một năm mỗi lần xem', [{ path: 'to', message: 'Khoảng thời gian xem dài tối đa một năm.' }]);
}


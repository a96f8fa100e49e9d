/**
 * The official calendar of public holidays for cán bộ, công chức, viên chức, one entry a year, each
 * with the documents that set it. Extend it every year when the Government announces the next
 * (usually in October for Tết and Quốc khánh, in December for Tết Dương lịch): add the year's days
 * off on weekdays and the Saturdays worked in exchange. docs/tip-deadlines.md says where each was
 * read. Terms that move off rest days (src/shared/workdays.ts) read only this file.
 *
 * Bộ luật Lao động 2019, art. 112(1): Tết Dương lịch 1 day (1/1), Tết Âm lịch 5 days, Ngày Chiến
 * thắng 1 day (30/4), Quốc tế lao động 1 day (1/5), Quốc khánh 2 days (2/9 and one day before or
 * after), Giỗ Tổ Hùng Vương 1 day (10/3 âm lịch); the Prime Minister sets the Tết and Quốc khánh
 * days each year (art. 112(3)).
 */

export interface HolidayCalendar {
  year: number;
  /** Weekdays off, as ranges of days; weekends inside a range are rest days anyway. */
  off: { from: string; to: string; name: string }[];
  /** Saturdays worked in exchange for a weekday off. */
  worked: string[];
  sources: string[];
}

export const CALENDARS: HolidayCalendar[] = [
  {
    year: 2025,
    off: [
      { from: '2025-01-01', to: '2025-01-01', name: 'Tết Dương lịch' },
      { from: '2025-01-27', to: '2025-01-31', name: 'Tết Nguyên đán' },
      { from: '2025-04-07', to: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
      { from: '2025-04-30', to: '2025-04-30', name: 'Ngày Chiến thắng' },
      { from: '2025-05-01', to: '2025-05-01', name: 'Ngày Quốc tế lao động' },
      { from: '2025-05-02', to: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' },
      { from: '2025-09-01', to: '2025-09-02', name: 'Quốc khánh' },
    ],
    worked: ['2025-04-26'],
    sources: ['Công văn số 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (Tết Âm lịch, 30/4–1/5, Quốc khánh năm 2025)'],
  },
  {
    year: 2026,
    off: [
      { from: '2026-01-01', to: '2026-01-01', name: 'Tết Dương lịch' },
      { from: '2026-01-02', to: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)' },
      { from: '2026-02-16', to: '2026-02-20', name: 'Tết Nguyên đán' },
      { from: '2026-04-27', to: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4/2026)' },
      { from: '2026-04-30', to: '2026-04-30', name: 'Ngày Chiến thắng' },
      { from: '2026-05-01', to: '2026-05-01', name: 'Ngày Quốc tế lao động' },
      { from: '2026-08-31', to: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)' },
      { from: '2026-09-01', to: '2026-09-02', name: 'Quốc khánh' },
    ],
    worked: ['2026-01-10', '2026-08-22'],
    sources: [
      'Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (Tết Âm lịch, Quốc khánh năm 2026)',
      'Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (Tết Dương lịch năm 2026)',
    ],
  },
];

/**
 * The solar holidays of art. 112(1), used for a year the calendar above does not hold yet: without
 * its Tết, its days swapped and its nghỉ bù, a term there may end a few days early (docs).
 */
export const SOLAR_HOLIDAYS: Record<string, string> = {
  '01-01': 'Tết Dương lịch',
  '04-30': 'Ngày Chiến thắng',
  '05-01': 'Ngày Quốc tế lao động',
  '09-02': 'Quốc khánh',
};

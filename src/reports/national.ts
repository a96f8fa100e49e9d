/**
 * What every province reports to the country whatever its models and plans: the movement's
 * 6-month and yearly review. The Ministry sets these dates in its own instructions, which are
 * not in the seeds; the dates here are the platform's defaults (docs/reports.md).
 */
import type { ReportPeriodKind } from '../db/schema.ts';
import type { Due } from './periods.ts';

export const MOVEMENT = 'phong trào Toàn dân bảo vệ an ninh Tổ quốc';

export const NATIONAL_SCHEDULES: { title: string; period: ReportPeriodKind; due: Due }[] = [
  { title: 'Báo cáo sơ kết 6 tháng', period: 'half_year', due: { day: 20, month: 6 } },
  { title: 'Báo cáo tổng kết năm', period: 'year', due: { day: 20, month: 12 } },
];

/**
 * The deadline of each stage of a tip, from the rules on receiving and settling denunciations
 * and reports of crimes (docs/tip-deadlines.md says which rule and where it comes from).
 */
import type { TipStatus } from '../db/schema.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long each open stage may last, counted from the moment the tip entered it. */
export const STAGE_LIMITS: Partial<Record<TipStatus, { ms: number; rule: string }>> = {
  // Received: recorded and passed on at once (BLTTHS 2015, art. 145: "chuyển ngay"); the
  // platform reads "at once" as within one day.
  new: { ms: 1 * DAY, rule: 'Tiếp nhận, phân loại trong 24 giờ (Điều 145 BLTTHS 2015: tiếp nhận đầy đủ, chuyển ngay)' },
  // Checked and verified within 20 days of receipt (art. 147(1)).
  verifying: { ms: 20 * DAY, rule: 'Kiểm tra, xác minh trong 20 ngày (Điều 147 khoản 1 BLTTHS 2015)' },
  // Settled within the longest verification the law allows once extended: 2 months (art. 147(2)).
  handling: { ms: 60 * DAY, rule: 'Giải quyết trong 2 tháng (Điều 147 khoản 2 BLTTHS 2015)' },
};

/** Within this much of its deadline a stage is "sắp đến hạn": 3 days, or a quarter of a shorter stage. */
export const DUE_SOON_MS = 3 * DAY;
export const dueSoonMs = (status: TipStatus) => Math.min(DUE_SOON_MS, (STAGE_LIMITS[status]?.ms ?? 0) / 4);

export const OPEN_STATUSES: TipStatus[] = ['new', 'verifying', 'handling'];

/** What may follow each stage; the closed ones end the tip. */
export const NEXT: Record<TipStatus, TipStatus[]> = {
  new: ['verifying', 'transferred', 'unfounded'],
  verifying: ['handling', 'resolved', 'transferred', 'unfounded'],
  handling: ['resolved', 'transferred', 'unfounded'],
  resolved: [],
  transferred: [],
  unfounded: [],
};

export function dueAt(status: TipStatus, stageStart: Date): Date | null {
  const limit = STAGE_LIMITS[status];
  return limit ? new Date(stageStart.getTime() + limit.ms) : null;
}

export type Urgency = 'overdue' | 'due_soon' | 'on_time' | 'closed';

export function urgencyOf(status: TipStatus, due: Date | null, now = new Date()): Urgency {
  if (!due || !OPEN_STATUSES.includes(status)) return 'closed';
  if (due.getTime() < now.getTime()) return 'overdue';
  return due.getTime() - now.getTime() <= dueSoonMs(status) ? 'due_soon' : 'on_time';
}

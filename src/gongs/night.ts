/**
 * The night of a gong: the 22:00 strike belongs to a calendar day in Vietnam's time zone (UTC+7,
 * no daylight saving). A strike counts for night N between 18:00 on N and 06:00 on N + 1.
 */
import { addDays, todayVN } from '../shared/dates.ts';

const HOUR = 3_600_000;
/** 22:00 in Vietnam is 15:00 UTC. */
const GONG_HOUR_UTC = 15;
/** A phone's clock may run this far ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The target a gong model's template holds ("Thôn, làng đánh kẻng lúc 22 giờ hằng ngày"): what makes it a gong model. */
export const GONG_TARGET_KEY = 'thon-danh-keng';

/** Whether a unit lies under one of the paths where a gong model operates (gongModelPaths). */
export const coveredBy = (paths: string[]) => (path: string) => paths.some((p) => path.startsWith(p));

/** Up to this many minutes after 22:00 a strike is on time. */
export const ON_TIME_MINUTES = 15;
/** Whether a strike this many minutes after 22:00 is on time. */
export const isOnTime = (lateMinutes: number) => lateMinutes <= ON_TIME_MINUTES;

/** The instant of 22:00 on the night. */
export const gongTime = (night: string) => new Date(Date.parse(`${night}T00:00:00Z`) + GONG_HOUR_UTC * HOUR);

/** Whether the instant falls in the night's window (18:00 to 06:00 the next morning). */
export function inNight(night: string, at: Date): boolean {
  const t = at.getTime();
  const gong = gongTime(night).getTime();
  return t >= gong - 4 * HOUR && t < gong + 8 * HOUR;
}

/** Whole minutes after 22:00; 0 when on the hour or before. */
export const lateMinutes = (night: string, at: Date) => Math.max(0, Math.floor((at.getTime() - gongTime(night).getTime()) / 60_000));

/** The nights from `from` to `to`, inclusive. */
export function nightsBetween(from: string, to: string): string[] {
  const nights = [];
  for (let n = from; n <= to; n = addDays(n, 1)) nights.push(n);
  return nights;
}

/** The last night whose gong is already due (with its on-time allowance) at `now`; tonight's before then is not. */
export function lastDueNight(now = new Date()): string {
  const today = todayVN(now);
  return now.getTime() >= gongTime(today).getTime() + ON_TIME_MINUTES * 60_000 ? today : addDays(today, -1);
}

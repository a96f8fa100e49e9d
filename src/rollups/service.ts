/**
 * Gong compliance rolled up the administrative tree: the unit's totals, one row per unit one
 * level below (provinces of the country, communes of a province, villages of a commune), and a
 * trend by night or by month. Country and province figures come from the roll-ups; a commune's
 * villages from the check-ins themselves, which is where a drill-down ends.
 */
import type { Kysely } from 'kysely';
import { scopeOf, type Actor } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';
import * as gongs from '../gongs/queries.ts';
import { lastDueNight } from '../gongs/night.ts';
import { invalid } from '../http/errors.ts';
import { addDays, lastDayOfMonth } from '../shared/dates.ts';
import { checkPeriod, REPORT_DAYS } from '../shared/period.ts';
import { readableUnit } from '../units/service.ts';
import { splitByMonth } from './periods.ts';
import * as q from './queries.ts';

export type By = 'night' | 'month';
/** A nightly trend is for a season at most; longer ones are read by month. */
export const MAX_NIGHTLY = 92;

interface Counts { villages: number; expected: number; struck: number; on_time: number }

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

export async function gongRollup(db: Kysely<DB>, actor: Actor, unitId: number, range: { from: string; to: string }, by: By, now = new Date()) {
  checkPeriod(range.from, range.to, REPORT_DAYS);
  if (by === 'night' && daysBetween(range.from, range.to) > MAX_NIGHTLY) {
    throw invalid(`Xem theo từng đêm tối đa ${MAX_NIGHTLY} đêm; dài hơn hãy xem theo tháng`, [{ path: 'by', message: 'Quá nhiều đêm' }]);
  }
  const unit = await readableUnit(db, actor, unitId);
  if (!['country', 'province', 'commune'].includes(unit.kind)) {
    throw invalid('Số liệu tổng hợp xem theo xã, phường, theo tỉnh hoặc cả nước', [{ path: 'unitId', message: 'Chọn xã, tỉnh hoặc cả nước' }]);
  }
  const lastDue = lastDueNight(now);
  const to = range.to < lastDue ? range.to : lastDue;
  const nights = to >= range.from ? daysBetween(range.from, to) : 0;
  const scope = scopeOf(actor, 'unit.read');
  const split = splitByMonth(range.from, to);

  const [children, trend] = await Promise.all([
    unit.kind === 'commune' ? villagesOf(db, scope, unit.path, range.from, to, nights) : childrenOf(db, scope, unit, split, nights),
    nights ? q.series(db, scope, unit.path, { from: range.from, to, split }, by) : Promise.resolve([]),
  ]);
  const total = children.reduce<Counts>((t, c) => ({
    villages: t.villages + c.villages, expected: t.expected + c.expected, struck: t.struck + c.struck, on_time: t.on_time + c.on_time,
  }), { villages: 0, expected: 0, struck: 0, on_time: 0 });
  // Best first: the share on time, then the share struck; a unit without villages last.
  const share = (c: Counts, n: number) => (c.expected ? n / c.expected : -1);
  children.sort((a, b) => share(b, b.on_time) - share(a, a.on_time) || share(b, b.struck) - share(a, a.struck) || a.name.localeCompare(b.name, 'vi'));

  const nightsIn = (period: string) => {
    if (by === 'night') return 1;
    const start = period > range.from ? period : range.from;
    const end = lastDayOfMonth(period.slice(0, 7)) < to ? lastDayOfMonth(period.slice(0, 7)) : to;
    return daysBetween(start, end);
  };
  const periods = !nights ? [] : by === 'night' ? nightsFrom(range.from, to) : monthsFrom(range.from, to);
  const byPeriod = new Map(trend.map((t) => [t.period, t]));
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    from: range.from, to, nights, by,
    total: { ...total, missed: total.expected - total.struck },
    children: children.map((c) => ({ ...c, missed: c.expected - c.struck })),
    series: periods.map((period) => ({
      period, struck: byPeriod.get(period)?.struck ?? 0, on_time: byPeriod.get(period)?.on_time ?? 0, expected: total.villages * nightsIn(period),
    })),
  };
}

function nightsFrom(from: string, to: string) {
  const out = [];
  for (let n = from; n <= to; n = addDays(n, 1)) out.push(n);
  return out;
}

function monthsFrom(from: string, to: string) {
  const out = [];
  for (let m = from.slice(0, 7) + '-01'; m <= to; m = addDays(lastDayOfMonth(m.slice(0, 7)), 1)) out.push(m);
  return out;
}

/** Provinces of the country or communes of a province, with their villages and the roll-ups' counts. */
async function childrenOf(db: Kysely<DB>, scope: string[], unit: { id: number; path: string }, split: ReturnType<typeof splitByMonth>, nights: number) {
  const [units, villages, struck] = await Promise.all([
    q.childUnits(db, scope, unit.id), q.villagesByChild(db, scope, unit.path), nights ? q.struckByChild(db, scope, unit.path, split) : [],
  ]);
  const villagesAt = new Map(villages.map((v) => [v.child_path, v.villages]));
  const struckAt = new Map(struck.map((s) => [s.child_path, s]));
  return units.map((u) => {
    const n = villagesAt.get(u.path) ?? 0;
    return { id: u.id, name: u.name, kind: u.kind, code: u.code, villages: n, expected: n * nights, struck: struckAt.get(u.path)?.struck ?? 0, on_time: struckAt.get(u.path)?.on_time ?? 0 };
  });
}

/** A commune's villages from their own check-ins. */
async function villagesOf(db: Kysely<DB>, scope: string[], path: string, from: string, to: string, nights: number) {
  const rows = await gongs.compliance(db, scope, path, from, to);
  return rows.map((v) => ({ id: v.village_id, name: v.village_name, kind: 'village', code: null, villages: 1, expected: nights, struck: v.on_time + v.late, on_time: v.on_time }));
}

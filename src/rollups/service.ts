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
import { coveredBy, lastDueNight, nightsBetween } from '../gongs/night.ts';
import { invalid } from '../http/errors.ts';
import { addDays, lastDayOfMonth, todayVN } from '../shared/dates.ts';
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
    throw invalid(`Xem theo từng đêm tối đa ${MAX_NIGHTLY} đêm; dài hơn hãy xem theo tháng`, [{ path: 'by', message: `Xem theo từng đêm được tối đa ${MAX_NIGHTLY} đêm; hãy xem theo tháng.` }]);
  }
  const unit = await readableUnit(db, actor, unitId);
  if (!['country', 'province', 'commune'].includes(unit.kind)) {
    throw invalid('Chỉ xem tổng hợp của xã, phường, đặc khu, tỉnh, thành phố hoặc cả nước', [{ path: 'unitId', message: 'Chọn xã, tỉnh hoặc cả nước' }]);
  }
  const lastDue = lastDueNight(now);
  const to = range.to < lastDue ? range.to : lastDue;
  const nights = to >= range.from ? daysBetween(range.from, to) : 0;
  const scope = scopeOf(actor, 'unit.read');
  // Tonight's check-ins may be in before its gong is due; no later night can have any.
  const split = splitByMonth(range.from, to, todayVN(now));

  // Only villages a gong model covers are expected to strike (and counted); a unit none covers says so.
  const paths = await gongs.gongModelPaths(db, unit.path);
  const covered = coveredBy(paths);
  const filter = covered(unit.path) ? undefined : coveredCommunes(paths);
  const [listed, rows] = await Promise.all([
    unit.kind === 'commune' ? villagesOf(db, scope, unit.path, range.from, to, nights, covered) : unitsBelow(db, scope, unit, nights, filter),
    nights && paths.length ? q.counted(db, scope, unit.path, keyBelow(unit.kind), { from: range.from, to, split }, by, filter) : Promise.resolve([]),
  ]);
  for (const c of listed) c.covered = covered(c.path) || paths.some((p) => p.startsWith(c.path));
  // A commune's villages come counted from their check-ins; the units above from the roll-ups.
  const children = unit.kind === 'commune' ? listed : withCounts(listed, rows);
  const trend = new Map<string, { struck: number; on_time: number }>();
  for (const r of rows) {
    const t = trend.get(r.period) ?? { struck: 0, on_time: 0 };
    trend.set(r.period, { struck: t.struck + r.struck, on_time: t.on_time + r.on_time });
  }
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
  const periods = !nights ? [] : by === 'night' ? nightsBetween(range.from, to) : monthsFrom(range.from, to);
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    from: range.from, to, nights, by,
    total: { ...total, missed: total.expected - total.struck }, covered: paths.length > 0,
    children: children.map(({ key: _, path: __, ...c }) => ({ ...c, missed: c.expected - c.struck })),
    series: periods.map((period) => ({
      period, struck: trend.get(period)?.struck ?? 0, on_time: trend.get(period)?.on_time ?? 0, expected: total.villages * nightsIn(period),
    })),
  };
}

function monthsFrom(from: string, to: string) {
  const out = [];
  for (let m = from.slice(0, 7) + '-01'; m <= to; m = addDays(lastDayOfMonth(m.slice(0, 7)), 1)) out.push(m);
  return out;
}

/** How a roll-up row names the unit below: its province in the country, its commune in a province or commune. */
const keyBelow = (kind: string): q.ChildKey => (kind === 'country' ? 'province_code' : 'commune_id');

interface Child extends Counts { id: number; name: string; kind: string; code: string | null; key: string; path: string; covered: boolean }

/**
 * The communes under the paths where a gong model runs: a province's path as a prefix, a
 * commune's (or a village's) as its commune's id, the fourth part of the path (/1/8/345/).
 */
function coveredCommunes(paths: string[]): q.Covered {
  const covered: q.Covered = { under: [], communeIds: [] };
  for (const p of paths) {
    const commune = p.split('/')[3];
    if (commune) covered.communeIds.push(Number(commune));
    else covered.under.push(p);
  }
  return covered;
}

/** Provinces of the country or communes of a province, with the villages each should hear. */
async function unitsBelow(db: Kysely<DB>, scope: string[], unit: { id: number; path: string; kind: string }, nights: number, covered?: q.Covered): Promise<Child[]> {
  const key = keyBelow(unit.kind);
  const none = covered && !covered.under.length && !covered.communeIds.length;
  const [units, villages] = await Promise.all([q.childUnits(db, scope, unit.id), none ? [] : q.villagesByChild(db, scope, unit.path, key, covered)]);
  const villagesAt = new Map(villages.map((v) => [v.child, v.villages]));
  return units.map((u) => {
    const k = key === 'province_code' ? u.province_code! : String(u.id);
    const n = villagesAt.get(k) ?? 0;
    return { id: u.id, name: u.name, kind: u.kind, code: u.code, key: k, path: u.path, covered: false, villages: n, expected: n * nights, struck: 0, on_time: 0 };
  });
}

/** The roll-ups' counts added to the units they fall under. */
function withCounts(children: Child[], rows: q.Counted[]) {
  const byKey = new Map(children.map((c) => [c.key, c]));
  for (const r of rows) {
    const c = byKey.get(r.child);
    if (c) {
      c.struck += r.struck;
      c.on_time += r.on_time;
    }
  }
  return children;
}

/** A commune's villages from their own check-ins. */
async function villagesOf(db: Kysely<DB>, scope: string[], path: string, from: string, to: string, nights: number, covered: (path: string) => boolean): Promise<Child[]> {
  const rows = await gongs.compliance(db, scope, path, from, to);
  return rows.map((v) => {
    const on = covered(v.village_path);
    return {
      id: v.village_id, name: v.village_name, kind: 'village', code: null, key: String(v.village_id), path: v.village_path, covered: on,
      villages: on ? 1 : 0, expected: on ? nights : 0, struck: on ? v.on_time + v.late : 0, on_time: on ? v.on_time : 0,
    };
  });
}

/** Models under a unit by template: how many at each stage of their life, and how many communes run each. */
export async function modelRollup(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await readableUnit(db, actor, unitId);
  const scope = scopeOf(actor, 'unit.read');
  const [templates, communes] = await Promise.all([q.modelStages(db, scope, unit.path), q.communesUnder(db, scope, unit.path)]);
  return { unit: { id: unit.id, name: unit.name, kind: unit.kind }, communes, templates: templates.map(({ family_id: _, ...t }) => t) };
}

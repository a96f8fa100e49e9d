/**
 * A report's figures, drafted from the data under its unit over its period: nobody copies
 * numbers into Word. The same rows give the totals and the breakdown by the units right below,
 * so a province's totals are its communes' sums.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../access/policy.ts';
import type { ActivityKind, DB, TipCategory, TipStatus } from '../db/schema.ts';
import { expectedPerWeek } from '../patrols/queries.ts';
import { gongRollup } from '../rollups/service.ts';
import { ACTIVITY_KINDS } from '../activities/service.ts';
import { CATEGORIES, STATUSES, tally } from '../tips/service.ts';
import { reached } from '../targets/indicator.ts';
import { targetsCovering } from '../targets/queries.ts';
import { targetFor } from '../targets/service.ts';
import { modelStages } from '../rollups/queries.ts';
import { todayVN } from '../shared/dates.ts';
import * as q from './figure-queries.ts';

export interface GongFigures { villages: number; expected: number; struck: number; on_time: number }

export interface BreakdownRow {
  id: number | null;
  name: string;
  gongs: GongFigures | null;
  patrols: number;
  activities: number;
  tips: number;
  households: number;
  in_fire_groups: number;
  keychains: number;
}

/** The sums of a breakdown's rows: a table's total line. */
export function breakdownTotal(rows: BreakdownRow[]): Omit<BreakdownRow, 'id' | 'name'> {
  const total = (g: (b: BreakdownRow) => number) => sum(rows, g);
  return {
    gongs: rows.some((b) => b.gongs)
      ? { villages: total((b) => b.gongs?.villages ?? 0), expected: total((b) => b.gongs?.expected ?? 0), struck: total((b) => b.gongs?.struck ?? 0), on_time: total((b) => b.gongs?.on_time ?? 0) }
      : null,
    patrols: total((b) => b.patrols), activities: total((b) => b.activities), tips: total((b) => b.tips),
    households: total((b) => b.households), in_fire_groups: total((b) => b.in_fire_groups), keychains: total((b) => b.keychains),
  };
}

/** A breakdown row's name in a table: the unit's own records are "Xã X (trực tiếp)". */
export const rowName = (b: BreakdownRow) => (b.id === null ? `${b.name} (trực tiếp)` : b.name);

export interface TargetFigure { key: string; title: string; target: number; unit: '%' | 'count'; count: number; of: number; met: boolean | null }

export interface ReportFigures {
  unit: { id: number; name: string; kind: string };
  from: string;
  to: string;
  /** Gong nights counted: those whose 22:00 had come when the figures were drafted. */
  nights: number;
  gongs: GongFigures | null;
  patrols: { patrols: number; with_incidents: number; expected: number };
  activities: { kind: ActivityKind; activities: number; audience: number }[];
  /** Counts only, never a word of a tip; null where the unit takes no tips (a school, a village). */
  tips: { received: number; byCategory: Record<TipCategory, number>; byStatus: Record<TipStatus, number> } | null;
  commitments: { signer_kind: string; count: number }[];
  households: { households: number; in_fire_groups: number; keychains: number; fire_groups: number; keychains_handed_out: number };
  models: { template: string; building: number; operating: number; closed: number }[];
  targets: TargetFigure[];
  breakdown: BreakdownRow[];
}

const GONG_KINDS = ['country', 'province', 'commune'];
const TIP_KINDS = ['country', 'province', 'commune'];

const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

/** Weeks from `from` to `to`, or to today while the period runs: weeks to come ask for no patrol yet. */
function weeksIn(from: string, to: string, today: string) {
  const end = to < today ? to : today;
  return end < from ? 0 : Math.max(1, Math.round(((Date.parse(end) - Date.parse(from)) / 86_400_000 + 1) / 7));
}

export async function draftFigures(db: Kysely<DB>, actor: Actor, unit: { id: number; name: string; kind: string; path: string }, from: string, to: string, now = new Date()): Promise<ReportFigures> {
  const range = { from, to };
  const [gong, children, patrols, activities, tips, households, handed, groups, signed, stages, covering, perWeek] = await Promise.all([
    GONG_KINDS.includes(unit.kind) ? gongRollup(db, actor, unit.id, range, 'month', now) : null,
    q.childrenOf(db, unit.id),
    q.patrolsByChild(db, unit.path, range),
    q.activitiesByChild(db, unit.path, range),
    TIP_KINDS.includes(unit.kind) ? q.tipsByChild(db, unit.path, range) : null,
    q.householdsByChild(db, unit.path),
    q.keychainsHandedOut(db, unit.path, range),
    q.fireGroups(db, unit.path),
    q.commitments(db, unit.path, range),
    modelStages(db, [unit.path], unit.path),
    targetsCovering(db, unit.path),
    expectedPerWeek(db, [unit.path], unit.path),
  ]);

  const rowOf = new Map<string, BreakdownRow>();
  const row = (child: string) => {
    let r = rowOf.get(child);
    if (!r) {
      const c = children.find((x) => String(x.id) === child);
      r = { id: c?.id ?? null, name: c?.name ?? unit.name, gongs: null, patrols: 0, activities: 0, tips: 0, households: 0, in_fire_groups: 0, keychains: 0 };
      rowOf.set(child, r);
    }
    return r;
  };
  for (const c of children) row(String(c.id));
  for (const c of gong?.children ?? []) row(String(c.id)).gongs = { villages: c.villages, expected: c.expected, struck: c.struck, on_time: c.on_time };
  for (const p of patrols) row(p.child).patrols += p.patrols;
  for (const a of activities) row(a.child).activities += a.activities;
  for (const t of tips ?? []) row(t.child).tips += t.tips;
  for (const h of households) Object.assign(row(h.child), { households: h.households, in_fire_groups: h.in_fire_groups, keychains: h.keychains });

  const byCategory = tally(CATEGORIES, (tips ?? []).map((t) => [t.category, t.tips]));
  const byStatus = tally(STATUSES, (tips ?? []).map((t) => [t.status, t.tips]));
  const hh = { households: sum(households, (h) => h.households), in_fire_groups: sum(households, (h) => h.in_fire_groups), keychains: sum(households, (h) => h.keychains) };
  const gongs = gong ? { villages: gong.total.villages, expected: gong.total.expected, struck: gong.total.struck, on_time: gong.total.on_time } : null;
  const patrolTotal = { patrols: sum(patrols, (p) => p.patrols), with_incidents: sum(patrols, (p) => p.with_incidents), expected: perWeek * weeksIn(from, to, todayVN(now)) };

  // The targets the statistics hold the unit to, measured over the period.
  const targets: TargetFigure[] = [];
  const measure = (key: string, count: number, of: number) => {
    if (!of) return;
    const t = targetFor(covering, key);
    targets.push({ key, title: t.title, target: t.value, unit: t.unit, count, of, met: reached({ label: '', value: null, count, of }, t.value, t.unit) });
  };
  if (gongs) measure('thon-danh-keng', gongs.on_time, gongs.expected);
  measure('ho-trong-to', hh.in_fire_groups, hh.households);
  measure('ho-nhan-khoa', hh.keychains, hh.households);
  if (patrolTotal.expected) {
    const { patrols: done, expected } = patrolTotal;
    targets.push({ key: 'tuan-tra', title: 'Tuần tra theo lịch', target: expected, unit: 'count', count: done, of: expected, met: reached({ label: '', value: null, count: done, of: expected }, expected, 'count') });
  }


  const breakdown = [...rowOf.values()];
  // The unit's own rows (activities held by the commune itself) after its units.
  breakdown.sort((a, b) => (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) || a.name.localeCompare(b.name, 'vi'));
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    // A period still running is counted up to today: the report says so, not the period's end.
    from, to: to < todayVN(now) ? to : todayVN(now), nights: gong?.nights ?? 0,
    gongs,
    patrols: patrolTotal,
    activities: ACTIVITY_KINDS.map((kind) => ({
      kind,
      activities: sum(activities.filter((a) => a.kind === kind), (a) => a.activities),
      audience: sum(activities.filter((a) => a.kind === kind), (a) => a.audience),
    })),
    tips: tips ? { received: sum(tips, (t) => t.tips), byCategory, byStatus } : null,
    commitments: signed,
    households: { ...hh, fire_groups: groups, keychains_handed_out: handed },
    models: stages.map(({ template, building, operating, closed }) => ({ template, building, operating, closed })),
    targets,
    breakdown,
  };
}

/**
 * Chỉ tiêu measured from the data: each figure a commune or village page shows beside the target
 * it is held to. The target comes from the models covering the unit (their template's targets,
 * the nearest model first), or else from the built-in template of the seed plan it belongs to.
 */
import type { Kysely } from 'kysely';
import { scopeOf, type Actor } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';
import { coverage } from '../firegroups/service.ts';
import { compliance } from '../gongs/service.ts';
import { handedOut } from '../keychains/service.ts';
import { BUILTIN_TEMPLATES } from '../models/builtin.ts';
import { patrolsPerWeek } from '../patrols/service.ts';
import { addDays, formatDay, todayVN } from '../shared/dates.ts';
import { readableUnit } from '../units/service.ts';
import { reached, type Indicator, type Measure } from './indicator.ts';
import * as q from './queries.ts';

const share = (count: number, of: number) => (of ? Math.round((1000 * count) / of) / 10 : null);

/** The seed plan's target for a key, from the built-in templates. */
function builtinTarget(key: string) {
  for (const t of BUILTIN_TEMPLATES) {
    const found = t.targets.find((x) => x.key === key);
    if (found) return found;
  }
  throw new Error(`no built-in target ${key}`);
}

/** A target from the nearest model covering the unit that sets it (q.targetsCovering, nearest first), else the seed plan's. */
export function targetFor(covering: Awaited<ReturnType<typeof q.targetsCovering>>, key: string) {
  for (const model of covering) {
    const found = model.targets.find((t) => t.key === key);
    if (found) return { ...found, source: { instance_id: model.instance_id, instance_name: model.instance_name } };
  }
  return { ...builtinTarget(key), source: null };
}

export async function unitTargets(db: Kysely<DB>, actor: Actor, unitId: number, now = new Date()) {
  const unit = await readableUnit(db, actor, unitId);
  const today = todayVN(now);
  const scope = scopeOf(actor, 'unit.read');
  const [gongs, fire, keychains, patrols, covering, schools, commitments] = await Promise.all([
    compliance(db, actor, unitId, addDays(today, -30), today, now),
    coverage(db, actor, unitId),
    handedOut(db, actor, unitId),
    patrolsPerWeek(db, actor, unitId, addDays(today, -7), addDays(today, -7)),
    q.targetsCovering(db, unit.path),
    q.schoolsWithPlan(db, scope, unit.path),
    q.commitmentsSigned(db, scope, unit.path),
  ]);

  const targetOf = (key: string) => {
    const t = targetFor(covering, key);
    return { title: t.title, target: t.value, source: t.source };
  };
  const indicator = (key: string, unitOf: '%' | 'count', measures: Measure[], deployed = true): Indicator => {
    const t = targetOf(key);
    return { key, unit: unitOf, ...t, basis: t.source ? 'model' : 'plan', measures, deployed, met: deployed ? reached(measures[0], t.target, unitOf) : null };
  };

  // Village-nights struck on time over the last night, 7 and 30 nights (nights still to come left out).
  const nights = gongs.perNight.slice().reverse();
  const gongMeasure = (label: string, n: number): Measure => {
    const span = nights.slice(0, n);
    const count = span.reduce((s, x) => s + x.on_time, 0);
    const of = span.reduce((s, x) => s + x.villages, 0);
    return { label, value: share(count, of), count, of };
  };
  const done = patrols.weeks[0]?.patrols ?? 0;
  const patrolWeek: Measure = { label: `Tuần trước (từ ${formatDay(patrols.from)})`, value: done, count: done, of: patrols.expected };

  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    indicators: [
      indicator('thon-danh-keng', '%', [gongMeasure('Đêm gần nhất', 1), gongMeasure('7 đêm qua', 7), gongMeasure('30 đêm qua', 30)], gongs.covered),
      indicator('ho-trong-to', '%', [{ label: 'Hiện nay', value: share(fire.in_groups, fire.households), count: fire.in_groups, of: fire.households }]),
      indicator('ho-nhan-khoa', '%', [{ label: 'Hiện nay', value: share(keychains.keychains, keychains.households), count: keychains.keychains, of: keychains.households }]),
      indicator('ke-hoach', '%', [{ label: 'Hiện nay', value: share(schools.with_plan, schools.schools), count: schools.with_plan, of: schools.schools }]),
      // How many should sign is not recorded with a model, so the signatures are counted, not yet held to a share.
      indicator('cam-ket', '%', [{ label: 'Đã ký', value: null, count: commitments.signed, of: null }]),
      {
        key: 'tuan-tra', title: 'Tuần tra theo lịch mỗi tuần', unit: 'count' as const, target: patrols.expected, basis: 'schedules' as const, source: null,
        measures: [patrolWeek], deployed: true,
        met: reached(patrolWeek, patrols.expected, 'count'),
      },
    ],
  };
}

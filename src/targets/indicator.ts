/** A target and its measures, as the API gives them and the staff app shows them. */

export interface Measure {
  /** 'night', '7 nights', '30 nights', 'now', 'last week'… as the label says. */
  label: string;
  value: number | null;
  /** What the value is made of: e.g. 52 of 60 village-nights. */
  count: number;
  of: number | null;
}

export interface Indicator {
  key: string;
  title: string;
  unit: '%' | 'count';
  target: number;
  /** Where the target comes from: a covering model's template, the seed plan's, or the unit's active patrol schedules. */
  basis: 'model' | 'plan' | 'schedules';
  /** The model whose template sets the target (basis 'model'). */
  source: { instance_id: number; instance_name: string } | null;
  measures: Measure[];
  /**
   * Whether the model the figure belongs to runs here: false for the gong figure where no gong
   * model operates (nothing is expected, so nothing is missed), true otherwise.
   */
  deployed: boolean;
  /** The latest measure reaches the target; null when there is nothing to measure yet. */
  met: boolean | null;
}

/** Whether a measure reaches its target, from the counts themselves: 2,999 of 3,000 is not 100 %. */
export function reached(m: Measure | undefined, target: number, unit: '%' | 'count'): boolean | null {
  if (!m || !m.of) return null;
  return unit === '%' ? m.count * 100 >= target * m.of : m.count >= target;
}

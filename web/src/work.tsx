import type { ModelStatus, PlanStatus, Recurrence, Step } from './api.ts';
import { useI18n, type MessageKey } from './i18n.tsx';
// The same wording the API and the exported documents use.
import { describe } from '../../src/plans/recurrence.ts';
import { addDays, formatDay, shiftMonth, todayVN } from '../../src/shared/dates.ts';

export { addDays, formatDay, shiftMonth, todayVN };

/** '2026-11-23' → 'Thứ Hai' / 'Monday'. */
export function useWeekday() {
  const { locale } = useI18n();
  return (iso: string) => new Date(iso + 'T00:00:00Z').toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' });
}

/** Whole days from a to b ('2026-11-20' to '2026-11-23' is 3). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);


/** "Số 45/KH-UBND", or "Số …/KH-UBND" while the plan has no number. */
export function usePlanNumber() {
  const { t } = useI18n();
  return (p: { number: string | null; symbol: string }) => (p.number ? t('plan.number', { number: p.number, symbol: p.symbol }) : t('plan.noNumber', { symbol: p.symbol }));
}

export const stepKey = (step: Step | string) => `step.${step}` as MessageKey;
export const fieldKey = (field: string) => `modelField.${field}` as MessageKey;

export function PlanStatusChip({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status status--plan-${status}`} data-testid="plan-status">
      {t(`planStatus.${status}` as MessageKey)}
    </span>
  );
}

export function ModelStatusChip({ status }: { status: ModelStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status status--model-${status}`} data-testid="model-status">
      {t(`modelStatus.${status}` as MessageKey)}
    </span>
  );
}

const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ordinal = (n: number) => n + (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');

/** The English counterpart of describe(). */
function describeEn(r: Recurrence): string {
  const at = 'time' in r && r.time ? ` at ${r.time}` : '';
  switch (r.freq) {
    case 'once': {
      const [y, m, d] = r.due.split('-').map(Number);
      return `by ${d}/${m}/${y}${at}`;
    }
    case 'daily': return `every day${at}`;
    case 'weekly': return `every ${EN_WEEKDAYS[r.weekday - 1]}${at}`;
    case 'monthly': return `every month on the ${ordinal(r.day)}${at}`;
    case 'quarterly': return `every quarter on the ${ordinal(r.day)} of its ${ordinal(r.month)} month`;
    case 'semiannual': return `every six months, on ${r.day}/${r.month} and ${r.day}/${r.month + 6}`;
    case 'yearly': return `every year on ${r.dates.map((d) => `${d.day}/${d.month}`).join(' and ')}`;
  }
}

/** "hằng ngày lúc 22:00" in Vietnamese, "every day at 22:00" in English. */
export function useRecurrenceText() {
  const { lang } = useI18n();
  return (r: Recurrence) => {
    const text = lang === 'vi' ? describe(r) : describeEn(r);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
}

/** The first unit the user holds a permission at, to start a form from. */
export function firstGrantUnit(grants: { unitId: number; unitName: string; permissions: string[] }[], permission: string) {
  const g = grants.find((x) => x.permissions.includes(permission));
  return g ? { id: g.unitId, name: g.unitName, detail: '' } : null;
}

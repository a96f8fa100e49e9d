/**
 * What waits for the user beside plan tasks, on "Việc của tôi": the tips of their commune that
 * are overdue, due soon or not yet given to anyone, and the reports their unit must send soon,
 * is late with, or had returned. Each from the same API as its own page, for the unit the user is
 * granted closest to.
 */
import { useGrantsWith } from '../auth.tsx';
import { useI18n, useNumber } from '../i18n.tsx';
import { reportsApi, type Duty } from '../reports/api-reports.ts';
import { Link } from '../router.tsx';
import { statsApi } from '../stats/api-stats.ts';
import { LoadError, Stat } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { inSentence } from '../../../src/shared/text.ts';
import { addDays, formatDay, todayVN } from '../work.tsx';

/** Reports due within this many days are listed before they are late. */
const REPORTS_AHEAD_DAYS = 30;

export function TipsOnDesk() {
  const { t } = useI18n();
  const num = useNumber();
  const grant = useGrantsWith('tip.read')[0];
  const today = todayVN();
  const summary = useResource(() => (grant ? statsApi.tips(grant.unitId, today, today) : Promise.resolve(null)), [grant?.unitId, today]);
  if (!grant || (!summary.data && summary.error == null)) return null;
  const open = summary.data?.open;
  return (
    <section className={'work-section' + (open?.overdue ? ' work-section--alert' : '')} aria-labelledby="work-tips" data-testid="work-tips">
      <h2 id="work-tips" className="work-section__title">{t('work.tips', { unit: inSentence(grant.unitName) })}</h2>
      {summary.error != null && <LoadError error={summary.error} retry={summary.reload} />}
      {open && (
        <>
          <ul className="stats stats--small">
            <Stat alert={open.overdue > 0} label={t('work.tips.overdue')} value={num(open.overdue)} testId="work-tips-overdue" />
            <Stat label={t('work.tips.dueSoon')} value={num(open.dueSoon)} testId="work-tips-due-soon" />
            <Stat label={t('work.tips.unassigned')} value={num(open.unassigned)} testId="work-tips-unassigned" />
            <Stat label={t('work.tips.open')} value={num(open.total)} testId="work-tips-open" />
          </ul>
          <p><Link to={`/tips?unit=${grant.unitId}`} data-testid="work-tips-link">{t('work.tips.inbox')}</Link></p>
        </>
      )}
    </section>
  );
}

const pending = (d: Duty, today: string) =>
  d.status === 'returned' || ((d.status === 'not_started' || d.status === 'draft') && (d.late || d.due_on <= addDays(today, REPORTS_AHEAD_DAYS)));

/**
 * The years whose duties may hold a pending report: duties are listed by the year they fall due,
 * so last year's late or returned ones, and next January's when the 30 days reach into it.
 */
const yearsToRead = (today: string) => {
  const year = Number(today.slice(0, 4));
  return [year - 1, year, ...(Number(addDays(today, REPORTS_AHEAD_DAYS).slice(0, 4)) > year ? [year + 1] : [])];
};

export function ReportsOnDesk() {
  const { t } = useI18n();
  const grant = useGrantsWith('report.write')[0];
  const today = todayVN();
  const duties = useResource(
    async () => (grant ? (await Promise.all(yearsToRead(today).map((y) => reportsApi.duties(grant.unitId, y)))).flatMap((d) => d.duties) : null),
    [grant?.unitId, today],
  );
  if (!grant || (!duties.data && duties.error == null)) return null;
  const due = (duties.data ?? []).filter((d) => pending(d, today)).sort((a, b) => a.due_on.localeCompare(b.due_on));
  if (duties.data && due.length === 0) return null;
  return (
    <section className={'work-section' + (due.some((d) => d.late) ? ' work-section--alert' : '')} aria-labelledby="work-reports" data-testid="work-reports">
      <h2 id="work-reports" className="work-section__title">{t('work.reports', { unit: inSentence(grant.unitName) })}</h2>
      <p className="muted small">{t('work.reports.which', { days: REPORTS_AHEAD_DAYS })}</p>
      {duties.error != null && <LoadError error={duties.error} retry={duties.reload} />}
      <ul className="work-reports">
        {due.map((d) => (
          <li key={`${d.schedule_key}/${d.period_start}`} data-testid="work-report">
            <Link to={d.report_id ? `/reports/${d.report_id}` : `/reports/unit/${d.unit.id}?year=${d.due_on.slice(0, 4)}`} data-testid="work-report-link">{d.title}</Link>
            <span className="muted"> · {d.subject} · {d.period_label} · {t('work.reports.dueOn', { day: formatDay(d.due_on) })}</span>
            {d.late && <span className="status status--off"> {t('reports.late')}</span>}
            {d.status === 'returned' && <span className="status status--off"> {t('reports.status.returned')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

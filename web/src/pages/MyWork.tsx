import type { ReactNode } from 'react';
import { api, type WorkItem } from '../api.ts';
import { WorkItemCard } from '../components/WorkItem.tsx';
import { ReportsOnDesk, TipsOnDesk } from './MyDesk.tsx';
import { useI18n, useNumber } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { LoadError, Loading, Stat } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { addDays, formatDay, useWeekday } from '../work.tsx';

const DAYS = 14;

export function MyWorkPage() {
  const { t } = useI18n();
  const num = useNumber();
  const { data, error, reload } = useResource(() => api.myWork(DAYS), []);

  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1 className="page__title">{t('work.title')}</h1>
          <p className="page__intro">{t('work.intro', { days: DAYS })}</p>
        </div>
        <Link to="/calendar" className="btn" data-testid="to-calendar">
          {t('calendar.open')}
        </Link>
      </div>
      <TipsOnDesk />
      <ReportsOnDesk />
      {error != null && <LoadError error={error} retry={reload} />}
      {!data && error == null && <Loading />}
      {data && (
        <>
          <ul className="stats work-counts" data-testid="work-counts">
            <Stat alert={data.counts.overdue > 0} label={t('work.overdue')} value={num(data.counts.overdue)} testId="count-overdue" />
            <Stat label={t('work.due')} value={num(data.counts.due)} sub={t('work.dueHint', { days: DAYS })} testId="count-due" />
            <Stat ok label={t('work.done')} value={num(data.done.length)} sub={t('work.doneHint')} />
          </ul>
          {data.counts.overdue + data.counts.due + data.done.length === 0 && <p className="empty" data-testid="work-empty">{t('work.nothing')}</p>}
          {data.overdue.length > 0 && (
            <WorkSection id="work-overdue" title={t('work.overdue')} count={data.counts.overdue} shown={data.overdue.length} tone="alert">
              <ul className="work-list">
                {data.overdue.map((i) => <WorkItemCard key={i.id} item={i} today={data.today} onChanged={reload} />)}
              </ul>
            </WorkSection>
          )}
          {data.due.length > 0 && (
            <WorkSection id="work-due" title={t('work.due')} count={data.counts.due} shown={data.due.length}>
              <ByDay items={data.due} today={data.today} onChanged={reload} />
            </WorkSection>
          )}
          {data.done.length > 0 && (
            <WorkSection id="work-done" title={t('work.doneRecent')} count={data.done.length} shown={data.done.length} tone="ok">
              <ul className="work-list">
                {data.done.map((i) => <WorkItemCard key={i.id} item={i} today={data.today} onChanged={reload} />)}
              </ul>
            </WorkSection>
          )}
        </>
      )}
    </div>
  );
}

function WorkSection({ id, title, count, shown, tone, children }: { id: string; title: string; count: number; shown: number; tone?: 'alert' | 'ok'; children: ReactNode }) {
  const { t } = useI18n();
  const num = useNumber();
  return (
    <section className={'work-section' + (tone ? ` work-section--${tone}` : '')} aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="work-section__title">
        {title} <span className="count">{num(count)}</span>
      </h2>
      {shown < count && <p className="muted small">{t('work.showing', { shown: num(shown), total: num(count) })}</p>}
      {children}
    </section>
  );
}

/** Coming work under a heading per day: "Hôm nay", "Ngày mai", "Thứ Năm, 26/11/2026". */
export function ByDay({ items, today, onChanged }: { items: WorkItem[]; today: string; onChanged: () => void }) {
  const dayLabel = useDayLabel();
  const days = [...new Set(items.map((i) => i.due_on))];
  return (
    <div className="work-days">
      {days.map((d) => (
        <div key={d} className="work-day" data-testid="work-day" data-day={d}>
          <h3 className="work-day__title">{dayLabel(d, today)}</h3>
          <ul className="work-list">
            {items.filter((i) => i.due_on === d).map((i) => <WorkItemCard key={i.id} item={i} today={today} onChanged={onChanged} hideDate />)}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** "Hôm nay, 23/11/2026", "Ngày mai, 24/11/2026", "Thứ Tư, 25/11/2026". */
export function useDayLabel() {
  const { t } = useI18n();
  const weekday = useWeekday();
  return (day: string, today: string) => {
    const name = day === today ? t('work.today') : day === addDays(today, 1) ? t('work.tomorrow') : weekday(day);
    return `${name.charAt(0).toUpperCase() + name.slice(1)}, ${formatDay(day)}`;
  };
}

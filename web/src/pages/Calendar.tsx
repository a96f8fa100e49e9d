import { useState } from 'react';
import { api, type WorkItem } from '../api.ts';
import { WorkItemCard } from '../components/WorkItem.tsx';
import { useI18n, useNumber } from '../i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { LoadError, Loading } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { addDays, shiftMonth, todayVN, usePlanNumber } from '../work.tsx';
import { useDayLabel } from './MyWork.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Items shown in a day cell of the grid; the rest are counted. */
const PER_CELL = 3;

export function CalendarPage() {
  const { t, locale } = useI18n();
  const location = useLocation();
  const today = todayVN();
  const asked = new URLSearchParams(location.split('?')[1] ?? '').get('month') ?? '';
  const month = MONTH.test(asked) ? asked : today.slice(0, 7);
  const [selected, setSelected] = useState<string | null>(null);
  const { data, error, reload } = useResource(() => api.calendar(month), [month], { clear: true });

  const go = (m: string) => {
    setSelected(null);
    navigate(m === today.slice(0, 7) ? '/calendar' : `/calendar?month=${m}`);
  };
  const [y, m] = month.split('-').map(Number) as [number, number];
  const title = new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const pick = (d: string) => setSelected((s) => (s === d ? null : d));

  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1 className="page__title">{t('calendar.title')}</h1>
          <p className="page__intro">{t('calendar.intro')}</p>
        </div>
        <Link to="/work" className="btn">
          {t('work.title')}
        </Link>
      </div>
      <div className="month-nav" data-testid="month-nav">
        <button type="button" className="btn btn--small" onClick={() => go(shiftMonth(month, -1))} data-testid="month-prev" aria-label={t('calendar.prevLabel')}>
          <span aria-hidden="true">‹</span> {t('calendar.prev')}
        </button>
        <h2 className="month-nav__title" data-testid="month-title" aria-live="polite">
          {title.charAt(0).toUpperCase() + title.slice(1)}
        </h2>
        <button type="button" className="btn btn--small" onClick={() => go(shiftMonth(month, 1))} data-testid="month-next" aria-label={t('calendar.nextLabel')}>
          {t('calendar.next')} <span aria-hidden="true">›</span>
        </button>
        {month !== today.slice(0, 7) && (
          <button type="button" className="btn btn--small btn--link" onClick={() => go(today.slice(0, 7))} data-testid="month-today">
            {t('calendar.thisMonth')}
          </button>
        )}
      </div>
      {error != null && <LoadError error={error} retry={reload} />}
      {!data && error == null && <Loading />}
      {data && data.month === month && (
        <>
          <MonthGrid month={month} days={data.days} today={today} selected={selected} onPick={pick} />
          {selected && data.days[selected] && (
            <DayDetail day={selected} items={data.days[selected]} today={today} onChanged={reload} className="calendar-detail--grid" />
          )}
          <MonthList days={data.days} today={today} selected={selected} onPick={pick} onChanged={reload} />
        </>
      )}
    </div>
  );
}

function MonthGrid({ month, days, today, selected, onPick }: { month: string; days: Record<string, WorkItem[]>; today: string; selected: string | null; onPick: (d: string) => void }) {
  const { t, locale } = useI18n();
  const num = useNumber();
  const first = `${month}-01`;
  // Weeks start on Monday, as Vietnamese calendars do.
  const lead = (new Date(first + 'T00:00:00Z').getUTCDay() + 6) % 7;
  const start = addDays(first, -lead);
  const cells: string[] = [];
  for (let d = start; cells.length < 42; d = addDays(d, 1)) {
    if (cells.length % 7 === 0 && cells.length >= 28 && d.slice(0, 7) !== month) break;
    cells.push(d);
  }
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' }),
  );
  return (
    <div className="calendar" role="grid" aria-label={t('calendar.title')} data-testid="calendar-grid">
      <div className="calendar__row calendar__head" role="row">
        {weekdays.map((w) => (
          <div key={w} role="columnheader" className="calendar__weekday">
            {w}
          </div>
        ))}
      </div>
      {Array.from({ length: cells.length / 7 }, (_, w) => (
        <div key={w} className="calendar__row" role="row">
          {cells.slice(w * 7, w * 7 + 7).map((d) => {
            const items = d.slice(0, 7) === month ? days[d] ?? [] : [];
            const open = items.filter((i) => i.status === 'open').length;
            const cls = ['calendar__cell', d.slice(0, 7) !== month && 'calendar__cell--out', d === today && 'calendar__cell--today', d === selected && 'calendar__cell--selected', open > 0 && d < today && 'calendar__cell--late']
              .filter(Boolean)
              .join(' ');
            return (
              <div key={d} role="gridcell" className={cls} data-testid="calendar-day" data-day={d} aria-selected={d === selected}>
                {items.length > 0 ? (
                  <button type="button" className="calendar__day" onClick={() => onPick(d)} aria-label={t('calendar.dayLabel', { day: Number(d.slice(8)), n: items.length })}>
                    <span className="calendar__num">{Number(d.slice(8))}</span>
                  </button>
                ) : (
                  <span className="calendar__num calendar__num--plain">{Number(d.slice(8))}</span>
                )}
                <ul className="calendar__items">
                  {items.slice(0, PER_CELL).map((i) => (
                    <li key={i.id} className={'calendar__item' + (i.status === 'done' ? ' calendar__item--done' : '')} data-testid="calendar-item">
                      {i.due_time && <span className="calendar__time">{i.due_time}</span>} {i.title}
                    </li>
                  ))}
                </ul>
                {items.length > PER_CELL && (
                  <button type="button" className="calendar__more" onClick={() => onPick(d)}>
                    {t('calendar.more', { n: num(items.length - PER_CELL) })}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

function DayDetail({ day, items, today, onChanged, className }: { day: string; items: WorkItem[]; today: string; onChanged: () => void; className: string }) {
  const dayLabel = useDayLabel();
  return (
    <section className={'card calendar-detail ' + className} aria-label={dayLabel(day, today)} data-testid="calendar-detail">
      <h3 className="work-day__title">{dayLabel(day, today)}</h3>
      <ul className="work-list">
        {items.map((i) => <WorkItemCard key={i.id} item={i} today={today} onChanged={onChanged} hideDate />)}
      </ul>
    </section>
  );
}

/** On a phone: the days that have work, one after another; a day opens to its full items. */
function MonthList({ days, today, selected, onPick, onChanged }: { days: Record<string, WorkItem[]>; today: string; selected: string | null; onPick: (d: string) => void; onChanged: () => void }) {
  const { t } = useI18n();
  const dayLabel = useDayLabel();
  const planNumber = usePlanNumber();
  const list = Object.keys(days).sort();
  return (
    <div className="calendar-list" data-testid="calendar-list">
      {list.length === 0 && <p className="empty">{t('calendar.empty')}</p>}
      {list.map((d) => {
        const items = days[d]!;
        const open = selected === d;
        return (
          <section key={d} className={'calendar-list__day' + (d === today ? ' calendar-list__day--today' : '')} data-testid="calendar-list-day" data-day={d}>
            <button type="button" className="calendar-list__head" aria-expanded={open} onClick={() => onPick(d)}>
              <span className="calendar-list__date">{dayLabel(d, today)}</span>
              <span className="count">{items.length}</span>
            </button>
            {open ? (
              <ul className="work-list">
                {items.map((i) => <WorkItemCard key={i.id} item={i} today={today} onChanged={onChanged} hideDate />)}
              </ul>
            ) : (
              <ul className="calendar-list__items">
                {items.map((i) => (
                  <li key={i.id} className={'calendar-list__item' + (i.status === 'done' ? ' calendar-list__item--done' : i.due_on < today ? ' calendar-list__item--late' : '')} data-testid="calendar-list-item">
                    {i.due_time && <span className="calendar__time">{i.due_time}</span>}
                    <span className="calendar-list__title">
                      {i.status === 'done' && <span className="visually-hidden">{t('work.doneShort')}: </span>}
                      {i.title}
                    </span>
                    <span className="calendar-list__meta">
                      {i.lead_unit_name} · {planNumber({ number: i.plan_number, symbol: i.plan_symbol })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

import { useState } from 'react';
import { ChooseUnit } from '../components/ChooseUnit.tsx';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { Alert, errorText, LoadError, Loading, Stat, useAction, useDateTime, useDocumentTitle } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { todayVN } from '../../../src/shared/dates.ts';
import { formatDay } from '../work.tsx';
import { reportsApi, type Duty } from './api-reports.ts';
import './reports.css';

/** /reports: the user's units; /reports/unit/:id: what the unit owes, and what is owed to it. */
export function ReportsPage({ unitId }: { unitId: number | null }) {
  const { t } = useI18n();
  if (unitId === null) return <ChooseUnit base="/reports/unit" title={t('reports.title')} intro={t('reports.intro')} />;
  return <UnitReports key={unitId} unitId={unitId} />;
}

export function StatusChip({ status, late }: { status: Duty['status']; late?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="report-status">
      <span className={`status status--report-${status}`} data-testid="report-status">{t(`reports.status.${status}` as MessageKey)}</span>
      {late && <span className="status status--off">{t('reports.late')}</span>}
    </span>
  );
}

function yearFromUrl() {
  const year = Number(new URLSearchParams(window.location.search).get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

function UnitReports({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  // ?year= opens another year's list (a link from My work to last year's report); else this year.
  const [year, setYearState] = useState(() => yearFromUrl() ?? Number(todayVN().slice(0, 4)));
  // The address keeps the year, so a reload or a link shared opens the same year.
  const setYear = (y: number) => {
    setYearState(y);
    navigate(`/reports/unit/${unitId}?year=${y}`, { replace: true });
  };
  const own = useResource(() => reportsApi.duties(unitId, year), [unitId, year]);
  const received = useResource(() => reportsApi.received(unitId, year), [unitId, year]);
  const unit = own.data?.unit;
  useDocumentTitle(unit ? t('reports.unitTitle', { unit: unit.name }) : undefined);

  return (
    <div className="page reports">
      <header className="page__head">
        <div>
          <h1 className="page__title">{unit ? t('reports.unitTitle', { unit: unit.name }) : t('reports.title')}</h1>
        </div>
        <div className="reports__year" role="group" aria-label={t('reports.year')}>
          <button type="button" className="btn btn--small" disabled={year <= 2000} onClick={() => setYear(year - 1)} aria-label={t('reports.prevYear')}>‹</button>
          <strong data-testid="reports-year">{year}</strong>
          <button type="button" className="btn btn--small" disabled={year >= 2100} onClick={() => setYear(year + 1)} aria-label={t('reports.nextYear')}>›</button>
        </div>
      </header>

      {own.error != null ? <LoadError error={own.error} retry={own.reload} /> : !own.data ? <Loading /> : own.data.unit.kind === 'country' ? null : (
        <section className="card" aria-labelledby="reports-own" data-testid="reports-own">
          <h2 id="reports-own" className="card__title">{t('reports.own', { unit: own.data.unit.name, year })}</h2>
          <Reminders reminders={own.data.reminders} duties={own.data.duties} />
          {own.data.duties.length === 0 ? <p className="empty">{t('reports.ownNone', { year })}</p> : (
            <OwnDuties duties={own.data.duties} year={year} canWrite={own.data.canWrite} />
          )}
        </section>
      )}

      {received.error != null ? <LoadError error={received.error} retry={received.reload} /> : !received.data ? <Loading /> : (
        received.data.duties.length > 0 || ['country', 'province', 'commune'].includes(received.data.unit.kind) ? (
          <Received data={received.data} year={year} reload={received.reload} />
        ) : null
      )}
    </div>
  );
}

function Reminders({ reminders, duties }: { reminders: { id: number; schedule_key: string; period_start: string; sent_at: string; message: string | null; sender_name: string | null }[]; duties: Duty[] }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  // Only reminders of reports still not sent.
  const open = reminders.filter((m) => duties.some((d) => d.schedule_key === m.schedule_key && d.period_start === m.period_start && d.status !== 'submitted' && d.status !== 'accepted'));
  if (!open.length) return null;
  return (
    <div className="reports__reminders" role="status" data-testid="reports-reminders">
      <strong>{t('reports.reminders')}</strong>
      <ul>
        {open.map((m) => (
          <li key={m.id}>{m.message ?? ''} <span className="muted">({t('reports.reminderFrom', { sender: m.sender_name ?? '', date: dateTime(m.sent_at) })})</span></li>
        ))}
      </ul>
    </div>
  );
}

function OwnDuties({ duties, year, canWrite }: { duties: Duty[]; year: number; canWrite: boolean }) {
  const { t } = useI18n();
  const action = useAction();
  const start = (d: Duty) => action.run(async () => navigate(`/reports/${(await reportsApi.start(d, year)).id}`));
  return (
    <>
      {action.error != null && <Alert kind="error">{errorText(action.error, t)}</Alert>}
      <div className="rtable-wrap">
        <table className="rtable">
          <thead>
            <tr>
              <th scope="col">{t('reports.col.report')}</th>
              <th scope="col">{t('reports.col.period')}</th>
              <th scope="col">{t('reports.col.due')}</th>
              <th scope="col">{t('reports.col.status')}</th>
              <th scope="col"><span className="visually-hidden">{t('reports.open')}</span></th>
            </tr>
          </thead>
          <tbody>
            {duties.map((d) => (
              <tr key={`${d.schedule_key}|${d.period_start}`} data-testid="duty-row">
                <th scope="row" className="rtable__main" data-label={t('reports.col.report')}><span>{d.title}<br /><span className="muted">{d.subject} · {t('reports.to', { receiver: d.receiver.name })}</span></span></th>
                <td data-label={t('reports.col.period')}>{d.period_label}</td>
                <td data-label={t('reports.col.due')}>{formatDay(d.due_on)}</td>
                <td data-label={t('reports.col.status')}><StatusChip status={d.status} late={d.late} /></td>
                <td className="rtable__actions">
                  {d.report_id ? <Link className="btn btn--small" to={`/reports/${d.report_id}`}>{t('reports.open')}</Link>
                    : canWrite ? <button type="button" className="btn btn--small btn--primary" disabled={action.busy} onClick={() => void start(d)} data-testid="duty-start">{t('reports.start')}</button>
                      : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type Filter = 'all' | 'open' | 'late' | 'review';
const FILTERS: Record<Filter, (d: Duty) => boolean> = {
  all: () => true,
  open: (d) => d.status !== 'submitted' && d.status !== 'accepted',
  late: (d) => d.late,
  review: (d) => d.status === 'submitted',
};

function Received({ data, year, reload }: { data: Awaited<ReturnType<typeof reportsApi.received>>; year: number; reload: () => void }) {
  const { t } = useI18n();
  const num = useNumber();
  const [filter, setFilter] = useState<Filter>('all');
  const [done, setDone] = useState<string>();
  const action = useAction();
  const remind = (d: Duty) => action.run(async () => {
    await reportsApi.remind(d, year);
    setDone(t('reports.reminded', { unit: d.unit.name }));
    reload();
  });
  const rows = data.duties.filter(FILTERS[filter]);
  const s = data.summary;
  return (
    <section className="card" aria-labelledby="reports-received" data-testid="reports-received">
      <div className="reports__head">
        <h2 id="reports-received" className="card__title">{t('reports.received', { unit: data.unit.name, year })}</h2>
        {data.duties.length > 0 && <a className="btn btn--small" href={`/api/reports/received.xlsx?unitId=${data.unit.id}&year=${year}`} download data-testid="reports-xlsx">{t('reports.download')}</a>}
      </div>
      {data.duties.length === 0 ? <p className="empty">{t('reports.receivedNone', { year })}</p> : (
        <>
          <ul className="stats stats--small" data-testid="reports-summary">
            {(['owed', 'due', 'submitted', 'accepted', 'late', 'not_started'] as const).map((k) => (
              <Stat key={k} label={t(`reports.summary.${k}` as MessageKey)} value={num(s[k])} alert={k === 'late' && s.late > 0} testId={`summary-${k}`} />
            ))}
          </ul>
          <label className="reports__filter">
            {t('reports.filter')}{' '}
            <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} data-testid="reports-filter">
              {(Object.keys(FILTERS) as Filter[]).map((f) => <option key={f} value={f}>{t(`reports.filter.${f}` as MessageKey)}</option>)}
            </select>
          </label>
          {done && <Alert kind="success">{done}</Alert>}
          {action.error != null && <Alert kind="error">{errorText(action.error, t)}</Alert>}
          <div className="rtable-wrap">
            <table className="rtable" data-testid="received-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.col.unit')}</th>
                  <th scope="col">{t('reports.col.report')}</th>
                  <th scope="col">{t('reports.col.due')}</th>
                  <th scope="col">{t('reports.col.status')}</th>
                  <th scope="col" className="num">{t('reports.col.reminders')}</th>
                  <th scope="col"><span className="visually-hidden">{t('reports.open')}</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={`${d.unit.id}|${d.schedule_key}|${d.period_start}`} data-testid="received-row">
                    <th scope="row" className="rtable__main" data-label={t('reports.col.unit')}>{d.unit.name}</th>
                    <td data-label={t('reports.col.report')}><span>{d.title}<br /><span className="muted">{d.period_label}</span></span></td>
                    <td data-label={t('reports.col.due')}>{formatDay(d.due_on)}</td>
                    <td data-label={t('reports.col.status')}><StatusChip status={d.status} late={d.late} /></td>
                    <td className="num" data-label={t('reports.col.reminders')}>{num(d.reminders)}</td>
                    <td className="rtable__actions">
                      {d.report_id && <Link className="btn btn--small" to={`/reports/${d.report_id}`}>{t('reports.open')}</Link>}
                      {data.canReview && FILTERS.open(d) && (d.last_reminded_at && todayVN(new Date(d.last_reminded_at)) === todayVN()
                        ? <span className="muted small" data-testid="reminded-today">{t('reports.remindedToday')}</span>
                        : <button type="button" className="btn btn--small" disabled={action.busy} onClick={() => void remind(d)} data-testid="remind">{t('reports.remind')}</button>)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

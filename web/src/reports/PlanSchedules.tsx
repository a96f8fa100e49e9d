import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, useAction } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { reportsApi, type Schedule } from './api-reports.ts';
import './reports.css';

const PERIODS: Schedule['period'][] = ['half_year', 'year', 'quarter', 'month'];
const KINDS: Schedule['reporter_kind'][] = ['school', 'commune', 'village', 'province'];
const FIELDS = ['title', 'period', 'dueDay', 'dueMonth', 'reporterKind'];

/** On a plan's page: the reports it asks of the units under its issuer (seed 001: every school, 10/6 and 10/11). */
export function PlanSchedules({ planId }: { planId: number }) {
  const { t } = useI18n();
  const list = useResource(() => reportsApi.schedules(planId), [planId]);
  const [adding, setAdding] = useState(false);
  const remove = useAction();
  if (list.error != null) return <LoadError error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading />;
  const { schedules, canWrite } = list.data;
  const due = (s: Schedule) => (s.due_month ? `${s.due_day}/${s.due_month}` : t('schedules.dayAfter', { day: s.due_day }));
  return (
    <section className="card" aria-labelledby="plan-schedules" data-testid="plan-schedules">
      <h2 id="plan-schedules" className="card__title">{t('schedules.title')} <span className="count">{schedules.length}</span></h2>
      {schedules.length === 0 ? <p className="muted">{t('schedules.none')}</p> : (
        <ul className="list">
          {schedules.map((s) => (
            <li key={s.id} className="list__item schedule-row" data-testid="schedule-row">
              <span>
                <strong>{s.title}</strong>
                <br />
                <span className="muted">{t(`schedules.kind.${s.reporter_kind}` as MessageKey)} · {t(`schedules.period.${s.period}` as MessageKey)} · {t('schedules.due', { due: due(s) })}</span>
              </span>
              {canWrite && (
                <button type="button" className="btn btn--small" aria-label={t('schedules.removeNamed', { title: s.title })} disabled={remove.busy} onClick={() => void remove.run(async () => { await reportsApi.removeSchedule(planId, s.id); list.reload(); })}>
                  {t('schedules.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error != null && <Alert kind="error">{errorText(remove.error, t)}</Alert>}
      {canWrite && (adding
        ? <ScheduleForm planId={planId} onDone={() => { setAdding(false); list.reload(); }} onCancel={() => setAdding(false)} />
        : <button type="button" className="btn btn--small" onClick={() => setAdding(true)} data-testid="schedule-add">{t('schedules.add')}</button>)}
    </section>
  );
}

function ScheduleForm({ planId, onDone, onCancel }: { planId: number; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState<Schedule['period']>('half_year');
  const [reporterKind, setReporterKind] = useState<Schedule['reporter_kind']>('school');
  const [dueDay, setDueDay] = useState('10');
  const [dueMonth, setDueMonth] = useState('6');
  const { busy, error, run } = useAction();
  const monthly = period === 'month' || period === 'quarter';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await reportsApi.addSchedule(planId, { title, period, reporterKind, dueDay: Number(dueDay), dueMonth: monthly ? null : Number(dueMonth) });
      onDone();
    });
  };
  const general = generalError(error, FIELDS);
  return (
    <form className="form inline-form" onSubmit={submit} data-testid="schedule-form" noValidate>
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      <Field label={t('schedules.reportTitle')} error={fieldError(error, 'title')}>
        {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={title} placeholder={t('schedules.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} data-testid="schedule-title" />}
      </Field>
      <Field label={t('schedules.who')} error={fieldError(error, 'reporterKind')}>
        {({ id }) => (
          <select id={id} value={reporterKind} onChange={(e) => setReporterKind(e.target.value as Schedule['reporter_kind'])}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`schedules.kind.${k}` as MessageKey)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('schedules.periodLabel')} error={fieldError(error, 'period')}>
        {({ id }) => (
          <select id={id} value={period} onChange={(e) => setPeriod(e.target.value as Schedule['period'])}>
            {PERIODS.map((p) => <option key={p} value={p}>{t(`schedules.period.${p}` as MessageKey)}</option>)}
          </select>
        )}
      </Field>
      <div className="form-pair">
        <Field label={t('schedules.dueDay')} error={fieldError(error, 'dueDay')}>
          {({ id, describedBy, invalid }) => <input id={id} type="number" min={1} max={31} aria-describedby={describedBy} aria-invalid={invalid} value={dueDay} onChange={(e) => setDueDay(e.target.value)} data-testid="schedule-day" />}
        </Field>
        {!monthly && (
          <Field label={t('schedules.dueMonth')} error={fieldError(error, 'dueMonth')}>
            {({ id, describedBy, invalid }) => <input id={id} type="number" min={1} max={12} aria-describedby={describedBy} aria-invalid={invalid} value={dueMonth} onChange={(e) => setDueMonth(e.target.value)} data-testid="schedule-month" />}
          </Field>
        )}
      </div>
      <p className="field__hint">{t(monthly ? 'schedules.hintMonthly' : 'schedules.hintYearly')}</p>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="schedule-submit">{busy ? t('common.saving') : t('schedules.submit')}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

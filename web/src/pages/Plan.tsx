import { useState, type FormEvent } from 'react';
import { api, ApiError, TASK_MEASURES, type Plan, type PlanPage as PlanPageData, type PlanSection, type TaskMeasure } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { emptyRecurrence, RecurrencePicker, toRecurrence, type RecurrenceDraft } from '../components/RecurrencePicker.tsx';
import { UnitPicker, type PickedUnit } from '../components/UnitPicker.tsx';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { Alert, errorText, Field, fieldError, generalError, PageNotReady, useAction, useDocumentTitle } from '../ui.tsx';
import { PlanSchedules } from '../reports/PlanSchedules.tsx';
import { useResource } from '../useResource.ts';
import { withRecordsCopy } from '../../../src/plans/document.ts';
import { firstGrantUnit, formatDay, ModelStatusChip, PlanStatusChip, todayVN, usePlanNumber, useRecurrenceText } from '../work.tsx';

export function PlanPage({ id }: { id: number }) {
  const { t } = useI18n();
  const planNumber = usePlanNumber();
  const { data, error, reload } = useResource(() => api.plan(id), [id], { clear: true });

  useDocumentTitle(data ? planNumber(data.plan) : undefined);
  if (!data) return <PageNotReady error={error} retry={reload} back={{ to: '/plans', label: t('plans.back') }} />;
  const { plan } = data;
  return (
    <div className="page">
      <header>
        <Link to="/plans" className="back-link">
          ‹ {t('plans.title')}
        </Link>
        <div className="title-row">
          <h1 className="page__title" data-testid="plan-title">
            {planNumber(plan)}
          </h1>
          <PlanStatusChip status={plan.status} />
        </div>
        <p className="page__intro plan-subtitle" data-testid="plan-subtitle">{plan.title}</p>
        <dl className="facts">
          <div>
            <dt>{t('plans.unit')}</dt>
            <dd>
              <Link to={`/units/${plan.unit_id}`}>{plan.unit_name}</Link>
            </dd>
          </div>
          {plan.issued_on && (
            <div>
              <dt>{t('plans.issuedOnLabel')}</dt>
              <dd>{formatDay(plan.issued_on)}</dd>
            </div>
          )}
          {plan.period_start && plan.period_end && (
            <div>
              <dt>{t('plans.periodLabel')}</dt>
              <dd>{formatDay(plan.period_start)} – {formatDay(plan.period_end)}</dd>
            </div>
          )}
          {data.parent && (
            <div className="facts__wide">
              <dt>{t('plans.parent')}</dt>
              <dd>
                <Link to={`/plans/${data.parent.id}`} data-testid="plan-parent">
                  {planNumber(data.parent)}
                </Link>{' '}
                <span className="muted">{data.parent.title}</span>
              </dd>
            </div>
          )}
        </dl>
      </header>
      <PlanActions data={data} onChanged={reload} />
      <div className="plan-layout">
        <div className="plan-layout__doc">
          <PlanDocumentView plan={plan} />
        </div>
        <div className="plan-layout__side">
          <Tasks data={data} onAdded={reload} />
          <PlanSchedules planId={plan.id} />
          {data.children.length > 0 && (
            <section className="card" aria-labelledby="children-plans" data-testid="child-plans">
              <h2 id="children-plans" className="card__title">
                {t('plans.children')} <span className="count">{data.children.length}</span>
              </h2>
              <ul className="list">
                {data.children.map((c) => (
                  <li key={c.id} className="list__item">
                    <Link to={`/plans/${c.id}`} className="list__link">
                      <span className="list__main">{planNumber(c)}</span>
                      <span className="list__meta">{c.title}</span>
                    </Link>
                    <PlanStatusChip status={c.status} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="plan-models" data-testid="plan-models">
            <h2 id="plan-models" className="card__title">
              {t('plans.models')} <span className="count">{data.instances.length}</span>
            </h2>
            {data.instances.length === 0 ? (
              <p className="muted">{t('plans.noModels')}</p>
            ) : (
              <ul className="list">
                {data.instances.map((m) => (
                  <li key={m.id} className="list__item replica">
                    <Link to={`/models/${m.id}`}>{m.name}</Link> <ModelStatusChip status={m.status} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

function PlanActions({ data, onChanged }: { data: PlanPageData; onChanged: () => void }) {
  const { t } = useI18n();
  const { plan } = data;
  const { busy, error, run } = useAction();

  const setStatus = async (status: 'issued' | 'closed') => {
    if (!window.confirm(t(status === 'issued' ? 'plans.issueConfirm' : 'plans.closeConfirm'))) return;
    await run(async () => {
      await api.setPlanStatus(plan.id, status);
      onChanged();
    });
  };
  const missing = error instanceof ApiError ? error.fields.map((f) => f.path) : [];
  // Issuing needs the number and the date: said before the confirmation, not refused after it.
  const lacks = plan.status !== 'draft' ? null
    : !plan.number ? (plan.issued_on ? 'number' : 'both') : plan.issued_on ? null : 'issuedOn';

  return (
    <div className="plan-actions" data-testid="plan-actions">
      <div className="plan-actions__row">
        {data.canWrite && (
          <Link to={`/plans/${plan.id}/edit`} className="btn" data-testid="edit-plan">
            {t('plans.edit')}
          </Link>
        )}
        {data.canApprove && plan.status === 'draft' && (
          <button
            type="button" className="btn btn--primary" disabled={busy || lacks !== null} onClick={() => void setStatus('issued')}
            aria-describedby={lacks ? 'issue-needs' : undefined} data-testid="issue-plan"
          >
            {t('plans.issue')}
          </button>
        )}
        {data.canApprove && plan.status === 'issued' && (
          <button type="button" className="btn" disabled={busy} onClick={() => void setStatus('closed')} data-testid="close-plan">
            {t('plans.close')}
          </button>
        )}
        <span className="plan-actions__downloads">
          <a className="btn btn--small" href={`/api/plans/${plan.id}/export.docx`} download data-testid="download-docx">
            {t('plans.docx')}
          </a>
          <a className="btn btn--small" href={`/api/plans/${plan.id}/export.pdf`} download data-testid="download-pdf">
            {t('plans.pdf')}
          </a>
        </span>
      </div>
      {plan.status === 'draft' && !data.canApprove && <p className="muted small">{t('plans.awaitingApproval')}</p>}
      {data.canApprove && lacks && (
        <p className="muted small" id="issue-needs" data-testid="issue-needs">
          {t(`plans.issueNeeds.${lacks}`)}
          {data.canWrite && <> <Link to={`/plans/${plan.id}/edit`}>{t('plans.fillIn')}</Link></>}
        </p>
      )}
      {error != null && (
        <Alert kind="error" testId="plan-status-error">
          <span>
            {errorText(error, t)}
            {missing.length > 0 && data.canWrite && (
              <>
                {' '}
                <Link to={`/plans/${plan.id}/edit`}>{t('plans.fillIn')}</Link>
              </>
            )}
          </span>
        </Alert>
      )}
    </div>
  );
}

/** "ngày 05 tháng 01 năm 2026": days below 10, and January and February, take a leading zero. */
function dateLine(place: string, iso: string | null): string {
  if (!iso) return `${place}, ngày\u2003\u2002tháng\u2003\u2002năm ${todayVN().slice(0, 4)}`;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** The plan as the official document (Nghị định 30/2020/NĐ-CP): always in Vietnamese, whatever the app's language. */
export function PlanDocumentView({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const doc = plan.document;
  return (
    <article className="doc" lang="vi" aria-label={t('plans.document')} data-testid="plan-document">
      <div className="doc__header">
        <div className="doc__issuer">
          {doc.issuer.superior && <div className="doc__superior">{doc.issuer.superior}</div>}
          <div className="doc__issuer-name">{doc.issuer.name}</div>
          <div className="doc__number" data-testid="doc-number">
            Số: {plan.number ?? '\u2003\u2003'}/{plan.symbol}
          </div>
        </div>
        <div className="doc__nation">
          <div className="doc__country">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="doc__motto">Độc lập - Tự do - Hạnh phúc</div>
          <div className="doc__date">{dateLine(plan.place || '…', plan.issued_on)}</div>
        </div>
      </div>
      <h2 className="doc__kind">KẾ HOẠCH</h2>
      <p className="doc__title">{plan.title}</p>
      <div className="doc__rule" aria-hidden="true" />
      {doc.bases.filter(Boolean).map((b, i) => (
        <p key={i} className="doc__p doc__basis">
          {b}
        </p>
      ))}
      {doc.preamble && <p className="doc__p">{doc.preamble}</p>}
      {doc.sections.map((s, i) => (
        <DocSection key={i} section={s} depth={0} />
      ))}
      {doc.closing && <p className="doc__p">{doc.closing}</p>}
      <div className="doc__footer">
        <div className="doc__recipients">
          <p className="doc__recipients-title">Nơi nhận:</p>
          <ul>
            {withRecordsCopy(doc.recipients).map((r, i) => (
              <li key={i}>- {r}</li>
            ))}
          </ul>
        </div>
        <div className="doc__signer">
          {doc.signer.authority && <div className="doc__authority">{doc.signer.authority}</div>}
          <div className="doc__signer-title">{doc.signer.title}</div>
          <div className="doc__signature" aria-hidden="true" />
          <div className="doc__signer-name">{doc.signer.name}</div>
        </div>
      </div>
    </article>
  );
}

function DocSection({ section, depth }: { section: PlanSection; depth: number }) {
  return (
    <section className={`doc__section doc__section--${Math.min(depth, 2)}`}>
      {section.heading && <h3 className="doc__heading">{section.heading}</h3>}
      {section.paragraphs.filter(Boolean).map((p, i) => (
        <p key={i} className={'doc__p' + (/^[-+] /.test(p) ? ' doc__item' : '')}>
          {p}
        </p>
      ))}
      {section.children?.map((c, i) => (
        <DocSection key={i} section={c} depth={depth + 1} />
      ))}
    </section>
  );
}

function Tasks({ data, onAdded }: { data: PlanPageData; onAdded: () => void }) {
  const { t } = useI18n();
  const num = useNumber();
  const recurrence = useRecurrenceText();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<number>();
  return (
    <section className="card" aria-labelledby="tasks-title" data-testid="plan-tasks">
      <div className="card__head">
        <h2 id="tasks-title" className="card__title">
          {t('tasks.title')} <span className="count">{data.tasks.length}</span>
        </h2>
        {data.canAddTasks && !open && (
          <button type="button" className="btn btn--small btn--primary" onClick={() => { setOpen(true); setAdded(undefined); }} data-testid="add-task">
            {t('tasks.add')}
          </button>
        )}
      </div>
      {added !== undefined && <Alert kind="success">{t('tasks.added', { n: num(added) })}</Alert>}
      {open && (
        <TaskForm
          data={data}
          onCancel={() => setOpen(false)}
          onAdded={(n) => {
            setOpen(false);
            setAdded(n);
            onAdded();
          }}
        />
      )}
      {data.tasks.length === 0 ? (
        !open && <p className="muted">{t('tasks.none')}</p>
      ) : (
        <ul className="task-list" data-testid="task-list">
          {data.tasks.map((task) => {
            const total = task.open_occurrences + task.done_occurrences;
            return (
              <li key={task.id} className="task" data-testid="task-item">
                <strong className="task__title">{task.title}</strong>
                {task.description && <p className="task__desc">{task.description}</p>}
                <dl className="task__facts">
                  <div>
                    <dt>{t('tasks.lead')}</dt>
                    <dd>
                      <Link to={`/units/${task.lead_unit_id}`}>{task.lead_unit_name}</Link>
                      {task.support_unit_ids.length > 0 && <span className="muted"> {t('tasks.withSupport', { n: task.support_unit_ids.length })}</span>}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('tasks.when')}</dt>
                    <dd className="recurrence-text">{recurrence(task.recurrence)}</dd>
                  </div>
                  {task.recurrence.freq !== 'once' && (
                    <div>
                      <dt>{t('tasks.span')}</dt>
                      <dd>{formatDay(task.starts_on)} – {formatDay(task.ends_on)}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('tasks.progress')}</dt>
                    <dd>
                      <span className="progress" aria-hidden="true">
                        <span className="progress__bar" style={{ width: total ? `${(100 * task.done_occurrences) / total}%` : 0 }} />
                      </span>{' '}
                      {t('tasks.doneOf', { done: num(task.done_occurrences), total: num(total) })}
                    </dd>
                  </div>
                  {task.measure && (
                    <div>
                      <dt>{t('measure.label')}</dt>
                      <dd data-testid="task-measure-text">{t(`measure.${task.measure}` as MessageKey)}</dd>
                    </div>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const TASK_FIELDS = ['title', 'description', 'leadUnitId', 'supportUnitIds', 'startsOn', 'endsOn', 'measure'];

function TaskForm({ data, onAdded, onCancel }: { data: PlanPageData; onAdded: (occurrences: number) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [lead, setLead] = useState<PickedUnit | null>(() => firstGrantUnit(me?.grants ?? [], 'plan.write'));
  const [support, setSupport] = useState<PickedUnit[]>([]);
  const [rec, setRec] = useState<RecurrenceDraft>(emptyRecurrence);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [measure, setMeasure] = useState<TaskMeasure | ''>('');
  const { busy, error, run } = useAction();
  const rule = toRecurrence(rec);
  const plan = data.plan;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rule || !lead || !title.trim()) return;
    await run(async () => {
      const res = await api.addTask(plan.id, {
        title: title.trim(), ...(description.trim() && { description: description.trim() }), leadUnitId: lead.id,
        supportUnitIds: support.map((u) => u.id), recurrence: rule,
        ...(rule.freq !== 'once' && startsOn && { startsOn }), ...(rule.freq !== 'once' && endsOn && { endsOn }),
        ...(measure && { measure }),
      });
      onAdded(res.occurrences);
    });
  };
  const recurrenceError = error instanceof ApiError ? error.fields.filter((f) => f.path.startsWith('recurrence')).map((f) => f.message).join('; ') || undefined : undefined;
  const general = generalError(error, (p) => TASK_FIELDS.includes(p) || p.startsWith('recurrence'));
  const spanHint = plan.period_start && plan.period_end
    ? t('tasks.spanHintPlan', { from: formatDay(plan.period_start), to: formatDay(plan.period_end) })
    : t('tasks.spanHint');

  return (
    <form className="form inline-form task-form" onSubmit={submit} data-testid="task-form" noValidate>
      <h3 className="group__title">{t('tasks.add')}</h3>
      {general != null && <Alert kind="error" testId="task-error">{errorText(general, t)}</Alert>}
      <Field label={t('tasks.taskTitle')} error={fieldError(error, 'title')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={500} value={title} placeholder={t('tasks.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} data-testid="task-title" />
        )}
      </Field>
      <Field label={t('tasks.description')} optional error={fieldError(error, 'description')}>
        {({ id, describedBy, invalid }) => <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={2} maxLength={10000} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field label={t('tasks.lead')} hint={t('tasks.leadHint')} error={fieldError(error, 'leadUnitId')}>
        {({ id, describedBy, invalid }) => <UnitPicker id={id} value={lead} onChange={setLead} describedBy={describedBy} invalid={invalid} testId="task-lead" />}
      </Field>
      <Field label={t('tasks.support')} optional error={fieldError(error, 'supportUnitIds')}>
        {({ id, describedBy, invalid }) => (
          <div className="picked-list">
            {support.length > 0 && (
              <ul className="chips">
                {support.map((u) => (
                  <li key={u.id} className="grant">
                    <span>{u.name}</span>
                    <button type="button" className="grant__revoke" aria-label={t('replicate.remove', { name: u.name })} onClick={() => setSupport(support.filter((x) => x.id !== u.id))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <UnitPicker id={id} value={null} describedBy={describedBy} invalid={invalid} onChange={(u) => u && !support.some((x) => x.id === u.id) && setSupport([...support, u])} />
          </div>
        )}
      </Field>
      <RecurrencePicker value={rec} onChange={setRec} error={recurrenceError} />
      {rec.freq !== 'once' && (
        <>
          <div className="form-pair">
            <Field label={t('tasks.startsOn')} optional error={fieldError(error, 'startsOn')}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} data-testid="task-starts" />}
            </Field>
            <Field label={t('tasks.endsOn')} optional error={fieldError(error, 'endsOn')}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} data-testid="task-ends" />}
            </Field>
          </div>
          <p className="field__hint">{spanHint}</p>
        </>
      )}
      <Field label={t('measure.label')} hint={t('measure.hint')} error={fieldError(error, 'measure')}>
        {({ id, describedBy, invalid }) => (
          <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={measure} onChange={(e) => setMeasure(e.target.value as TaskMeasure | '')} data-testid="task-measure">
            <option value="">{t('measure.none')}</option>
            {TASK_MEASURES.map((m) => (
              <option key={m} value={m}>{t(`measure.${m}` as MessageKey)}</option>
            ))}
          </select>
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !rule || !lead || !title.trim()} data-testid="task-submit">
          {busy ? t('common.saving') : t('tasks.submit')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { api, type ModelSummary, type Template } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { UnitPicker, type PickedUnit } from '../components/UnitPicker.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, useAction } from '../ui.tsx';
import { usePaged } from '../usePaged.ts';
import { useResource } from '../useResource.ts';
import { addDays, fieldKey, formatDay, ModelStatusChip, stepKey, todayVN, useRecurrenceText } from '../work.tsx';

const PAGE = 50;

/** Mô hình: the models in the user's units, filtered by template and unit. */
export function ModelsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const templates = useResource(() => api.templates(), []);
  const [templateId, setTemplateId] = useState('');
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const page = usePaged<ModelSummary>(
    (loaded) => api.models({ templateId: Number(templateId) || undefined, unitId: unit?.id, limit: PAGE, offset: loaded.length }),
    PAGE,
    [templateId, unit?.id],
    { clear: true },
  );

  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1 className="page__title">{t('models.title')}</h1>
          <p className="page__intro">{t('models.intro')}</p>
        </div>
        <div className="page__actions">
          <Link to="/models/templates" className="btn" data-testid="to-templates">
            {t('templates.title')}
          </Link>
          {can('model.write') && (
            <Link to="/models/new" className="btn btn--primary" data-testid="new-model">
              {t('models.new')}
            </Link>
          )}
        </div>
      </div>
      <div className="card filters" role="search" aria-label={t('models.filters')}>
        <div className="field">
          <label htmlFor="f-template">{t('models.template')}</label>
          <select id="f-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)} data-testid="filter-template">
            <option value="">{t('models.allTemplates')}</option>
            {templates.data?.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </select>
        </div>
        <Field label={t('models.underUnit')}>
          {({ id }) => <UnitPicker id={id} value={unit} onChange={setUnit} testId="filter-unit" />}
        </Field>
      </div>
      <PagedList page={page} className="card-list" testId="model-list" emptyTestId="models-empty" empty={templateId || unit ? t('models.noneFiltered') : t('models.none')}>
        {(m) => <ModelCard key={m.id} model={m} />}
      </PagedList>
    </div>
  );
}

export function ModelCard({ model: m }: { model: ModelSummary }) {
  const { t } = useI18n();
  return (
    <li className="card item-card" data-testid="model-item">
      <div className="item-card__head">
        <Link to={`/models/${m.id}`} className="item-card__title">
          {m.name}
        </Link>
        <ModelStatusChip status={m.status} />
      </div>
      <p className="item-card__meta">
        <span>{m.unit_name}</span> · <span>{t(fieldKey(m.field))}</span> · <span>{t('models.startedOn', { date: formatDay(m.started_on) })}</span>
      </p>
      <p className="item-card__meta">
        {m.current_step ? (
          <span>
            {t('models.currentStep')} <strong>{t(stepKey(m.current_step))}</strong>
          </span>
        ) : (
          <span>{t('models.allStepsDone')}</span>
        )}
        {m.late_steps > 0 && <span className="late-badge">{t('models.lateSteps', { n: m.late_steps })}</span>}
      </p>
    </li>
  );
}

/** "Xây dựng mô hình": a template at a unit from a start date, under a plan if there is one. */
export function NewModelPage() {
  const { t } = useI18n();
  const location = useLocation();
  const templates = useResource(() => api.templates(), []);
  const plans = useResource(() => api.plans({ limit: 200 }), []);
  const [templateId, setTemplateId] = useState(() => new URLSearchParams(location.split('?')[1] ?? '').get('templateId') ?? '');
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [startedOn, setStartedOn] = useState(todayVN());
  const [name, setName] = useState('');
  const [planId, setPlanId] = useState('');
  const { busy, error, run } = useAction();
  const template = templates.data?.find((x) => String(x.id) === templateId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!template || !unit || !startedOn) return;
    await run(async () => {
      const m = await api.createModel({ templateId: template.id, unitId: unit.id, startedOn, name: name.trim() || undefined, planId: planId ? Number(planId) : null });
      navigate(`/models/${m.id}`);
    });
  };
  const FIELDS = ['templateId', 'unitId', 'startedOn', 'name', 'planId'];
  const general = generalError(error, FIELDS);

  return (
    <div className="page page--narrow">
      <Link to="/models" className="back-link">
        ‹ {t('models.title')}
      </Link>
      <h1 className="page__title">{t('models.new')}</h1>
      <p className="page__intro">{t('models.newIntro')}</p>
      {templates.error != null && <LoadError error={templates.error} retry={templates.reload} />}
      <form className="card form" onSubmit={submit} data-testid="new-model-form" noValidate>
        {general != null && <Alert kind="error" testId="new-model-error">{errorText(general, t)}</Alert>}
        <Field label={t('models.template')} error={fieldError(error, 'templateId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} required value={templateId} onChange={(e) => setTemplateId(e.target.value)} data-testid="model-template">
              <option value="">{t('models.chooseTemplate')}</option>
              {templates.data?.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {tp.name} — {t(fieldKey(tp.field))}
                </option>
              ))}
            </select>
          )}
        </Field>
        {template?.purpose && <p className="card__hint template-purpose">{template.purpose}</p>}
        <Field label={t('models.unit')} hint={t('models.unitHint')} error={fieldError(error, 'unitId')}>
          {({ id, describedBy, invalid }) => <UnitPicker id={id} value={unit} onChange={setUnit} describedBy={describedBy} invalid={invalid} testId="model-unit" />}
        </Field>
        <Field label={t('models.startDate')} error={fieldError(error, 'startedOn')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} required value={startedOn} onChange={(e) => setStartedOn(e.target.value)} data-testid="model-start" />
          )}
        </Field>
        <Field label={t('models.name')} optional hint={template && unit ? t('models.nameHint', { name: `${template.name} — ${unit.name}` }) : undefined} error={fieldError(error, 'name')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={name} onChange={(e) => setName(e.target.value)} data-testid="model-name" />
          )}
        </Field>
        <Field label={t('models.plan')} optional hint={t('models.planHint')} error={fieldError(error, 'planId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="model-plan">
              <option value="">{t('models.noPlan')}</option>
              {plans.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {(p.number ? `${p.number}/${p.symbol}` : p.symbol) + ' — ' + p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        {template && startedOn && <SchedulePreview template={template} startedOn={startedOn} />}
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={busy || !template || !unit || !startedOn} data-testid="model-submit">
            {busy ? t('common.saving') : t('models.create')}
          </button>
          <Link to="/models" className="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

/** The steps' planned dates for the chosen start date, before the model is built. */
function SchedulePreview({ template, startedOn }: { template: Template; startedOn: string }) {
  const { t } = useI18n();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startedOn)) return null;
  return (
    <div className="preview" data-testid="schedule-preview">
      <h2 className="group__title">{t('models.schedule')}</h2>
      <ol className="mini-steps">
        {template.steps.map((s) => (
          <li key={s.step}>
            <span className="mini-steps__label">{t(stepKey(s.step))}</span>
            <span className="muted nowrap">
              {formatDay(addDays(startedOn, s.startDay))} – {formatDay(addDays(startedOn, s.endDay))}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

const PERIOD: Record<Template['reports'][number]['period'], MessageKey> = {
  month: 'templates.period.month',
  quarter: 'templates.period.quarter',
  half_year: 'templates.period.half_year',
  year: 'templates.period.year',
};

/** The templates, each with its parts: lifecycle steps, recurring activities, targets, reports. */
export function TemplatesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { data, error, reload } = useResource(() => api.templates(), []);
  return (
    <div className="page">
      <Link to="/models" className="back-link">
        ‹ {t('models.title')}
      </Link>
      <div className="page__head">
        <div>
          <h1 className="page__title">{t('templates.title')}</h1>
          <p className="page__intro">{t('templates.intro')}</p>
        </div>
        {can('template.write') && (
          <Link to="/models/templates/new" className="btn btn--primary" data-testid="template-new">
            {t('templates.new')}
          </Link>
        )}
      </div>
      {error != null && <LoadError error={error} retry={reload} />}
      {!data && error == null && <Loading />}
      {data && (
        <ul className="gallery" data-testid="template-gallery">
          {data.map((tp) => (
            <TemplateCard key={tp.id} template={tp} canBuild={can('model.write')} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function TemplateCard({ template: tp, canBuild }: { template: Template; canBuild: boolean }) {
  const { t } = useI18n();
  const { can, canAt } = useAuth();
  const num = useNumber();
  const recurrence = useRecurrenceText();
  return (
    <li className="card template" data-testid="template-card">
      <div className="template__head">
        <span className={`field-tag field-tag--${tp.field}`}>{t(fieldKey(tp.field))}</span>
        <span className="muted small">{tp.builtin_key ? t('templates.builtin') : t('templates.ownedBy', { unit: tp.owner_name ?? '' })}</span>
      </div>
      <h2 className="template__name">{tp.name}</h2>
      {tp.purpose && <p className="template__purpose">{tp.purpose}</p>}
      <details className="template__parts">
        <summary>{t('templates.parts', { steps: tp.steps.length, activities: tp.activities.length })}</summary>
        <h3 className="group__title">{t('templates.steps')}</h3>
        <p className="card__hint">{t('templates.stepsHint')}</p>
        <ol className="mini-steps">
          {tp.steps.map((s) => (
            <li key={s.step}>
              <span className="mini-steps__label">
                <strong>{t(stepKey(s.step))}</strong>: {s.title}
              </span>
              <span className="muted nowrap">{t('templates.days', { from: s.startDay + 1, to: s.endDay + 1 })}</span>
            </li>
          ))}
        </ol>
        {tp.activities.length > 0 && (
          <>
            <h3 className="group__title">{t('templates.activities')}</h3>
            <ul className="plain-list">
              {tp.activities.map((a) => (
                <li key={a.key}>
                  {a.title} <span className="recurrence">{recurrence(a.recurrence)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {tp.targets.length > 0 && (
          <>
            <h3 className="group__title">{t('templates.targets')}</h3>
            <ul className="plain-list">
              {tp.targets.map((x) => (
                <li key={x.key}>
                  {x.title}: <strong>{x.unit === '%' ? `${num(x.value)}%` : num(x.value)}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
        {tp.reports.length > 0 && (
          <>
            <h3 className="group__title">{t('templates.reports')}</h3>
            <ul className="plain-list">
              {tp.reports.map((r, i) => (
                <li key={i}>
                  {r.title} <span className="muted">({t(PERIOD[r.period])}, {r.due.month ? t('templates.dueDayMonth', { day: r.due.day, month: r.due.month }) : t('templates.dueDay', { day: r.due.day })})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
      <div className="template__actions">
        {canBuild && (
          <Link to={`/models/new?templateId=${tp.id}`} className="btn btn--small template__build" data-testid="template-build">
            {t('templates.build')}
          </Link>
        )}
        {can('template.write') && (
          <Link to={`/models/templates/new?from=${tp.id}`} className="btn btn--small" data-testid="template-copy">
            {t('templates.copy')}
          </Link>
        )}
        {tp.owner_path && canAt('template.write', tp.owner_path) && (
          <Link to={`/models/templates/${tp.id}/edit`} className="btn btn--small" data-testid="template-edit">
            {t('templates.edit')}
          </Link>
        )}
      </div>
    </li>
  );
}

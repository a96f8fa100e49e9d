import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, type ModelField, type Recurrence, type Step, type Template } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { RecurrencePicker, emptyRecurrence, toRecurrence, type RecurrenceDraft } from '../components/RecurrencePicker.tsx';
import { UnitPicker, type PickedUnit } from '../components/UnitPicker.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { Alert, errorText, Field, fieldError, LoadError, Loading, useAction } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { fieldKey, stepKey } from '../work.tsx';

const STEPS: Step[] = ['survey', 'working_group', 'training', 'commitments', 'launch', 'operating', 'interim_review', 'final_review'];
const FIELDS: ModelField[] = ['ANTT', 'ATGT', 'PCCC', 'school'];
const PERIODS = ['month', 'quarter', 'half_year', 'year'] as const;
const PERIOD_KEY: Record<(typeof PERIODS)[number], MessageKey> = {
  month: 'templates.period.month', quarter: 'templates.period.quarter', half_year: 'templates.period.half_year', year: 'templates.period.year',
};

type Parts = Omit<Template, 'id' | 'family_id' | 'version' | 'is_current' | 'builtin_key' | 'owner_unit_id' | 'owner_name' | 'activities'> & {
  activities: { title: string; recurrence: RecurrenceDraft }[];
};

/** The picker's draft of a stored rule, so an existing activity opens as it is. */
function draftOf(r: Recurrence): RecurrenceDraft {
  const d = emptyRecurrence();
  switch (r.freq) {
    case 'once': return { ...d, freq: 'once', due: r.due, time: r.time ?? '' };
    case 'daily': return { ...d, freq: 'daily', time: r.time ?? '' };
    case 'weekly': return { ...d, freq: 'weekly', weekday: r.weekday, time: r.time ?? '' };
    case 'monthly': return { ...d, freq: 'monthly', day: r.day, time: r.time ?? '' };
    case 'quarterly': return { ...d, freq: 'quarterly', month: r.month, day: r.day };
    case 'semiannual': return { ...d, freq: 'semiannual', month: r.month, day: r.day };
    case 'yearly': return { ...d, freq: 'yearly', dates: r.dates };
  }
}

const partsOf = (tp: Template): Parts => ({
  name: tp.name, field: tp.field, purpose: tp.purpose, steps: tp.steps, targets: tp.targets, reports: tp.reports,
  activities: tp.activities.map((a) => ({ title: a.title, recurrence: draftOf(a.recurrence) })),
});

const blank = (): Parts => ({
  name: '', field: 'ANTT', purpose: '', targets: [], reports: [], activities: [],
  steps: STEPS.map((step, i) => ({ step, title: '', startDay: i * 7, endDay: i * 7 + 6 })),
});

/**
 * "Soạn mẫu mô hình": a unit's own template, new, copied from another (a built-in one adapted to
 * the commune), or edited. A template models already use becomes a new version on saving.
 */
export function TemplateEditorPage({ id, from }: { id?: number; from?: number }) {
  const source = id ?? from;
  const { data, error } = useResource(() => (source ? api.template(source) : Promise.resolve(null)), [source]);
  if (error != null) return <div className="page"><LoadError error={error} /></div>;
  if (source && !data) return <div className="page"><Loading /></div>;
  const initial = data ? { ...partsOf(data), name: id ? data.name : `${data.name} (bản của đơn vị)` } : blank();
  return <TemplateForm id={id} initial={initial} version={id ? data?.version : undefined} />;
}

function TemplateForm({ id, initial, version }: { id?: number | undefined; initial: Parts; version?: number | undefined }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [v, setV] = useState<Parts>(initial);
  const [owner, setOwner] = useState<PickedUnit | null>(() => {
    const g = me?.grants.find((x) => x.permissions.includes('template.write'));
    return g ? { id: g.unitId, name: g.unitName, detail: '' } : null;
  });
  const { busy, error, setError, run } = useAction();
  // The form is long: bring its error into view, wherever the user pressed "Lưu mẫu".
  useEffect(() => {
    if (error != null) document.querySelector('[data-testid="template-error"]')?.scrollIntoView({ block: 'center' });
  }, [error]);
  const set = (patch: Partial<Parts>) => setV((x) => ({ ...x, ...patch }));
  const at = <K extends 'steps' | 'activities' | 'targets' | 'reports'>(key: K, i: number, patch: Partial<Parts[K][number]>) =>
    setV((x) => ({ ...x, [key]: x[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) }));
  const drop = (key: 'steps' | 'activities' | 'targets' | 'reports', i: number) => setV((x) => ({ ...x, [key]: x[key].filter((_, j) => j !== i) }));
  const err = (path: string) => fieldError(error, path);
  const int = (s: string) => (s === '' ? 0 : Math.trunc(Number(s)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const activities = v.activities.map((a, i) => ({ key: `a${i + 1}`, title: a.title, recurrence: toRecurrence(a.recurrence) }));
    const missing = activities.findIndex((a) => !a.recurrence);
    if (missing >= 0) {
      setError(new ApiError(400, 'VALIDATION', t('templateEditor.recurrenceMissing', { n: missing + 1 }), [{ path: `activities.${missing}.recurrence`, message: t('templateEditor.recurrenceMissing', { n: missing + 1 }) }]));
      return;
    }
    const body = {
      name: v.name, field: v.field, purpose: v.purpose, steps: v.steps, reports: v.reports,
      activities: activities as { key: string; title: string; recurrence: Recurrence }[],
      targets: v.targets.map((x, i) => ({ ...x, key: `t${i + 1}` })),
    };
    await run(async () => {
      if (id) await api.updateTemplate(id, body);
      else {
        if (!owner) throw new ApiError(400, 'VALIDATION', t('templateEditor.ownerMissing'), [{ path: 'ownerUnitId', message: t('templateEditor.ownerMissing') }]);
        await api.createTemplate({ ...body, ownerUnitId: owner.id });
      }
      navigate('/models/templates');
    });
  };

  return (
    <div className="page page--narrow">
      <Link to="/models/templates" className="back-link">‹ {t('templates.title')}</Link>
      <h1 className="page__title">{id ? t('templateEditor.editTitle') : t('templateEditor.newTitle')}</h1>
      <p className="page__intro">{id ? t('templateEditor.versionNote', { version: version ?? 1 }) : t('templateEditor.intro')}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="template-form">
        {error != null && <Alert kind="error" testId="template-error">{errorText(error, t)}</Alert>}
        <section className="card form">
          {!id && (
            <Field label={t('templateEditor.owner')} hint={t('templateEditor.ownerHint')} error={err('ownerUnitId')}>
              {({ id: fid, describedBy, invalid }) => <UnitPicker id={fid} value={owner} onChange={setOwner} describedBy={describedBy} invalid={invalid} testId="template-owner" />}
            </Field>
          )}
          <Field label={t('templateEditor.name')} error={err('name')}>
            {({ id: fid, describedBy, invalid }) => (
              <input id={fid} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={v.name} onChange={(e) => set({ name: e.target.value })} data-testid="template-name" />
            )}
          </Field>
          <Field label={t('models.field')} error={err('field')}>
            {({ id: fid, describedBy }) => (
              <select id={fid} aria-describedby={describedBy} value={v.field} onChange={(e) => set({ field: e.target.value as ModelField })} data-testid="template-field">
                {FIELDS.map((f) => <option key={f} value={f}>{t(fieldKey(f))}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('templateEditor.purpose')} optional error={err('purpose')}>
            {({ id: fid, describedBy, invalid }) => (
              <textarea id={fid} aria-describedby={describedBy} aria-invalid={invalid} rows={3} maxLength={5000} value={v.purpose} onChange={(e) => set({ purpose: e.target.value })} />
            )}
          </Field>
        </section>

        <section className="card form" aria-labelledby="te-steps">
          <h2 id="te-steps" className="card__title">{t('templates.steps')}</h2>
          <p className="card__hint">{t('templateEditor.stepsHint')}</p>
          {err('steps') && <p className="field__error">{err('steps')}</p>}
          {v.steps.map((s, i) => (
            <fieldset key={i} className="row-group" data-testid="template-step">
              <legend>{t(stepKey(s.step))}</legend>
              <div className="form__row">
                <Field label={t('templateEditor.stepKind')}>
                  {({ id: fid }) => (
                    <select id={fid} value={s.step} onChange={(e) => at('steps', i, { step: e.target.value as Step })}>
                      {STEPS.map((x) => <option key={x} value={x}>{t(stepKey(x))}</option>)}
                    </select>
                  )}
                </Field>
                <Field label={t('templateEditor.fromDay')} error={err(`steps.${i}.startDay`)}>
                  {({ id: fid, invalid }) => <input id={fid} type="number" min={1} max={3651} aria-invalid={invalid} value={s.startDay + 1} onChange={(e) => at('steps', i, { startDay: int(e.target.value) - 1 })} />}
                </Field>
                <Field label={t('templateEditor.toDay')} error={err(`steps.${i}.endDay`)}>
                  {({ id: fid, invalid }) => <input id={fid} type="number" min={1} max={3651} aria-invalid={invalid} value={s.endDay + 1} onChange={(e) => at('steps', i, { endDay: int(e.target.value) - 1 })} />}
                </Field>
              </div>
              <Field label={t('templateEditor.stepTitle')} error={err(`steps.${i}.title`)}>
                {({ id: fid, invalid }) => <input id={fid} aria-invalid={invalid} maxLength={300} value={s.title} onChange={(e) => at('steps', i, { title: e.target.value })} data-testid="template-step-title" />}
              </Field>
              <button type="button" className="btn btn--small btn--danger-outline" onClick={() => drop('steps', i)}>{t('templateEditor.remove')}</button>
            </fieldset>
          ))}
          <button type="button" className="btn btn--small row-group__add" onClick={() => set({ steps: [...v.steps, { step: STEPS.find((x) => !v.steps.some((s) => s.step === x)) ?? 'survey', title: '', startDay: 0, endDay: 6 }] })}>
            {t('templateEditor.addStep')}
          </button>
        </section>

        <section className="card form" aria-labelledby="te-activities">
          <h2 id="te-activities" className="card__title">{t('templates.activities')}</h2>
          {v.activities.map((a, i) => (
            <fieldset key={i} className="row-group" data-testid="template-activity">
              <legend>{t('templateEditor.activityN', { n: i + 1 })}</legend>
              <Field label={t('templateEditor.activityTitle')} error={err(`activities.${i}.title`)}>
                {({ id: fid, invalid }) => <input id={fid} aria-invalid={invalid} maxLength={300} value={a.title} onChange={(e) => at('activities', i, { title: e.target.value })} data-testid="template-activity-title" />}
              </Field>
              <RecurrencePicker idPrefix={`a${i}`} value={a.recurrence} onChange={(recurrence) => at('activities', i, { recurrence })} error={err(`activities.${i}.recurrence`)} />
              <button type="button" className="btn btn--small btn--danger-outline" onClick={() => drop('activities', i)}>{t('templateEditor.remove')}</button>
            </fieldset>
          ))}
          <button type="button" className="btn btn--small row-group__add" onClick={() => set({ activities: [...v.activities, { title: '', recurrence: { ...emptyRecurrence(), freq: 'weekly' } }] })} data-testid="template-add-activity">
            {t('templateEditor.addActivity')}
          </button>
        </section>

        <section className="card form" aria-labelledby="te-targets">
          <h2 id="te-targets" className="card__title">{t('templates.targets')}</h2>
          {v.targets.map((x, i) => (
            <fieldset key={i} className="row-group">
              <legend>{t('templateEditor.targetN', { n: i + 1 })}</legend>
              <Field label={t('templateEditor.targetTitle')} error={err(`targets.${i}.title`)}>
                {({ id: fid, invalid }) => <input id={fid} aria-invalid={invalid} maxLength={300} value={x.title} onChange={(e) => at('targets', i, { title: e.target.value })} />}
              </Field>
              <div className="form__row">
                <Field label={t('templateEditor.targetValue')} error={err(`targets.${i}.value`)}>
                  {({ id: fid, invalid }) => <input id={fid} type="number" min={0} aria-invalid={invalid} value={x.value} onChange={(e) => at('targets', i, { value: Number(e.target.value) })} />}
                </Field>
                <Field label={t('templateEditor.targetUnit')}>
                  {({ id: fid }) => (
                    <select id={fid} value={x.unit} onChange={(e) => at('targets', i, { unit: e.target.value as '%' | 'count' })}>
                      <option value="%">%</option>
                      <option value="count">{t('templateEditor.count')}</option>
                    </select>
                  )}
                </Field>
              </div>
              <button type="button" className="btn btn--small btn--danger-outline" onClick={() => drop('targets', i)}>{t('templateEditor.remove')}</button>
            </fieldset>
          ))}
          <button type="button" className="btn btn--small row-group__add" onClick={() => set({ targets: [...v.targets, { key: '', title: '', value: 100, unit: '%' }] })}>{t('templateEditor.addTarget')}</button>
        </section>

        <section className="card form" aria-labelledby="te-reports">
          <h2 id="te-reports" className="card__title">{t('templates.reports')}</h2>
          {v.reports.map((r, i) => (
            <fieldset key={i} className="row-group">
              <legend>{t('templateEditor.reportN', { n: i + 1 })}</legend>
              <Field label={t('templateEditor.reportTitle')} error={err(`reports.${i}.title`)}>
                {({ id: fid, invalid }) => <input id={fid} aria-invalid={invalid} maxLength={300} value={r.title} onChange={(e) => at('reports', i, { title: e.target.value })} />}
              </Field>
              <div className="form__row">
                <Field label={t('templateEditor.period')}>
                  {({ id: fid }) => (
                    <select id={fid} value={r.period} onChange={(e) => at('reports', i, { period: e.target.value as (typeof PERIODS)[number] })}>
                      {PERIODS.map((p) => <option key={p} value={p}>{t(PERIOD_KEY[p])}</option>)}
                    </select>
                  )}
                </Field>
                <Field label={t('templateEditor.dueDay')} error={err(`reports.${i}.due.day`)}>
                  {({ id: fid, invalid }) => <input id={fid} type="number" min={1} max={31} aria-invalid={invalid} value={r.due.day} onChange={(e) => at('reports', i, { due: { ...r.due, day: int(e.target.value) } })} />}
                </Field>
                <Field label={t('templateEditor.dueMonth')} optional error={err(`reports.${i}.due.month`)}>
                  {({ id: fid, invalid }) => (
                    <input id={fid} type="number" min={1} max={12} aria-invalid={invalid} value={r.due.month ?? ''}
                      onChange={(e) => at('reports', i, { due: e.target.value ? { ...r.due, month: int(e.target.value) } : { day: r.due.day } })} />
                  )}
                </Field>
              </div>
              <button type="button" className="btn btn--small btn--danger-outline" onClick={() => drop('reports', i)}>{t('templateEditor.remove')}</button>
            </fieldset>
          ))}
          <button type="button" className="btn btn--small row-group__add" onClick={() => set({ reports: [...v.reports, { title: '', period: 'half_year', due: { day: 10 } }] })}>{t('templateEditor.addReport')}</button>
        </section>

        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="template-save">{busy ? t('common.saving') : t('templateEditor.save')}</button>
          <Link to="/models/templates" className="btn">{t('common.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}

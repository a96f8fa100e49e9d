import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, type PlanInput, type PlanSection } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { UnitPicker, type PickedUnit } from '../components/UnitPicker.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { Alert, errorText, Field, generalError, LoadError, Loading, useAction } from '../ui.tsx';
import { firstGrantUnit } from '../work.tsx';

/** A section as edited: its paragraphs as one text, a line each. */
interface SectionDraft {
  key: number;
  heading: string;
  text: string;
  children: SectionDraft[];
}

interface Draft {
  unit: PickedUnit | null;
  superior: string;
  issuer: string;
  number: string;
  symbol: string;
  place: string;
  issuedOn: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  parentPlanId: string;
  bases: string;
  preamble: string;
  sections: SectionDraft[];
  closing: string;
  recipients: string;
  authority: string;
  signerTitle: string;
  signerName: string;
}

let nextKey = 1;
const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const toDraft = (s: PlanSection): SectionDraft => ({ key: nextKey++, heading: s.heading, text: s.paragraphs.join('\n'), children: (s.children ?? []).map(toDraft) });
const fromDraft = (s: SectionDraft): PlanSection => ({
  heading: s.heading.trim(), paragraphs: lines(s.text), ...(s.children.length > 0 && { children: s.children.map(fromDraft) }),
});
const blank = (heading = ''): SectionDraft => ({ key: nextKey++, heading, text: '', children: [] });

// The parts of every plan (Nghị định 30/2020/NĐ-CP); document content, so Vietnamese in either language.
const SKELETON = ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN'];
const PLACE_PREFIX = /^(Xã|Phường|Đặc khu|Tỉnh|Thành phố|Thôn|Trường)\s+/;

const emptyDraft = (unit: PickedUnit | null): Draft => ({
  unit, superior: '', issuer: '', number: '', symbol: '', place: unit ? unit.name.replace(PLACE_PREFIX, '') : '', issuedOn: '', title: '',
  periodStart: '', periodEnd: '', parentPlanId: '', bases: '', preamble: '', sections: SKELETON.map((h) => blank(h)), closing: '',
  recipients: '', authority: '', signerTitle: '', signerName: '',
});

export function PlanEditorPage({ id }: { id?: number }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [draft, setDraft] = useState<Draft | undefined>(() => (id ? undefined : emptyDraft(firstGrantUnit(me?.grants ?? [], 'plan.write'))));
  const [loadError, setLoadError] = useState<unknown>(null);
  const [parents, setParents] = useState<{ id: number; label: string }[]>([]);

  useEffect(() => {
    if (!id) return;
    let live = true;
    api.plan(id).then(
      ({ plan }) => {
        if (!live) return;
        const d = plan.document;
        setDraft({
          unit: { id: plan.unit_id, name: plan.unit_name, detail: '' }, superior: d.issuer.superior ?? '', issuer: d.issuer.name, number: plan.number ?? '',
          symbol: plan.symbol, place: plan.place, issuedOn: plan.issued_on ?? '', title: plan.title, periodStart: plan.period_start ?? '',
          periodEnd: plan.period_end ?? '', parentPlanId: plan.parent_plan_id ? String(plan.parent_plan_id) : '', bases: d.bases.join('\n'),
          preamble: d.preamble ?? '', sections: d.sections.map(toDraft), closing: d.closing ?? '', recipients: d.recipients.join('\n'),
          authority: d.signer.authority ?? '', signerTitle: d.signer.title, signerName: d.signer.name,
        });
      },
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    let live = true;
    api.plans({ limit: 200 }).then(
      (list) => live && setParents(list.filter((p) => p.id !== id).map((p) => ({ id: p.id, label: `${p.number ? `${p.number}/${p.symbol}` : p.symbol} — ${p.title}` }))),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <div className="page page--narrow page--editor">
      <Link to={id ? `/plans/${id}` : '/plans'} className="back-link">
        ‹ {id ? t('plans.backToPlan') : t('plans.title')}
      </Link>
      <h1 className="page__title">{id ? t('editor.editTitle') : t('editor.newTitle')}</h1>
      <p className="page__intro">{t('editor.intro')}</p>
      {loadError != null && <LoadError error={loadError} />}
      {!draft && loadError == null && <Loading />}
      {draft && <EditorForm id={id} draft={draft} setDraft={setDraft} parents={parents} />}
    </div>
  );
}

/** Field errors the server may name, by path. */
type Errors = Record<string, string>;

function EditorForm({ id, draft: d, setDraft, parents }: { id?: number | undefined; draft: Draft; setDraft: (d: Draft) => void; parents: { id: number; label: string }[] }) {
  const { t } = useI18n();
  const { busy, error, setError, run } = useAction();
  const [local, setLocal] = useState<Errors>({});
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...d, [k]: v });
  const input = (k: keyof Draft) => (e: { target: { value: string } }) => set(k, e.target.value as never);

  const serverErrors: Errors = {};
  if (error instanceof ApiError) for (const f of error.fields) serverErrors[f.path] ??= f.message;
  const errors = { ...serverErrors, ...local };
  const KNOWN = ['unitId', 'number', 'symbol', 'place', 'issuedOn', 'title', 'issuer.name', 'issuer.superior', 'signer.title', 'signer.name', 'signer.authority', 'periodStart', 'periodEnd', 'parentPlanId'];
  const general = generalError(error, KNOWN);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The required parts, checked here so the messages read naturally.
    const missing: Errors = {};
    if (!d.unit) missing.unitId = t('editor.required');
    if (!d.issuer.trim()) missing['issuer.name'] = t('editor.required');
    if (!d.symbol.trim()) missing.symbol = t('editor.required');
    if (!d.title.trim()) missing.title = t('editor.required');
    if (!d.signerTitle.trim()) missing['signer.title'] = t('editor.required');
    if (d.periodStart && d.periodEnd && d.periodStart > d.periodEnd) missing.periodEnd = t('editor.periodOrder');
    setLocal(missing);
    if (Object.keys(missing).length > 0) {
      setError(null);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const body: PlanInput = {
      unitId: d.unit!.id, number: d.number.trim() || null, symbol: d.symbol.trim(), place: d.place.trim(), issuedOn: d.issuedOn || null,
      title: d.title.trim(), issuer: { ...(d.superior.trim() && { superior: d.superior.trim() }), name: d.issuer.trim() },
      bases: lines(d.bases), ...(d.preamble.trim() && { preamble: d.preamble.trim() }), sections: d.sections.map(fromDraft).filter((s) => s.heading || s.paragraphs.length || s.children),
      ...(d.closing.trim() && { closing: d.closing.trim() }), recipients: lines(d.recipients),
      signer: { ...(d.authority.trim() && { authority: d.authority.trim() }), title: d.signerTitle.trim(), name: d.signerName.trim() },
      parentPlanId: d.parentPlanId ? Number(d.parentPlanId) : null, periodStart: d.periodStart || null, periodEnd: d.periodEnd || null,
    };
    await run(async () => {
      const saved = id ? await api.updatePlan(id, body) : await api.createPlan(body);
      navigate(`/plans/${saved.id}`);
    });
  };

  const text = (k: keyof Draft, label: MessageKey, opts: { path?: string; optional?: boolean; hint?: MessageKey; placeholder?: MessageKey; max?: number; testId?: string; type?: string } = {}) => (
    <Field label={t(label)} optional={opts.optional} hint={opts.hint && t(opts.hint)} error={errors[opts.path ?? k]}>
      {({ id: fid, describedBy, invalid }) => (
        <input
          id={fid} type={opts.type ?? 'text'} aria-describedby={describedBy} aria-invalid={invalid} maxLength={opts.max} value={d[k] as string}
          placeholder={opts.placeholder && t(opts.placeholder)} onChange={input(k)} data-testid={opts.testId}
        />
      )}
    </Field>
  );
  const area = (k: keyof Draft, label: MessageKey, opts: { hint?: MessageKey; placeholder?: MessageKey; rows?: number; testId?: string; optional?: boolean } = {}) => (
    <Field label={t(label)} optional={opts.optional} hint={opts.hint && t(opts.hint)} error={errors[k]}>
      {({ id: fid, describedBy, invalid }) => (
        <textarea id={fid} aria-describedby={describedBy} aria-invalid={invalid} rows={opts.rows ?? 3} value={d[k] as string} placeholder={opts.placeholder && t(opts.placeholder)} onChange={input(k)} data-testid={opts.testId} />
      )}
    </Field>
  );

  return (
    <form className="form editor" onSubmit={submit} noValidate data-testid="plan-editor">
      {general != null && <Alert kind="error" testId="editor-error">{errorText(general, t)}</Alert>}
      {Object.keys(local).length > 0 && <Alert kind="error" testId="editor-fix">{t('editor.fixFields')}</Alert>}

      <EditorPart title={t('editor.header')} hint={t('editor.headerHint')}>
        <Field label={t('plans.unit')} hint={id ? undefined : t('editor.unitHint')} error={errors.unitId}>
          {({ id: fid, describedBy, invalid }) =>
            id ? (
              <p id={fid} className="picked picked--fixed">{d.unit?.name}</p>
            ) : (
              <UnitPicker
                id={fid} value={d.unit} describedBy={describedBy} invalid={invalid} testId="plan-unit"
                onChange={(u) => setDraft({ ...d, unit: u, place: d.place || (u ? u.name.replace(PLACE_PREFIX, '') : '') })}
              />
            )
          }
        </Field>
        <div className="form-pair">
          {text('superior', 'editor.superior', { path: 'issuer.superior', optional: true, placeholder: 'editor.superiorPlaceholder', max: 200 })}
          {text('issuer', 'editor.issuer', { path: 'issuer.name', placeholder: 'editor.issuerPlaceholder', max: 200, testId: 'plan-issuer' })}
        </div>
        <div className="form-trio">
          {text('number', 'editor.number', { optional: true, hint: 'editor.numberHint', max: 20, testId: 'plan-number' })}
          {text('symbol', 'editor.symbol', { placeholder: 'editor.symbolPlaceholder', max: 50, testId: 'plan-symbol' })}
          {text('issuedOn', 'editor.issuedOn', { optional: true, type: 'date', testId: 'plan-issued-on' })}
        </div>
        {text('place', 'editor.place', { hint: 'editor.placeHint', max: 100, testId: 'plan-place' })}
        <Field label={t('editor.title')} hint={t('editor.titleHint')} error={errors.title}>
          {({ id: fid, describedBy, invalid }) => (
            <textarea id={fid} aria-describedby={describedBy} aria-invalid={invalid} rows={2} maxLength={500} value={d.title} placeholder={t('editor.titlePlaceholder')} onChange={input('title')} data-testid="plan-title-input" />
          )}
        </Field>
        <div className="form-pair">
          {text('periodStart', 'editor.periodStart', { optional: true, type: 'date', testId: 'plan-period-start' })}
          {text('periodEnd', 'editor.periodEnd', { optional: true, type: 'date', testId: 'plan-period-end' })}
        </div>
        <Field label={t('plans.parent')} optional hint={t('editor.parentHint')} error={errors.parentPlanId}>
          {({ id: fid, describedBy, invalid }) => (
            <select id={fid} aria-describedby={describedBy} aria-invalid={invalid} value={d.parentPlanId} onChange={input('parentPlanId')}>
              <option value="">{t('editor.noParent')}</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </EditorPart>

      <EditorPart title={t('editor.bases')} hint={t('editor.basesHint')}>
        {area('bases', 'editor.basesField', { rows: 4, placeholder: 'editor.basesPlaceholder', testId: 'plan-bases', optional: true })}
        {area('preamble', 'editor.preamble', { rows: 2, placeholder: 'editor.preamblePlaceholder', optional: true })}
      </EditorPart>

      <EditorPart title={t('editor.sections')} hint={t('editor.sectionsHint')}>
        <SectionList sections={d.sections} depth={0} onChange={(sections) => set('sections', sections)} />
      </EditorPart>

      <EditorPart title={t('editor.end')}>
        {area('closing', 'editor.closing', { rows: 2, placeholder: 'editor.closingPlaceholder', optional: true })}
        {area('recipients', 'editor.recipients', { rows: 4, hint: 'editor.recipientsHint', placeholder: 'editor.recipientsPlaceholder', testId: 'plan-recipients', optional: true })}
        <div className="form-trio">
          {text('authority', 'editor.authority', { path: 'signer.authority', optional: true, placeholder: 'editor.authorityPlaceholder', max: 200 })}
          {text('signerTitle', 'editor.signerTitle', { path: 'signer.title', placeholder: 'editor.signerTitlePlaceholder', max: 200, testId: 'plan-signer-title' })}
          {text('signerName', 'editor.signerName', { path: 'signer.name', max: 200, testId: 'plan-signer-name' })}
        </div>
      </EditorPart>

      <div className="form__actions editor__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="plan-save">
          {busy ? t('common.saving') : id ? t('common.save') : t('editor.create')}
        </button>
        <Link to={id ? `/plans/${id}` : '/plans'} className="btn">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

function EditorPart({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="card editor__part">
      <legend className="editor__legend">{title}</legend>
      {hint && <p className="card__hint">{hint}</p>}
      <div className="form">{children}</div>
    </fieldset>
  );
}

const MAX_DEPTH = 3;

function SectionList({ sections, depth, onChange }: { sections: SectionDraft[]; depth: number; onChange: (s: SectionDraft[]) => void }) {
  const { t } = useI18n();
  const update = (i: number, s: SectionDraft) => onChange(sections.map((x, j) => (j === i ? s : x)));
  const move = (i: number, by: number) => {
    const next = [...sections];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s!);
    onChange(next);
  };
  return (
    <div className={`sections sections--${depth}`}>
      {sections.map((s, i) => (
        <div key={s.key} className="section-editor" data-testid="section-editor">
          <div className="field">
            <label htmlFor={`sec-${s.key}`}>{t(depth === 0 ? 'editor.heading' : 'editor.subheading')}</label>
            <input id={`sec-${s.key}`} value={s.heading} maxLength={500} placeholder={t(depth === 0 ? 'editor.headingPlaceholder' : 'editor.subheadingPlaceholder')} onChange={(e) => update(i, { ...s, heading: e.target.value })} data-testid="section-heading" />
          </div>
          <div className="field">
            <label htmlFor={`sec-${s.key}-text`}>{t('editor.paragraphs')}</label>
            <textarea id={`sec-${s.key}-text`} rows={3} value={s.text} onChange={(e) => update(i, { ...s, text: e.target.value })} data-testid="section-text" />
          </div>
          {s.children.length > 0 && <SectionList sections={s.children} depth={depth + 1} onChange={(children) => update(i, { ...s, children })} />}
          <div className="section-editor__tools">
            {depth + 1 < MAX_DEPTH && (
              <button type="button" className="btn btn--small" onClick={() => update(i, { ...s, children: [...s.children, blank()] })}>
                {t('editor.addSub')}
              </button>
            )}
            {i > 0 && (
              <button type="button" className="btn btn--small" onClick={() => move(i, -1)} aria-label={t('editor.moveUpLabel', { heading: s.heading || '…' })}>
                ↑ {t('editor.moveUp')}
              </button>
            )}
            {i < sections.length - 1 && (
              <button type="button" className="btn btn--small" onClick={() => move(i, 1)} aria-label={t('editor.moveDownLabel', { heading: s.heading || '…' })}>
                ↓ {t('editor.moveDown')}
              </button>
            )}
            <button
              type="button" className="btn btn--small btn--danger"
              onClick={() => (!s.text.trim() && s.children.length === 0) || window.confirm(t('editor.removeConfirm', { heading: s.heading || '…' })) ? onChange(sections.filter((_, j) => j !== i)) : undefined}
            >
              {t('editor.remove')}
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => onChange([...sections, blank()])} data-testid={depth === 0 ? 'add-section' : undefined}>
        {t(depth === 0 ? 'editor.addSection' : 'editor.addSubHere')}
      </button>
    </div>
  );
}

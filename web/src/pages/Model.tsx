import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  api, ApiError, SIGNER_KINDS, type ModelMember, type ModelPage as ModelPageData, type ModelStep, type ReplicaKind, type ReplicateResult, type SignerKind,
} from '../api.ts';
import { Attachments } from '../components/Attachments.tsx';
import { UnitPicker, type PickedUnit } from '../components/UnitPicker.tsx';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { Alert, errorText, Field, fieldError, generalError, PageNotReady, useAction, useDocumentTitle } from '../ui.tsx';
import { useKindLabel, useKinds } from '../units.tsx';
import { useResource } from '../useResource.ts';
import { fieldKey, formatDay, ModelStatusChip, stepKey, todayVN, useRecurrenceText } from '../work.tsx';

export function ModelPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { data, error, reload } = useResource(() => api.model(id), [id], { clear: true });

  useDocumentTitle(data?.instance.name);
  if (!data) return <PageNotReady error={error} retry={reload} back={{ to: '/models', label: t('models.back') }} />;
  const m = data.instance;
  return (
    <div className="page">
      <header>
        <Link to="/models" className="back-link">
          ‹ {t('models.title')}
        </Link>
        <div className="title-row">
          <h1 className="page__title" data-testid="model-title">
            {m.name}
          </h1>
          <ModelStatusChip status={m.status} />
        </div>
        <dl className="facts">
          <div>
            <dt>{t('models.unit')}</dt>
            <dd>
              <Link to={`/units/${m.unit_id}`}>{m.unit_name}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('models.template')}</dt>
            <dd>
              {m.template_name} <span className="muted">({t('models.version', { n: m.template_version })})</span>
            </dd>
          </div>
          <div>
            <dt>{t('models.field')}</dt>
            <dd>{t(fieldKey(m.field))}</dd>
          </div>
          <div>
            <dt>{t('models.startDate')}</dt>
            <dd>{formatDay(m.started_on)}</dd>
          </div>
          {m.plan_id && (
            <div>
              <dt>{t('models.plan')}</dt>
              <dd>
                <Link to={`/plans/${m.plan_id}`}>{t('models.openPlan')}</Link>
              </dd>
            </div>
          )}
          {data.replicatedFrom && (
            <div className="facts__wide" data-testid="replicated-from">
              <dt>{t('models.replicatedFrom')}</dt>
              <dd>
                <Link to={`/models/${data.replicatedFrom.id}`}>{data.replicatedFrom.name}</Link>
                {data.replicatedFrom.unit_name && <span className="muted"> · {data.replicatedFrom.unit_name}</span>}
              </dd>
            </div>
          )}
          {data.extraUnits.length > 0 && (
            <div className="facts__wide">
              <dt>{t('models.extraUnits')}</dt>
              <dd>
                {data.extraUnits.map((u, i) => (
                  <span key={u.id}>
                    {i > 0 && ', '}
                    <Link to={`/units/${u.id}`}>{u.name}</Link>
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
      </header>
      <div className="unit-layout">
        <div className="unit-layout__main">
          <Lifecycle data={data} onSaved={reload} />
          <TemplateActivities templateId={m.template_id} />
        </div>
        <aside className="unit-layout__side">
          {!data.canWrite && <p className="muted readonly-note">{t('models.readOnly')}</p>}
          <Members data={data} onAdded={reload} />
          <Commitments data={data} onAdded={reload} />
          <Replication data={data} onDone={reload} />
        </aside>
      </div>
    </div>
  );
}

function Lifecycle({ data, onSaved }: { data: ModelPageData; onSaved: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const late = data.steps.filter((s) => s.late).length;
  // The step under way: the first one not finished.
  const current = data.steps.find((s) => !s.actual_end)?.step;
  return (
    <section className="card" aria-labelledby="lifecycle-title" data-testid="lifecycle">
      <div className="card__head">
        <h2 id="lifecycle-title" className="card__title">
          {t('models.lifecycle')}
        </h2>
        {late > 0 && <span className="late-badge">{t('models.lateSteps', { n: late })}</span>}
      </div>
      <ol className="stepper">
        {data.steps.map((s, i) => {
          const state = s.actual_end ? 'done' : s.step === current ? 'current' : 'todo';
          return (
            <li key={s.step} className={`stepper__step stepper__step--${state}` + (s.late ? ' stepper__step--late' : '')} data-testid="model-step" data-step={s.step}>
              <span className="stepper__marker" aria-hidden="true">
                {s.actual_end ? '✓' : i + 1}
              </span>
              <div className="stepper__body">
                <div className="stepper__head">
                  <h3 className="stepper__label">{t(stepKey(s.step))}</h3>
                  {s.late && <span className="late-badge" data-testid="step-late">{t('models.late')}</span>}
                  {state === 'current' && !s.late && <span className="badge badge--current">{t('models.stepCurrent')}</span>}
                  {state === 'done' && <span className="badge badge--done">{t('models.stepDone')}</span>}
                </div>
                <p className="stepper__title">{s.title}</p>
                <dl className="stepper__dates">
                  <div>
                    <dt>{t('models.planned')}</dt>
                    <dd>{range(s.planned_start, s.planned_end, t('common.none'))}</dd>
                  </div>
                  <div>
                    <dt>{t('models.actual')}</dt>
                    <dd>{s.actual_start || s.actual_end ? range(s.actual_start, s.actual_end, '…') : <span className="muted">{t('models.notStarted')}</span>}</dd>
                  </div>
                  {s.responsible && (
                    <div>
                      <dt>{t('models.responsible')}</dt>
                      <dd>{s.responsible}</dd>
                    </div>
                  )}
                </dl>
                {s.notes && <p className="stepper__notes">{s.notes}</p>}
                <Attachments
                  files={s.files} testId="step-files"
                  write={data.canWrite ? { attach: (file) => api.attachStepFile(data.instance.id, s.step, file), remove: (f) => api.removeStepFile(data.instance.id, s.step, f.id), onChanged: onSaved } : undefined}
                />
                {data.canWrite && editing !== s.step && (
                  <button type="button" className="btn btn--small" onClick={() => setEditing(s.step)} data-testid="edit-step">
                    {t('models.editStep')}
                  </button>
                )}
                {editing === s.step && (
                  <StepForm
                    modelId={data.instance.id} step={s} onCancel={() => setEditing(null)}
                    onSaved={() => {
                      setEditing(null);
                      onSaved();
                    }}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const range = (a: string | null, b: string | null, missing: string) => `${a ? formatDay(a) : missing} – ${b ? formatDay(b) : missing}`;

function StepForm({ modelId, step, onSaved, onCancel }: { modelId: number; step: ModelStep; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const today = todayVN();
  const [v, setV] = useState({
    plannedStart: step.planned_start ?? '', plannedEnd: step.planned_end ?? '', actualStart: step.actual_start ?? '',
    actualEnd: step.actual_end ?? '', responsible: step.responsible ?? '', notes: step.notes ?? '',
  });
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await api.updateStep(modelId, step.step, {
        plannedStart: v.plannedStart || null, plannedEnd: v.plannedEnd || null, actualStart: v.actualStart || null,
        actualEnd: v.actualEnd || null, responsible: v.responsible.trim() || null, notes: v.notes.trim() || null,
      });
      onSaved();
    });
  };
  const PATHS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'responsible', 'notes'];
  const general = generalError(error, PATHS);
  const date = (k: 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd', label: MessageKey, max?: string) => (
    <Field label={t(label)} error={fieldError(error, k)}>
      {({ id, describedBy, invalid }) => (
        <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} max={max} value={v[k]} onChange={set(k)} data-testid={`step-${k}`} />
      )}
    </Field>
  );
  return (
    <form className="form inline-form step-form" onSubmit={submit} data-testid="step-form">
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      <div className="form-pair">
        {date('plannedStart', 'models.plannedStart')}
        {date('plannedEnd', 'models.plannedEnd')}
      </div>
      <div className="form-pair">
        {date('actualStart', 'models.actualStart', today)}
        {date('actualEnd', 'models.actualEnd', today)}
      </div>
      <p className="field__hint">{t('models.actualHint')}</p>
      <Field label={t('models.responsible')} optional error={fieldError(error, 'responsible')}>
        {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={200} value={v.responsible} onChange={set('responsible')} />}
      </Field>
      <Field label={t('models.notes')} optional error={fieldError(error, 'notes')}>
        {({ id, describedBy, invalid }) => <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={2} maxLength={5000} value={v.notes} onChange={set('notes')} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="step-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function TemplateActivities({ templateId }: { templateId: number }) {
  const { t } = useI18n();
  const num = useNumber();
  const recurrence = useRecurrenceText();
  const { data } = useResource(() => api.template(templateId), [templateId]);
  if (!data || (data.activities.length === 0 && data.targets.length === 0)) return null;
  return (
    <section className="card" aria-labelledby="activities-title">
      <h2 id="activities-title" className="card__title">
        {t('models.activities')}
      </h2>
      {data.activities.length > 0 && (
        <ul className="plain-list">
          {data.activities.map((a) => (
            <li key={a.key}>
              {a.title} <span className="recurrence">{recurrence(a.recurrence)}</span>
            </li>
          ))}
        </ul>
      )}
      {data.targets.length > 0 && (
        <>
          <h3 className="group__title">{t('templates.targets')}</h3>
          <ul className="plain-list">
            {data.targets.map((x) => (
              <li key={x.key}>
                {x.title}: <strong>{x.unit === '%' ? `${num(x.value)}%` : num(x.value)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const ROLE_SUGGESTIONS: MessageKey[] = ['members.role.head', 'members.role.deputy', 'members.role.member'];

function Members({ data, onAdded }: { data: ModelPageData; onAdded: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const id = data.instance.id;

  return (
    <section className="card" aria-labelledby="members-title" data-testid="members">
      <div className="card__head">
        <h2 id="members-title" className="card__title">
          {t('members.title')} <span className="count">{data.members.length}</span>
        </h2>
        {data.canWrite && !open && (
          <button type="button" className="btn btn--small" onClick={() => setOpen(true)} data-testid="add-member">
            {t('members.add')}
          </button>
        )}
      </div>
      {data.members.length === 0 ? (
        <p className="muted">{t('members.none')}</p>
      ) : (
        <ul className="list">
          {data.members.map((p) =>
            editing === p.id ? (
              <li key={p.id} className="list__item member">
                <MemberForm
                  member={p} submitLabel={t('common.save')} onClose={() => setEditing(null)}
                  save={async (body) => {
                    await api.updateMember(id, p.id, body);
                    setEditing(null);
                    onAdded();
                  }}
                />
              </li>
            ) : (
              <MemberRow key={p.id} member={p} canWrite={data.canWrite} onEdit={() => setEditing(p.id)}
                remove={async () => {
                  await api.removeMember(id, p.id);
                  onAdded();
                }}
              />
            ),
          )}
        </ul>
      )}
      {open && (
        <MemberForm
          submitLabel={t('members.submit')} onClose={() => setOpen(false)}
          save={async (body) => {
            await api.addMember(id, body);
            onAdded();
          }}
        />
      )}
    </section>
  );
}

/** A member with "Sửa" and "Xóa"; removing asks once more, in the row itself. */
function MemberRow({ member: p, canWrite, onEdit, remove }: { member: ModelMember; canWrite: boolean; onEdit: () => void; remove: () => Promise<void> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <li className="list__item member" data-testid="member" data-id={p.id}>
      <strong>{p.full_name}</strong> <span className="badge">{p.role}</span>
      {p.position && <span className="list__meta">{p.position}</span>}
      {canWrite && !confirming && (
        <span className="member__actions">
          <button type="button" className="btn btn--small btn--link" onClick={onEdit} data-testid="member-edit" aria-label={t('members.editNamed', { name: p.full_name })}>
            {t('common.edit')}
          </button>
          <button type="button" className="btn btn--small btn--link" onClick={() => setConfirming(true)} data-testid="member-remove" aria-label={t('members.removeNamed', { name: p.full_name })}>
            {t('members.remove')}
          </button>
        </span>
      )}
      {confirming && (
        <span className="member__actions" role="group" aria-label={t('members.removeNamed', { name: p.full_name })}>
          <span>{t('members.removeConfirm', { name: p.full_name })}</span>{' '}
          <button type="button" className="btn btn--small btn--danger" disabled={busy} onClick={() => void run(remove)} data-testid="member-remove-confirm">
            {t('members.remove')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </span>
      )}
      {error != null && <Alert kind="error">{errorText(error, t)}</Alert>}
    </li>
  );
}

type MemberBody = { fullName: string; role: string; position: string | null };

/** Adds a member, or edits one (`member`); the same fields either way. */
function MemberForm({ member, submitLabel, save, onClose }: { member?: ModelMember; submitLabel: string; save: (body: MemberBody) => Promise<void>; onClose: () => void }) {
  const { t } = useI18n();
  const [fullName, setFullName] = useState(member?.full_name ?? '');
  const [role, setRole] = useState(member?.role ?? '');
  const [position, setPosition] = useState(member?.position ?? '');
  const { busy, error, setError, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await save({ fullName: fullName.trim(), role: role.trim(), position: position.trim() || null });
      setFullName('');
      setPosition('');
    });
  };
  const general = generalError(error, ['fullName', 'role', 'position']);

  return (
    <form className="form inline-form" onSubmit={submit} data-testid="member-form">
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      <Field label={t('members.fullName')} error={fieldError(error, 'fullName')}>
        {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} value={fullName} onChange={(e) => setFullName(e.target.value)} data-testid="member-name" />}
      </Field>
      <Field label={t('members.role')} error={fieldError(error, 'role')}>
        {({ id, describedBy, invalid }) => (
          <>
            <input id={id} list={id + '-roles'} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={100} value={role} onChange={(e) => setRole(e.target.value)} data-testid="member-role" />
            <datalist id={id + '-roles'}>
              {ROLE_SUGGESTIONS.map((k) => (
                <option key={k} value={t(k)} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('members.position')} optional hint={t('members.positionHint')} error={fieldError(error, 'position')}>
        {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={position} onChange={(e) => setPosition(e.target.value)} data-testid="member-position" />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !fullName.trim() || !role.trim()} data-testid="member-save">
          {busy ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="btn" onClick={() => { onClose(); setError(null); }}>
          {member ? t('common.cancel') : t('common.close')}
        </button>
      </div>
    </form>
  );
}

/** "Nguyễn Văn A, lớp 6A" or a row pasted from a spreadsheet (tab between columns): name, then an optional note. */
function parseSigners(text: string) {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: i + 1, cells: line.split(/\t|,|;/).map((c) => c.trim()) }))
    .filter((r) => r.cells[0])
    .map((r) => ({ line: r.line, name: r.cells[0]!, detail: r.cells.slice(1).filter(Boolean).join(', ') || null }));
}

const COMMITMENT_PATH = /^(?:commitments\.)?(\d+)\.(\w+)$/;

function Commitments({ data, onAdded }: { data: ModelPageData; onAdded: () => void }) {
  const { t } = useI18n();
  const num = useNumber();
  const school = data.instance.field === 'school' || data.instance.field === 'ATGT';
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<SignerKind>(school ? 'parent' : 'household');
  const [signedOn, setSignedOn] = useState(todayVN());
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<number>();
  const signers = parseSigners(text);
  const total = Object.values(data.commitments).reduce((a, b) => a + (b ?? 0), 0);
  const kinds = SIGNER_KINDS.filter((k) => (data.commitments[k] ?? 0) > 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (signers.length === 0) return;
    setDone(undefined);
    await run(async () => {
      const res = await api.addCommitments(data.instance.id, signers.map((s) => ({ signerKind: kind, signerName: s.name, detail: s.detail, signedOn })));
      setDone(res.added);
      setText('');
      onAdded();
    });
  };
  // Row errors name the list index; show them by the line the user typed.
  const rowErrors =
    error instanceof ApiError
      ? error.fields.flatMap((f) => {
          const m = COMMITMENT_PATH.exec(f.path);
          const s = m ? signers[Number(m[1])] : undefined;
          return s ? [{ line: s.line, name: s.name, message: f.message }] : [];
        })
      : [];
  const dateError = rowErrors.length > 0 && rowErrors.every((r) => r.message === rowErrors[0]!.message) && error instanceof ApiError && error.fields.every((f) => f.path.endsWith('signedOn'));

  return (
    <section className="card" aria-labelledby="commitments-title" data-testid="commitments">
      <div className="card__head">
        <h2 id="commitments-title" className="card__title">
          {t('commitments.title')} <span className="count" data-testid="commitments-total">{num(total)}</span>
        </h2>
        {data.canWrite && !open && (
          <button type="button" className="btn btn--small" onClick={() => { setOpen(true); setDone(undefined); }} data-testid="add-commitments">
            {t('commitments.add')}
          </button>
        )}
      </div>
      {done !== undefined && <Alert kind="success">{t('commitments.added', { n: num(done) })}</Alert>}
      {total === 0 ? (
        <p className="muted">{t('commitments.none')}</p>
      ) : (
        <ul className="stats stats--small" data-testid="commitment-counts">
          {kinds.map((k) => (
            <li key={k} className="stat">
              <span className="stat__value">{num(data.commitments[k] ?? 0)}</span>
              <span className="stat__label">{t(`signer.${k}` as MessageKey)}</span>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form className="form inline-form" onSubmit={submit} data-testid="commitments-form">
          <div className="form-pair">
            <div className="field">
              <label htmlFor="c-kind">{t('commitments.kind')}</label>
              <select id="c-kind" value={kind} onChange={(e) => setKind(e.target.value as SignerKind)} data-testid="commitments-kind">
                {SIGNER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`signer.${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <Field label={t('commitments.signedOn')} error={dateError ? rowErrors[0]!.message : undefined}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" max={todayVN()} aria-describedby={describedBy} aria-invalid={invalid} required value={signedOn} onChange={(e) => setSignedOn(e.target.value)} />}
            </Field>
          </div>
          <Field label={t('commitments.list')} hint={t('commitments.listHint')}>
            {({ id, describedBy }) => (
              <textarea
                id={id} aria-describedby={describedBy} rows={6} value={text} spellCheck={false} placeholder={t('commitments.placeholder')}
                onChange={(e) => setText(e.target.value)} data-testid="commitments-text"
              />
            )}
          </Field>
          {error != null && !dateError && <Alert kind="error">{errorText(error, t)}</Alert>}
          {rowErrors.length > 0 && !dateError && (
            <ul className="plain-list field__error">
              {rowErrors.map((r, i) => (
                <li key={i}>{t('commitments.lineError', { line: r.line, name: r.name, message: r.message })}</li>
              ))}
            </ul>
          )}
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={busy || signers.length === 0 || !signedOn} data-testid="commitments-submit">
              {busy ? t('common.saving') : signers.length > 0 ? t('commitments.submitN', { n: num(signers.length) }) : t('commitments.submit')}
            </button>
            <button type="button" className="btn" onClick={() => { setOpen(false); setError(null); }}>
              {t('common.close')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Replication({ data, onDone }: { data: ModelPageData; onDone: () => void }) {
  const { t } = useI18n();
  const num = useNumber();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const hidden = data.replicaCount - data.replicas.length;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <section className="card" aria-labelledby="replicas-title" data-testid="replicas">
      <div className="card__head">
        <h2 id="replicas-title" className="card__title">
          {t('replicate.title')} <span className="count">{num(data.replicaCount)}</span>
        </h2>
        {data.canWrite && (
          <button type="button" className="btn btn--small" onClick={() => setOpen(true)} data-testid="replicate">
            {t('replicate.open')}
          </button>
        )}
      </div>
      {data.replicaCount === 0 ? (
        <p className="muted">{t('replicate.none')}</p>
      ) : (
        <>
          <p className="card__hint">{t('replicate.to', { n: num(data.replicaCount) })}</p>
          <ul className="list" data-testid="replica-list">
            {data.replicas.map((r) => (
              <li key={r.id} className="list__item replica">
                <Link to={`/models/${r.id}`}>{r.unit_name}</Link> <ModelStatusChip status={r.status} />
              </li>
            ))}
          </ul>
          {hidden > 0 && <p className="muted small">{t('replicate.hidden', { n: num(hidden) })}</p>}
        </>
      )}
      <dialog ref={dialog} className="dialog" aria-labelledby="replicate-title" onClose={() => setOpen(false)} data-testid="replicate-dialog">
        {open && (
          <ReplicateForm
            data={data}
            onClose={(changed) => {
              setOpen(false);
              if (changed) onDone();
            }}
          />
        )}
      </dialog>
    </section>
  );
}

const REPLICA_KINDS: ReplicaKind[] = ['school', 'village', 'agency', 'commune'];
const COMMUNE_SUBKINDS = ['Xã', 'Phường', 'Đặc khu'];

function ReplicateForm({ data, onClose }: { data: ModelPageData; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const num = useNumber();
  const kindLabel = useKindLabel();
  const kinds = useKinds();
  const [mode, setMode] = useState<'under' | 'list'>('under');
  const [under, setUnder] = useState<PickedUnit | null>(null);
  const [kind, setKind] = useState<ReplicaKind>('school');
  const [subkind, setSubkind] = useState('');
  const [units, setUnits] = useState<PickedUnit[]>([]);
  const [startedOn, setStartedOn] = useState(todayVN());
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<ReplicateResult>();

  // Start from the model's own place: the units like it in the same commune.
  useEffect(() => {
    let live = true;
    api.unit(data.instance.unit_id).then((u) => {
      if (!live) return;
      const parent = u.ancestors.at(-1);
      if (parent && parent.kind !== 'country') setUnder((cur) => cur ?? { id: parent.id, name: parent.name, detail: kindLabel(parent.kind) });
      if (REPLICA_KINDS.includes(u.unit.kind as ReplicaKind)) {
        setKind(u.unit.kind as ReplicaKind);
        setSubkind(u.unit.subkind);
      }
    }, () => {});
    return () => {
      live = false;
    };
  }, [data.instance.unit_id]);

  const subkinds = kind === 'commune' ? COMMUNE_SUBKINDS : kinds?.creatable.find((k) => k.kind === kind)?.subkinds ?? [];
  const ready = startedOn && (mode === 'under' ? !!under : units.length > 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    await run(async () => {
      const body = mode === 'under'
        ? { under: { unitId: under!.id, kind, ...(subkind && { subkind }) }, startedOn }
        : { unitIds: units.map((u) => u.id), startedOn };
      setResult(await api.replicate(data.instance.id, body));
    });
  };

  if (result) {
    return (
      <div className="dialog__body" data-testid="replicate-result">
        <h2 id="replicate-title" className="card__title">
          {t('replicate.title')}
        </h2>
        <Alert kind={result.created > 0 ? 'success' : 'info'}>{t('replicate.created', { n: num(result.created) })}</Alert>
        {result.instances.length > 0 && (
          <ul className="list">
            {result.instances.map((m) => (
              <li key={m.id} className="list__item">
                <Link to={`/models/${m.id}`} onClick={() => onClose(true)}>
                  {m.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {result.skipped.length > 0 && (
          <>
            <h3 className="group__title">{t('replicate.skipped', { n: num(result.skipped.length) })}</h3>
            <ul className="list" data-testid="replicate-skipped">
              {result.skipped.map((s) => (
                <li key={s.unit_id} className="list__item">
                  {s.name} <span className="muted">— {s.reason}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="form__actions">
          <button type="button" className="btn btn--primary" onClick={() => onClose(true)} data-testid="replicate-close">
            {t('common.close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="form dialog__body" onSubmit={submit} data-testid="replicate-form">
      <h2 id="replicate-title" className="card__title">
        {t('replicate.title')}
      </h2>
      <p className="card__hint">{t('replicate.intro', { name: data.instance.template_name })}</p>
      <fieldset className="choice">
        <legend className="visually-hidden">{t('replicate.mode')}</legend>
        <label className="choice__option">
          <input type="radio" name="mode" checked={mode === 'under'} onChange={() => setMode('under')} />
          <span>{t('replicate.modeUnder')}</span>
        </label>
        <label className="choice__option">
          <input type="radio" name="mode" checked={mode === 'list'} onChange={() => setMode('list')} data-testid="replicate-mode-list" />
          <span>{t('replicate.modeList')}</span>
        </label>
      </fieldset>
      {mode === 'under' ? (
        <>
          <Field label={t('replicate.under')} error={fieldError(error, 'under.unitId')}>
            {({ id, describedBy, invalid }) => <UnitPicker id={id} value={under} onChange={setUnder} describedBy={describedBy} invalid={invalid} testId="replicate-under" />}
          </Field>
          <div className="form-pair">
            <div className="field">
              <label htmlFor="r-kind">{t('unit.kind')}</label>
              <select id="r-kind" value={kind} onChange={(e) => { setKind(e.target.value as ReplicaKind); setSubkind(''); }} data-testid="replicate-kind">
                {REPLICA_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="r-subkind">{t('unit.subkind')}</label>
              <select id="r-subkind" value={subkind} onChange={(e) => setSubkind(e.target.value)} data-testid="replicate-subkind">
                <option value="">{t('replicate.allSubkinds')}</option>
                {subkind && !subkinds.includes(subkind) && <option value={subkind}>{subkind}</option>}
                {subkinds.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </>
      ) : (
        <Field label={t('replicate.units')} hint={t('replicate.unitsHint')} error={fieldError(error, 'unitIds')}>
          {({ id, describedBy, invalid }) => (
            <div className="picked-list">
              {units.length > 0 && (
                <ul className="chips">
                  {units.map((u) => (
                    <li key={u.id} className="grant">
                      <span>{u.name}</span>
                      <button type="button" className="grant__revoke" aria-label={t('replicate.remove', { name: u.name })} onClick={() => setUnits(units.filter((x) => x.id !== u.id))}>
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <UnitPicker
                id={id} value={null} describedBy={describedBy} invalid={invalid} testId="replicate-unit"
                onChange={(u) => u && !units.some((x) => x.id === u.id) && setUnits([...units, u])}
              />
            </div>
          )}
        </Field>
      )}
      <Field label={t('models.startDate')} error={fieldError(error, 'startedOn')}>
        {({ id, describedBy, invalid }) => <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} required value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />}
      </Field>
      {error != null && <Alert kind="error" testId="replicate-error">{errorText(error, t)}</Alert>}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !ready} data-testid="replicate-submit">
          {busy ? t('common.saving') : t('replicate.submit')}
        </button>
        <button type="button" className="btn" onClick={() => onClose(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useAuth } from '../auth.tsx';
import { UnitPicker, type PickedUnit } from '../components/UnitPicker.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, PageNotReady, useAction, useDateTime, useDocumentTitle, useMediaQuery } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { UrgencyBadge, TipStatusChip } from './Inbox.tsx';
import { addDays, formatDay, todayVN } from '../work.tsx';
import {
  BODY_DECISIONS, decisionFor, endsAtMoment, EXTENSION_DECISION, formatTracking, handoverHours, isCommunesOwn, isOpenStage, ISSUERS, KINDS, lastDayOf, latestFor, tipsApi, type Contact,
  type Decision, type DecisionKind, type Extension, type StatusChange, type TipKind, type TipPageData, type TipStatus,
} from './api-tips.ts';
import './tips.css';

/** /tips/:id: a tip as its officers see it, with what they may do next. */
export function TipPage({ id }: { id: number }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const page = useResource<TipPageData>(() => tipsApi.tip(id), [id]);
  const [data, setData] = useState<TipPageData>();
  const current = data?.tip.id === id ? data : page.data;
  const refresh = () => {
    setData(undefined);
    page.reload();
  };
  useDocumentTitle(current ? t('tips.pageTitle', { code: formatTracking(current.tip.tracking_code) }) : undefined);
  if (page.error != null || !current) return <PageNotReady error={page.error} retry={page.reload} back={{ to: '/tips', label: t('tips.backToInbox') }} />;
  const { tip } = current;
  const update = (next: TipPageData) => setData(next);

  return (
    <div className="page tips tip-page" data-testid="tip-page">
      <Link to={`/tips?unit=${tip.commune_id}`} className="back-link">← {t('tips.backToInbox')}</Link>
      <header className="page__head">
        <div>
          <p className="muted tip-page__where">{tip.village_name ? `${tip.village_name} · ${tip.commune_name}` : tip.commune_name}</p>
          <h1 className="page__title">{t('tips.pageTitle', { code: formatTracking(tip.tracking_code) })}</h1>
          <div className="tip-row__head">
            <span className="tip-category">{t(`tips.category.${tip.category}` as MessageKey)}</span>
            <span className="tip-kind" data-testid="tip-kind">{tip.kind ? t(`tips.kind.${tip.kind}`) : t('tips.kind.none')}</span>
            <TipStatusChip status={tip.status} />
            <UrgencyBadge urgency={tip.urgency} />
          </div>
        </div>
      </header>

      <TipLayout
        story={
          <section className="card" aria-labelledby="tip-story">
            <h2 id="tip-story" className="card__title">{t('tips.story')}</h2>
            <p className="tip-story" data-testid="tip-description">{tip.description}</p>
            <dl className="facts tip-facts">
              <div><dt>{t('tips.occurredAt')}</dt><dd>{tip.occurred_at ? dateTime(tip.occurred_at) : t('tips.notSaid')}</dd></div>
              <div><dt>{t('tips.place')}</dt><dd>{tip.place || t('tips.notSaid')}</dd></div>
              <div><dt>{t('tips.received')}</dt><dd>{dateTime(tip.received_at)}</dd></div>
              <div><dt>{t('tips.channel')}</dt><dd>{t(`tips.channel.${tip.channel}` as MessageKey)}</dd></div>
              <div><dt>{t('tips.col.assignee')}</dt><dd data-testid="tip-assignee">{tip.assignee_name ?? t('tips.unassigned')}</dd></div>
              <div><dt>{t('tips.contact')}</dt><dd>{tip.has_contact ? t('tips.contactLeft') : t('tips.anonymous')}</dd></div>
            </dl>
            {current.photos.length > 0 && (
              <ul className="tip-photos" aria-label={t('tips.photos')}>
                {current.photos.map((p) => (
                  <li key={p.id}>
                    <a href={`/api/files/${p.id}`} target="_blank" rel="noopener">
                      <img src={`/api/files/${p.id}`} alt={p.name} loading="lazy" data-testid="tip-photo" />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        }
        stage={
          <section className="card" aria-labelledby="tip-stage">
            <h2 id="tip-stage" className="card__title">{t('tips.stage')}</h2>
            <p>
              <TipStatusChip status={tip.status} /> <span className="muted">{t('tips.stageSince', { at: dateTime(tip.stage_started_at) })}</span>
              {/* After the handover, a crime report's stages are the receiving body's. */}
              {tip.handed_over_at && tip.status !== 'transferred' && tip.transferred_to && (
                <><br /><span className="small" data-testid="tip-stage-of">{t('tips.stageOf', { body: tip.transferred_to })}</span></>
              )}
            </p>
            <StageTerms data={current} />
            {current.canHandle && canClassify(current) && <ClassifyForm data={current} onDone={update} />}
            {current.next.length > 0 && <StatusForm data={current} onDone={update} />}
            {current.extensions.length > 0 && <Extensions data={current} onDone={update} />}
          </section>
        }
        decisions={(current.decisions.length > 0 || current.notices.length > 0) && <DecisionsCard data={current} onDone={update} />}
        reply={current.canHandle && <ReplyCard data={current} onDone={update} />}
        timeline={<Timeline data={current} />}
        reveal={current.canReveal && <RevealCard id={tip.id} />}
        assign={current.canHandle && <AssignCard data={current} onDone={update} />}
        note={current.canHandle && <NoteCard id={tip.id} onAdded={(note) => update({ ...current, notes: [...current.notes, note] })} />}
        transfer={current.canHandle && canReroute(current) && <TransferCard id={tip.id} onStillHere={refresh} />}
      />
    </div>
  );
}

type Cards = Record<'story' | 'stage' | 'decisions' | 'reply' | 'timeline' | 'reveal' | 'assign' | 'note' | 'transfer', ReactNode>;

/** A kind is given or changed while the case is the commune's own: not handed over, accepted or decided. */
const canClassify = ({ tip }: TipPageData) => isCommunesOwn(tip);
/** Re-routing to the right commune, while the commune has not handed it over or accepted it. */
const canReroute = canClassify;

/**
 * Two columns on a wide screen; on a phone or tablet one, in the order an officer works (the story
 * and its stage, who handles it, the reply and notes, the history, re-routing last). The order is
 * that of the page itself, not only of the screen, so a keyboard and a screen reader follow it too.
 */
function TipLayout(cards: Cards) {
  const wide = useMediaQuery('(min-width: 1100px)');
  if (!wide) {
    return (
      <div className="unit-layout">
        <div className="unit-layout__main">
          {cards.story}{cards.stage}{cards.decisions}{cards.reveal}{cards.assign}{cards.reply}{cards.note}{cards.timeline}{cards.transfer}
        </div>
      </div>
    );
  }
  return (
    <div className="unit-layout">
      <div className="unit-layout__main">{cards.story}{cards.stage}{cards.decisions}{cards.reply}{cards.timeline}</div>
      <aside className="unit-layout__side">{cards.reveal}{cards.assign}{cards.note}{cards.transfer}</aside>
    </div>
  );
}

/** The term that runs and what the law asks by it; the handover's record once made. */
function StageTerms({ data }: { data: TipPageData }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const { tip } = data;
  const due = tip.due_at ? new Date(tip.due_at) : null;
  // A term in hours ends at its moment; one in days at 24:00 of its last day.
  const dueText = due && (endsAtMoment(tip.legal_term)
    ? t('tips.dueAt', { at: dateTime(tip.due_at!) })
    : t('tips.dueEndOf', { day: formatDay(lastDayOf(due)) }));
  // Judged against the commune's hours from receipt: its term is the body's once settled here.
  const pending = data.notices.filter((n) => !n.sent_on);
  const lateHandover = tip.handed_over_at
    && new Date(tip.handed_over_at).getTime() > new Date(tip.received_at).getTime() + handoverHours(!!tip.remote_area) * 3_600_000;
  return (
    <>
      {due ? (
        <p data-testid="tip-due">
          {dueText} <UrgencyBadge urgency={tip.urgency} />
          {tip.legal_term === 'handover' && <><br /><strong>{t('tips.handoverHere', { hours: handoverHours(!!tip.remote_area) })}</strong></>}
          <br /><span className="muted small" data-testid="tip-term">{t(`tips.term.${tip.legal_term}`)}</span>
        </p>
      ) : (
        <p className="muted" data-testid="tip-no-term">
          {t(tip.status === 'suspended' ? 'tips.suspendedStage' : isOpenStage(tip.status, tip.settler_id !== null) ? 'tips.noTerm'
            : pending.length ? 'tips.closedNoticesDue' : 'tips.closedStage', { n: pending.length })}
        </p>
      )}
      {tip.procuracy_ask_by && (
        <p className="tip-ask-by" data-testid="tip-ask-by">{t('tips.askBy', { day: formatDay(tip.procuracy_ask_by) })}</p>
      )}
      {tip.handed_over_at && (
        <p data-testid="tip-handover">
          {t('tips.handedOver', { to: tip.transferred_to ?? '', at: dateTime(tip.handed_over_at) })}
          {tip.handover_document && <> ({tip.handover_document})</>}
          {lateHandover && <> · <strong>{t('tips.handedOverLate')}</strong></>}
          <br /><span className="muted small">
            {tip.settler_id !== null
              ? t('tips.settledHere', { at: dateTime(tip.body_received_at!), name: tip.settler_name ?? '' })
              : t('tips.bodysStages', { at: dateTime(tip.body_received_at!) })}
          </span>
        </p>
      )}
      {!tip.handed_over_at && tip.transferred_to && <p className="muted">{t('tips.transferredTo', { to: tip.transferred_to })}</p>}
    </>
  );
}

function ClassifyForm({ data, onDone }: { data: TipPageData; onDone: (d: TipPageData) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<TipKind | ''>('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const groupId = useId();
  const again = data.tip.kind !== null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!kind) return;
    if (await run(async () => onDone(await tipsApi.classify(data.tip.id, { kind, ...(reason.trim() && { reason: reason.trim() }) })))) {
      setKind('');
      setReason('');
    }
  };
  return (
    <form className="tip-status-form" onSubmit={submit} data-testid="tip-classify-form">
      <p className="tip-status-form__label" id={groupId}>{t(again ? 'tips.reclassify' : 'tips.classify')}</p>
      <div className="tip-next" role="group" aria-labelledby={groupId}>
        {KINDS.filter((k) => k !== data.tip.kind).map((k) => (
          <button key={k} type="button" className={'btn btn--small' + (kind === k ? ' btn--primary' : '')} aria-pressed={kind === k} onClick={() => setKind(k)} data-testid={`tip-kind-${k}`}>
            {t(`tips.kind.${k}`)}
          </button>
        ))}
      </div>
      {kind && (
        <>
          <p className="muted small">{t(`tips.kindHint.${kind}`)}</p>
          <Field label={t('tips.classifyReason')} optional={!again} error={fieldError(error, 'reason')}>
            {({ id, describedBy, invalid }) => (
              <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={2} maxLength={1000} value={reason} required={again} onChange={(e) => setReason(e.target.value)} data-testid="tip-classify-reason" />
            )}
          </Field>
          {generalError(error, ['reason', 'kind']) != null && <LoadError error={error} />}
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={busy || (again && !reason.trim())} data-testid="tip-classify-save">{t('tips.classifySave')}</button>
            <button type="button" className="btn" onClick={() => setKind('')}>{t('common.cancel')}</button>
          </div>
        </>
      )}
    </form>
  );
}

const emptyDecision = (): Decision => ({ reference: '', signedOn: todayVN(), issuerTitle: '', issuerName: '' });

/** A decision's number, day and signer, the signer chosen among those the law lets sign it. */
function DecisionFields({ kind, value, onChange, error }: { kind: DecisionKind; value: Decision; onChange: (d: Decision) => void; error: unknown }) {
  const { t } = useI18n();
  const set = (patch: Partial<Decision>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="tip-decision" data-testid="tip-decision">
      <legend>{t(`tips.decision.${kind}`)}</legend>
      <Field label={t('tips.decisionReference')} hint={t('tips.decisionReferenceHint')} error={fieldError(error, 'decision.reference')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={value.reference} maxLength={300} required onChange={(e) => set({ reference: e.target.value })} data-testid="tip-decision-reference" />
        )}
      </Field>
      <Field label={t('tips.decisionSignedOn')} error={fieldError(error, 'decision.signedOn')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={value.signedOn} max={todayVN()} required onChange={(e) => set({ signedOn: e.target.value })} data-testid="tip-decision-signed" />
        )}
      </Field>
      <Field label={t('tips.decisionIssuerTitle')} error={fieldError(error, 'decision.issuerTitle')}>
        {({ id, describedBy, invalid }) => (
          <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={value.issuerTitle} required onChange={(e) => set({ issuerTitle: e.target.value })} data-testid="tip-decision-title">
            <option value="">{t('tips.decisionChooseTitle')}</option>
            {ISSUERS[kind].map((title) => <option key={title} value={title}>{title}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('tips.decisionIssuerName')} error={fieldError(error, 'decision.issuerName')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={value.issuerName} maxLength={200} required onChange={(e) => set({ issuerName: e.target.value })} data-testid="tip-decision-name" />
        )}
      </Field>
    </fieldset>
  );
}

/** Whether a moment is 00:00 in Vietnam (UTC+7, no daylight saving): the end of the day before. */
const isMidnightVN = (iso: string) => (new Date(iso).getTime() + 7 * 3_600_000) % 86_400_000 === 0;

const decisionReady = (d: Decision) => !!(d.reference.trim() && d.signedOn && d.issuerTitle && d.issuerName.trim());
const DECISION_FIELDS = ['decision', 'decision.reference', 'decision.signedOn', 'decision.issuerTitle', 'decision.issuerName'];

function StatusForm({ data, onDone }: { data: TipPageData; onDone: (d: TipPageData) => void }) {
  const { t } = useI18n();
  const { tip } = data;
  const [status, setStatus] = useState<TipStatus | null>(null);
  const [note, setNote] = useState('');
  const [transferredTo, setTransferredTo] = useState('');
  const [document, setDocument] = useState('');
  const [settlerId, setSettlerId] = useState('');
  const [outcome, setOutcome] = useState<'prosecute' | 'not_prosecute'>('prosecute');
  const [ground, setGround] = useState<'a' | 'b' | 'c' | ''>('');
  const [decision, setDecision] = useState<Decision>(emptyDecision);
  const { busy, error, run } = useAction();
  const crime = (tip.kind ?? 'crime') === 'crime';
  const handover = status === 'transferred' && crime;
  const investigators = useResource(() => (handover ? tipsApi.investigators(tip.id) : Promise.resolve(undefined)), [handover, tip.id]);
  const decisionKind = status && decisionFor(tip.kind, tip.status, status, outcome);
  const reset = () => {
    setStatus(null);
    setNote('');
    setTransferredTo('');
    setDocument('');
    setSettlerId('');
    setGround('');
    setDecision(emptyDecision());
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!status) return;
    const body: StatusChange = {
      status, ...(note.trim() && { note: note.trim() }),
      ...(status === 'transferred' && { transferredTo: transferredTo.trim() }),
      ...(handover && (document.trim() || settlerId) && { handover: { ...(document.trim() && { document: document.trim() }), ...(settlerId && { settlerId: Number(settlerId) }) } }),
      ...(crime && status === 'resolved' && { outcome }),
      ...(status === 'suspended' && ground && { ground }),
      ...(decisionKind && { decision }),
    };
    if (await run(async () => onDone(await tipsApi.setStatus(tip.id, body)))) reset();
  };
  return (
    <form className="tip-status-form" onSubmit={submit} data-testid="tip-status-form">
      <p className="tip-status-form__label">{t('tips.nextStage')}</p>
      <div className="tip-next" role="group" aria-label={t('tips.nextStage')}>
        {data.next.map((s) => (
          <button key={s} type="button" className={'btn btn--small' + (status === s ? ' btn--primary' : '')} aria-pressed={status === s} onClick={() => setStatus(s)} data-testid={`tip-next-${s}`}>
            {t(nextLabel(tip.kind, tip.status, s))}
          </button>
        ))}
      </div>
      {status && (
        <>
          {status === 'transferred' && (
            <Field label={t('tips.transferredToLabel')} hint={t(crime ? 'tips.transferredToHint' : 'tips.transferredToHintOther')} error={fieldError(error, 'transferredTo')}>
              {({ id, describedBy, invalid }) => (
                <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={transferredTo} maxLength={300} onChange={(e) => setTransferredTo(e.target.value)} data-testid="tip-transferred-to" />
              )}
            </Field>
          )}
          {handover && (
            <>
              <Field label={t('tips.handoverDocument')} optional hint={t('tips.handoverDocumentHint')} error={fieldError(error, 'handover.document')}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={document} maxLength={300} onChange={(e) => setDocument(e.target.value)} data-testid="tip-handover-document" />
                )}
              </Field>
              <Field label={t('tips.settler')} optional hint={t('tips.settlerHint')} error={fieldError(error, 'handover.settlerId')}>
                {({ id, describedBy, invalid }) => (
                  <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={settlerId} onChange={(e) => setSettlerId(e.target.value)} data-testid="tip-settler">
                    <option value="">{investigators.data ? t('tips.settlerNone') : t('common.loading')}</option>
                    {(investigators.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.full_name}</option>)}
                  </select>
                )}
              </Field>
            </>
          )}
          {crime && status === 'resolved' && (
            <fieldset className="tip-choice">
              <legend>{t('tips.outcome')}</legend>
              {(['prosecute', 'not_prosecute'] as const).map((o) => (
                <label key={o} className="check-row"><input type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} data-testid={`tip-outcome-${o}`} /> {t(`tips.decision.${o}`)}</label>
              ))}
            </fieldset>
          )}
          {status === 'suspended' && (
            <fieldset className="tip-choice" aria-invalid={!!fieldError(error, 'ground')}>
              <legend>{t('tips.ground')}</legend>
              {(['a', 'b', 'c'] as const).map((g) => (
                <label key={g} className="check-row"><input type="radio" name="ground" checked={ground === g} onChange={() => setGround(g)} data-testid={`tip-ground-${g}`} /> {t(`tips.ground.${g}`)}</label>
              ))}
              {fieldError(error, 'ground') && <p className="field__error" role="alert">{fieldError(error, 'ground')}</p>}
            </fieldset>
          )}
          {decisionKind && <DecisionFields kind={decisionKind} value={decision} onChange={setDecision} error={error} />}
          {decisionKind && !decisionReady(decision) && <p className="muted small" data-testid="tip-decision-missing">{t('tips.decisionMissing')}</p>}
          <Field label={t('tips.stageNote')} optional error={fieldError(error, 'note')}>
            {({ id, describedBy, invalid }) => (
              <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={2} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} data-testid="tip-stage-note" />
            )}
          </Field>
          {generalError(error, ['transferredTo', 'note', 'ground', 'outcome', 'handover.document', 'handover.settlerId', ...DECISION_FIELDS]) != null && <LoadError error={error} />}
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={busy || (!!decisionKind && !decisionReady(decision)) || (status === 'suspended' && !ground)} data-testid="tip-status-save">
              {actionLabel(t, tip.kind, tip.status, status)}
            </button>
            <button type="button" className="btn" onClick={reset}>{t('common.cancel')}</button>
          </div>
        </>
      )}
    </form>
  );
}

/** What the form's submit button says: the act itself ("Chuyển Cơ quan điều tra"), or the stage it moves to. */
function actionLabel(t: ReturnType<typeof useI18n>['t'], kind: TipKind | null, from: TipStatus, to: TipStatus) {
  const key = nextLabel(kind, from, to);
  return key.startsWith('tips.next.') ? t(key) : t('tips.moveTo', { status: t(key) });
}

/** How a next stage reads on its button: handing a crime report over, accepting a denunciation, resuming… */
function nextLabel(kind: TipKind | null, from: TipStatus, to: TipStatus): MessageKey {
  const k = kind ?? 'crime';
  if (k === 'crime' && to === 'transferred') return 'tips.next.handover';
  if (k === 'crime' && to === 'handling') return from === 'suspended' ? 'tips.next.resume' : 'tips.next.settle';
  if (k === 'denunciation' && to === 'handling') return 'tips.next.accept';
  return `tips.status.${to}` as MessageKey;
}

/** The decisions that may still extend the term, one button each, and the form of the one chosen. */
function Extensions({ data, onDone }: { data: TipPageData; onDone: (d: TipPageData) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Extension | null>(null);
  if (open) return <ExtendForm data={data} term={open} onClose={() => setOpen(null)} onDone={(d) => { setOpen(null); onDone(d); }} />;
  return (
    <div className="tip-actions">
      {data.extensions.map((term) => <button key={term} type="button" className="btn btn--small" onClick={() => setOpen(term)} data-testid={`tip-extend-${term}`}>{t(`tips.extend.${term}`)}</button>)}
    </div>
  );
}

function ExtendForm({ data, term, onClose, onDone }: { data: TipPageData; term: Extension; onClose: () => void; onDone: (d: TipPageData) => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<Decision>(emptyDecision);
  const [until, setUntil] = useState('');
  const { busy, error, run } = useAction();
  const current = lastDayOf(new Date(data.tip.legal_due_at!));
  const latest = latestFor(data.tip, term);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => onDone(await tipsApi.extend(data.tip.id, { term, decision, ...(until && { until }) })));
  };
  return (
    <form className="tip-status-form" onSubmit={submit} data-testid="tip-extend-form">
      <p className="tip-status-form__label">{t(`tips.extend.${term}`)}</p>
      {term === 'procuracy' && <p className="muted small">{t('tips.extend.procuracyHint')}</p>}
      <DecisionFields kind={EXTENSION_DECISION[term]} value={decision} onChange={setDecision} error={error} />
      <Field label={t('tips.extend.until')} optional hint={t('tips.extend.untilHint', { day: formatDay(latest) })} error={fieldError(error, 'until')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={until} min={addDays(current, 1)} max={latest} onChange={(e) => setUntil(e.target.value)} data-testid="tip-extend-until" />
        )}
      </Field>
      {!decisionReady(decision) && <p className="muted small">{t('tips.decisionMissing')}</p>}
      {generalError(error, ['until', ...DECISION_FIELDS]) != null && <LoadError error={error} />}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !decisionReady(decision)} data-testid="tip-extend-save">{t('tips.extend.save')}</button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

/** The decisions recorded on the case, with their signers, and the written notices they owe. */
function DecisionsCard({ data, onDone }: { data: TipPageData; onDone: (d: TipPageData) => void }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  // A term in days ends at 24:00 of its last day, read as "hết ngày …"; one in hours at its moment.
  const untilText = (due: string) => (isMidnightVN(due) ? t('tips.endOfDay', { day: formatDay(lastDayOf(new Date(due))) }) : dateTime(due));
  return (
    <section className="card" aria-labelledby="tip-decisions">
      <h2 id="tip-decisions" className="card__title">{t('tips.decisions')}</h2>
      <ul className="tip-decisions" data-testid="tip-decisions">
        {data.decisions.map((d) => (
          <li key={d.id} data-testid="tip-decision-row">
            <strong>{t(`tips.decision.${d.kind}`)}</strong> {d.reference}, {t('tips.signedOn', { day: formatDay(d.signed_on) })}
            <br /><span className="muted small">{d.issuer_title}: {d.issuer_name}</span>
          </li>
        ))}
      </ul>
      {data.notices.length > 0 && (
        <>
          <h3 className="tip-notices__title">{t('tips.notices')}</h3>
          <ul className="tip-notices" data-testid="tip-notices">
            {data.notices.map((n) => (
              <li key={n.id} data-testid="tip-notice">
                {t('tips.notice', { decision: t(`tips.decision.${n.decision_kind}`), to: t(n.recipient === 'informant' && data.tip.kind === 'denunciation' ? 'tips.recipient.denouncer' : `tips.recipient.${n.recipient}`) })}
                {n.sent_on
                  ? <span className="muted small"> · {t('tips.noticeSent', { day: formatDay(n.sent_on) })}{n.reference && ` (${n.reference})`}</span>
                  : <> · <span className="small">{t('tips.noticeDue', { at: untilText(n.due_at) })}</span> {n.overdue && <span className="tip-urgency tip-urgency--overdue">{t('tips.overdue')}</span>}
                    {data.canHandle && (data.canSettle || !BODY_DECISIONS.includes(n.decision_kind)) && <NoticeForm tipId={data.tip.id} noticeId={n.id} onDone={onDone} />}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NoticeForm({ tipId, noticeId, onDone }: { tipId: number; noticeId: number; onDone: (d: TipPageData) => void }) {
  const { t } = useI18n();
  const [sentOn, setSentOn] = useState(todayVN());
  const [reference, setReference] = useState('');
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => onDone(await tipsApi.recordNotice(tipId, noticeId, { sentOn, ...(reference.trim() && { reference: reference.trim() }) })));
  };
  return (
    <form className="tip-notice-form" onSubmit={submit}>
      <Field label={t('tips.noticeSentOn')} error={fieldError(error, 'sentOn')}>
        {({ id, describedBy, invalid }) => <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={sentOn} max={todayVN()} required onChange={(e) => setSentOn(e.target.value)} data-testid="tip-notice-date" />}
      </Field>
      <Field label={t('tips.noticeReference')} optional error={fieldError(error, 'reference')}>
        {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={reference} maxLength={300} onChange={(e) => setReference(e.target.value)} data-testid="tip-notice-reference" />}
      </Field>
      {generalError(error, ['sentOn', 'reference']) != null && <LoadError error={error} />}
      <button type="submit" className="btn btn--small" disabled={busy || !sentOn} data-testid="tip-notice-save">{t('tips.noticeSave')}</button>
    </form>
  );
}

function AssignCard({ data, onDone }: { data: TipPageData; onDone: (d: TipPageData) => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const selectId = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const people = useResource(() => (open ? tipsApi.assignees(data.tip.id) : Promise.resolve(undefined)), [open, data.tip.id]);
  const { busy, error, run } = useAction();
  const assign = (userId: number | null) => run(async () => onDone(await tipsApi.assign(data.tip.id, userId)));
  const mine = data.tip.assignee_id === me?.user.id;
  return (
    <section className="card" aria-labelledby="tip-assign">
      <h2 id="tip-assign" className="card__title">{t('tips.assignTitle')}</h2>
      <p>{data.tip.assignee_name ? <strong>{data.tip.assignee_name}</strong> : t('tips.unassigned')}</p>
      <div className="tip-actions">
        {!mine && <button type="button" className="btn btn--primary btn--small" disabled={busy} onClick={() => void assign(me!.user.id)} data-testid="tip-assign-me">{t('tips.assignMe')}</button>}
        {data.tip.assignee_id !== null && <button type="button" className="btn btn--small" disabled={busy} onClick={() => void assign(null)} data-testid="tip-unassign">{t('tips.unassign')}</button>}
        {!open && <button type="button" className="btn btn--small" onClick={() => setOpen(true)} data-testid="tip-assign-other">{t('tips.assignOther')}</button>}
      </div>
      {open && (
        <div className="tip-assign-other">
          <label htmlFor={selectId}>{t('tips.assignee')}</label>
          {people.error != null ? <LoadError error={people.error} retry={people.reload} /> : (
            <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="tip-assignee-select">
              <option value="">{people.data ? t('tips.chooseOfficer') : t('common.loading')}</option>
              {(people.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.full_name} ({u.username})</option>)}
            </select>
          )}
          <button type="button" className="btn btn--small btn--primary" disabled={busy || !chosen} onClick={() => void assign(Number(chosen)).then((ok) => ok && setOpen(false))} data-testid="tip-assign-save">
            {t('tips.assign')}
          </button>
        </div>
      )}
      {error != null && <LoadError error={error} />}
    </section>
  );
}

function NoteCard({ id, onAdded }: { id: number; onAdded: (note: TipPageData['notes'][number]) => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(async () => onAdded(await tipsApi.addNote(id, body)))) setBody('');
  };
  return (
    <section className="card" aria-labelledby="tip-note">
      <h2 id="tip-note" className="card__title">{t('tips.noteTitle')}</h2>
      <form onSubmit={submit}>
        <Field label={t('tips.noteLabel')} hint={t('tips.noteHint')} error={fieldError(error, 'body')}>
          {({ id: inputId, describedBy, invalid }) => (
            <textarea id={inputId} aria-describedby={describedBy} aria-invalid={invalid} rows={3} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} data-testid="tip-note-body" />
          )}
        </Field>
        {generalError(error, ['body']) != null && <LoadError error={error} />}
        <button type="submit" className="btn btn--small" disabled={busy || !body.trim()} data-testid="tip-note-save">{t('tips.addNote')}</button>
      </form>
    </section>
  );
}

function ReplyCard({ data, onDone }: { data: TipPageData; onDone: (d: TipPageData) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(data.tip.public_reply ?? '');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (await run(async () => onDone(await tipsApi.reply(data.tip.id, text)))) setSaved(true);
  };
  return (
    <section className="card" aria-labelledby="tip-reply">
      <h2 id="tip-reply" className="card__title">{t('tips.replyTitle')}</h2>
      <form onSubmit={submit}>
        <Field label={t('tips.replyLabel')} hint={t('tips.replyHint')} error={fieldError(error, 'publicReply')}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={3} maxLength={2000} value={text} onChange={(e) => { setText(e.target.value); setSaved(false); }} data-testid="tip-reply-body" />
          )}
        </Field>
        {generalError(error, ['publicReply']) != null && <LoadError error={error} />}
        {saved && <Alert kind="success" testId="tip-reply-saved">{t('tips.replySaved')}</Alert>}
        <button type="submit" className="btn btn--small" disabled={busy || text.trim() === (data.tip.public_reply ?? '')} data-testid="tip-reply-save">{t('tips.saveReply')}</button>
      </form>
    </section>
  );
}

function TransferCard({ id, onStillHere }: { id: number; onStillHere: () => void }) {
  const { t } = useI18n();
  const pickerId = useId();
  const [commune, setCommune] = useState<PickedUnit | null>(null);
  const [done, setDone] = useState<string>();
  const { busy, error, run } = useAction();
  const submit = async () => {
    if (!commune || !window.confirm(t('tips.transferConfirm', { name: commune.name }))) return;
    await run(async () => {
      const moved = await tipsApi.transfer(id, commune.id);
      if (moved.stillReadable) onStillHere();
      else setDone(moved.commune_name);
    });
  };
  if (done) return <Alert kind="success" testId="tip-transferred">{t('tips.transferDone', { name: done })} <Link to="/tips">{t('tips.backToInbox')}</Link></Alert>;
  return (
    <section className="card" aria-labelledby="tip-transfer">
      <h2 id="tip-transfer" className="card__title">{t('tips.transferTitle')}</h2>
      <p className="muted small">{t('tips.transferHint')}</p>
      <label htmlFor={pickerId}>{t('tips.transferTo')}</label>
      <UnitPicker id={pickerId} value={commune} onChange={setCommune} invalid={!!fieldError(error, 'communeId')} testId="tip-transfer-commune" />
      {fieldError(error, 'communeId') && <p className="field__error" role="alert">{fieldError(error, 'communeId')}</p>}
      {generalError(error, ['communeId']) != null && <LoadError error={error} />}
      <button type="button" className="btn btn--small" disabled={busy || !commune} onClick={() => void submit()} data-testid="tip-transfer-save">{t('tips.transfer')}</button>
    </section>
  );
}

function RevealCard({ id }: { id: number }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [contact, setContact] = useState<Contact>();
  const { busy, error, run } = useAction();
  return (
    <section className="card tip-reveal" aria-labelledby="tip-reveal">
      <h2 id="tip-reveal" className="card__title">{t('tips.revealTitle')}</h2>
      {contact ? (
        <dl className="facts" data-testid="tip-contact">
          {contact.name && <div><dt>{t('tips.contactName')}</dt><dd>{contact.name}</dd></div>}
          {contact.phone && <div><dt>{t('tips.contactPhone')}</dt><dd><a href={`tel:${contact.phone}`}>{contact.phone}</a></dd></div>}
          {contact.other && <div><dt>{t('tips.contactOther')}</dt><dd>{contact.other}</dd></div>}
        </dl>
      ) : asking ? (
        <>
          <Alert kind="info">{t('tips.revealWarning')}</Alert>
          <div className="tip-actions">
            <button type="button" className="btn btn--danger btn--small" disabled={busy} onClick={() => void run(async () => setContact(await tipsApi.reveal(id)))} data-testid="tip-reveal-confirm">{t('tips.revealConfirm')}</button>
            <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
          </div>
        </>
      ) : (
        <button type="button" className="btn btn--small" onClick={() => setAsking(true)} data-testid="tip-reveal">{t('tips.reveal')}</button>
      )}
      {error != null && <p className="field__error">{errorText(error, t)}</p>}
    </section>
  );
}

function Timeline({ data }: { data: TipPageData }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const items = [
    ...data.events.map((e) => ({ key: 'e' + e.id, at: e.at, who: e.actor_name, note: false, text: eventText(e, t) })),
    ...data.notes.map((n) => ({ key: 'n' + n.id, at: n.created_at, who: n.author_name, note: true, text: n.body })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  return (
    <section className="card" aria-labelledby="tip-timeline">
      <h2 id="tip-timeline" className="card__title">{t('tips.timeline')}</h2>
      <ol className="tip-timeline" data-testid="tip-timeline">
        {items.map((i) => (
          <li key={i.key} className={i.note ? 'tip-timeline__note' : undefined} data-testid={i.note ? 'tip-note' : 'tip-event'}>
            <span className="muted small">{dateTime(i.at)}{i.who && ` · ${i.who}`}{i.note && ` · ${t('tips.internalNote')}`}</span>
            <span className="tip-timeline__text">{i.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function eventText(e: TipPageData['events'][number], t: ReturnType<typeof useI18n>['t']): string {
  const status = e.status ? t(`tips.status.${e.status}` as MessageKey) : '';
  switch (e.kind) {
    case 'received': return t('tips.event.received');
    case 'status': return t('tips.event.status', { status }) + (e.detail ? ` — ${e.detail}` : '');
    case 'assigned': return e.detail ? t('tips.event.assigned', { name: e.detail }) : t('tips.event.unassigned');
    case 'transferred': return t('tips.event.transferred', { detail: e.detail ?? '' });
    case 'replied': return e.detail ? t('tips.event.replied', { text: e.detail }) : t('tips.event.replyRemoved');
    case 'extended': return t('tips.event.extended', { detail: e.detail ?? '' });
    case 'classified': case 'handed_over': case 'decision': case 'notice': return e.detail ?? '';
  }
}

import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { Alert, errorText, Field, fieldError, PageNotReady, Stat, TableScroll, useAction, useDateTime, useDocumentTitle } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { formatDay } from '../work.tsx';
import { reportsApi, type Figures, type Narrative, type ReportView, type Signer } from './api-reports.ts';
import { StatusChip } from './Reports.tsx';
import './reports.css';

const PARTS: (keyof Narrative)[] = ['results', 'limitations', 'causes', 'proposals'];

/** /reports/:id: a report with its figures from the data, the parts people write, and its way up. */
export function ReportPage({ id }: { id: number }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const page = useResource<ReportView>(() => reportsApi.report(id), [id]);
  const [data, setData] = useState<ReportView>();
  const view = data?.report.id === id ? data : page.data;
  // After a conflict the page reloads what the server has, not what this page last saved.
  const reload = () => {
    setData(undefined);
    page.reload();
  };
  useDocumentTitle(view ? `${view.report.title} · ${view.report.unit_name}` : undefined);
  if (page.error != null || !view) return <PageNotReady error={page.error} retry={page.reload} back={{ to: '/reports', label: t('reports.title') }} />;
  const r = view.report;

  return (
    <div className="page reports report-page" data-testid="report-page">
      <Link to={`/reports/unit/${r.unit_id}?year=${r.due_on.slice(0, 4)}`} className="back-link">← {t('reports.back', { unit: r.unit_name })}</Link>
      <header className="page__head">
        <div>
          <p className="muted">{r.unit_name} · {t('reports.to', { receiver: r.receiver_name })}</p>
          <h1 className="page__title">{r.title}</h1>
          <p className="page__intro">{r.subject}</p>
          <p className="report-page__meta">
            <StatusChip status={r.status} /> <span>{t('reports.dueOn', { due: formatDay(r.due_on) })}</span>
          </p>
        </div>
        <div className="report-page__downloads">
          <a className="btn btn--small" href={`/api/reports/${r.id}/export.docx`} download data-testid="report-docx">{t('reports.downloadDocx')}</a>
          <a className="btn btn--small" href={`/api/reports/${r.id}/export.pdf`} download data-testid="report-pdf">{t('reports.downloadPdf')}</a>
          <a className="btn btn--small" href={`/api/reports/${r.id}/export.xlsx`} download data-testid="report-xlsx">{t('reports.downloadXlsx')}</a>
        </div>
      </header>
      {r.status === 'returned' && r.review_comment && <Alert kind="error" testId="report-returned">{t('reports.returnedBecause', { comment: r.review_comment })}</Alert>}

      <section className="card" aria-labelledby="report-figures">
        <h2 id="report-figures" className="card__title">{t('reports.figures')}</h2>
        <p className="muted">
          {t('reports.periodRange', { from: formatDay(view.figures.from), to: formatDay(view.figures.to) })}.{' '}
          {view.canWrite || r.status === 'draft' || r.status === 'returned' ? t('reports.asOfDraft') : view.figuresAsOf ? t('reports.asOfSent', { at: dateTime(view.figuresAsOf) }) : ''}
        </p>
        <FiguresView f={view.figures} />
      </section>

      <NarrativeSection view={view} onChange={setData} reload={reload} />
      {view.canReview && <Review view={view} onChange={setData} reload={reload} />}

      <section className="card" aria-labelledby="report-history">
        <h2 id="report-history" className="card__title">{t('reports.history')}</h2>
        <ol className="report-history" data-testid="report-history">
          {view.events.map((e) => (
            <li key={e.id}>
              <strong>{t(`reports.event.${e.action}` as MessageKey)}</strong> · {e.actor_name ?? ''} · <span className="muted">{dateTime(e.at)}</span>
              {e.comment && <p>{e.comment}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function FiguresView({ f }: { f: Figures }) {
  const { t, locale } = useI18n();
  const num = useNumber();
  const pct = (n: number, of: number) => (of ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n / of) : '—');
  const h = f.households;
  const activities = f.activities.reduce((s, a) => s + a.activities, 0);
  return (
    <>
      <ul className="stats stats--small" data-testid="report-stats">
        {f.gongs && <Stat label={t('reports.fig.onTime')} value={f.gongs.villages ? pct(f.gongs.on_time, f.gongs.expected) : t('gongModel.notDeployed')} testId="fig-on-time" />}
        <Stat label={t('reports.fig.patrols')} value={num(f.patrols.patrols)} testId="fig-patrols" />
        <Stat label={t('reports.fig.activities')} value={num(activities)} />
        {f.tips && <Stat label={t('reports.fig.tips')} value={num(f.tips.received)} />}
        {h.households > 0 && <Stat label={t('reports.fig.fire')} value={pct(h.in_fire_groups, h.households)} />}
        {h.households > 0 && <Stat label={t('reports.fig.keys')} value={pct(h.keychains, h.households)} />}
      </ul>
      {f.activities.some((a) => a.activities > 0) && (
        <p>{f.activities.filter((a) => a.activities > 0).map((a) => `${t(`activities.kind.${a.kind}` as MessageKey)}: ${num(a.activities)}`).join(' · ')}</p>
      )}
      {f.models.map((m) => <p key={m.template} className="muted">{t('reports.models', { template: m.template, building: num(m.building), operating: num(m.operating), closed: num(m.closed) })}</p>)}
      {f.targets.length > 0 && (
        <TableScroll label={t('reports.targets')}>
          <table className="table table--compact" data-testid="report-targets">
            <caption className="reports__caption">{t('reports.targets')}</caption>
            <thead><tr><th scope="col">{t('reports.targets')}</th><th scope="col" className="num">{t('reports.target')}</th><th scope="col" className="num">{t('reports.result')}</th><th scope="col" /></tr></thead>
            <tbody>
              {f.targets.map((x) => (
                <tr key={x.key}>
                  <td>{x.title}</td>
                  <td className="num">{x.unit === '%' ? `${num(x.target)} %` : num(x.target)}</td>
                  <td className="num">{num(x.count)}/{num(x.of)}{x.unit === '%' ? ` (${pct(x.count, x.of)})` : ''}</td>
                  <td><span className={'status ' + (x.met ? 'status--on' : 'status--off')}>{t(x.met ? 'reports.met' : 'reports.notMet')}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {f.breakdown.length > 1 && (
        <TableScroll label={t('reports.breakdown')}>
          <table className="table table--compact" data-testid="report-breakdown">
            <caption className="reports__caption">{t('reports.breakdown')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.col.unit')}</th>
                {f.gongs && <th scope="col" className="num">{t('reports.fig.onTime')}</th>}
                <th scope="col" className="num">{t('reports.fig.patrols')}</th>
                <th scope="col" className="num">{t('reports.fig.activities')}</th>
                {f.tips && <th scope="col" className="num">{t('reports.fig.tips')}</th>}
                <th scope="col" className="num">{t('reports.fig.fire')}</th>
              </tr>
            </thead>
            <tbody>
              {f.breakdown.map((b) => (
                <tr key={b.id ?? 'own'}>
                  <td>{b.id === null ? t('reports.direct', { unit: b.name }) : b.name}</td>
                  {f.gongs && <td className="num">{b.gongs ? pct(b.gongs.on_time, b.gongs.expected) : '—'}</td>}
                  <td className="num">{num(b.patrols)}</td>
                  <td className="num">{num(b.activities)}</td>
                  {f.tips && <td className="num">{num(b.tips)}</td>}
                  <td className="num">{b.households ? `${num(b.in_fire_groups)}/${num(b.households)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/** A 409 says someone else changed the report: offer to load their version. */
function Failure({ error, reload }: { error: unknown; reload: () => void }) {
  const { t } = useI18n();
  return (
    <Alert kind="error">
      {errorText(error, t)}{' '}
      {error instanceof ApiError && error.status === 409 && <button type="button" className="btn btn--small" onClick={reload}>{t('reports.reload')}</button>}
    </Alert>
  );
}

function NarrativeSection({ view, onChange, reload }: { view: ReportView; onChange: (v: ReportView) => void; reload: () => void }) {
  const { t } = useI18n();
  const r = view.report;
  const [text, setText] = useState<Narrative>(r.narrative);
  const [signer, setSigner] = useState<Signer>(view.signer);
  const [notice, setNotice] = useState<string>();
  const action = useAction();
  const dirty = PARTS.some((p) => text[p] !== r.narrative[p])
    || signer.title !== view.signer.title || signer.name !== view.signer.name;
  const save = async () => {
    const saved = await reportsApi.save(r.id, r.version, text, signer);
    onChange(saved);
    return saved;
  };
  const onSave = () => action.run(async () => {
    await save();
    setNotice(t('reports.saved'));
  });
  const onSubmit = () => action.run(async () => {
    const version = dirty ? (await save()).report.version : r.version;
    onChange(await reportsApi.submit(r.id, version));
    setNotice(t('reports.submitted', { receiver: r.receiver_name }));
  });

  return (
    <section className="card" aria-labelledby="report-narrative">
      <h2 id="report-narrative" className="card__title">{t('reports.narrative')}</h2>
      {!view.canWrite ? (
        <>
          {PARTS.map((p) => (
            <div key={p} className="report-part">
              <h3 className="report-part__title">{t(`reports.part.${p}` as MessageKey)}</h3>
              {r.narrative[p].trim() ? r.narrative[p].split('\n').filter((l) => l.trim()).map((l, i) => <p key={i}>{l}</p>) : <p className="muted">{t('reports.empty')}</p>}
            </div>
          ))}
          <p data-testid="report-signer">{t('reports.signedBy', { title: view.signer.title, name: view.signer.name || '…' })}</p>
        </>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); void onSave(); }}>
          {PARTS.map((p) => (
            <Field key={p} label={t(`reports.part.${p}` as MessageKey)} hint={t('reports.partHint')} error={fieldError(action.error, `narrative.${p}`)}>
              {({ id, describedBy, invalid }) => (
                <textarea
                  id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={p === 'results' ? 8 : 4} maxLength={20_000}
                  value={text[p]} onChange={(e) => { setText({ ...text, [p]: e.target.value }); setNotice(undefined); }} data-testid={`part-${p}`}
                />
              )}
            </Field>
          ))}
          <SignerFields signer={signer} error={action.error} onChange={(v) => { setSigner(v); setNotice(undefined); }} />
          {action.error != null && !PARTS.some((p) => fieldError(action.error, `narrative.${p}`)) && !SIGNER.some((k) => fieldError(action.error, `signer.${k}`)) && <Failure error={action.error} reload={reload} />}
          <div className="form__actions">
            <button type="submit" className="btn" disabled={action.busy || !dirty} data-testid="report-save">{t('common.save')}</button>
            <button type="button" className="btn btn--primary" disabled={action.busy} onClick={() => void onSubmit()} data-testid="report-submit">{t('reports.submit')}</button>
          </div>
        </form>
      )}
      {notice && <Alert kind="success" testId="report-notice">{notice}</Alert>}
    </section>
  );
}

const SIGNER = ['title', 'name'] as const;

/** Who signs the document: pre-filled from the unit's leader, if the unit has one. */
function SignerFields({ signer, error, onChange }: { signer: Signer; error: unknown; onChange: (s: Signer) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="form-pair report-signer">
      <legend>{t('reports.signer')}</legend>
      {SIGNER.map((k) => (
        <Field key={k} label={t(`reports.signer.${k}`)} hint={k === 'name' ? t('reports.signer.nameHint') : undefined} error={fieldError(error, `signer.${k}`)}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={200} value={signer[k]}
              onChange={(e) => onChange({ ...signer, [k]: e.target.value })} data-testid={`signer-${k}`}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}

function Review({ view, onChange, reload }: { view: ReportView; onChange: (v: ReportView) => void; reload: () => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const action = useAction();
  const decide = (decision: 'accept' | 'return') => action.run(async () => onChange(await reportsApi.review(view.report.id, view.report.version, decision, comment.trim())));
  return (
    <section className="card" aria-labelledby="report-review" data-testid="report-review">
      <h2 id="report-review" className="card__title">{t('reports.review')}</h2>
      <Field label={t('reports.reviewComment')} error={fieldError(action.error, 'comment')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="review-comment" />
        )}
      </Field>
      {action.error != null && !fieldError(action.error, 'comment') && <Failure error={action.error} reload={reload} />}
      <div className="form__actions">
        <button type="button" className="btn btn--primary" disabled={action.busy} onClick={() => void decide('accept')} data-testid="review-accept">{t('reports.accept')}</button>
        <button type="button" className="btn" disabled={action.busy} onClick={() => void decide('return')} data-testid="review-return">{t('reports.return')}</button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { ChooseUnit } from '../components/ChooseUnit.tsx';
import { api, type UnitPage } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { LoadError, Loading, PageNotReady, Stat, TableScroll, useDocumentTitle } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { lastDueNight } from '../../../src/gongs/night.ts';
import { addDays, formatDay } from '../work.tsx';
import { reportsApi } from '../reports/api-reports.ts';
import { todayVN } from '../../../src/shared/dates.ts';
import { statsApi, type GongRollup, type ModelRollup } from './api-stats.ts';
import './stats.css';

type Period = 'year' | 'n90' | 'n30';
const PERIODS: { key: Period; label: MessageKey }[] = [
  { key: 'year', label: 'stats.period.year' },
  { key: 'n90', label: 'stats.period.n90' },
  { key: 'n30', label: 'stats.period.n30' },
];

function range(period: Period) {
  // The last night whose gong is due, as the server counts: "12 months" are then always twelve.
  const to = lastDueNight();
  if (period === 'n30') return { from: addDays(to, -29), to, by: 'night' as const };
  if (period === 'n90') return { from: addDays(to, -89), to, by: 'night' as const };
  const d = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 11);
  return { from: d.toISOString().slice(0, 10), to, by: 'month' as const };
}

const share = (n: number, of: number) => (of ? n / of : null);

/** /statistics: the figures of one unit and the units below it; without a unit, the user's own units. */
export function StatisticsPage({ unitId }: { unitId: number | null }) {
  const { t } = useI18n();
  if (unitId === null) return <ChooseUnit base="/statistics" title={t('stats.title')} intro={t('stats.intro')} />;
  return <UnitStatistics key={unitId} unitId={unitId} />;
}

function UnitStatistics({ unitId }: { unitId: number }) {
  const { t, lang } = useI18n();
  const { canAt, canSomeUnder } = useAuth();
  const [period, setPeriod] = useState<Period>('year');
  const r = range(period);
  const page = useResource<UnitPage>(() => api.unit(unitId), [unitId]);
  const unit = page.data?.unit;
  const rolledUp = unit && ['country', 'province', 'commune'].includes(unit.kind);
  const gongs = useResource(() => (rolledUp ? statsApi.gongs(unitId, r.from, r.to, r.by) : Promise.resolve(null)), [unitId, period, rolledUp]);
  const showTips = unit ? canSomeUnder('tip.read', unit.path) : false;
  const tips = useResource(() => (showTips ? statsApi.tips(unitId, r.from, r.to) : Promise.resolve(null)), [unitId, period, showTips]);
  const activities = useResource(() => (rolledUp ? statsApi.activities(unitId, r.from, r.to) : Promise.resolve(null)), [unitId, period, rolledUp]);
  const models = useResource(() => statsApi.models(unitId), [unitId]);
  const year = Number(todayVN().slice(0, 4));
  const reports = useResource(() => (rolledUp ? reportsApi.received(unitId, year) : Promise.resolve(null)), [unitId, rolledUp]);
  useDocumentTitle(unit ? `${t('stats.title')} · ${unit.name}` : undefined);

  if (page.error != null || !page.data || !unit) return <PageNotReady error={page.error} retry={page.reload} back={{ to: '/statistics', label: t('stats.title') }} />;
  const pct = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en', { style: 'percent', maximumFractionDigits: 1 }).format(n));
  const num = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en');

  return (
    <div className="page statistics">
      {page.data.ancestors.length > 0 && (
          <nav className="breadcrumb" aria-label={t('stats.up')}>
            <ol>
              {page.data.ancestors.map((a) => (
                <li key={a.id}>{canAt('unit.read', a.path) ? <Link to={`/statistics/${a.id}`}>{a.name}</Link> : a.name}</li>
              ))}
              <li aria-current="page">{unit.name}</li>
            </ol>
          </nav>
      )}
      <header className="page__head">
        <div>
          <h1 className="page__title">{unit.name}</h1>
          <p className="page__intro">{t('stats.unitIntro')}</p>
        </div>
        <div className="stats__periods" role="group" aria-label={t('stats.period')}>
          {PERIODS.map((p) => (
            <button key={p.key} type="button" className={'btn btn--small' + (p.key === period ? ' btn--primary' : '')} aria-pressed={p.key === period} onClick={() => setPeriod(p.key)}>
              {t(p.label)}
            </button>
          ))}
        </div>
      </header>

      {!rolledUp ? (
        <p className="empty">{t('stats.notRolledUp')} <Link to={`/field/${unit.id}/gongs`}>{t('field.tab.gongs')}</Link>.</p>
      ) : (
        <section className="card stats__section" aria-labelledby="stats-gongs">
          <h2 id="stats-gongs" className="card__title">{t('stats.gongs')}</h2>
          {gongs.error != null ? <LoadError error={gongs.error} retry={gongs.reload} /> : !gongs.data ? <Loading /> : (
            <GongFigures data={gongs.data} pct={pct} num={num} />
          )}
        </section>
      )}

      {showTips && (
        <section className="card stats__section" aria-labelledby="stats-tips">
          <div className="stats__head">
            <h2 id="stats-tips" className="card__title">{t('stats.tips')}</h2>
            <a className="btn btn--small" href={`/api/tips/summary.xlsx?unitId=${unitId}&from=${r.from}&to=${r.to}`} download data-testid="stats-tips-xlsx">{t('stats.download')}</a>
          </div>
          {tips.error != null ? <LoadError error={tips.error} retry={tips.reload} /> : !tips.data ? <Loading /> : (
            <>
              <ul className="stats stats--small">
                <Stat label={t('stats.tips.received')} value={num(tips.data.received)} />
                <Stat label={t('stats.tips.open')} value={num(tips.data.open.total)} />
                <Stat label={t('stats.tips.overdue')} value={num(tips.data.open.overdue)} alert={tips.data.open.overdue > 0} />
              </ul>
              <Bars rows={Object.entries(tips.data.byCategory).map(([k, n]) => ({ label: t(`tips.category.${k}` as MessageKey), value: n }))} num={num} caption={t('stats.tips.byCategory')} />
              <Bars rows={Object.entries(tips.data.byStatus).map(([k, n]) => ({ label: t(`tips.status.${k}` as MessageKey), value: n }))} num={num} caption={t('stats.tips.byStatus')} />
            </>
          )}
        </section>
      )}

      {rolledUp && (
        <section className="card stats__section" aria-labelledby="stats-activities">
          <div className="stats__head">
            <h2 id="stats-activities" className="card__title">{t('stats.activities')}</h2>
            <a className="btn btn--small" href={`/api/activities/summary.xlsx?unitId=${unitId}&from=${r.from}&to=${r.to}`} download data-testid="stats-activities-xlsx">{t('stats.download')}</a>
          </div>
          {activities.error != null ? <LoadError error={activities.error} retry={activities.reload} /> : !activities.data ? <Loading /> : (
            <Bars rows={activities.data.byKind.map((k) => ({ label: t(`activities.kind.${k.kind}` as MessageKey), value: k.activities }))} num={num} caption={t('stats.activities.byKind')} />
          )}
        </section>
      )}

      <section className="card stats__section" aria-labelledby="stats-models">
        <div className="stats__head">
          <h2 id="stats-models" className="card__title">{t('stats.models')}</h2>
          {models.data && models.data.templates.length > 0 && <a className="btn btn--small" href={`/api/rollups/models.xlsx?unitId=${unitId}`} download data-testid="stats-models-xlsx">{t('stats.download')}</a>}
        </div>
        {models.error != null ? <LoadError error={models.error} retry={models.reload} /> : !models.data ? <Loading /> : (
          <ModelFigures data={models.data} num={num} pct={pct} />
        )}
      </section>

      {rolledUp && reports.data && reports.data.duties.length > 0 && (
        <section className="card stats__section" aria-labelledby="stats-reports" data-testid="stats-reports">
          <h2 id="stats-reports" className="card__title">{t('stats.reports', { year })}</h2>
          <ul className="stats stats--small">
            <Stat label={t('reports.summary.due')} value={num(reports.data.summary.due)} />
            <Stat label={t('reports.summary.submitted')} value={num(reports.data.summary.submitted)} />
            <Stat label={t('reports.summary.late')} value={num(reports.data.summary.late)} alert={reports.data.summary.late > 0} testId="stats-reports-late" />
            <Stat label={t('reports.summary.not_started')} value={num(reports.data.summary.not_started)} />
          </ul>
          <p><Link to={`/reports/unit/${unit.id}`}>{t('stats.reports.open')}</Link></p>
        </section>
      )}
    </div>
  );
}

/** Each template's models by stage, and the share of communes running it. */
function ModelFigures({ data, num, pct }: { data: ModelRollup; num: (n: number) => string; pct: (n: number | null) => string }) {
  const { t } = useI18n();
  if (!data.templates.length) return <p className="empty">{t('stats.models.none')}</p>;
  const perCommune = data.communes > 1;
  return (
    <TableScroll label={t('stats.models')}>
      <table className="table stats__table" data-testid="stats-models">
        <thead>
          <tr>
            <th scope="col">{t('stats.models.template')}</th>
            <th scope="col" className="num">{t('stats.models.building')}</th>
            <th scope="col" className="num">{t('stats.models.operating')}</th>
            <th scope="col" className="num">{t('stats.models.closed')}</th>
            {perCommune && <th scope="col" className="num">{t('stats.models.communes', { n: num(data.communes) })}</th>}
          </tr>
        </thead>
        <tbody>
          {data.templates.map((m) => (
            <tr key={m.template}>
              <td>{m.template}</td>
              <td className="num">{num(m.building)}</td>
              <td className="num">{num(m.operating)}</td>
              <td className="num">{num(m.closed)}</td>
              {perCommune && <td className="num">{num(m.communes)} ({pct(share(m.communes, data.communes))})</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function GongFigures({ data, pct, num }: { data: GongRollup; pct: (n: number | null) => string; num: (n: number) => string }) {
  const { t } = useI18n();
  const { total } = data;
  const childLink = (c: GongRollup['children'][number]) => (c.kind === 'village' ? `/field/${data.unit.id}/gongs` : `/statistics/${c.id}`);
  return (
    <>
      <p className="muted">{t('stats.gongs.range', { from: formatDay(data.from), to: formatDay(data.to), nights: data.nights })}</p>
      {!data.covered && <p className="card__hint" data-testid="stats-not-deployed">{t('gongModel.notDeployedHint')}</p>}
      <ul className="stats stats--small">
        <Stat label={t('stats.gongs.onTime')} value={pct(share(total.on_time, total.expected))} testId="stats-on-time" />
        <Stat label={t('stats.gongs.struck')} value={pct(share(total.struck, total.expected))} />
        <Stat label={t('stats.gongs.missed')} value={num(total.missed)} />
        <Stat label={t('stats.gongs.villages')} value={num(total.villages)} />
      </ul>

      <h3 className="stats__subtitle">{t(data.by === 'month' ? 'stats.gongs.byMonth' : 'stats.gongs.byNight')}</h3>
      {data.series.length === 0 ? <p className="empty">{t('stats.none')}</p> : (
        <div className="stats__trend" role="img" aria-label={t('stats.gongs.trendLabel')} data-testid="stats-trend">
          {data.series.map((s, i) => {
            const onTime = share(s.on_time, s.expected) ?? 0;
            const struck = share(s.struck, s.expected) ?? 0;
            const label = data.by === 'month' ? `${s.period.slice(5, 7)}/${s.period.slice(2, 4)}` : s.period.slice(8, 10);
            return (
              <div key={s.period} className="stats__column" title={`${s.period}: ${pct(onTime)}`}>
                <div className="stats__stack">
                  <span className="stats__late" style={{ height: `${(struck - onTime) * 100}%` }} />
                  <span className="stats__ok" style={{ height: `${onTime * 100}%` }} />
                </div>
                {(data.by === 'month' || i % 5 === 0) && <span className={'stats__tick' + (data.by === 'month' && i % 3 ? ' stats__tick--minor' : '')}>{label}</span>}
              </div>
            );
          })}
        </div>
      )}
      <p className="stats__legend"><span className="stats__key stats__key--ok" /> {t('stats.gongs.onTime')} <span className="stats__key stats__key--late" /> {t('stats.gongs.late')}</p>

      <div className="stats__head">
        <h3 className="stats__subtitle">{t('stats.gongs.ranking')}</h3>
        <a className="btn btn--small" href={`/api/rollups/gongs.xlsx?unitId=${data.unit.id}&from=${data.from}&to=${data.to}&by=${data.by}`} download data-testid="stats-xlsx">
          {t('stats.download')}
        </a>
      </div>
      <TableScroll label={t('stats.gongs.ranking')}>
        <table className="table stats__table" data-testid="stats-ranking">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('stats.unit')}</th>
              <th scope="col" className="num">{t('stats.gongs.villages')}</th>
              <th scope="col" className="num">{t('stats.gongs.onTime')}</th>
              <th scope="col" className="num">{t('stats.gongs.struck')}</th>
              <th scope="col" className="num">{t('stats.gongs.missed')}</th>
            </tr>
          </thead>
          <tbody>
            {data.children.map((c, i) => (
              <tr key={c.id}>
                <td>{i + 1}</td>
                <td><Link to={childLink(c)}>{c.name}</Link></td>
                {c.covered ? (
                  <>
                    <td className="num">{num(c.villages)}</td>
                    <td className="num">{pct(share(c.on_time, c.expected))}</td>
                    <td className="num">{pct(share(c.struck, c.expected))}</td>
                    <td className="num">{num(c.missed)}</td>
                  </>
                ) : (
                  <td colSpan={4} className="muted" data-testid="stats-row-not-deployed">{t('gongModel.notDeployed')}</td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row">{t('stats.total')}</th>
              <td className="num">{num(total.villages)}</td>
              <td className="num">{pct(share(total.on_time, total.expected))}</td>
              <td className="num">{pct(share(total.struck, total.expected))}</td>
              <td className="num">{num(total.missed)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </>
  );
}

/** Horizontal bars with their numbers: readable on a phone, and on paper. */
function Bars({ rows, num, caption }: { rows: { label: string; value: number }[]; num: (n: number) => string; caption: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="stats__bars">
      <figcaption className="stats__subtitle">{caption}</figcaption>
      {rows.map((r) => (
        <div key={r.label} className="stats__bar">
          <span className="stats__bar-label">{r.label}</span>
          <span className="stats__bar-track"><span className="stats__bar-fill" style={{ width: `${(r.value / max) * 100}%` }} /></span>
          <span className="stats__bar-value">{num(r.value)}</span>
        </div>
      ))}
    </figure>
  );
}

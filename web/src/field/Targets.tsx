import { useI18n, type MessageKey } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { LoadError, Loading } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import type { FieldTabProps } from './Field.tsx';
import { peopleApi, type Indicator, type Measure } from './api-people.ts';
import { reached } from '../../../src/targets/indicator.ts';
import './field-people.css';

/** What each indicator's counts are made of, by its key: "52/60 thôn-đêm". */
const NOUNS: Record<string, MessageKey> = {
  'thon-danh-keng': 'targets.noun.villageNights',
  'ho-trong-to': 'targets.noun.households',
  'ho-nhan-khoa': 'targets.noun.households',
  'tuan-tra': 'targets.noun.times',
  'ke-hoach': 'targets.noun.schools',
  'cam-ket': 'targets.noun.signatures',
};

/** A number in the current locale with at most one decimal: 86,7. */
export function usePercent() {
  const { locale } = useI18n();
  return (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
}

/**
 * A horizontal bar: the value against a scale, with a mark where the target is. Drawn only;
 * the figures are said in words beside it.
 */
export function ShareBar({ value, max, target, met }: { value: number | null; max: number; target?: number | undefined; met: boolean | null }) {
  const width = value === null || max <= 0 ? 0 : Math.max(0, Math.min(100, (100 * value) / max));
  const mark = target === undefined || target <= 0 || max <= 0 ? undefined : Math.min(100, (100 * target) / max);
  return (
    <div className="pbar" aria-hidden="true">
      <span className={'pbar__fill' + (met === true ? ' pbar__fill--met' : met === false ? ' pbar__fill--short' : '')} style={{ width: `${width}%` }} />
      {mark !== undefined && mark < 100 && <span className="pbar__target" style={{ left: `${mark}%` }} />}
    </div>
  );
}

/** Đạt / Chưa đạt / Chưa có số liệu. */
export function MetBadge({ met }: { met: boolean | null }) {
  const { t } = useI18n();
  const [cls, key]: [string, MessageKey] =
    met === true ? ['met--yes', 'targets.met'] : met === false ? ['met--no', 'targets.notMet'] : ['met--none', 'targets.noData'];
  return <span className={`met ${cls}`} data-testid="target-met">{t(key)}</span>;
}

function useIndicatorText() {
  const { t } = useI18n();
  const pct = usePercent();
  return {
    target: (i: Indicator) =>
      i.basis === 'schedules' && i.target === 0 ? t('targets.noSchedule') : i.unit === '%' ? t('targets.targetPercent', { n: pct(i.target) }) : i.key === 'tuan-tra' ? t('targets.targetPerWeek', { n: pct(i.target) }) : t('targets.targetCount', { n: pct(i.target) }),
    value: (i: Indicator, m: Measure) => (m.value === null ? t('targets.noData') : i.unit === '%' ? `${pct(m.value)}%` : pct(m.value)),
    count: (i: Indicator, m: Measure) => {
      const noun = NOUNS[i.key] ? t(NOUNS[i.key]!) : '';
      return m.of === null ? `${pct(m.count)} ${noun}`.trim() : `${pct(m.count)}/${pct(m.of)} ${noun}`.trim();
    },
  };
}

function MeasureRow({ indicator, measure }: { indicator: Indicator; measure: Measure }) {
  const text = useIndicatorText();
  const isPercent = indicator.unit === '%';
  const max = isPercent ? 100 : Math.max(indicator.target, measure.value ?? 0, 1);
  const met = reached(measure, indicator.target, indicator.unit);
  return (
    <li className="measure" data-testid="target-measure">
      <span className="measure__label">{measure.label}</span>
      <ShareBar value={measure.value} max={max} target={indicator.target} met={met} />
      <span className="measure__figures">
        <strong>{text.value(indicator, measure)}</strong>
        <span className="muted"> · {text.count(indicator, measure)}</span>
      </span>
    </li>
  );
}

function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  const text = useIndicatorText();
  return (
    <li className="card target" data-testid="target" data-key={indicator.key}>
      <div className="target__head">
        <h2 className="target__title">{indicator.title}</h2>
        {indicator.deployed ? <MetBadge met={indicator.met} /> : <span className="met met--none met--wrap" data-testid="target-met">{t('gongModel.notDeployed')}</span>}
      </div>
      <p className="target__goal">
        <strong>{text.target(indicator)}</strong>
        <span className="muted">
          {' · '}
          {indicator.source ? (
            <>
              {t('targets.fromModel')} <Link to={`/models/${indicator.source.instance_id}`}>{indicator.source.instance_name}</Link>
            </>
          ) : (
            t(indicator.basis === 'schedules' ? 'targets.fromSchedules' : 'targets.fromPlan')
          )}
        </span>
      </p>
      {indicator.deployed ? (
        <ul className="measures">
          {indicator.measures.map((m) => <MeasureRow key={m.label} indicator={indicator} measure={m} />)}
        </ul>
      ) : (
        <p className="muted" data-testid="target-not-deployed">{t('gongModel.notDeployedHint')}</p>
      )}
    </li>
  );
}

/** The unit's targets, each measured from the data: gongs, fire-safety groups, keychains, patrols. */
export function TargetsTab({ unit }: FieldTabProps) {
  const { t } = useI18n();
  const targets = useResource(() => peopleApi.targets(unit.id), [unit.id]);
  if (targets.error != null) return <LoadError error={targets.error} retry={targets.reload} />;
  if (!targets.data) return <Loading />;
  return (
    <div className="people">
      <div className="people__intro">
        <p className="muted">{t('targets.intro')}</p>
        <button type="button" className="btn btn--small no-print" onClick={() => window.print()}>
          {t('targets.print')}
        </button>
      </div>
      {targets.data.indicators.length === 0 ? (
        <p className="empty">{t('targets.none')}</p>
      ) : (
        <ul className="targets" data-testid="targets">
          {targets.data.indicators.map((i) => <IndicatorCard key={i.key} indicator={i} />)}
        </ul>
      )}
    </div>
  );
}

/** On a commune's or village's page: each target's latest figure and whether it is met. */
export function TargetsSummary({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const targets = useResource(() => peopleApi.targets(unitId), [unitId]);
  return (
    <section className="card" aria-labelledby="targets-summary-title" data-testid="targets-summary">
      <div className="card__head">
        <h2 id="targets-summary-title" className="card__title">
          {t('targets.summaryTitle')}
        </h2>
        <Link to={`/field/${unitId}/targets`} className="btn btn--small">
          {t('targets.details')}
        </Link>
      </div>
      {targets.error != null ? (
        <LoadError error={targets.error} retry={targets.reload} />
      ) : !targets.data ? (
        <Loading />
      ) : (
        <ul className="targets-mini">
          {targets.data.indicators.map((i) => {
            const latest = i.measures[0];
            return (
              <li key={i.key} className="targets-mini__item">
                <span className="targets-mini__title">{i.title}</span>
                <span className="targets-mini__figures">
                  {!i.deployed ? <strong>{t('gongModel.notDeployed')}</strong> : latest && <strong>{text.value(i, latest)}</strong>}
                  <span className="muted"> · {text.target(i)}</span>
                </span>
                {i.deployed && <MetBadge met={i.met} />}
              </li>
            );
          })}
        </ul>
      )}
      <p className="targets-mini__link">
        <Link to={`/field/${unitId}`}>{t('targets.fieldLink')}</Link>
      </p>
    </section>
  );
}

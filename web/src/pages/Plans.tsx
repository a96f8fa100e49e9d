import { useState } from 'react';
import { api, type PlanStatus, type PlanSummary } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { SearchBox, useDebounced } from '../ui.tsx';
import { usePaged } from '../usePaged.ts';
import { formatDay, PlanStatusChip, usePlanNumber } from '../work.tsx';

const PAGE = 50;
const STATUSES: ('' | PlanStatus)[] = ['', 'draft', 'issued', 'closed'];

export function PlansPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [status, setStatus] = useState<'' | PlanStatus>('');
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const page = usePaged<PlanSummary>(
    (loaded) => api.plans({ status: status || undefined, q: query || undefined, limit: PAGE, offset: loaded.length }),
    PAGE,
    [status, query],
    { clear: true },
  );

  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1 className="page__title">{t('nav.plans')}</h1>
          <p className="page__intro">{t('plans.intro')}</p>
        </div>
        {can('plan.write') && (
          <Link to="/plans/new" className="btn btn--primary" data-testid="new-plan">
            {t('plans.new')}
          </Link>
        )}
      </div>
      <SearchBox id="plan-search" testId="plan-search" label={t('plans.search')} placeholder={t('plans.searchPlaceholder')} value={q} onChange={setQ} clearLabel={t('units.clear')} />
      <div className="segmented" role="group" aria-label={t('plans.statusFilter')} data-testid="plan-status-filter">
        {STATUSES.map((s) => (
          <button key={s || 'all'} type="button" className="segmented__option" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {s ? t(`planStatus.${s}` as MessageKey) : t('plans.all')}
          </button>
        ))}
      </div>
      <PagedList page={page} className="card-list" testId="plan-list" empty={status || query ? t('plans.noneFiltered') : t('plans.none')}>
        {(p) => <PlanCard key={p.id} plan={p} />}
      </PagedList>
    </div>
  );
}

export function PlanCard({ plan: p }: { plan: PlanSummary }) {
  const { t } = useI18n();
  const planNumber = usePlanNumber();
  return (
    <li className="card item-card" data-testid="plan-item">
      <div className="item-card__head">
        <span className="item-card__number">{planNumber(p)}</span>
        <PlanStatusChip status={p.status} />
      </div>
      <Link to={`/plans/${p.id}`} className="item-card__title">
        {p.title}
      </Link>
      <p className="item-card__meta">
        <span>{p.unit_name}</span>
        {p.issued_on && <> · <span>{t('plans.issuedOn', { date: formatDay(p.issued_on) })}</span></>}
        {p.period_start && p.period_end && <> · <span>{t('plans.period', { from: formatDay(p.period_start), to: formatDay(p.period_end) })}</span></>}
      </p>
    </li>
  );
}

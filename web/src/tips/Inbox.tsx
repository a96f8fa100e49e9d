import { useId, useState } from 'react';
import { useAuth, useGrantsWith } from '../auth.tsx';
import { UnitPicker, type PickedUnit } from '../components/UnitPicker.tsx';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { LoadError, Loading, SearchBox, useDateTime, useDebounced, useDocumentTitle } from '../ui.tsx';
import { usePaged } from '../usePaged.ts';
import { formatTracking, TIP_CATEGORIES, TIP_STATUSES, tipsApi, type Tip, type TipCategory, type TipStatus, type Urgency } from './api-tips.ts';
import './tips.css';

const PAGE = 30;
type StatusFilter = TipStatus | 'open' | '';
type AssigneeFilter = '' | 'me' | 'none';

/** The status chip of a tip. */
export function TipStatusChip({ status }: { status: TipStatus }) {
  const { t } = useI18n();
  return <span className={`tip-status tip-status--${status}`} data-testid="tip-status">{t(`tips.status.${status}` as MessageKey)}</span>;
}

/** "Quá hạn" / "Sắp đến hạn": nothing for a tip on time or closed. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useI18n();
  if (urgency !== 'overdue' && urgency !== 'due_soon') return null;
  return <span className={`tip-urgency tip-urgency--${urgency}`} data-testid="tip-urgency">{t(urgency === 'overdue' ? 'tips.overdue' : 'tips.dueSoon')}</span>;
}

/** /tips: the inbox of a commune (or of the communes under a unit), newest first. */
export function TipsInbox() {
  const { t } = useI18n();
  const num = useNumber();
  const { me } = useAuth();
  useDocumentTitle(t('tips.title'));
  // The units where the user reads tips, the deepest (their commune) first.
  const grants = useGrantsWith('tip.read');
  const fromUrl = Number(new URLSearchParams(window.location.search).get('unit')) || undefined;
  const [unit, setUnit] = useState<{ id: number; name: string } | undefined>(() => {
    const g = grants.find((x) => x.unitId === fromUrl) ?? grants[0];
    return fromUrl && !grants.some((x) => x.unitId === fromUrl) ? { id: fromUrl, name: '' } : g && { id: g.unitId, name: g.unitName };
  });
  const [other, setOther] = useState<PickedUnit | null>(null);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [category, setCategory] = useState<TipCategory | ''>('');
  const [assignee, setAssignee] = useState<AssigneeFilter>('');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const ids = { unit: useId(), other: useId(), status: useId(), category: useId(), assignee: useId(), overdue: useId() };

  const choose = (next: { id: number; name: string }) => {
    setUnit(next);
    navigate(`/tips?unit=${next.id}`, { replace: true });
  };

  const list = usePaged<Tip>(
    (loaded) => tipsApi.inbox({
      unitId: unit!.id, status: status || undefined, category: category || undefined, overdue,
      assignee: assignee === 'me' ? me!.user.id : assignee === 'none' ? 'none' : undefined, q: search || undefined, limit: PAGE, offset: loaded.length,
    }),
    PAGE,
    unit ? [unit.id, status, category, assignee, overdue, search] : null,
    { clear: true },
  );

  if (grants.length === 0) {
    return (
      <div className="page">
        <h1 className="page__title">{t('tips.title')}</h1>
        <p className="empty">{t('tips.noAccess')}</p>
      </div>
    );
  }

  return (
    <div className="page tips">
      <header className="page__head">
        <div>
          <h1 className="page__title">{t('tips.title')}</h1>
          <p className="page__intro">{t('tips.intro')}</p>
        </div>
        {unit && (
          <div className="page__actions">
            {(['xlsx', 'csv'] as const).map((format) => (
              <a key={format} className="btn btn--small" download data-testid={`tips-export-${format}`}
                href={`/api/tips/export.${format}?` + new URLSearchParams({ unitId: String(unit.id), ...(status ? { status } : {}), ...(category ? { category } : {}) }).toString()}>
                {t('tips.export', { format: format.toUpperCase() })}
              </a>
            ))}
          </div>
        )}
      </header>

      <section className="card tips-filters" aria-label={t('tips.filters')}>
        <div className="filters">
          <div className="field">
            <label htmlFor={ids.unit}>{t('tips.unit')}</label>
            <select
              id={ids.unit} data-testid="tips-unit" value={grants.some((g) => g.unitId === unit?.id) ? unit!.id : ''}
              onChange={(e) => {
                const g = grants.find((x) => x.unitId === Number(e.target.value));
                if (g) choose({ id: g.unitId, name: g.unitName });
              }}
            >
              {!grants.some((g) => g.unitId === unit?.id) && <option value="">{unit?.name || other?.name || t('tips.otherUnit')}</option>}
              {grants.map((g) => <option key={g.unitId} value={g.unitId}>{g.unitName}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.other}>{t('tips.otherUnit')}</label>
            <UnitPicker
              id={ids.other} value={other} testId="tips-other-unit"
              onChange={(u) => {
                setOther(u);
                if (u) choose({ id: u.id, name: u.name });
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.status}>{t('tips.col.status')}</label>
            <select id={ids.status} data-testid="tips-filter-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              <option value="open">{t('tips.filter.open')}</option>
              <option value="">{t('tips.filter.all')}</option>
              {TIP_STATUSES.map((s) => <option key={s} value={s}>{t(`tips.status.${s}` as MessageKey)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.category}>{t('tips.col.category')}</label>
            <select id={ids.category} data-testid="tips-filter-category" value={category} onChange={(e) => setCategory(e.target.value as TipCategory | '')}>
              <option value="">{t('tips.filter.allCategories')}</option>
              {TIP_CATEGORIES.map((c) => <option key={c} value={c}>{t(`tips.category.${c}` as MessageKey)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.assignee}>{t('tips.col.assignee')}</label>
            <select id={ids.assignee} data-testid="tips-filter-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value as AssigneeFilter)}>
              <option value="">{t('tips.filter.anyone')}</option>
              <option value="me">{t('tips.filter.mine')}</option>
              <option value="none">{t('tips.filter.unassigned')}</option>
            </select>
          </div>
          <label className="check-row" htmlFor={ids.overdue}>
            <input id={ids.overdue} type="checkbox" data-testid="tips-filter-overdue" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
            <span>{t('tips.filter.overdue')}</span>
          </label>
        </div>
        <SearchBox id="tips-q" testId="tips-search" label={t('tips.search')} placeholder={t('tips.searchPlaceholder')} value={q} onChange={setQ} clearLabel={t('tips.searchClear')} />
      </section>

      <section aria-labelledby="tips-list-title">
        <h2 id="tips-list-title" className="visually-hidden">{t('tips.title')}</h2>
        {list.items && <p className="muted tips-count">{t('tips.shown', { count: num(list.items.length) + (list.hasMore ? '+' : '') })}</p>}
        {list.error != null && <LoadError error={list.error} retry={list.loadMore} />}
        {list.items && list.items.length === 0 && <p className="empty" data-testid="tips-empty">{t('tips.none')}</p>}
        {list.items && list.items.length > 0 && (
          <ul className="tip-list" data-testid="tips-list">
            {list.items.map((tip) => <TipRow key={tip.id} tip={tip} />)}
          </ul>
        )}
        {list.loading && <Loading />}
        {list.hasMore && !list.loading && (
          <button type="button" className="btn" onClick={list.loadMore}>{t('common.loadMore')}</button>
        )}
      </section>
    </div>
  );
}

function TipRow({ tip }: { tip: Tip }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  return (
    <li className={`card tip-row tip-row--${tip.urgency}`} data-testid="tip-row" data-id={tip.id}>
      <div className="tip-row__head">
        <span className="tip-category">{t(`tips.category.${tip.category}` as MessageKey)}</span>
        <TipStatusChip status={tip.status} />
        <UrgencyBadge urgency={tip.urgency} />
        <span className="mono muted tip-row__code">{formatTracking(tip.tracking_code)}</span>
      </div>
      <Link to={`/tips/${tip.id}`} className="tip-row__title" data-testid="tip-link">{tip.description}</Link>
      <p className="tip-row__meta">
        <span>{t('tips.receivedAt', { at: dateTime(tip.received_at) })}</span>
        <span>{tip.village_name ? `${tip.village_name}, ${tip.commune_name}` : tip.commune_name}</span>
        <span data-testid="tip-assignee">{tip.assignee_name ? t('tips.assignedTo', { name: tip.assignee_name }) : t('tips.unassigned')}</span>
      </p>
    </li>
  );
}

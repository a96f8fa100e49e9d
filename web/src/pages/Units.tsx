import { useEffect, useState, type ReactNode } from 'react';
import { api, type SearchResult, type Unit } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { LoadError, Loading, SearchBox, useDebounced } from '../ui.tsx';
import { CONTAINER_KINDS, rankBy, UnitRefLinks, useKindLabel } from '../units.tsx';
import { usePaged } from '../usePaged.ts';

const PAGE = 50;

export function UnitsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const query = useDebounced(q.trim(), 300);
  const [result, setResult] = useState<{ q: string; data?: SearchResult; error?: unknown }>();

  useEffect(() => {
    // The search is kept in the address, so "back" from a unit returns to the same results.
    navigate(query ? `/units?q=${encodeURIComponent(query)}` : '/units', { replace: true });
    if (query.length < 2) {
      setResult(undefined);
      return;
    }
    let live = true;
    api.search(query, 20).then(
      (data) => live && setResult({ q: query, data }),
      (error: unknown) => live && setResult({ q: query, error }),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const searching = query.length >= 2 && (result?.q !== query || q.trim() !== query);

  return (
    <div className="page">
      <h1 className="page__title">{t('units.title')}</h1>
      <p className="page__intro">{t('units.intro')}</p>
      <SearchBox
        id="unit-search" testId="unit-search" label={t('units.searchLabel')} placeholder={t('units.searchPlaceholder')}
        value={q} onChange={setQ} spellCheck={false} clearLabel={t('units.clear')}
      />
      <div aria-live="polite">
        {q.trim().length === 1 && <p className="muted">{t('units.searchTooShort')}</p>}
        {searching && <p className="muted">{t('units.searching')}</p>}
        {!searching && result?.error != null && <LoadError error={result.error} />}
        {!searching && result?.data && <SearchResults q={result.q} data={result.data} />}
      </div>
      {query.length < 2 && <MyUnits />}
    </div>
  );
}

function SearchResults({ q, data }: { q: string; data: SearchResult }) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  // The closest names first: "dien quan" puts Xã Điện Quan before Phường Cầu Diễn (Quận Nam Từ Liêm).
  const units = rankBy(data.units, (u) => u.name, q);
  const legacy = rankBy(data.legacy, (l) => l.old_name, q);
  const districts = rankBy(data.legacyDistricts, (d) => d.old_district_name, q);
  if (data.units.length === 0 && data.legacy.length === 0 && data.legacyDistricts.length === 0) {
    return (
      <p className="empty" data-testid="search-empty">
        {t('units.noResults', { q })}
      </p>
    );
  }
  return (
    <div className="results" data-testid="search-results">
      {data.units.length > 0 && (
        <ResultGroup id="res-current" title={t('units.current')} count={data.units.length}>
          {units.map((u) => (
            <li key={u.id} className="list__item" data-testid="search-unit">
              <Link to={`/units/${u.id}`} className="list__link">
                <span className="list__main">{u.name}</span>
                <span className="list__meta">
                  {kindLabel(u.kind)}
                  {u.parent_name && <> · {u.parent_name}</>}
                  {u.code && <> · {u.code}</>}
                </span>
              </Link>
            </li>
          ))}
        </ResultGroup>
      )}
      {data.legacy.length > 0 && (
        <ResultGroup id="res-legacy" testId="legacy-results" title={t('units.legacy')} count={data.legacy.length} hint={t('units.legacyHint')}>
          {legacy.map((l) => (
            <LegacyItem
              key={l.old_code} testId="legacy-result"
              old={<><strong>{l.old_name}</strong>, {l.old_district_name}, {l.old_province_name}</>}
              now={<>{l.replaced_by.length === 1 ? t('units.nowIs') : t('units.nowIn')} <UnitRefLinks units={l.replaced_by} /></>}
            />
          ))}
        </ResultGroup>
      )}
      {data.legacyDistricts.length > 0 && (
        <ResultGroup id="res-districts" testId="legacy-district-results" title={t('units.legacyDistricts')} count={data.legacyDistricts.length}>
          {districts.map((d) => (
            <LegacyItem
              key={d.old_district_code} testId="legacy-district-result"
              old={<><strong>{d.old_district_name}</strong>, {d.old_province_name}</>}
              now={<>{t('units.districtNow')} <UnitRefLinks units={d.replaced_by} /></>}
            />
          ))}
        </ResultGroup>
      )}
    </div>
  );
}

/** One kind of search result: a card with its count and a list. */
function ResultGroup({ id, title, count, hint, testId, children }: { id: string; title: string; count: number; hint?: string; testId?: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="card__title">
        {title} <span className="count">{count}</span>
      </h2>
      {hint && <p className="card__hint">{hint}</p>}
      <ul className="list">{children}</ul>
    </section>
  );
}

/** A pre-2025 name and what stands for it today: "old → now". */
function LegacyItem({ testId, old, now }: { testId: string; old: ReactNode; now: ReactNode }) {
  return (
    <li className="list__item legacy" data-testid={testId}>
      <span className="legacy__old">{old}</span>{' '}
      <span className="legacy__arrow" aria-hidden="true">
        →
      </span>{' '}
      <span className="legacy__new">{now}</span>
    </li>
  );
}

function MyUnits() {
  const { t } = useI18n();
  const [roots, setRoots] = useState<Unit[]>();
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    setError(null);
    api.roots().then(setRoots, setError);
  };
  useEffect(load, []);
  return (
    <section className="card" aria-labelledby="my-units" data-testid="unit-tree">
      <h2 id="my-units" className="card__title">
        {t('units.myUnits')}
      </h2>
      {error != null && <LoadError error={error} retry={load} />}
      {!roots && error == null && <Loading />}
      {roots && roots.length === 0 && <p className="empty">{t('units.noRoots')}</p>}
      {roots && roots.length > 0 && (
        <ul className="tree">
          {roots.map((u) => (
            <TreeNode key={u.id} unit={u} initiallyOpen={roots.length === 1} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TreeNode({ unit, initiallyOpen = false }: { unit: Unit; initiallyOpen?: boolean }) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const container = CONTAINER_KINDS.includes(unit.kind);
  const [open, setOpen] = useState(initiallyOpen && container);
  const { items: children, hasMore, loading, error, loadMore } = usePaged<Unit>(
    (loaded) => api.children(unit.id, { limit: PAGE, offset: loaded.length }),
    PAGE,
    null,
  );

  useEffect(() => {
    if (open && !children && !loading) loadMore();
  }, [open]);

  return (
    <li className="tree__node" data-testid="tree-node">
      <div className="tree__row">
        {container ? (
          <button
            type="button" className="tree__toggle" aria-expanded={open}
            aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
            onClick={() => setOpen((o) => !o)}
          >
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" className={open ? 'rot90' : ''}>
              <path d="M9 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        ) : (
          <span className="tree__spacer" aria-hidden="true" />
        )}
        <Link to={`/units/${unit.id}`} className="tree__link">
          <span className="tree__name">{unit.name}</span>
          <span className="tree__kind">{unit.kind === 'commune' || unit.kind === 'province' ? unit.code : kindLabel(unit.kind)}</span>
        </Link>
      </div>
      {open && (
        <div className="tree__children">
          {children && children.length === 0 && <p className="muted tree__empty">{t('units.noChildren')}</p>}
          {children && children.length > 0 && (
            <ul className="tree">
              {children.map((c) => (
                <TreeNode key={c.id} unit={c} />
              ))}
            </ul>
          )}
          {loading && <Loading />}
          {error != null && <LoadError error={error} retry={loadMore} />}
          {hasMore && !loading && (
            <button type="button" className="btn btn--small tree__more" onClick={loadMore}>
              {t('common.more')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

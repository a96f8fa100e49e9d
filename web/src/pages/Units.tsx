import { useEffect, useState } from 'react';
import { api, type SearchResult, type Unit } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { LoadError, Loading, useDebounced } from '../ui.tsx';
import { CONTAINER_KINDS, rankBy, UnitRefLinks, useKindLabel } from '../units.tsx';

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
      <div className="search" role="search">
        <label htmlFor="unit-search" className="visually-hidden">
          {t('units.searchLabel')}
        </label>
        <svg className="search__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14M20 20l-4-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          id="unit-search" type="search" data-testid="unit-search" className="search__input" value={q}
          placeholder={t('units.searchPlaceholder')} autoComplete="off" spellCheck={false}
          onChange={(e) => setQ(e.target.value)}
        />
        {q && (
          <button type="button" className="search__clear" aria-label={t('units.clear')} onClick={() => setQ('')}>
            ×
          </button>
        )}
      </div>
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
        <section className="card" aria-labelledby="res-current">
          <h2 id="res-current" className="card__title">
            {t('units.current')} <span className="count">{data.units.length}</span>
          </h2>
          <ul className="list">
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
          </ul>
        </section>
      )}
      {data.legacy.length > 0 && (
        <section className="card" aria-labelledby="res-legacy" data-testid="legacy-results">
          <h2 id="res-legacy" className="card__title">
            {t('units.legacy')} <span className="count">{data.legacy.length}</span>
          </h2>
          <p className="card__hint">{t('units.legacyHint')}</p>
          <ul className="list">
            {legacy.map((l) => (
              <li key={l.old_code} className="list__item legacy" data-testid="legacy-result">
                <span className="legacy__old">
                  <strong>{l.old_name}</strong>, {l.old_district_name}, {l.old_province_name}
                </span>{' '}
                <span className="legacy__arrow" aria-hidden="true">
                  →
                </span>{' '}
                <span className="legacy__new">
                  {l.replaced_by.length === 1 ? t('units.nowIs') : t('units.nowIn')} <UnitRefLinks units={l.replaced_by} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.legacyDistricts.length > 0 && (
        <section className="card" aria-labelledby="res-districts" data-testid="legacy-district-results">
          <h2 id="res-districts" className="card__title">
            {t('units.legacyDistricts')} <span className="count">{data.legacyDistricts.length}</span>
          </h2>
          <ul className="list">
            {districts.map((d) => (
              <li key={d.old_district_code} className="list__item legacy" data-testid="legacy-district-result">
                <span className="legacy__old">
                  <strong>{d.old_district_name}</strong>, {d.old_province_name}
                </span>{' '}
                <span className="legacy__arrow" aria-hidden="true">
                  →
                </span>{' '}
                <span className="legacy__new">
                  {t('units.districtNow')} <UnitRefLinks units={d.replaced_by} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
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
  const [children, setChildren] = useState<Unit[]>();
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const loadMore = (offset: number) => {
    setLoading(true);
    setError(null);
    api.children(unit.id, { limit: PAGE, offset }).then(
      (page) => {
        setChildren((prev) => [...(offset === 0 ? [] : (prev ?? [])), ...page]);
        setHasMore(page.length === PAGE);
        setLoading(false);
      },
      (e: unknown) => {
        setError(e);
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    if (open && !children && !loading) loadMore(0);
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
          {error != null && <LoadError error={error} retry={() => loadMore(children?.length ?? 0)} />}
          {hasMore && !loading && (
            <button type="button" className="btn btn--small tree__more" onClick={() => loadMore(children?.length ?? 0)}>
              {t('common.more')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

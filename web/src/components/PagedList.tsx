import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { LoadError, Loading } from '../ui.tsx';
import type { Paged } from '../usePaged.ts';

interface Props<T> {
  page: Paged<T>;
  /** Said when the list is empty. */
  empty: ReactNode;
  emptyTestId?: string;
  className: string;
  testId: string;
  /** One <li> per item, with its key. */
  children: (item: T) => ReactNode;
}

/** A list fetched a page at a time: its failure, its emptiness, its items, and "Tải thêm". */
export function PagedList<T>({ page, empty, emptyTestId, className, testId, children }: Props<T>) {
  const { t } = useI18n();
  const { items, error, loading, hasMore, loadMore } = page;
  return (
    <>
      {error != null && <LoadError error={error} retry={loadMore} />}
      {items && items.length === 0 && <p className="empty" data-testid={emptyTestId}>{empty}</p>}
      {items && items.length > 0 && <ul className={className} data-testid={testId}>{items.map(children)}</ul>}
      {loading && <Loading />}
      {hasMore && !loading && (
        <button type="button" className="btn" onClick={loadMore}>
          {t('common.loadMore')}
        </button>
      )}
    </>
  );
}

import { useEffect, useState, type DependencyList } from 'react';

export interface Paged<T> {
  /** undefined until the first page has come. */
  items: T[] | undefined;
  setItems: (update: (items: T[] | undefined) => T[] | undefined) => void;
  /** The last page was full, so there may be more. */
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** Loads the page after the loaded items (the first page when there are none); also the retry after an error. */
  loadMore: () => void;
}

/**
 * A list fetched a page at a time. fetchPage gets the items loaded so far (none for the first
 * page) and returns the next page; a page shorter than pageSize is the last.
 * With reloadOn, the first page is fetched again whenever those values change (an answer to an
 * older request is dropped), and with clear the list is emptied meanwhile instead of kept until
 * the new page comes. With reloadOn null, nothing is fetched until loadMore().
 */
export function usePaged<T>(
  fetchPage: (loaded: T[]) => Promise<T[]>,
  pageSize: number,
  reloadOn: DependencyList | null,
  { clear = false } = {},
): Paged<T> {
  const [items, setItems] = useState<T[]>();
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = (loaded: T[], live: () => boolean = () => true) => {
    setLoading(true);
    setError(null);
    fetchPage(loaded).then(
      (page) => {
        if (!live()) return;
        setItems((prev) => (loaded.length === 0 ? page : [...(prev ?? []), ...page]));
        setHasMore(page.length === pageSize);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live()) return;
        setError(e);
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    if (!reloadOn) return;
    let live = true;
    if (clear) setItems(undefined);
    load([], () => live);
    return () => {
      live = false;
    };
  }, reloadOn ?? []);

  return { items, setItems, hasMore, loading, error, loadMore: () => load(items ?? []) };
}

import { useEffect, useState, type DependencyList } from 'react';

export interface Resource<T> {
  /** undefined until the first answer has come. */
  data: T | undefined;
  error: unknown;
  /** Fetches again, keeping the shown data until the answer comes (after a change, or as the retry). */
  reload: () => void;
}

/**
 * One request's answer, fetched again whenever deps change; an answer to an older request
 * is dropped. With clear, the data is emptied while a new dependency's answer is awaited.
 */
export function useResource<T>(fetch: () => Promise<T>, deps: DependencyList, { clear = false } = {}): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [lastDeps, setLastDeps] = useState(deps);

  const changed = deps.length !== lastDeps.length || deps.some((d, i) => !Object.is(d, lastDeps[i]));
  if (changed) {
    setLastDeps(deps);
    if (clear) setData(undefined);
  }

  useEffect(() => {
    let live = true;
    setError(null);
    fetch().then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [...deps, version]);

  return { data, error, reload: () => setVersion((v) => v + 1) };
}

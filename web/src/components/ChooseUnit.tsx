import { useEffect } from 'react';
import { api } from '../api.ts';
import { Link, navigate } from '../router.tsx';
import { LoadError, Loading, useDocumentTitle } from '../ui.tsx';
import { useKindLabel } from '../units.tsx';
import { useResource } from '../useResource.ts';

/** A page's first step: the units the user serves, each opening `${base}/<id>`; one of them opens at once. */
export function ChooseUnit({ base, title, intro }: { base: string; title: string; intro: string }) {
  const kindLabel = useKindLabel();
  const roots = useResource(() => api.roots(), []);
  useDocumentTitle(title);
  useEffect(() => {
    if (roots.data?.length === 1) navigate(`${base}/${roots.data[0]!.id}`, { replace: true });
  }, [roots.data, base]);
  return (
    <div className="page">
      <header className="page__head">
        <h1 className="page__title">{title}</h1>
        <p className="page__intro">{intro}</p>
      </header>
      {roots.error != null ? <LoadError error={roots.error} retry={roots.reload} /> : !roots.data ? <Loading /> : (
        <ul className="card-list">
          {roots.data.map((u) => (
            <li key={u.id} className="card">
              <Link to={`${base}/${u.id}`}>{u.name}</Link> <span className="muted">{kindLabel(u.kind)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

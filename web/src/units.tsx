import { useEffect, useState } from 'react';
import { api, type Kinds, type UnitKind, type UnitRef } from './api.ts';
import { useI18n, type MessageKey } from './i18n.tsx';
import { Link } from './router.tsx';
// The same folding the API searches with.
import { fold } from '../../src/shared/text.ts';

/** Kinds in the order they are listed everywhere. */
export const KIND_ORDER: UnitKind[] = ['province', 'commune', 'village', 'school', 'agency', 'country'];

/** Kinds that can hold other units (villages, schools and agencies are leaves). */
export const CONTAINER_KINDS: UnitKind[] = ['country', 'province', 'commune'];

export const kindKey = (kind: string) => `kind.${kind}` as MessageKey;
export const roleKey = (role: string) => `role.${role}` as MessageKey;

export function useKindLabel() {
  const { t } = useI18n();
  return (kind: string) => t(kindKey(kind));
}

let kindsPromise: Promise<Kinds> | undefined;

/** The creatable kinds with their subkinds, fetched once. */
export function useKinds(): Kinds | undefined {
  const [kinds, setKinds] = useState<Kinds>();
  useEffect(() => {
    let live = true;
    kindsPromise ??= api.kinds().catch((e: unknown) => {
      kindsPromise = undefined;
      throw e;
    });
    kindsPromise.then((k) => live && setKinds(k), () => {});
    return () => {
      live = false;
    };
  }, []);
  return kinds;
}

/** "Xã Thượng Hà (02968)", linked; several joined by commas. */
export function UnitRefLinks({ units }: { units: UnitRef[] }) {
  return (
    <>
      {units.map((u, i) => (
        <span key={u.id}>
          {i > 0 && ', '}
          <Link to={`/units/${u.id}`} data-testid="legacy-target">
            {u.name}
          </Link>
          {u.code && <span className="muted"> ({u.code})</span>}
        </span>
      ))}
    </>
  );
}

const PREFIX = /^(xa|phuong|thi tran|dac khu|thi xa|thanh pho|tinh|quan|huyen|thon|ban|lang|to dan pho)\s+/;

/**
 * How well a name answers a query, lower is better: the name itself (without "Xã",
 * "Phường"…) equal to the query, then the query as whole words of the name, then
 * anywhere in the name; matches found only through the district or province come last.
 */
export function matchRank(name: string, query: string): number {
  const q = fold(query.split(',')[0] ?? '');
  const n = fold(name);
  if (!q) return 3;
  if (n === q || n.replace(PREFIX, '') === q) return 0;
  if ((' ' + n + ' ').includes(' ' + q + ' ')) return 1;
  if (n.includes(q)) return 2;
  return 3;
}

/** Sorts by matchRank, keeping the API's order among equals. */
export function rankBy<T>(items: T[], name: (item: T) => string, query: string): T[] {
  return items
    .map((item, i) => ({ item, i, r: matchRank(name(item), query) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item);
}

export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

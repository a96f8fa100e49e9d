import { useEffect, useId, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { errorText, useDebounced } from '../ui.tsx';
import { matchRank, useKindLabel } from '../units.tsx';

export interface PickedUnit {
  id: number;
  name: string;
  detail: string;
}

interface Option extends PickedUnit {
  key: string;
}

interface Props {
  id: string;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
  testId?: string;
}

/**
 * Chooses a unit through the search API. Pre-2025 communes are offered as the units that
 * replaced them, so "Điện Quan" finds Xã Thượng Hà.
 */
export function UnitPicker({ id, value, onChange, describedBy, invalid, testId }: Props) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const listId = useId();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const [options, setOptions] = useState<Option[]>();
  const [error, setError] = useState<unknown>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (query.length < 2) {
      setOptions(undefined);
      return;
    }
    let live = true;
    api.search(query, 10).then(
      (r) => {
        if (!live) return;
        // Today's units and the units that replaced matching pre-2025 communes, closest names first.
        const seen = new Set<number>();
        const ranked: (Option & { rank: number })[] = [];
        for (const u of r.units) {
          seen.add(u.id);
          ranked.push({ key: 'u' + u.id, id: u.id, name: u.name, rank: matchRank(u.name, query), detail: [kindLabel(u.kind), u.parent_name, u.code].filter(Boolean).join(' · ') });
        }
        for (const l of r.legacy) {
          for (const u of l.replaced_by) {
            if (seen.has(u.id)) continue;
            seen.add(u.id);
            ranked.push({
              key: 'l' + l.old_code + '-' + u.id, id: u.id, name: u.name, rank: matchRank(l.old_name, query),
              detail: [kindLabel(u.kind), u.code, t('picker.formerly', { name: l.old_name })].filter(Boolean).join(' · '),
            });
          }
        }
        const list: Option[] = ranked.map((o, i) => ({ o, i })).sort((a, b) => a.o.rank - b.o.rank || a.i - b.i).map(({ o }) => o);
        setOptions(list);
        setActive(0);
        setError(null);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [query]);

  if (value) {
    return (
      <div className="picked" data-testid={testId ? testId + '-picked' : undefined}>
        <span>
          <strong>{value.name}</strong>
          {value.detail && <span className="muted"> · {value.detail}</span>}
        </span>
        <button type="button" className="btn btn--small" onClick={() => onChange(null)}>
          {t('common.change')}
        </button>
      </div>
    );
  }

  const pick = (o: Option) => {
    onChange({ id: o.id, name: o.name, detail: o.detail });
    setQ('');
    setOptions(undefined);
  };
  const open = !!options && query.length >= 2;

  return (
    <div className="picker">
      <input
        id={id} type="search" role="combobox" aria-expanded={open} aria-controls={listId} aria-autocomplete="list"
        aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" spellCheck={false} value={q}
        placeholder={t('picker.placeholder')} data-testid={testId}
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (!open || options.length === 0) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const o = options[active];
            if (o) pick(o);
          }
        }}
      />
      {error != null && <p className="field__error">{errorText(error, t)}</p>}
      {open && (
        <ul className="picker__list" id={listId} role="listbox" aria-label={t('picker.results')}>
          {options.length === 0 && <li className="picker__empty">{t('picker.none')}</li>}
          {options.map((o, i) => (
            <li
              key={o.key} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              className={'picker__option' + (i === active ? ' picker__option--active' : '')}
              onMouseDown={(e) => e.preventDefault()} onClick={() => pick(o)}
            >
              <span className="picker__name">{o.name}</span>
              <span className="picker__detail">{o.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

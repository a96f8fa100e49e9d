import { useEffect, useId, useState, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { useI18n, type Translate } from './i18n.tsx';
import { Link } from './router.tsx';

/** The text to show for a failed request: the API's own (Vietnamese) message when there is one. */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('common.networkError');
    return err.message || t('common.unexpected');
  }
  return t('common.unexpected');
}

/**
 * The error to show above a form: none when it names fields and each is shown at its own field
 * (a path in `shown`, or one `shown` accepts), the error itself otherwise.
 */
export function generalError(err: unknown, shown: readonly string[] | ((path: string) => boolean)): unknown {
  const atField = typeof shown === 'function' ? shown : (path: string) => shown.includes(path);
  return err instanceof ApiError && err.fields.length > 0 && err.fields.every((f) => atField(f.path)) ? null : err;
}

/** The message of one field of a failed request, if the API named that field. */
export function fieldError(err: unknown, path: string): string | undefined {
  return err instanceof ApiError ? err.field(path) : undefined;
}

export function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  /** Renders the control, given the ids to wire up. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactElement;
}

/** A labelled form control with its hint and its error right under it. */
export function Field({ label, hint, error, optional, children }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  // The error usually restates the hint, so only one of them shows.
  const showHint = hint && !error;
  const hintId = showHint ? id + '-hint' : undefined;
  const errorId = error ? id + '-error' : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={'field' + (error ? ' field--invalid' : '')}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> ({t('common.optional')})</span>}
      </label>
      {children({ id, describedBy, invalid: !!error })}
      {showHint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface SearchBoxProps {
  id: string;
  /** Read by screen readers; the magnifier shows what the field is for. */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  spellCheck?: boolean;
  /** When given, a × button with this label empties the field while it has text. */
  clearLabel?: string;
}

/** The search field at the top of a list page. */
export function SearchBox({ id, label, placeholder, value, onChange, testId, spellCheck, clearLabel }: SearchBoxProps) {
  return (
    <div className="search" role="search">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <svg className="search__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14M20 20l-4-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        id={id} type="search" data-testid={testId} className="search__input" value={value}
        placeholder={placeholder} autoComplete="off" spellCheck={spellCheck}
        onChange={(e) => onChange(e.target.value)}
      />
      {clearLabel && value && (
        <button type="button" className="search__clear" aria-label={clearLabel} onClick={() => onChange('')}>
          ×
        </button>
      )}
    </div>
  );
}

export function Alert({ kind, children, testId }: { kind: 'error' | 'success' | 'info'; children: ReactNode; testId?: string }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A request's failure with a retry button, unless trying again cannot help (not found, not allowed). */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  const final = error instanceof ApiError && (error.status === 403 || error.status === 404);
  return (
    <Alert kind="error">
      <span>{errorText(error, t)}</span>
      {retry && !final && (
        <button type="button" className="btn btn--small" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </Alert>
  );
}

/**
 * A detail page before its data: the failure with a retry and a way back to its list, or the
 * spinner. Its own `page` frame, so the layout does not jump when the data arrives.
 */
export function PageNotReady({ error, retry, back }: { error: unknown; retry: () => void; back: { to: string; label: string } }) {
  return (
    <div className="page">
      {error != null ? (
        <>
          <LoadError error={error} retry={retry} />
          <Link to={back.to} className="btn">
            {back.label}
          </Link>
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}

/**
 * A user's action on the server: busy while it runs (its buttons disabled), its failure kept to
 * be shown. `run` resolves to whether the action went through.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** Names the browser tab after what a page shows, once it is known. */
export function useDocumentTitle(title: string | undefined) {
  const { t } = useI18n();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

/** Date and time in the current locale, e.g. 23/11/2026, 14:05:09. */
export function useDateTime() {
  const { locale } = useI18n();
  return (iso: string) =>
    new Date(iso).toLocaleString(locale, {
      day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
}

/** One figure in a `.stats` list: the number large, what it counts under it; `alert` when it is bad news. */
export function Stat({ label, value, sub, alert, ok, className, testId, item }: {
  label: string; value: string | number; sub?: string; alert?: boolean; ok?: boolean; className?: string; testId?: string;
  /** Attributes of the item itself (data-testid, data-*), for tests that read a list of figures. */
  item?: Record<`data-${string}`, string | number>;
}) {
  return (
    <li className={['stat', alert && 'stat--alert', ok && 'stat--ok', className].filter(Boolean).join(' ')} {...item}>
      <span className="stat__value" data-testid={testId}>{value}</span>
      <span className="stat__label">{label}</span>
      {sub && <span className="stat__sub">{sub}</span>}
    </li>
  );
}

/**
 * A table that may be wider than the screen scrolls sideways in this box. The box takes focus, so
 * the arrow keys scroll it (WCAG 2.1.1), and is a named region, so a screen reader says what it is.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** Whether a media query matches now, following it as the window changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}

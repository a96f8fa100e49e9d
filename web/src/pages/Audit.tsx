import { useState, type FormEvent } from 'react';
import { api, type AuditEntry } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { LoadError, Loading, TableScroll, useDateTime } from '../ui.tsx';
import { usePaged } from '../usePaged.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '../../../src/audit/entities.ts';

const PAGE = 50;
// Typed so that an action or entity the server records without a label here fails the build.
const actionKey = (a: AuditAction): MessageKey => `action.${a}`;
const entityKey = (e: AuditEntity): MessageKey => `entity.${e}`;
const isAction = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);
const isEntity = (e: string): e is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(e);

interface Filters {
  action: string;
  entity: string;
  actor: string;
}
const NO_FILTERS: Filters = { action: '', entity: '', actor: '' };

export function AuditPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const { items: entries, hasMore, loading, error, loadMore } = usePaged<AuditEntry>(
    (loaded) => api.audit({ ...filters, actor: filters.actor.trim().toLowerCase(), before: loaded.at(-1)?.id, limit: PAGE }),
    PAGE,
    [filters],
    { clear: true },
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft });
  };
  const filtered = filters.action || filters.entity || filters.actor;

  return (
    <div className="page">
      <h1 className="page__title">{t('audit.title')}</h1>
      <p className="page__intro">{t('audit.intro')}</p>
      <form className="card filters" onSubmit={apply} aria-label={t('audit.filters')} data-testid="audit-filters">
        <FilterSelect id="f-action" label={t('audit.action')} value={draft.action} codes={AUDIT_ACTIONS} labelOf={actionKey} onChange={(action) => setDraft({ ...draft, action })} />
        <FilterSelect id="f-entity" label={t('audit.entity')} value={draft.entity} codes={AUDIT_ENTITIES} labelOf={entityKey} onChange={(entity) => setDraft({ ...draft, entity })} />
        <div className="field">
          <label htmlFor="f-actor">{t('audit.actor')}</label>
          <input id="f-actor" value={draft.actor} placeholder={t('audit.actorPlaceholder')} autoCapitalize="none" spellCheck={false} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        </div>
        <div className="filters__actions">
          <button type="submit" className="btn btn--primary">
            {t('audit.apply')}
          </button>
          {filtered && (
            <button
              type="button" className="btn"
              onClick={() => {
                setDraft(NO_FILTERS);
                setFilters(NO_FILTERS);
              }}
            >
              {t('audit.reset')}
            </button>
          )}
        </div>
      </form>
      {entries && entries.length === 0 && <p className="empty">{t('audit.none')}</p>}
      {entries && entries.length > 0 && (
        <TableScroll label={t('nav.audit')}>
          <table className="table audit" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.actorColumn')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.unit')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <AuditRow key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {error != null && <LoadError error={error} retry={loadMore} />}
      {loading && <Loading />}
      {hasMore && !loading && (
        <button type="button" className="btn" onClick={loadMore} data-testid="audit-more">
          {t('common.loadMore')}
        </button>
      )}
      {entries && entries.length > 0 && !hasMore && !loading && <p className="muted center">{t('audit.end')}</p>}
    </div>
  );
}

/** A filter on one of the codes, each shown by its label, or on none. */
function FilterSelect<C extends string>({ id, label, value, codes, labelOf, onChange }: {
  id: string; label: string; value: string; codes: readonly C[]; labelOf: (code: C) => MessageKey; onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('audit.all')}</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {t(labelOf(c))}
          </option>
        ))}
      </select>
    </div>
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const FIELDS = new Set([
  'id', 'name', 'kind', 'subkind', 'note', 'code', 'parent_id', 'path', 'depth', 'province_code', 'username', 'full_name',
  'phone', 'active', 'locked_until', 'failed', 'failed_logins', 'reset_by', 'role', 'unit_id', 'user_id', 'created_at',
  'updated_at', 'grant', 'grants',
]);
const KINDS = new Set(['country', 'province', 'commune', 'village', 'school', 'agency']);
const ROLE_NAMES = new Set(['admin', 'leader', 'officer', 'school_staff', 'village_operator', 'viewer']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
}

/** The fields that differ between before and after (all of them when only one side exists). */
function diff(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if (!isObject(before) && !isObject(after)) return [{ key: '', before, after }];
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ key: k, before: b[k], after: a[k] }));
}

/** A recorded value, readable: kinds and roles by their labels, yes/no, dates in the locale. */
function useShowValue() {
  const { t } = useI18n();
  const dateTime = useDateTime();
  return (key: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'value.yes' : 'value.no');
    if (typeof v === 'string') {
      if (key === 'kind' && KINDS.has(v)) return t(`kind.${v}` as MessageKey);
      if (key === 'role' && ROLE_NAMES.has(v)) return t(`role.${v}` as MessageKey);
      if (ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))) return dateTime(v);
      return v;
    }
    return JSON.stringify(v);
  };
}

function AuditRow({ entry: e }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const showValue = useShowValue();
  const rows = diff(e.before, e.after);
  const afterName = isObject(e.after) && typeof e.after.username === 'string' ? e.after.username : null;
  const actionLabel = isAction(e.action) ? t(actionKey(e.action)) : e.action;
  const entityLabel = isEntity(e.entity) ? t(entityKey(e.entity)) : e.entity;
  const showBefore = e.before != null;
  const showAfter = e.after != null;
  return (
    <tr data-testid="audit-row" className={e.action === 'login_failed' ? 'audit--warn' : undefined}>
      <td data-label={t('audit.time')}>
        <time dateTime={e.at} className="nowrap">
          {dateTime(e.at)}
        </time>
      </td>
      <td data-label={t('audit.actorColumn')}>
        <span>{e.actor_name ?? afterName ?? <span className="muted">{t('audit.system')}</span>}</span>
      </td>
      <td data-label={t('audit.action')}>
        <span>
          <span className={`tag tag--${e.action}`}>{actionLabel}</span>
        </span>
      </td>
      <td data-label={t('audit.entity')}>
        <span className="nowrap">
          {entityLabel}
          {e.entity_id && <span className="muted"> #{e.entity_id}</span>}
        </span>
      </td>
      <td data-label={t('audit.unit')}>
        <span>{e.unit_id && e.unit_name ? <Link to={`/units/${e.unit_id}`}>{e.unit_name}</Link> : <span className="muted">—</span>}</span>
      </td>
      <td data-label={t('audit.details')}>
        {rows.length === 0 && !e.ip ? (
          <span className="muted">—</span>
        ) : (
          <details className="diff">
            <summary>{t('audit.showDetails')}</summary>
            {rows.length === 0 ? (
              <p className="muted">{t('audit.noDiff')}</p>
            ) : (
              <table className="table table--compact diff__table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.field')}</th>
                    {showBefore && <th scope="col">{t('audit.before')}</th>}
                    {showAfter && <th scope="col">{t('audit.after')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row" title={r.key}>
                        {FIELDS.has(r.key) ? t(`field.${r.key}` as MessageKey) : <span className="mono">{r.key}</span>}
                      </th>
                      {showBefore && <td className="diff__before">{showValue(r.key, r.before)}</td>}
                      {showAfter && <td className="diff__after">{showValue(r.key, r.after)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {e.ip && <p className="muted small">{t('audit.ip', { ip: e.ip })}</p>}
          </details>
        )}
      </td>
    </tr>
  );
}

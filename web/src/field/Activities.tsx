import { useState, type FormEvent } from 'react';
import type { Unit } from '../api.ts';
import { Attachments } from '../components/Attachments.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { useAuth } from '../auth.tsx';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, SearchBox, Stat, useAction, useDebounced } from '../ui.tsx';
import { usePaged } from '../usePaged.ts';
import { useResource } from '../useResource.ts';
import { formatDay, todayVN } from '../work.tsx';
import { ACTIVITY_KINDS, CHANNELS, ops, type Activity, type ActivityInput, type ActivityKind, type Channel } from './api-ops.ts';
import type { FieldTabProps } from './Field.tsx';
import './field-ops.css';

const PAGE = 20;
const kindKey = (k: ActivityKind) => `activities.kind.${k}` as MessageKey;
const channelKey = (c: Channel) => `activities.channel.${c}` as MessageKey;

export function ActivitiesTab({ unit }: FieldTabProps) {
  const { canAt } = useAuth();
  const write = canAt('activity.write', unit.path) && unit.kind !== 'country';
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <div className="ops">
      <Summary unit={unit} version={version} />
      <ActivityList unit={unit} write={write} version={version} onChanged={changed} />
    </div>
  );
}

// ---------- Summary ----------

function Summary({ unit, version }: { unit: Unit; version: number }) {
  const { t } = useI18n();
  const num = useNumber();
  const today = todayVN();
  const [from, setFrom] = useState(today.slice(0, 4) + '-01-01');
  const [to, setTo] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const data = useResource(() => (valid ? ops.activitySummary(unit.id, from, to) : Promise.resolve(undefined)), [unit.id, from, to, version]);
  const s = data.data;
  const total = s ? s.byKind.reduce((acc, k) => ({ activities: acc.activities + k.activities, audience: acc.audience + k.audience }), { activities: 0, audience: 0 }) : null;
  const channels = s ? s.byChannel.filter((c) => c.activities > 0).sort((a, b) => b.activities - a.activities) : [];
  const maxChannel = Math.max(1, ...channels.map((c) => c.activities));
  return (
    <section className="card" aria-labelledby="activity-summary-title" data-testid="activity-summary">
      <h2 id="activity-summary-title" className="card__title">
        {t('activities.summary')}
      </h2>
      <div className="ops-filters">
        <label className="ops__inline-field">
          <span>{t('activities.from')}</span>
          <input type="date" value={from} max={to || today} onChange={(e) => setFrom(e.target.value)} data-testid="summary-from" />
        </label>
        <label className="ops__inline-field">
          <span>{t('activities.to')}</span>
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} data-testid="summary-to" />
        </label>
      </div>
      {data.error != null ? <LoadError error={data.error} retry={data.reload} /> : !s || !total ? (valid ? <Loading /> : null) : (
        <>
          <ul className="stats stats--small ops__totals">
            <Stat ok label={t('activities.total')} value={num(total.activities)} testId="summary-total" />
            <Stat label={t('activities.audienceTotal')} value={num(total.audience)} testId="summary-audience" />
          </ul>
          <h3 className="group__title">{t('activities.byKind')}</h3>
          <ul className="stats stats--small" data-testid="summary-kinds">
            {s.byKind.map((k) => (
              <Stat key={k.kind} label={t(kindKey(k.kind))} value={num(k.activities)} sub={t('activities.audienceN', { n: num(k.audience) })}
                className={k.activities === 0 ? 'ops-stat--zero' : undefined} item={{ 'data-testid': 'summary-kind', 'data-kind': k.kind, 'data-count': k.activities }} />
            ))}
          </ul>
          <h3 className="group__title">{t('activities.byChannel')}</h3>
          {channels.length === 0 ? (
            <p className="muted">{t('activities.noOutreach')}</p>
          ) : (
            <ul className="ops-rows" data-testid="summary-channels">
              {channels.map((c) => (
                <li key={c.channel} className="ops-row ops-row--compact" data-testid="summary-channel" data-channel={c.channel} data-count={c.activities}>
                  <span className="ops-row__name">{t(channelKey(c.channel))}</span>
                  <span className="ops-bar ops-bar--scale" aria-hidden="true">
                    <span className="ops-bar__part ops-bar__part--ok" style={{ width: `${(c.activities / maxChannel) * 100}%` }} />
                  </span>
                  <span className="ops-row__nums">
                    {t('activities.countN', { n: num(c.activities) })} · {t('activities.audienceN', { n: num(c.audience) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

// ---------- List ----------

function ActivityList({ unit, write, version, onChanged }: { unit: Unit; write: boolean; version: number; onChanged: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const search = useDebounced(q.trim());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const page = usePaged<Activity>(
    (loaded) => ops.activities({ unitId: unit.id, q: search || undefined, kind: kind || undefined, limit: PAGE, offset: loaded.length }),
    PAGE,
    [unit.id, search, kind, version],
  );
  const saved = () => {
    setAdding(false);
    setEditing(null);
    onChanged();
  };
  const filtered = search !== '' || kind !== '';
  return (
    <section className="card" aria-labelledby="activity-list-title" data-testid="activity-list-card">
      <div className="card__head ops__head">
        <h2 id="activity-list-title" className="card__title">
          {t('activities.list')}
        </h2>
        {write && !adding && (
          <button type="button" className="btn btn--primary btn--small" onClick={() => setAdding(true)} data-testid="activity-add">
            {t('activities.add')}
          </button>
        )}
      </div>
      {adding && <ActivityForm unit={unit} onSaved={saved} onCancel={() => setAdding(false)} />}
      <div className="ops-filters ops-filters--search">
        <SearchBox
          id="activity-search" label={t('activities.search')} placeholder={t('activities.searchPlaceholder')} value={q} onChange={setQ}
          testId="activity-search" spellCheck={false} clearLabel={t('activities.clearSearch')}
        />
        <label className="ops__inline-field">
          <span>{t('activities.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ActivityKind | '')} data-testid="activity-kind-filter">
            <option value="">{t('activities.allKinds')}</option>
            {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{t(kindKey(k))}</option>)}
          </select>
        </label>
      </div>
      <PagedList page={page} empty={filtered ? t('activities.emptyFiltered') : t('activities.empty')} emptyTestId="activities-empty" className="card-list card-list--flat" testId="activity-list">
        {(a) =>
          editing === a.id ? (
            <li key={a.id}>
              <ActivityForm unit={unit} activity={a} onSaved={saved} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <ActivityCard key={a.id} unit={unit} activity={a} write={write} onEdit={() => setEditing(a.id)} onChanged={onChanged} />
          )
        }
      </PagedList>
    </section>
  );
}

function ActivityCard({ unit, activity: a, write, onEdit, onChanged }: { unit: Unit; activity: Activity; write: boolean; onEdit: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const num = useNumber();
  const { busy, error, run } = useAction();
  const remove = () => {
    if (window.confirm(t('activities.deleteConfirm', { title: a.title }))) void run(async () => {
      await ops.deleteActivity(a.id);
      onChanged();
    });
  };
  return (
    <li className="card item-card" data-testid="activity" data-id={a.id}>
      <div className="item-card__head">
        <span className="item-card__title">{a.title}</span>
        <span className="muted nowrap">{formatDay(a.held_on)}</span>
      </div>
      <p className="item-card__meta">
        <span className={`status activity-kind activity-kind--${a.kind}`}>{t(kindKey(a.kind))}</span>
        {a.channel && <span className="badge" data-testid="activity-channel">{t(channelKey(a.channel))}</span>}
        {a.audience !== null && <span>{t('activities.audienceN', { n: num(a.audience) })}</span>}
        {a.unit_id !== unit.id && <span>· {a.unit_name}</span>}
      </p>
      {a.topic && (
        <p className="ops-note">
          <span className="ops-facts__label">{t('activities.topic')}:</span> {a.topic}
        </p>
      )}
      {a.description && <p className="ops-note">{a.description}</p>}
      {(a.instance_name || a.fire_group_name) && <p className="muted ops-note">{[a.instance_name, a.fire_group_name].filter(Boolean).join(' · ')}</p>}
      <Attachments
        files={a.files} testId="activity-files"
        write={write ? { attach: (file) => ops.attachActivityFile(a.id, file), remove: (f) => ops.removeActivityFile(a.id, f.id), onChanged } : undefined}
      />
      {write && (
        <div className="form__actions">
          <button type="button" className="btn btn--small" onClick={onEdit} disabled={busy} data-testid="activity-edit">
            {t('common.edit')}
          </button>
          <button type="button" className="btn btn--small btn--danger" onClick={remove} disabled={busy} data-testid="activity-delete">
            {t('activities.delete')}
          </button>
        </div>
      )}
      {error != null && <Alert kind="error">{errorText(error, t)}</Alert>}
    </li>
  );
}

function ActivityForm({ unit, activity, onSaved, onCancel }: { unit: Unit; activity?: Activity; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const today = todayVN();
  const { busy, error, run } = useAction();
  const [v, setV] = useState({
    kind: activity?.kind ?? ('outreach' as ActivityKind),
    channel: activity?.channel ?? ('' as Channel | ''),
    title: activity?.title ?? '',
    topic: activity?.topic ?? '',
    heldOn: activity?.held_on ?? today,
    audience: activity?.audience?.toString() ?? '',
    description: activity?.description ?? '',
  });
  const set = (k: 'title' | 'topic' | 'heldOn' | 'audience' | 'description') => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: ActivityInput = {
      kind: v.kind, channel: v.kind === 'outreach' && v.channel ? v.channel : null, title: v.title, topic: v.topic.trim() || null, heldOn: v.heldOn,
      audience: v.audience.trim() === '' ? null : Number(v.audience), description: v.description.trim() || null,
    };
    if (await run(() => (activity ? ops.updateActivity(activity.id, body) : ops.createActivity(unit.id, body)))) onSaved();
  };
  const general = generalError(error, ['kind', 'channel', 'title', 'topic', 'heldOn', 'audience', 'description']);
  return (
    <form className="form inline-form ops-form" onSubmit={submit} data-testid="activity-form" noValidate>
      <h3 className="group__title">{activity ? t('activities.editTitle') : t('activities.addTitle')}</h3>
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      <div className="form-pair">
        <Field label={t('activities.kind')} error={fieldError(error, 'kind')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as ActivityKind })} data-testid="activity-kind">
              {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{t(kindKey(k))}</option>)}
            </select>
          )}
        </Field>
        {v.kind === 'outreach' && (
          <Field label={t('activities.channel')} error={fieldError(error, 'channel')}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={v.channel} onChange={(e) => setV({ ...v, channel: e.target.value as Channel | '' })} data-testid="activity-channel-select">
                <option value="">{t('activities.chooseChannel')}</option>
                {CHANNELS.map((c) => <option key={c} value={c}>{t(channelKey(c))}</option>)}
              </select>
            )}
          </Field>
        )}
      </div>
      <Field label={t('activities.title')} error={fieldError(error, 'title')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={v.title} onChange={set('title')} data-testid="activity-title" />
        )}
      </Field>
      <Field label={t('activities.topic')} optional error={fieldError(error, 'topic')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={500} value={v.topic} onChange={set('topic')} data-testid="activity-topic" />
        )}
      </Field>
      <div className="form-pair">
        <Field label={t('activities.heldOn')} error={fieldError(error, 'heldOn')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" max={today} aria-describedby={describedBy} aria-invalid={invalid} value={v.heldOn} onChange={set('heldOn')} data-testid="activity-date" />
          )}
        </Field>
        <Field label={t('activities.audience')} optional error={fieldError(error, 'audience')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={0} step={1} inputMode="numeric" aria-describedby={describedBy} aria-invalid={invalid} value={v.audience} onChange={set('audience')} data-testid="activity-audience" />
          )}
        </Field>
      </div>
      <Field label={t('activities.description')} optional error={fieldError(error, 'description')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={3} maxLength={5000} value={v.description} onChange={set('description')} data-testid="activity-description" />
        )}
      </Field>
      {!activity && <p className="field__hint">{t('activities.filesAfter')}</p>}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="activity-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

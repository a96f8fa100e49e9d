import { useEffect, useRef, useState } from 'react';
import { api, type Alarm, type Unit } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Alert, errorText, LoadError, Loading } from '../ui.tsx';
import { useResource, type Resource } from '../useResource.ts';
import { AlarmForm } from './AlarmForm.tsx';
import { dateTimeVN, ops } from './api-ops.ts';
import type { FieldTabProps } from './Field.tsx';
import './field-ops.css';

/** How many of the newest alarms the history looks at (the API's most). */
const HISTORY_LIMIT = 200;
const REFRESH_MS = 30_000;

export const ALARM_KIND: Record<Alarm['kind'], MessageKey> = { crime: 'alarmsTab.kind.crime', fire: 'alarmsTab.kind.fire', other: 'alarmsTab.kind.other' };

/** The newest alarms the user may see that were raised inside the unit. */
export function useUnitAlarms(unit: Unit, limit = HISTORY_LIMIT): Resource<Alarm[]> {
  return useResource(() => ops.alarms(unit.id, limit), [unit.id, limit]);
}

export function AlarmsTab({ unit }: FieldTabProps) {
  const { t } = useI18n();
  const { canAt } = useAuth();
  const alarms = useUnitAlarms(unit);
  const mayRaise = (unit.kind === 'village' || unit.kind === 'commune') && canAt('alarm.raise', unit.path);
  const reload = useRef(alarms.reload);
  reload.current = alarms.reload;
  // New alarms and others' acknowledgements show without reloading the page.
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && reload.current(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const [kind, setKind] = useState<Alarm['kind'] | ''>('');
  const [onlyOpen, setOnlyOpen] = useState(false);
  const shown = (alarms.data ?? []).filter((a) => (!kind || a.kind === kind) && (!onlyOpen || !a.acked_at));
  return (
    <div className="ops">
      {mayRaise && (
        <section className="card" data-testid="alarm-raise-card">
          <AlarmForm unit={unit} onRaised={alarms.reload} />
        </section>
      )}
      <section className="card" aria-labelledby="alarms-history-title" data-testid="alarms-history">
        <div className="card__head ops__head">
          <h2 id="alarms-history-title" className="card__title">
            {t('alarmsTab.title')}
          </h2>
          <a href="/cap/alerts.atom" className="ops__feed" target="_blank" rel="noopener" data-testid="cap-feed">
            {t('alarmsTab.capFeed')}
          </a>
        </div>
        <p className="card__hint">{t('alarmsTab.hint', { n: HISTORY_LIMIT })}</p>
        <div className="ops-filters">
          <label className="ops__inline-field">
            <span>{t('alarmsTab.kind')}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as Alarm['kind'] | '')} data-testid="alarm-kind-filter">
              <option value="">{t('alarmsTab.allKinds')}</option>
              {(Object.keys(ALARM_KIND) as Alarm['kind'][]).map((k) => (
                <option key={k} value={k}>
                  {t(ALARM_KIND[k])}
                </option>
              ))}
            </select>
          </label>
          <label className="ops-check">
            <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
            <span>{t('alarmsTab.onlyOpen')}</span>
          </label>
        </div>
        {alarms.error != null ? <LoadError error={alarms.error} retry={alarms.reload} /> : !alarms.data ? <Loading /> : shown.length === 0 ? (
          <p className="empty" data-testid="alarms-empty">{alarms.data.length === 0 ? t('alarmsTab.empty') : t('alarmsTab.emptyFiltered')}</p>
        ) : (
          <ul className="card-list card-list--flat" data-testid="alarm-list">
            {shown.map((a) => <AlarmItem key={a.id} unit={unit} alarm={a} onAcked={alarms.reload} />)}
          </ul>
        )}
      </section>
    </div>
  );
}

function AlarmItem({ unit, alarm: a, onAcked }: { unit: Unit; alarm: Alarm; onAcked: () => void }) {
  const { t } = useI18n();
  const { canAt } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The one it was sent to acknowledges it; so may those who answer alarms at the unit.
  const mayAck = !a.acked_at && (a.notified || canAt('alarm.raise', unit.path));
  // Ending or cancelling publishes a CAP Update or Cancel: for those who may raise alarms there.
  const mayClose = !a.closed_as && canAt('alarm.raise', unit.path);
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onAcked();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={`card item-card alarm-item alarm-item--${a.kind}`} data-testid="alarm-row" data-id={a.id}>
      <div className="item-card__head">
        <span className={`status alarm-kind alarm-kind--${a.kind}`}>{t(ALARM_KIND[a.kind])}</span>
        <time className="muted nowrap" dateTime={a.occurred_at}>{dateTimeVN(a.occurred_at)}</time>
      </div>
      <p className="item-card__title alarm-item__where">
        {a.village_name}
        <span className="muted">, {a.commune_name}</span>
      </p>
      <p className="ops-note">{a.description}</p>
      {!a.public_details && <p className="muted" data-testid="alarm-withheld">{t('alarmForm.withheldNote')}</p>}
      {a.closed_as && a.closed_at && (
        <span className="status" data-testid="alarm-closed">
          {t(a.closed_as === 'ended' ? 'alarmForm.endedAt' : 'alarmForm.cancelledAt', { time: dateTimeVN(a.closed_at) })}
        </span>
      )}
      <div className="alarm-item__ack">
        {a.acked_at ? (
          <span className="status status--on" data-testid="alarm-acked">
            {t('alarmsTab.ackedAt', { time: dateTimeVN(a.acked_at) })}
          </span>
        ) : (
          <span className="status status--warn" data-testid="alarm-unacked">{t('alarmsTab.notAcked')}</span>
        )}
        <span className="muted" data-testid="alarm-acked-by">
          {a.acked_by.length > 0
            ? t('alarmsTab.ackedBy', { names: a.acked_by.map((k) => `${k.name} (${dateTimeVN(k.at)})`).join(', ') })
            : t('alarmsTab.noAcks')}
        </span>
        {mayAck && (
          <button type="button" className="btn btn--small btn--primary" disabled={busy} onClick={() => void act(() => api.ackAlarm(a.id))} data-testid="alarm-row-ack">
            {busy ? t('alarmsTab.acking') : t('alarmsTab.ack')}
          </button>
        )}
        {mayClose && (
          <>
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => void act(() => ops.closeAlarm(a.id, 'ended'))} data-testid="alarm-end">
              {t('alarmForm.end')}
            </button>
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => void act(() => ops.closeAlarm(a.id, 'cancelled'))} data-testid="alarm-cancel">
              {t('alarmForm.cancel')}
            </button>
          </>
        )}
      </div>
      {error != null && <Alert kind="error">{errorText(error, t)}</Alert>}
    </li>
  );
}

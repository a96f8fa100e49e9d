import { useEffect, useState } from 'react';
import { api, type Alarm } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Alert, errorText, useDateTime } from '../ui.tsx';

const KIND: Record<Alarm['kind'], MessageKey> = { crime: 'alarm.kind.crime', fire: 'alarm.kind.fire', other: 'alarm.kind.other' };

/**
 * The alarms sent to the user and not yet acknowledged, on every page: loaded at start, then
 * pushed live by the server (server-sent events) the moment one is raised.
 */
export function AlarmBanner() {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const [alarms, setAlarms] = useState<Alarm[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let closed = false;
    api.alarms({ unacked: true }).then((list) => !closed && setAlarms(list), () => {});
    const source = new EventSource('/api/alarms/stream');
    source.addEventListener('alarm', (e) => {
      const alarm = JSON.parse((e as MessageEvent<string>).data) as Alarm;
      if (alarm.notified && !alarm.acked_at) setAlarms((list) => (list.some((a) => a.id === alarm.id) ? list : [alarm, ...list]));
    });
    return () => {
      closed = true;
      source.close();
    };
  }, []);

  const ack = async (id: number) => {
    setError(null);
    try {
      await api.ackAlarm(id);
      setAlarms((list) => list.filter((a) => a.id !== id));
    } catch (err) {
      setError(err);
    }
  };

  if (alarms.length === 0) return null;
  return (
    <section className="alarms" role="alert" aria-label={t('alarm.title')} data-testid="alarms">
      {alarms.map((a) => (
        <div key={a.id} className={`alarm alarm--${a.kind}`} data-testid="alarm" data-id={a.id}>
          <div className="alarm__text">
            <strong>{t(KIND[a.kind])}: {a.village_name}, {a.commune_name}</strong>
            <span>{a.description}</span>
            <span className="alarm__time">{t('alarm.at', { time: dateTime(a.occurred_at) })}</span>
          </div>
          <button type="button" className="btn btn--small alarm__ack" onClick={() => void ack(a.id)} data-testid="alarm-ack">
            {t('alarm.ack')}
          </button>
        </div>
      ))}
      {error != null && <Alert kind="error">{errorText(error, t)}</Alert>}
    </section>
  );
}

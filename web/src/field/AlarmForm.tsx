import { useId, useState, type FormEvent } from 'react';
import { api, type Alarm, type Unit } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, useAction } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { ALARM_KIND } from './AlarmsHistory.tsx';
import { ops } from './api-ops.ts';

/**
 * A version 4 UUID: crypto.randomUUID exists only in secure contexts, and a commune's server may
 * be reached over plain HTTP on its own network; getRandomValues exists in every context.
 */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A commune's villages, or the village itself: alarms are raised at a village. */
function useVillages(unit: Unit) {
  return useResource(async () => (unit.kind === 'village' ? [unit] : api.children(unit.id, { kind: 'village', limit: 500 })), [unit.id]);
}

/**
 * Raises an alarm at a village. Its text is published in the public CAP feed, so the form says so
 * and lets the officer publish only the kind and the place (names of suspects or victims stay in).
 */
export function AlarmForm({ unit, onRaised }: { unit: Unit; onRaised: () => void }) {
  const { t } = useI18n();
  const villages = useVillages(unit);
  const { busy, error, run } = useAction();
  const noticeId = useId();
  const [v, setV] = useState({ villageId: '', kind: 'fire' as Alarm['kind'], description: '', withheld: false });
  // One key per alarm being written: a retry after a lost answer raises it once.
  const [key, setKey] = useState(() => newKey());
  if (villages.error != null) return <LoadError error={villages.error} retry={villages.reload} />;
  if (!villages.data) return <Loading />;
  const villageId = unit.kind === 'village' ? unit.id : Number(v.villageId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { villageId, kind: v.kind, description: v.description, publicDetails: !v.withheld, idempotencyKey: key };
    if (await run(() => ops.raiseAlarm(body))) {
      setV({ ...v, description: '', withheld: false });
      setKey(newKey());
      onRaised();
    }
  };
  const general = generalError(error, ['villageId', 'kind', 'description']);
  return (
    <form className="form inline-form ops-form" onSubmit={submit} data-testid="alarm-form" noValidate>
      <h3 className="group__title">{t('alarmForm.title')}</h3>
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      <div className="form-pair">
        {unit.kind !== 'village' && (
          <Field label={t('alarmForm.village')} error={fieldError(error, 'villageId')}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={v.villageId} onChange={(e) => setV({ ...v, villageId: e.target.value })} data-testid="alarm-village">
                <option value="">{t('alarmForm.chooseVillage')}</option>
                {villages.data!.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            )}
          </Field>
        )}
        <Field label={t('alarmsTab.kind')} error={fieldError(error, 'kind')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as Alarm['kind'] })} data-testid="alarm-kind">
              {(Object.keys(ALARM_KIND) as Alarm['kind'][]).map((k) => <option key={k} value={k}>{t(ALARM_KIND[k])}</option>)}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('alarmForm.description')} error={fieldError(error, 'description')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} aria-describedby={[describedBy, noticeId].filter(Boolean).join(' ')} aria-invalid={invalid} rows={3} maxLength={2000} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} data-testid="alarm-description" />
        )}
      </Field>
      <p className="card__hint" id={noticeId} data-testid="alarm-published">{t('alarmForm.published')}</p>
      <label className="ops-check">
        <input type="checkbox" checked={v.withheld} onChange={(e) => setV({ ...v, withheld: e.target.checked })} data-testid="alarm-withhold" />
        <span>{t('alarmForm.withhold')}</span>
      </label>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !villageId} data-testid="alarm-raise">
          {busy ? t('alarmsTab.acking') : t('alarmForm.raise')}
        </button>
      </div>
    </form>
  );
}

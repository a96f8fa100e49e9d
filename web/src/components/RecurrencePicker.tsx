import type { Recurrence } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useRecurrenceText } from '../work.tsx';

export type Freq = Recurrence['freq'];
export const FREQS: Freq[] = ['once', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'yearly'];

/** Every part any frequency may need, kept while the user switches between them. */
export interface RecurrenceDraft {
  freq: Freq;
  due: string;
  time: string;
  weekday: number;
  day: number;
  month: number;
  dates: { day: number; month: number }[];
}

export const emptyRecurrence = (): RecurrenceDraft => ({ freq: 'once', due: '', time: '', weekday: 1, day: 1, month: 1, dates: [{ day: 10, month: 6 }] });

/** The rule the API takes, or null while a part is missing. */
export function toRecurrence(d: RecurrenceDraft): Recurrence | null {
  const time = d.time ? { time: d.time } : {};
  switch (d.freq) {
    case 'once': return d.due ? { freq: 'once', due: d.due, ...time } : null;
    case 'daily': return { freq: 'daily', ...time };
    case 'weekly': return { freq: 'weekly', weekday: d.weekday, ...time };
    case 'monthly': return { freq: 'monthly', day: d.day, ...time };
    case 'quarterly': return { freq: 'quarterly', month: Math.min(d.month, 3), day: d.day };
    case 'semiannual': return { freq: 'semiannual', month: Math.min(d.month, 6), day: d.day };
    case 'yearly': return d.dates.length ? { freq: 'yearly', dates: d.dates } : null;
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

interface Props {
  value: RecurrenceDraft;
  onChange: (value: RecurrenceDraft) => void;
  error?: string | undefined;
  /** Prefix of the fields' ids, for several pickers on one page. */
  idPrefix?: string;
}

/** When a task falls due: once by a date, daily, weekly, monthly, quarterly, six-monthly or on days of the year. */
export function RecurrencePicker({ value: v, onChange, error, idPrefix: p = 'r' }: Props) {
  const { t } = useI18n();
  const text = useRecurrenceText();
  const set = (patch: Partial<RecurrenceDraft>) => onChange({ ...v, ...patch });
  const rule = toRecurrence(v);
  const hasTime = v.freq === 'once' || v.freq === 'daily' || v.freq === 'weekly' || v.freq === 'monthly';
  const weekdays: MessageKey[] = ['weekday.1', 'weekday.2', 'weekday.3', 'weekday.4', 'weekday.5', 'weekday.6', 'weekday.7'];

  return (
    <fieldset className={'recurrence-picker' + (error ? ' field--invalid' : '')} data-testid="recurrence-picker">
      <legend>{t('recurrence.legend')}</legend>
      <div className="field">
        <label htmlFor={`${p}-freq`}>{t('recurrence.freq')}</label>
        <select id={`${p}-freq`} value={v.freq} onChange={(e) => set({ freq: e.target.value as Freq, month: 1 })} data-testid="recurrence-freq">
          {FREQS.map((f) => (
            <option key={f} value={f}>
              {t(`recurrence.${f}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="recurrence-picker__parts">
        {v.freq === 'once' && (
          <div className="field">
            <label htmlFor={`${p}-due`}>{t('recurrence.due')}</label>
            <input id={`${p}-due`} type="date" required value={v.due} onChange={(e) => set({ due: e.target.value })} data-testid="recurrence-due" />
          </div>
        )}
        {v.freq === 'weekly' && (
          <div className="field">
            <label htmlFor={`${p}-weekday`}>{t('recurrence.weekday')}</label>
            <select id={`${p}-weekday`} value={v.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })} data-testid="recurrence-weekday">
              {weekdays.map((k, i) => (
                <option key={k} value={i + 1}>
                  {t(k)}
                </option>
              ))}
            </select>
          </div>
        )}
        {(v.freq === 'quarterly' || v.freq === 'semiannual') && (
          <div className="field">
            <label htmlFor={`${p}-month`}>{t(v.freq === 'quarterly' ? 'recurrence.monthOfQuarter' : 'recurrence.monthOfHalf')}</label>
            <select id={`${p}-month`} value={v.month} onChange={(e) => set({ month: Number(e.target.value) })} data-testid="recurrence-month">
              {range(v.freq === 'quarterly' ? 3 : 6).map((m) => (
                <option key={m} value={m}>
                  {v.freq === 'quarterly'
                    ? t('recurrence.quarterMonths', { a: m, b: m + 3, c: m + 6, d: m + 9 })
                    : t('recurrence.halfMonths', { a: m, b: m + 6 })}
                </option>
              ))}
            </select>
          </div>
        )}
        {(v.freq === 'monthly' || v.freq === 'quarterly' || v.freq === 'semiannual') && (
          <div className="field field--short">
            <label htmlFor={`${p}-day`}>{t('recurrence.day')}</label>
            <select id={`${p}-day`} value={v.day} onChange={(e) => set({ day: Number(e.target.value) })} data-testid="recurrence-day">
              {range(31).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
        )}
        {hasTime && (
          <div className="field field--short">
            <label htmlFor={`${p}-time`}>
              {t('recurrence.time')} <span className="field__optional">({t('common.optional')})</span>
            </label>
            <input id={`${p}-time`} type="time" value={v.time} onChange={(e) => set({ time: e.target.value })} data-testid="recurrence-time" />
          </div>
        )}
      </div>
      {v.freq === 'yearly' && (
        <div className="yearly" data-testid="recurrence-dates">
          <p className="field__hint">{t('recurrence.datesHint')}</p>
          <ul className="yearly__list">
            {v.dates.map((d, i) => (
              <li key={i} className="yearly__row">
                <label className="visually-hidden" htmlFor={`${p}-yd-${i}`}>{t('recurrence.day')}</label>
                <select id={`${p}-yd-${i}`} value={d.day} onChange={(e) => set({ dates: v.dates.map((x, j) => (j === i ? { ...x, day: Number(e.target.value) } : x)) })}>
                  {range(31).map((n) => <option key={n} value={n}>{n}</option>)}
                </select>
                <span aria-hidden="true">/</span>
                <label className="visually-hidden" htmlFor={`${p}-ym-${i}`}>{t('recurrence.month')}</label>
                <select id={`${p}-ym-${i}`} value={d.month} onChange={(e) => set({ dates: v.dates.map((x, j) => (j === i ? { ...x, month: Number(e.target.value) } : x)) })}>
                  {range(12).map((n) => <option key={n} value={n}>{t('recurrence.monthN', { n })}</option>)}
                </select>
                {v.dates.length > 1 && (
                  <button type="button" className="grant__revoke" aria-label={t('recurrence.removeDate', { date: `${d.day}/${d.month}` })} onClick={() => set({ dates: v.dates.filter((_, j) => j !== i) })}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          {v.dates.length < 12 && (
            <button type="button" className="btn btn--small" onClick={() => set({ dates: [...v.dates, { day: 10, month: 11 }] })}>
              {t('recurrence.addDate')}
            </button>
          )}
        </div>
      )}
      {(v.freq === 'monthly' || v.freq === 'quarterly' || v.freq === 'semiannual' || v.freq === 'yearly') && <p className="field__hint">{t('recurrence.lastDayHint')}</p>}
      {rule && (
        <p className="recurrence-picker__preview" data-testid="recurrence-preview">
          <span className="muted">{t('recurrence.preview')}</span> <strong>{text(rule)}</strong>
        </p>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
    </fieldset>
  );
}

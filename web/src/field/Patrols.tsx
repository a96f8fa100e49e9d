import { useState, type FormEvent } from 'react';
import { ApiError, type Alarm, type Unit } from '../api.ts';
import { Attachments } from '../components/Attachments.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { useAuth } from '../auth.tsx';
import { useI18n, type MessageKey, type Translate } from '../i18n.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, useAction } from '../ui.tsx';
import { usePaged } from '../usePaged.ts';
import { useResource } from '../useResource.ts';
import { addDays, formatDay, todayVN } from '../work.tsx';
import { ALARM_KIND, useUnitAlarms } from './AlarmsHistory.tsx';
import { dateTimeVN, dateVN, fromLocalInput, ops, timeVN, toLocalInput, type Cadence, type Patrol, type PatrolInput, type PatrolSchedule, type ScheduleInput } from './api-ops.ts';
import type { FieldTabProps } from './Field.tsx';
import './field-ops.css';

const PAGE = 20;
const WEEKS = 8;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const weekdayKey = (n: number) => `patrols.weekday.${n}` as MessageKey;

/** "Hằng đêm sau giờ đánh kẻng, 22:30" or "Thứ Ba hằng tuần, 20:00". */
const cadenceText = (t: Translate, s: { cadence: Cadence; weekday: number | null; start_time: string }) =>
  s.cadence === 'nightly' ? t('patrols.nightlyAt', { time: s.start_time.slice(0, 5) }) : t('patrols.weeklyAt', { day: t(weekdayKey(s.weekday ?? 1)), time: s.start_time.slice(0, 5) });

export function PatrolsTab({ unit }: FieldTabProps) {
  const { canAt } = useAuth();
  // Patrols are organised by a village or a commune.
  const write = canAt('field.write', unit.path) && (unit.kind === 'village' || unit.kind === 'commune');
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const schedules = useResource(() => ops.schedules(unit.id), [unit.id, version]);
  return (
    <div className="ops">
      <Schedules unit={unit} write={write} schedules={schedules.data} error={schedules.error} reload={schedules.reload} onChanged={changed} />
      <Weekly unit={unit} version={version} />
      <PatrolLog unit={unit} write={write} schedules={schedules.data ?? []} version={version} onChanged={changed} />
    </div>
  );
}

// ---------- Schedules ----------

function Schedules({ unit, write, schedules, error, reload, onChanged }: {
  unit: Unit; write: boolean; schedules: PatrolSchedule[] | undefined; error: unknown; reload: () => void; onChanged: () => void;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const saved = () => {
    setAdding(false);
    setEditing(null);
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="patrol-schedules-title" data-testid="patrol-schedules">
      <div className="card__head ops__head">
        <h2 id="patrol-schedules-title" className="card__title">
          {t('patrols.schedules')}
        </h2>
        {write && !adding && (
          <button type="button" className="btn btn--primary btn--small" onClick={() => setAdding(true)} data-testid="schedule-add">
            {t('patrols.addSchedule')}
          </button>
        )}
      </div>
      {adding && <ScheduleForm unit={unit} onSaved={saved} onCancel={() => setAdding(false)} />}
      {error != null ? <LoadError error={error} retry={reload} /> : !schedules ? <Loading /> : schedules.length === 0 ? (
        <p className="empty">{t('patrols.noSchedules')}</p>
      ) : (
        <ul className="card-list card-list--flat" data-testid="schedule-list">
          {schedules.map((s) =>
            editing === s.id ? (
              <li key={s.id}>
                <ScheduleForm unit={unit} schedule={s} onSaved={saved} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={s.id} className="card item-card" data-testid="schedule" data-id={s.id}>
                <div className="item-card__head">
                  <span className="item-card__title">{cadenceText(t, s)}</span>
                  <span className={'status ' + (s.active ? 'status--on' : 'status--off')}>{s.active ? t('patrols.active') : t('patrols.stopped')}</span>
                </div>
                <p className="item-card__meta">
                  <span>
                    {t('patrols.area')}: <strong>{s.area}</strong>
                  </span>
                  {s.team && <span>· {t('patrols.team')}: {s.team}</span>}
                  {s.unit_id !== unit.id && <span>· {s.unit_name}</span>}
                </p>
                {write && (
                  <div>
                    <button type="button" className="btn btn--small" onClick={() => setEditing(s.id)} data-testid="schedule-edit">
                      {t('common.edit')}
                    </button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function ScheduleForm({ unit, schedule, onSaved, onCancel }: { unit: Unit; schedule?: PatrolSchedule; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const [v, setV] = useState({
    cadence: schedule?.cadence ?? ('nightly' as Cadence),
    weekday: String(schedule?.weekday ?? 7),
    startTime: schedule?.start_time.slice(0, 5) ?? '22:30',
    area: schedule?.area ?? '',
    team: schedule?.team ?? '',
    active: schedule?.active ?? true,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: ScheduleInput = {
      cadence: v.cadence, weekday: v.cadence === 'weekly' ? Number(v.weekday) : null, startTime: v.startTime, area: v.area,
      team: v.team.trim() || null, active: v.active,
    };
    if (await run(() => (schedule ? ops.updateSchedule(schedule.id, body) : ops.createSchedule(unit.id, body)))) onSaved();
  };
  const general = generalError(error, ['cadence', 'weekday', 'startTime', 'area', 'team', 'active']);
  return (
    <form className="form inline-form ops-form" onSubmit={submit} data-testid="schedule-form" noValidate>
      <h3 className="group__title">{schedule ? t('patrols.editSchedule') : t('patrols.addSchedule')}</h3>
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      <fieldset className="ops-fieldset">
        <legend>{t('patrols.cadence')}</legend>
        <div className="segmented" role="group">
          {(['nightly', 'weekly'] as const).map((c) => (
            <button key={c} type="button" className="segmented__option" aria-pressed={v.cadence === c} onClick={() => setV({ ...v, cadence: c })} data-testid={`cadence-${c}`}>
              {t(c === 'nightly' ? 'patrols.nightly' : 'patrols.weekly')}
            </button>
          ))}
        </div>
        {fieldError(error, 'cadence') && <p className="field__error">{fieldError(error, 'cadence')}</p>}
      </fieldset>
      <div className="form-pair">
        {v.cadence === 'weekly' && (
          <Field label={t('patrols.weekday')} error={fieldError(error, 'weekday')}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={v.weekday} onChange={(e) => setV({ ...v, weekday: e.target.value })} data-testid="schedule-weekday">
                {WEEKDAYS.map((d) => <option key={d} value={d}>{t(weekdayKey(d))}</option>)}
              </select>
            )}
          </Field>
        )}
        <Field label={t('patrols.startTime')} hint={v.cadence === 'nightly' ? t('patrols.startTimeHint') : undefined} error={fieldError(error, 'startTime')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="time" aria-describedby={describedBy} aria-invalid={invalid} value={v.startTime} onChange={(e) => setV({ ...v, startTime: e.target.value })} data-testid="schedule-time" />
          )}
        </Field>
      </div>
      <Field label={t('patrols.area')} hint={t('patrols.areaHint')} error={fieldError(error, 'area')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={v.area} onChange={(e) => setV({ ...v, area: e.target.value })} data-testid="schedule-area" />
        )}
      </Field>
      <Field label={t('patrols.team')} optional error={fieldError(error, 'team')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={v.team} onChange={(e) => setV({ ...v, team: e.target.value })} data-testid="schedule-team" />
        )}
      </Field>
      <label className="ops-check">
        <input type="checkbox" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} data-testid="schedule-active" />
        <span>{t('patrols.activeLabel')}</span>
      </label>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="schedule-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------- Patrols per week ----------

function Weekly({ unit, version }: { unit: Unit; version: number }) {
  const { t } = useI18n();
  const today = todayVN();
  const data = useResource(() => ops.patrolWeeks(unit.id, addDays(today, -7 * (WEEKS - 1)), today), [unit.id, version, today]);
  const weeks = data.data ? [...data.data.weeks].reverse() : [];
  const expected = data.data?.expected ?? 0;
  const scale = Math.max(expected, ...weeks.map((w) => w.patrols), 1);
  return (
    <section className="card" aria-labelledby="patrol-weekly-title" data-testid="patrol-weekly">
      <h2 id="patrol-weekly-title" className="card__title">
        {t('patrols.weekly.title')}
      </h2>
      <p className="card__hint">{expected > 0 ? t('patrols.weekly.expected', { n: expected }) : t('patrols.weekly.noExpected')}</p>
      {data.error != null ? <LoadError error={data.error} retry={data.reload} /> : !data.data ? <Loading /> : (
        <ul className="ops-rows">
          {weeks.map((w) => {
            const short = expected > 0 && w.patrols < expected;
            return (
              <li key={w.week_start} className="ops-row ops-row--compact" data-testid="patrol-week" data-week={w.week_start} data-count={w.patrols}>
                <span className="ops-row__name">
                  {t('patrols.weekly.week', { from: formatDay(w.week_start).slice(0, 5), to: formatDay(addDays(w.week_start, 6)).slice(0, 5) })}
                </span>
                <span className="ops-bar ops-bar--scale" aria-hidden="true">
                  <span className={'ops-bar__part ' + (short ? 'ops-bar__part--late' : 'ops-bar__part--ok')} style={{ width: `${(w.patrols / scale) * 100}%` }} />
                  {expected > 0 && <span className="ops-bar__mark" style={{ left: `${(expected / scale) * 100}%` }} />}
                </span>
                <span className={'ops-row__nums ops-num ' + (short ? 'ops-num--late' : 'ops-num--ok')}>
                  {expected > 0 ? t('patrols.weekly.countOf', { n: w.patrols, expected }) : t('patrols.weekly.count', { n: w.patrols })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

// ---------- Patrol log ----------

function PatrolLog({ unit, write, schedules, version, onChanged }: { unit: Unit; write: boolean; schedules: PatrolSchedule[]; version: number; onChanged: () => void }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const page = usePaged<Patrol>(
    (loaded) => ops.patrols({ unitId: unit.id, from: '2000-01-01', to: addDays(todayVN(), 1), limit: PAGE, offset: loaded.length }),
    PAGE,
    [unit.id, version],
  );
  const alarms = useUnitAlarms(unit, 100);
  const saved = () => {
    setAdding(false);
    setEditing(null);
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="patrol-log-title" data-testid="patrol-log">
      <div className="card__head ops__head">
        <h2 id="patrol-log-title" className="card__title">
          {t('patrols.log')}
        </h2>
        {write && !adding && (
          <button type="button" className="btn btn--primary btn--small" onClick={() => setAdding(true)} data-testid="patrol-add">
            {t('patrols.add')}
          </button>
        )}
      </div>
      {adding && <PatrolForm unit={unit} schedules={schedules} alarms={alarms.data ?? []} onSaved={saved} onCancel={() => setAdding(false)} />}
      <PagedList page={page} empty={t('patrols.empty')} emptyTestId="patrols-empty" className="card-list card-list--flat" testId="patrol-list">
        {(p) =>
          editing === p.id ? (
            <li key={p.id}>
              <PatrolForm unit={unit} patrol={p} schedules={schedules} alarms={alarms.data ?? []} onSaved={saved} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <PatrolCard key={p.id} unit={unit} patrol={p} write={write} onEdit={() => setEditing(p.id)} onChanged={onChanged} />
          )
        }
      </PagedList>
    </section>
  );
}

function PatrolCard({ unit, patrol: p, write, onEdit, onChanged }: { unit: Unit; patrol: Patrol; write: boolean; onEdit: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const sameDay = dateVN(p.started_at) === dateVN(p.ended_at);
  const remove = () => {
    if (window.confirm(t('patrols.deleteConfirm', { when: dateTimeVN(p.started_at) }))) void run(async () => {
      await ops.deletePatrol(p.id);
      onChanged();
    });
  };
  return (
    <li className="card item-card" data-testid="patrol" data-id={p.id}>
      <div className="item-card__head">
        <span className="item-card__title">
          {dateVN(p.started_at)}, {timeVN(p.started_at)}–{sameDay ? timeVN(p.ended_at) : dateTimeVN(p.ended_at)}
        </span>
        {p.unit_id !== unit.id && <span className="badge">{p.unit_name}</span>}
      </div>
      <dl className="ops-facts ops-facts--grid">
        <div>
          <dt className="ops-facts__label">{t('patrols.area')}</dt>
          <dd>{p.area}</dd>
        </div>
        <div>
          <dt className="ops-facts__label">{t('patrols.participants')}</dt>
          <dd>{p.participants.join(', ')}</dd>
        </div>
        {p.schedule && (
          <div>
            <dt className="ops-facts__label">{t('patrols.schedule')}</dt>
            <dd>{cadenceText(t, p.schedule)}</dd>
          </div>
        )}
        {p.findings && (
          <div>
            <dt className="ops-facts__label">{t('patrols.findings')}</dt>
            <dd className="ops-note">{p.findings}</dd>
          </div>
        )}
        {p.incidents.length > 0 && (
          <div>
            <dt className="ops-facts__label">{t('patrols.alarms')}</dt>
            <dd>
              <ul className="ops-people">
                {p.incidents.map((i) => (
                  <li key={i.id}>
                    <span className={`status alarm-kind alarm-kind--${i.kind}`}>{t(ALARM_KIND[i.kind])}</span> {dateTimeVN(i.occurred_at)} · {i.description}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <Attachments
        files={p.files} testId="patrol-files"
        write={write ? { attach: (file) => ops.attachPatrolFile(p.id, file), remove: (f) => ops.removePatrolFile(p.id, f.id), onChanged } : undefined}
      />
      {write && (
        <div className="form__actions">
          <button type="button" className="btn btn--small" onClick={onEdit} disabled={busy} data-testid="patrol-edit">
            {t('common.edit')}
          </button>
          <button type="button" className="btn btn--small btn--danger" onClick={remove} disabled={busy} data-testid="patrol-delete">
            {t('patrols.delete')}
          </button>
        </div>
      )}
      {error != null && <Alert kind="error">{errorText(error, t)}</Alert>}
    </li>
  );
}

/** Last night's patrol after the gong: 22:30 to 00:30. */
function defaultTimes() {
  const nowLocal = toLocalInput(new Date().toISOString());
  const today = nowLocal.slice(0, 10);
  const start = `${nowLocal.slice(11) >= '22:30' ? today : addDays(today, -1)}T22:30`;
  return { start, end: toLocalInput(new Date(new Date(fromLocalInput(start)).getTime() + 2 * 3_600_000).toISOString()) };
}

function PatrolForm({ unit, patrol, schedules, alarms, onSaved, onCancel }: {
  unit: Unit; patrol?: Patrol; schedules: PatrolSchedule[]; alarms: Alarm[]; onSaved: () => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const [v, setV] = useState(() => {
    const times = defaultTimes();
    return {
      startedAt: patrol ? toLocalInput(patrol.started_at) : times.start,
      endedAt: patrol ? toLocalInput(patrol.ended_at) : times.end,
      area: patrol?.area ?? '',
      participants: patrol?.participants.join('\n') ?? '',
      findings: patrol?.findings ?? '',
      scheduleId: patrol?.schedule ? String(patrol.schedule.id) : '',
      alarmIds: patrol?.incidents.map((i) => i.id) ?? [],
    };
  });
  const set = (k: 'startedAt' | 'endedAt' | 'area' | 'participants' | 'findings' | 'scheduleId') => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const pickSchedule = (id: string) => {
    const s = schedules.find((x) => String(x.id) === id);
    setV({ ...v, scheduleId: id, area: v.area || s?.area || '' });
  };
  // The alarms of the last month, and those already linked.
  const since = addDays(todayVN(), -31);
  const choices = alarms.filter((a) => a.occurred_at.slice(0, 10) >= since || v.alarmIds.includes(a.id)).slice(0, 20);
  const toggleAlarm = (id: number) => setV({ ...v, alarmIds: v.alarmIds.includes(id) ? v.alarmIds.filter((x) => x !== id) : [...v.alarmIds, id] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: PatrolInput = {
      scheduleId: v.scheduleId ? Number(v.scheduleId) : null,
      startedAt: fromLocalInput(v.startedAt), endedAt: fromLocalInput(v.endedAt), area: v.area,
      participants: v.participants.split('\n').map((s) => s.trim()).filter(Boolean),
      findings: v.findings.trim() || null, alarmIds: v.alarmIds,
    };
    if (await run(() => (patrol ? ops.updatePatrol(patrol.id, body) : ops.createPatrol(unit.id, body)))) onSaved();
  };
  const known = (p: string) => ['scheduleId', 'startedAt', 'endedAt', 'area', 'findings'].includes(p) || p.startsWith('participants') || p.startsWith('alarmIds');
  const general = generalError(error, known);
  const prefixed = (prefix: string) => {
    if (!(error instanceof ApiError)) return undefined;
    const msgs = error.fields.filter((f) => f.path === prefix || f.path.startsWith(prefix + '.')).map((f) => f.message);
    return msgs.length ? msgs.join('; ') : undefined;
  };
  const active = schedules.filter((s) => s.active || String(s.id) === v.scheduleId);

  return (
    <form className="form inline-form ops-form" onSubmit={submit} data-testid="patrol-form" noValidate>
      <h3 className="group__title">{patrol ? t('patrols.editTitle') : t('patrols.addTitle')}</h3>
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      <div className="form-pair">
        <Field label={t('patrols.startedAt')} error={fieldError(error, 'startedAt')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="datetime-local" aria-describedby={describedBy} aria-invalid={invalid} value={v.startedAt} onChange={set('startedAt')} data-testid="patrol-start" />
          )}
        </Field>
        <Field label={t('patrols.endedAt')} error={fieldError(error, 'endedAt')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="datetime-local" aria-describedby={describedBy} aria-invalid={invalid} value={v.endedAt} onChange={set('endedAt')} data-testid="patrol-end" />
          )}
        </Field>
      </div>
      <p className="field__hint">{t('patrols.timeHint')}</p>
      {active.length > 0 && (
        <Field label={t('patrols.schedule')} optional error={fieldError(error, 'scheduleId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={v.scheduleId} onChange={(e) => pickSchedule(e.target.value)} data-testid="patrol-schedule">
              <option value="">{t('patrols.noSchedule')}</option>
              {active.map((s) => (
                <option key={s.id} value={s.id}>
                  {cadenceText(t, s)} · {s.area}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('patrols.area')} error={fieldError(error, 'area')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={v.area} onChange={set('area')} data-testid="patrol-area" />
        )}
      </Field>
      <Field label={t('patrols.participants')} hint={t('patrols.participantsHint')} error={prefixed('participants')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={3} value={v.participants} onChange={set('participants')} data-testid="patrol-participants" />
        )}
      </Field>
      <Field label={t('patrols.findings')} optional hint={t('patrols.findingsHint')} error={fieldError(error, 'findings')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={3} maxLength={5000} value={v.findings} onChange={set('findings')} data-testid="patrol-findings" />
        )}
      </Field>
      <fieldset className="ops-fieldset">
        <legend>{t('patrols.alarms')} <span className="field__optional">({t('common.optional')})</span></legend>
        {choices.length === 0 ? (
          <p className="muted">{t('patrols.noAlarms')}</p>
        ) : (
          <ul className="ops-checks">
            {choices.map((a) => (
              <li key={a.id}>
                <label className="ops-check">
                  <input type="checkbox" checked={v.alarmIds.includes(a.id)} onChange={() => toggleAlarm(a.id)} data-testid="patrol-alarm" data-id={a.id} />
                  <span>
                    <strong>{t(ALARM_KIND[a.kind])}</strong> · {a.village_name} · {dateTimeVN(a.occurred_at)}
                    <span className="muted ops-check__sub">{a.description}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {prefixed('alarmIds') && <p className="field__error" role="alert">{prefixed('alarmIds')}</p>}
      </fieldset>
      {!patrol && <p className="field__hint">{t('patrols.photosAfter')}</p>}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="patrol-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { Unit } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, Stat, useAction } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { addDays, formatDay, todayVN } from '../work.tsx';
import { lastDayOfMonth } from '../../../src/shared/dates.ts';
import { GONG_CONDITIONS, ops, type Compliance, type Gong, type GongCondition, type GongInput } from './api-ops.ts';
import { useVillages } from './api-people.ts';
import type { FieldTabProps } from './Field.tsx';
import './field-ops.css';

const CONDITION: Record<GongCondition, MessageKey> = {
  in_use: 'gongs.condition.in_use', damaged: 'gongs.condition.damaged', lost: 'gongs.condition.lost', replaced: 'gongs.condition.replaced',
};

export function GongsTab({ unit }: FieldTabProps) {
  const { t } = useI18n();
  const { can } = useAuth();
  return (
    <div className="ops">
      {can('gong.checkin') && (
        <p className="ops__links">
          <a href="/keng" className="btn btn--small" data-testid="keng-link">
            {t('gongs.phonePage')}
          </a>
        </p>
      )}
      <ComplianceCard unit={unit} />
      <Inventory unit={unit} />
    </div>
  );
}

// ---------- Compliance ----------

function ComplianceCard({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const thisMonth = todayVN().slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const valid = /^\d{4}-\d{2}$/.test(month);
  const data = useResource(
    () => (valid ? ops.compliance(unit.id, `${month}-01`, lastDayOfMonth(month)) : Promise.resolve(undefined)),
    [unit.id, month],
    { clear: true },
  );
  return (
    <section className="card" aria-labelledby="gong-compliance-title" data-testid="gong-compliance">
      <div className="card__head ops__head">
        <h2 id="gong-compliance-title" className="card__title">
          {t('gongs.compliance')}
        </h2>
        <label className="ops__inline-field">
          <span>{t('gongs.month')}</span>
          <input type="month" value={month} max={thisMonth} onChange={(e) => setMonth(e.target.value)} data-testid="gong-month" />
        </label>
      </div>
      <p className="card__hint">{t('gongs.complianceHint')}</p>
      {data.error != null ? <LoadError error={data.error} retry={data.reload} /> : !valid ? null : !data.data ? <Loading /> : <ComplianceView data={data.data} month={month} />}
    </section>
  );
}

const worstFirst = (a: Compliance['villages'][number], b: Compliance['villages'][number]) =>
  b.missed - a.missed || b.late - a.late || a.on_time - b.on_time || a.village_name.localeCompare(b.village_name, 'vi');

function ComplianceView({ data, month }: { data: Compliance; month: string }) {
  const { t } = useI18n();
  if (data.villages.length === 0) return <p className="empty">{t('gongs.noVillages')}</p>;
  if (data.nights === 0) return <p className="empty" data-testid="gong-no-nights">{t('gongs.noNights')}</p>;
  const rows = [...data.villages].sort(worstFirst);
  const totals = rows.reduce((s, v) => ({ on_time: s.on_time + v.on_time, late: s.late + v.late, missed: s.missed + v.missed }), { on_time: 0, late: 0, missed: 0 });
  return (
    <>
      <p className="muted ops__summary">
        {t('gongs.nightsCounted', { n: data.nights, from: formatDay(data.from), to: formatDay(data.to) })}
      </p>
      {!data.covered && <p className="card__hint" data-testid="gong-not-deployed">{t('gongModel.notDeployedHint')}</p>}
      <ul className="stats stats--small ops__totals">
        <Stat ok label={t('gongs.onTime')} value={totals.on_time} />
        <Stat label={t('gongs.late')} value={totals.late} />
        <Stat alert={totals.missed > 0} label={t('gongs.missed')} value={totals.missed} />
      </ul>
      <h3 className="group__title">{t('gongs.byVillage')}</h3>
      <ul className="ops-rows" data-testid="gong-villages">
        {rows.map((v) => (
          <li key={v.village_id} className="ops-row" data-testid="gong-village" data-village={v.village_name}>
            <span className="ops-row__name">
              {v.village_name}
              {!v.has_gong && <span className="badge" data-testid="no-gong"> {t('gongs.noGongYet')}</span>}
              {!v.covered && <span className="badge" data-testid="not-covered"> {t('gongModel.villageNotCovered')}</span>}
            </span>
            <span className="ops-bar" aria-hidden="true">
              <span className="ops-bar__part ops-bar__part--ok" style={{ flexGrow: v.on_time }} />
              <span className="ops-bar__part ops-bar__part--late" style={{ flexGrow: v.late }} />
              <span className="ops-bar__part ops-bar__part--bad" style={{ flexGrow: v.missed }} />
            </span>
            <span className="ops-row__nums">
              <span className="ops-num ops-num--ok" data-testid="on-time">{t('gongs.onTimeN', { n: v.on_time })}</span>
              <span className="ops-num ops-num--late" data-testid="late">{t('gongs.lateN', { n: v.late })}</span>
              <span className="ops-num ops-num--bad" data-testid="missed">{t('gongs.missedN', { n: v.missed })}</span>
            </span>
          </li>
        ))}
      </ul>
      <NightStrip data={data} month={month} />
    </>
  );
}

/** One cell per night of the month, Monday first, coloured by the share of villages that struck on time. */
function NightStrip({ data, month }: { data: Compliance; month: string }) {
  const { t } = useI18n();
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const byNight = new Map(data.perNight.map((p) => [p.night, p]));
  const lead = (new Date(first + 'T00:00:00Z').getUTCDay() + 6) % 7;
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  const weekdays = t('gongs.weekdaysShort').split(',');
  return (
    <>
      <h3 className="group__title">{t('gongs.perNight')}</h3>
      <div className="night-strip" role="list" aria-label={t('gongs.perNight')} data-testid="night-strip">
        {weekdays.map((w) => (
          <span key={w} className="night-strip__wd" aria-hidden="true">
            {w}
          </span>
        ))}
        {Array.from({ length: lead }, (_, i) => <span key={`lead-${i}`} aria-hidden="true" />)}
        {days.map((d) => {
          const p = byNight.get(d);
          const day = Number(d.slice(8));
          if (!p) {
            return (
              <span key={d} role="listitem" className="night night--future" aria-label={t('gongs.nightFuture', { day: formatDay(d) })}>
                <span className="night__day">{day}</span>
              </span>
            );
          }
          const share = p.villages ? p.on_time / p.villages : 0;
          const level = share >= 1 ? 'full' : share >= 0.5 ? 'most' : share > 0 ? 'some' : 'none';
          const label = t('gongs.nightLabel', { day: formatDay(d), onTime: p.on_time, villages: p.villages, struck: p.struck });
          return (
            <span key={d} role="listitem" className={`night night--${level}`} title={label} aria-label={label} data-testid="night" data-night={d} data-on-time={p.on_time}>
              <span className="night__day">{day}</span>
              <span className="night__share">
                {p.on_time}/{p.villages}
              </span>
            </span>
          );
        })}
      </div>
      <ul className="night-legend" aria-label={t('gongs.legend')}>
        <li><span className="night-legend__swatch night--full" />{t('gongs.legendFull')}</li>
        <li><span className="night-legend__swatch night--most" />{t('gongs.legendMost')}</li>
        <li><span className="night-legend__swatch night--some" />{t('gongs.legendSome')}</li>
        <li><span className="night-legend__swatch night--none" />{t('gongs.legendNone')}</li>
      </ul>
    </>
  );
}

// ---------- Inventory ----------

function Inventory({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const { canAt } = useAuth();
  const gongs = useResource(() => ops.gongs(unit.id), [unit.id]);
  const villages = useVillages(unit);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const manage = canAt('gong.manage', unit.path) && (unit.kind === 'commune' || unit.kind === 'village');

  const list = gongs.data ?? [];
  // Villages in order, each with its gongs; villages without any are shown too (when known).
  const groups = new Map<number, { name: string; gongs: Gong[] }>();
  for (const v of villages.data ?? []) groups.set(v.id, { name: v.name, gongs: [] });
  for (const g of list) {
    const group = groups.get(g.village_id) ?? { name: g.village_name ?? '', gongs: [] };
    group.gongs.push(g);
    groups.set(g.village_id, group);
  }
  const unrecorded = [...groups.values()].filter((g) => g.gongs.length === 0).map((g) => g.name);
  const saved = () => {
    setAdding(false);
    setEditing(null);
    gongs.reload();
  };

  return (
    <section className="card" aria-labelledby="gong-inventory-title" data-testid="gong-inventory">
      <div className="card__head ops__head">
        <h2 id="gong-inventory-title" className="card__title">
          {t('gongs.inventory')}
        </h2>
        {manage && !adding && (
          <button type="button" className="btn btn--primary btn--small" onClick={() => setAdding(true)} data-testid="gong-add">
            {t('gongs.add')}
          </button>
        )}
      </div>
      {adding && villages.data && (
        <GongForm unit={unit} villages={villages.data} onSaved={saved} onCancel={() => setAdding(false)} />
      )}
      {gongs.error != null ? <LoadError error={gongs.error} retry={gongs.reload} /> : !gongs.data ? <Loading /> : list.length === 0 ? (
        <p className="empty">{t('gongs.noGongs')}</p>
      ) : (
        <div className="ops-groups">
          {[...groups.entries()].filter(([, g]) => g.gongs.length > 0).map(([villageId, g]) => (
            <div key={villageId} className="group" data-testid="gong-village-group">
              {unit.kind !== 'village' && <h3 className="group__title">{g.name}</h3>}
              <ul className="card-list card-list--flat">
                {g.gongs.map((gong) =>
                  editing === gong.id ? (
                    <li key={gong.id}>
                      <GongForm unit={unit} villages={villages.data ?? []} gong={gong} onSaved={saved} onCancel={() => setEditing(null)} />
                    </li>
                  ) : (
                    <GongCard key={gong.id} gong={gong} onEdit={manage ? () => setEditing(gong.id) : undefined} />
                  ),
                )}
              </ul>
            </div>
          ))}
        </div>
      )}
      {gongs.data && unrecorded.length > 0 && (
        <p className="muted ops-unrecorded" data-testid="gong-unrecorded">
          <strong>{t('gongs.unrecorded')}</strong> {unrecorded.join(', ')}
        </p>
      )}
    </section>
  );
}

function GongCard({ gong, onEdit }: { gong: Gong; onEdit: (() => void) | undefined }) {
  const { t } = useI18n();
  const num = useNumber();
  const money = (n: number | null) => (n === null ? t('common.none') : t('gongs.dong', { n: num(n) }));
  return (
    <li className="card item-card" data-testid="gong" data-id={gong.id}>
      <div className="item-card__head">
        <span className="item-card__title">{gong.location}</span>
        <span className={`status gong-status gong-status--${gong.condition}`}>{t(CONDITION[gong.condition])}</span>
      </div>
      <div className="ops-facts">
        <div>
          <span className="ops-facts__label">{t('gongs.strikers')}</span>
          {gong.strikers.length === 0 ? (
            <span className="muted">{t('gongs.noStrikers')}</span>
          ) : (
            <ul className="ops-people">
              {gong.strikers.map((s) => (
                <li key={s.id} data-testid="striker">
                  <strong>{s.full_name}</strong>
                  {s.phone && (
                    <>
                      {' · '}
                      <a href={`tel:${s.phone.replace(/\s/g, '')}`}>{s.phone}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <span className="ops-facts__label">{t('gongs.allowancePerStrike')}</span> {money(gong.allowance_per_strike)}
        </div>
        <div>
          <span className="ops-facts__label">{t('gongs.allowancePerMonth')}</span> {money(gong.allowance_per_month)}
        </div>
      </div>
      {gong.note && <p className="ops-note">{gong.note}</p>}
      {onEdit && (
        <div>
          <button type="button" className="btn btn--small" onClick={onEdit} data-testid="gong-edit">
            {t('common.edit')}
          </button>
        </div>
      )}
    </li>
  );
}

interface StrikerRow {
  key: number;
  fullName: string;
  phone: string;
}

let rowKey = 0;

function GongForm({ unit, villages, gong, onSaved, onCancel }: { unit: Unit; villages: Unit[]; gong?: Gong; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const [villageId, setVillageId] = useState(unit.kind === 'village' ? String(unit.id) : '');
  const [v, setV] = useState({
    location: gong?.location ?? '',
    condition: gong?.condition ?? ('in_use' as GongCondition),
    allowancePerStrike: gong?.allowance_per_strike?.toString() ?? '',
    allowancePerMonth: gong?.allowance_per_month?.toString() ?? '',
    note: gong?.note ?? '',
  });
  const [strikers, setStrikers] = useState<StrikerRow[]>(
    gong ? gong.strikers.map((s) => ({ key: ++rowKey, fullName: s.full_name, phone: s.phone ?? '' })) : [{ key: ++rowKey, fullName: '', phone: '' }],
  );
  const [villageMissing, setVillageMissing] = useState(false);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const setStriker = (key: number, k: 'fullName' | 'phone', value: string) => setStrikers((rows) => rows.map((r) => (r.key === key ? { ...r, [k]: value } : r)));
  const money = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[.\s]/g, '')));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!gong && !villageId) {
      setVillageMissing(true);
      return;
    }
    setVillageMissing(false);
    const body: GongInput = {
      location: v.location, condition: v.condition, allowancePerStrike: money(v.allowancePerStrike), allowancePerMonth: money(v.allowancePerMonth),
      note: v.note.trim() || null,
      strikers: strikers.filter((s) => s.fullName.trim() || s.phone.trim()).map((s) => ({ fullName: s.fullName, phone: s.phone.trim() || null })),
    };
    const ok = await run(() => (gong ? ops.updateGong(gong.id, body) : ops.createGong(Number(villageId), body)));
    if (ok) onSaved();
  };
  const general = generalError(error, (p) => ['villageId', 'location', 'condition', 'allowancePerStrike', 'allowancePerMonth', 'note'].includes(p) || p.startsWith('strikers'));
  // Strikers left empty are dropped, so the server's row numbers count the filled ones.
  const filledIndex = (key: number) => strikers.filter((s) => s.fullName.trim() || s.phone.trim()).findIndex((s) => s.key === key);
  const strikerError = (key: number, k: string) => {
    const i = filledIndex(key);
    return i < 0 ? undefined : fieldError(error, `strikers.${i}.${k}`);
  };

  return (
    <form className="form inline-form ops-form" onSubmit={submit} data-testid="gong-form" noValidate>
      <h3 className="group__title">{gong ? t('gongs.editTitle') : t('gongs.addTitle')}</h3>
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      {!gong && unit.kind === 'commune' && (
        <Field label={t('gongs.village')} error={villageMissing ? t('gongs.chooseVillage') : fieldError(error, 'villageId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={villageId} onChange={(e) => setVillageId(e.target.value)} data-testid="gong-village-select">
              <option value="">{t('gongs.chooseVillage')}</option>
              {villages.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-pair">
        <Field label={t('gongs.location')} hint={t('gongs.locationHint')} error={fieldError(error, 'location')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={v.location} onChange={set('location')} data-testid="gong-location" />
          )}
        </Field>
        <Field label={t('gongs.condition')} error={fieldError(error, 'condition')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={v.condition} onChange={set('condition')} data-testid="gong-condition">
              {GONG_CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {t(CONDITION[c])}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="ops-fieldset">
        <legend>{t('gongs.strikers')}</legend>
        {strikers.map((s, i) => (
          <div key={s.key} className="ops-striker" data-testid="striker-row">
            <Field label={t('gongs.strikerName', { n: i + 1 })} error={strikerError(s.key, 'fullName')}>
              {({ id, describedBy, invalid }) => (
                <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={200} autoComplete="off" value={s.fullName} onChange={(e) => setStriker(s.key, 'fullName', e.target.value)} data-testid="striker-name" />
              )}
            </Field>
            <Field label={t('gongs.strikerPhone')} optional error={strikerError(s.key, 'phone')}>
              {({ id, describedBy, invalid }) => (
                <input id={id} type="tel" inputMode="tel" aria-describedby={describedBy} aria-invalid={invalid} maxLength={20} autoComplete="off" value={s.phone} onChange={(e) => setStriker(s.key, 'phone', e.target.value)} data-testid="striker-phone" />
              )}
            </Field>
            <button type="button" className="btn btn--small btn--danger ops-striker__remove" onClick={() => setStrikers((rows) => rows.filter((r) => r.key !== s.key))} aria-label={t('gongs.removeStrikerNamed', { n: i + 1 })}>
              {t('gongs.removeStriker')}
            </button>
          </div>
        ))}
        {strikers.length < 20 && (
          <button type="button" className="btn btn--small" onClick={() => setStrikers((rows) => [...rows, { key: ++rowKey, fullName: '', phone: '' }])} data-testid="striker-add">
            {t('gongs.addStriker')}
          </button>
        )}
      </fieldset>
      <div className="form-pair">
        <Field label={t('gongs.allowancePerStrike')} optional hint={t('gongs.dongHint')} error={fieldError(error, 'allowancePerStrike')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={0} step={1000} inputMode="numeric" aria-describedby={describedBy} aria-invalid={invalid} value={v.allowancePerStrike} onChange={set('allowancePerStrike')} data-testid="gong-per-strike" />
          )}
        </Field>
        <Field label={t('gongs.allowancePerMonth')} optional hint={t('gongs.dongHint')} error={fieldError(error, 'allowancePerMonth')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={0} step={1000} inputMode="numeric" aria-describedby={describedBy} aria-invalid={invalid} value={v.allowancePerMonth} onChange={set('allowancePerMonth')} data-testid="gong-per-month" />
          )}
        </Field>
      </div>
      <Field label={t('gongs.note')} optional error={fieldError(error, 'note')}>
        {({ id, describedBy, invalid }) => <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={2} maxLength={2000} value={v.note} onChange={set('note')} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="gong-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useRef, useState, type FormEvent } from 'react';
import { formatDay, todayVN } from '../../../src/shared/dates.ts';
import { fold } from '../../../src/shared/text.ts';
import { ApiError, type Unit } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n, useNumber } from '../i18n.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, SearchBox, useAction, useDateTime } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import type { FieldTabProps } from './Field.tsx';
import { formatCode, isForbidden, peopleApi, useVillages, type HandedOut, type Keychain } from './api-people.ts';
import { MetBadge, ShareBar, usePercent } from './Targets.tsx';
import './field-people.css';


/** Khóa an toàn: how many households hold a keychain, the register, handing out and revoking. */
export function KeychainsTab({ unit }: FieldTabProps) {
  const { t } = useI18n();
  const { can, canAt } = useAuth();
  const villages = useVillages(unit);
  const figures = useResource(() => peopleApi.handedOut(unit.id), [unit.id]);
  const register = useResource(() => peopleApi.keychains(unit.id), [unit.id]);
  const [handing, setHanding] = useState(false);
  const [done, setDone] = useState('');
  const formRef = useRef<HTMLDivElement>(null);

  const personal = isForbidden(register.error);
  const writable = can('field.write') && !personal
    ? (villages.data ?? []).filter((v) => canAt('field.write', v.path) && canAt('household.read', v.path))
    : [];
  const reload = () => {
    figures.reload();
    register.reload();
  };

  return (
    <div className="people">
      <p className="muted people__lead">{t('keychains.intro')}</p>
      {figures.error != null ? <LoadError error={figures.error} retry={figures.reload} /> : !figures.data ? <Loading /> : (
        <FiguresCard figures={figures.data} printable={!personal} />
      )}

      {done && <Alert kind="success" testId="keychains-done">{done}</Alert>}
      {writable.length > 0 && !handing && (
        <div className="people__actions">
          <button
            type="button" className="btn btn--primary" data-testid="keychains-hand-out"
            onClick={() => {
              setHanding(true);
              setDone('');
              requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
            }}
          >
            {t('keychains.handOut')}
          </button>
        </div>
      )}
      <div ref={formRef}>
        {handing && (
          <HandOutForm
            villages={writable}
            onDone={(n) => {
              setHanding(false);
              if (n) {
                setDone(t('keychains.handedOutDone', { n }));
                reload();
              }
            }}
          />
        )}
      </div>

      <section aria-labelledby="keychains-title">
        <h2 id="keychains-title" className="people__heading">{t('keychains.registerTitle')}</h2>
        {personal ? (
          <Alert kind="info" testId="keychains-personal">
            <span><strong>{t('households.personalTitle')}</strong> {errorText(register.error, t)}</span>
          </Alert>
        ) : register.error != null ? (
          <LoadError error={register.error} retry={register.reload} />
        ) : !register.data ? (
          <Loading />
        ) : (
          <div className="card">
            <Register keychains={register.data} showVillage={unit.kind !== 'village'} canRevoke={(k) => writable.some((v) => v.id === k.village_id)} onChanged={reload} />
          </div>
        )}
      </section>
    </div>
  );
}

function FiguresCard({ figures, printable }: { figures: HandedOut; printable: boolean }) {
  const { t } = useI18n();
  const num = useNumber();
  const pct = usePercent();
  const met = figures.share === null ? null : figures.share >= figures.target;
  return (
    <section className="card" aria-labelledby="keychain-figures-title" data-testid="keychain-figures">
      <div className="target__head">
        <h2 id="keychain-figures-title" className="target__title">{t('keychains.figuresTitle')}</h2>
        <MetBadge met={met} />
      </div>
      <p className="target__goal">
        <strong data-testid="keychain-figures-total">{figures.share === null ? t('targets.noData') : `${pct(figures.share)}%`}</strong>
        <span className="muted">
          {' · '}
          {t('keychains.holding', { n: num(figures.keychains), of: num(figures.households) })}
          {' · '}
          {t('targets.targetPercent', { n: pct(figures.target) })}
        </span>
      </p>
      <ShareBar value={figures.share} max={100} target={figures.target} met={met} />
      {figures.villages.length > 0 && (
        <ul className={'measures measures--villages' + (printable ? ' measures--actions' : '')}>
          {figures.villages.map((v) => {
            const share = v.households ? (100 * v.keychains) / v.households : null;
            return (
              <li key={v.village_id} className="measure" data-testid="keychain-village">
                <span className="measure__label">{v.village_name}</span>
                <ShareBar value={share} max={100} target={figures.target} met={share === null ? null : share >= figures.target} />
                <span className="measure__figures">
                  <strong>{share === null ? t('common.none') : `${pct(share)}%`}</strong>
                  <span className="muted"> · {t('keychains.holding', { n: num(v.keychains), of: num(v.households) })}</span>
                </span>
                {printable && (v.keychains > 0 ? (
                  <a className="btn btn--small measure__action" href={peopleApi.cardsUrl(v.village_id)} download data-testid="keychain-cards">
                    {t('keychains.cards')}
                  </a>
                ) : <span className="measure__action measure__action--none" />)}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Register({ keychains, showVillage, canRevoke, onChanged }: { keychains: Keychain[]; showVillage: boolean; canRevoke: (k: Keychain) => boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const num = useNumber();
  const dateTime = useDateTime();
  const [showRevoked, setShowRevoked] = useState(false);
  const revoke = useAction();
  const revokedCount = keychains.filter((k) => k.revoked_at).length;
  const [search, setSearch] = useState('');
  // By the household without diacritics, or by the code however it is typed (with dashes, small letters).
  const query = fold(search);
  const codeQuery = search.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const matches = (k: Keychain) => !query || fold(`${k.head_name} ${k.address}`).includes(query) || (codeQuery.length >= 3 && k.code.includes(codeQuery));
  const shown = keychains.filter((k) => (showRevoked || !k.revoked_at) && matches(k));

  const doRevoke = (k: Keychain) => {
    if (!window.confirm(t('keychains.revokeConfirm', { code: formatCode(k.code), name: k.head_name }))) return;
    void revoke.run(async () => {
      await peopleApi.revokeKeychain(k.id);
      onChanged();
    });
  };

  if (keychains.length === 0) return <p className="empty" data-testid="keychains-empty">{t('keychains.none')}</p>;
  return (
    <>
      {revokedCount > 0 && (
        <label className="tick tick--inline">
          <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} />
          <span>{t('keychains.showRevoked', { n: num(revokedCount) })}</span>
        </label>
      )}
      {revoke.error != null && <LoadError error={revoke.error} />}
      <SearchBox id="keychain-search" label={t('keychains.search')} placeholder={t('keychains.searchPlaceholder')} value={search} onChange={setSearch} testId="keychain-search" />
      <div className="rtable-wrap">
        <table className="rtable" data-testid="keychains">
          <thead>
            <tr>
              <th scope="col">{t('keychains.col.code')}</th>
              {showVillage && <th scope="col">{t('households.col.village')}</th>}
              <th scope="col">{t('keychains.col.household')}</th>
              <th scope="col">{t('keychains.col.locks')}</th>
              <th scope="col">{t('keychains.col.handedOn')}</th>
              <th scope="col">{t('keychains.col.contact')}</th>
              <th scope="col">{t('keychains.col.status')}</th>
              <th scope="col"><span className="visually-hidden">{t('households.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((k) => (
              <tr key={k.id} data-testid="keychain" data-id={k.id} className={k.revoked_at ? 'rtable__row--off' : undefined}>
                <th scope="row" className="rtable__main" data-label={t('keychains.col.code')}>
                  <a className="mono nowrap" href={peopleApi.publicUrl(k.code)} target="_blank" rel="noopener" title={t('keychains.openPublic')}>
                    {formatCode(k.code)}
                  </a>
                </th>
                {showVillage && <td data-label={t('households.col.village')}>{k.village_name}</td>}
                <td data-label={t('keychains.col.household')}><span><strong>{k.head_name}</strong><br /><span className="muted">{k.address}</span></span></td>
                <td data-label={t('keychains.col.locks')}>{num(k.locks)}</td>
                <td data-label={t('keychains.col.handedOn')}>{formatDay(k.handed_on)}</td>
                <td data-label={t('keychains.col.contact')}><span>{k.contact_name} · <a href={`tel:${k.contact_phone}`}>{k.contact_phone}</a></span></td>
                <td data-label={t('keychains.col.status')}>
                  {k.revoked_at ? (
                    <span className="cond cond--missing" title={dateTime(k.revoked_at)}>{t('keychains.revoked')}</span>
                  ) : (
                    <span className="cond cond--ready">{t('keychains.inUse')}</span>
                  )}
                </td>
                <td className="rtable__actions">
                  {!k.revoked_at && (
                    <a className="btn btn--small" href={peopleApi.cardsUrl(k.village_id, [k.id])} download data-testid="keychain-card">
                      {t('keychains.printOne')}
                    </a>
                  )}
                  {!k.revoked_at && canRevoke(k) && (
                    <button type="button" className="btn btn--small btn--danger" onClick={() => doRevoke(k)} disabled={revoke.busy} data-testid="keychain-revoke">
                      {t('keychains.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function HandOutForm({ villages, onDone }: { villages: Unit[]; onDone: (handedOut: number) => void }) {
  const { t } = useI18n();
  const [villageId, setVillageId] = useState<number | ''>(villages.length === 1 ? villages[0]!.id : '');
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [handedOn, setHandedOn] = useState(todayVN());
  const [locks, setLocks] = useState('1');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const { busy, error, setError, run } = useAction();
  const households = useResource(
    () => (villageId === '' ? Promise.resolve([]) : peopleApi.households({ unitId: villageId, limit: 500 })),
    [villageId],
    { clear: true },
  );
  const free = (households.data ?? []).filter((h) => !h.keychain_code);
  const holding = (households.data ?? []).length - free.length;

  const toggle = (id: number, on: boolean) =>
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (picked.size === 0) {
      setError(new ApiError(400, 'NONE', t('keychains.noneChosen'), [{ path: 'householdIds', message: t('keychains.noneChosen') }]));
      return;
    }
    await run(async () => {
      const created = await peopleApi.handOut({ householdIds: [...picked], handedOn, locks: Number(locks || 0), contactName: contactName.trim(), contactPhone: contactPhone.trim() });
      onDone(created.length);
    });
  };

  const general = generalError(error, ['householdIds', 'handedOn', 'locks', 'contactName', 'contactPhone']);
  return (
    <section className="card people__form" aria-labelledby="hand-out-title">
      <h2 id="hand-out-title" className="card__title">{t('keychains.handOutTitle')}</h2>
      <p className="card__hint">{t('keychains.handOutHint')}</p>
      <form className="form" onSubmit={submit} data-testid="hand-out-form" noValidate>
        {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
        <Field label={t('keychains.village')}>
          {({ id, describedBy }) => (
            <select
              id={id} aria-describedby={describedBy} value={villageId} disabled={villages.length <= 1} data-testid="hand-out-village"
              onChange={(e) => {
                setVillageId(e.target.value ? Number(e.target.value) : '');
                setPicked(new Set());
              }}
            >
              {villages.length !== 1 && <option value="">{t('keychains.chooseVillage')}</option>}
              {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          )}
        </Field>
        <fieldset className="people__fieldset">
          <legend>{t('keychains.households')} <span className="count" data-testid="hand-out-picked">{picked.size}</span></legend>
          {fieldError(error, 'householdIds') && <p className="field__error" role="alert">{fieldError(error, 'householdIds')}</p>}
          {villageId === '' ? (
            <p className="muted">{t('keychains.chooseVillageFirst')}</p>
          ) : households.error != null ? (
            <LoadError error={households.error} retry={households.reload} />
          ) : !households.data ? (
            <Loading />
          ) : free.length === 0 ? (
            <p className="muted">{households.data.length === 0 ? t('keychains.noHouseholds') : t('keychains.allHold')}</p>
          ) : (
            <>
              <div className="ticks__tools">
                <button type="button" className="btn btn--small" onClick={() => setPicked(new Set(free.map((h) => h.id)))}>{t('keychains.pickAll')}</button>
                {picked.size > 0 && <button type="button" className="btn btn--small" onClick={() => setPicked(new Set())}>{t('keychains.pickNone')}</button>}
                {holding > 0 && <span className="muted small">{t('keychains.alreadyHold', { n: holding })}</span>}
              </div>
              <ul className="ticks" data-testid="hand-out-households">
                {free.map((h) => (
                  <li key={h.id}>
                    <label className="tick">
                      <input type="checkbox" checked={picked.has(h.id)} onChange={(e) => toggle(h.id, e.target.checked)} />
                      <span><strong>{h.head_name}</strong> <span className="muted">{h.address}</span></span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
        <div className="form-pair">
          <Field label={t('keychains.handedOn')} error={fieldError(error, 'handedOn')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="date" required max={todayVN()} value={handedOn} onChange={(e) => setHandedOn(e.target.value)} />
            )}
          </Field>
          <Field label={t('keychains.locks')} hint={t('keychains.locksHint')} error={fieldError(error, 'locks')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="number" inputMode="numeric" min={0} max={20} value={locks} onChange={(e) => setLocks(e.target.value)} />
            )}
          </Field>
          <Field label={t('keychains.contactName')} hint={t('keychains.contactHint')} error={fieldError(error, 'contactName')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} value={contactName} onChange={(e) => setContactName(e.target.value)} />
            )}
          </Field>
          <Field label={t('keychains.contactPhone')} error={fieldError(error, 'contactPhone')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required type="tel" inputMode="tel" maxLength={20} value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} />
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="hand-out-submit">
            {busy ? t('common.saving') : t('keychains.handOutSubmit', { n: picked.size })}
          </button>
          <button type="button" className="btn" onClick={() => onDone(0)} disabled={busy}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}

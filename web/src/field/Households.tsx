import { useRef, useState, type FormEvent } from 'react';
import { ApiError, type Unit } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n, useNumber } from '../i18n.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, SearchBox, useAction, useDebounced } from '../ui.tsx';
import { usePaged } from '../usePaged.ts';
import type { FieldTabProps } from './Field.tsx';
import { formatCode, isForbidden, peopleApi, useVillages, type Household, type ImportResult } from './api-people.ts';
import './field-people.css';

const PAGE = 50;
const FORM_FIELDS = ['villageId', 'headName', 'address', 'members', 'phone', 'note'];

/** Households under the unit: the list, a form to add or edit one, the CSV import and the exports. */
export function HouseholdsTab({ unit }: FieldTabProps) {
  const { t } = useI18n();
  const num = useNumber();
  const { can, canAt } = useAuth();
  const villages = useVillages(unit);
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const [editing, setEditing] = useState<Household | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const formRef = useRef<HTMLDivElement>(null);
  const list = usePaged<Household>(
    (loaded) => peopleApi.households({ unitId: unit.id, q: search || undefined, limit: PAGE, offset: loaded.length }),
    PAGE,
    [unit.id, search, version],
  );
  const remove = useAction();

  const writable = can('household.write') ? (villages.data ?? []).filter((v) => canAt('household.write', v.path)) : [];
  const canImport = can('household.write') && (unit.kind === 'village' || unit.kind === 'commune') && canAt('household.write', unit.path);
  const reload = () => setVersion((v) => v + 1);

  if (isForbidden(list.error)) {
    return (
      <Alert kind="info" testId="households-personal">
        <span>
          <strong>{t('households.personalTitle')}</strong> {errorText(list.error, t)}
        </span>
      </Alert>
    );
  }

  const open = (h: Household | 'new') => {
    setEditing(h);
    requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };
  const del = (h: Household) => {
    if (!window.confirm(t('households.deleteConfirm', { name: h.head_name, address: h.address }))) return;
    void remove.run(async () => {
      await peopleApi.deleteHousehold(h.id);
      list.setItems((items) => items?.filter((x) => x.id !== h.id));
    });
  };

  return (
    <div className="people">
      <p className="muted people__lead">{t('households.intro')}</p>
      <div className="people__actions">
        {writable.length > 0 && editing === null && (
          <button type="button" className="btn btn--primary" onClick={() => open('new')} data-testid="household-add">
            {t('households.add')}
          </button>
        )}
        <a className="btn btn--small" href={peopleApi.exportUrl(unit.id, 'xlsx')} download data-testid="households-xlsx">
          {t('households.exportXlsx')}
        </a>
        <a className="btn btn--small" href={peopleApi.exportUrl(unit.id, 'csv')} download data-testid="households-csv">
          {t('households.exportCsv')}
        </a>
      </div>

      <div ref={formRef}>
        {editing !== null && (
          <HouseholdForm
            key={editing === 'new' ? 'new' : editing.id}
            household={editing === 'new' ? null : editing}
            villages={editing === 'new' ? writable : (villages.data ?? []).filter((v) => v.id === editing.village_id)}
            onSaved={reload}
            onClose={() => setEditing(null)}
          />
        )}
      </div>

      {canImport && <ImportCard unit={unit} onImported={reload} />}

      <section className="card" aria-labelledby="households-title">
        <h2 id="households-title" className="card__title">
          {t('households.title')} {list.items && <span className="count">{num(list.items.length)}{list.hasMore ? '+' : ''}</span>}
        </h2>
        <SearchBox
          id="households-q" label={t('households.search')} placeholder={t('households.searchPlaceholder')} value={q}
          onChange={setQ} testId="households-search" clearLabel={t('households.searchClear')}
        />
        {remove.error != null && <LoadError error={remove.error} />}
        {list.error != null && <LoadError error={list.error} retry={list.loadMore} />}
        {list.items && list.items.length === 0 && (
          <p className="empty people__empty" data-testid="households-empty">{search ? t('households.noMatch') : t('households.none')}</p>
        )}
        {list.items && list.items.length > 0 && (
          <div className="rtable-wrap">
            <table className="rtable" data-testid="households">
              <thead>
                <tr>
                  {unit.kind !== 'village' && <th scope="col">{t('households.col.village')}</th>}
                  <th scope="col">{t('households.col.head')}</th>
                  <th scope="col">{t('households.col.address')}</th>
                  <th scope="col">{t('households.col.members')}</th>
                  <th scope="col">{t('households.col.phone')}</th>
                  <th scope="col">{t('households.col.group')}</th>
                  <th scope="col">{t('households.col.keychain')}</th>
                  {writable.length > 0 && <th scope="col"><span className="visually-hidden">{t('households.col.actions')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {list.items.map((h) => {
                  const editable = writable.some((v) => v.id === h.village_id);
                  return (
                    <tr key={h.id} data-testid="household" data-id={h.id}>
                      {unit.kind !== 'village' && <td data-label={t('households.col.village')}>{h.village_name}</td>}
                      <th scope="row" data-label={t('households.col.head')} className="rtable__main">{h.head_name}</th>
                      <td data-label={t('households.col.address')}>{h.address}</td>
                      <td data-label={t('households.col.members')}>{num(h.members)}</td>
                      <td data-label={t('households.col.phone')}>{h.phone ? <a href={`tel:${h.phone}`}>{h.phone}</a> : <span className="muted">{t('common.none')}</span>}</td>
                      <td data-label={t('households.col.group')}>{h.fire_group_name ?? <span className="muted">{t('common.none')}</span>}</td>
                      <td data-label={t('households.col.keychain')}>{h.keychain_code ? <span className="mono nowrap">{formatCode(h.keychain_code)}</span> : <span className="muted">{t('common.none')}</span>}</td>
                      {writable.length > 0 && (
                        <td className="rtable__actions">
                          {editable && (
                            <>
                              <button type="button" className="btn btn--small" onClick={() => open(h)} disabled={remove.busy}>
                                {t('common.edit')}
                              </button>
                              <button type="button" className="btn btn--small btn--danger" onClick={() => del(h)} disabled={remove.busy}>
                                {t('households.delete')}
                              </button>
                            </>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {list.loading && <Loading />}
        {list.hasMore && !list.loading && (
          <button type="button" className="btn" onClick={list.loadMore}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}

function HouseholdForm({ household, villages, onSaved, onClose }: { household: Household | null; villages: Unit[]; onSaved: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [villageId, setVillageId] = useState<number | ''>(household?.village_id ?? (villages.length === 1 ? villages[0]!.id : ''));
  const [headName, setHeadName] = useState(household?.head_name ?? '');
  const [address, setAddress] = useState(household?.address ?? '');
  const [members, setMembers] = useState(household ? String(household.members) : '');
  const [phone, setPhone] = useState(household?.phone ?? '');
  const [note, setNote] = useState(household?.note ?? '');
  const [saved, setSaved] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (villageId === '') {
      setError(new ApiError(400, 'VILLAGE', t('households.chooseVillage'), [{ path: 'villageId', message: t('households.chooseVillage') }]));
      return;
    }
    setSaved('');
    const body = { headName: headName.trim(), address: address.trim(), members: Number(members), phone: phone.trim() || null, note: note.trim() || null };
    await run(async () => {
      if (household) {
        await peopleApi.updateHousehold(household.id, body);
        onSaved();
        onClose();
      } else {
        const created = await peopleApi.createHousehold(villageId, body);
        // Ready for the next household of the same village.
        setSaved(t('households.added', { name: created.head_name }));
        onSaved();
        setHeadName('');
        setAddress('');
        setMembers('');
        setPhone('');
        setNote('');
      }
    });
  };

  const general = generalError(error, FORM_FIELDS);
  return (
    <section className="card people__form" aria-labelledby="household-form-title">
      <h2 id="household-form-title" className="card__title">
        {household ? t('households.editTitle', { name: household.head_name }) : t('households.addTitle')}
      </h2>
      <form className="form" onSubmit={submit} data-testid="household-form" noValidate>
        {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
        {saved && <Alert kind="success" testId="household-saved">{saved}</Alert>}
        <Field label={t('households.village')} error={fieldError(error, 'villageId')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id} aria-describedby={describedBy} aria-invalid={invalid} value={villageId} disabled={!!household || villages.length <= 1}
              onChange={(e) => setVillageId(e.target.value ? Number(e.target.value) : '')} data-testid="household-village"
            >
              {villages.length !== 1 && <option value="">{t('households.chooseVillage')}</option>}
              {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          )}
        </Field>
        <div className="form-pair">
          <Field label={t('households.headName')} error={fieldError(error, 'headName')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} autoComplete="off" value={headName} onChange={(e) => setHeadName(e.target.value)} />
            )}
          </Field>
          <Field label={t('households.address')} error={fieldError(error, 'address')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={300} autoComplete="off" value={address} onChange={(e) => setAddress(e.target.value)} />
            )}
          </Field>
          <Field label={t('households.members')} error={fieldError(error, 'members')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required type="number" inputMode="numeric" min={1} max={100} value={members} onChange={(e) => setMembers(e.target.value)} />
            )}
          </Field>
          <Field label={t('households.phone')} optional error={fieldError(error, 'phone')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="tel" inputMode="tel" autoComplete="off" maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} />
            )}
          </Field>
        </div>
        <Field label={t('households.note')} optional error={fieldError(error, 'note')}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="household-submit">
            {busy ? t('common.saving') : household ? t('common.save') : t('households.addSubmit')}
          </button>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {saved ? t('common.close') : t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ImportCard({ unit, onImported }: { unit: Unit; onImported: () => void }) {
  const { t } = useI18n();
  const num = useNumber();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult>();
  const [inputKey, setInputKey] = useState(0);
  const { busy, error, setError, run } = useAction();
  const rowErrors = error instanceof ApiError ? error.fields : [];
  const columns = unit.kind === 'commune' ? t('households.importColumnsCommune') : t('households.importColumns');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError(new ApiError(400, 'NO_FILE', t('households.importNoFile')));
      return;
    }
    setResult(undefined);
    await run(async () => {
      setResult(await peopleApi.importHouseholds(unit.id, file));
      setFile(null);
      setInputKey((k) => k + 1);
      onImported();
    });
  };

  return (
    <details className="card people__import" data-testid="households-import">
      <summary className="people__summary">{t('households.importTitle')}</summary>
      <p className="card__hint people__hint">
        {t('households.importHint', { columns })}{' '}
        <a href="/api/households/template.csv" download data-testid="households-template">{t('households.template')}</a>
      </p>
      <form className="form" onSubmit={submit}>
        <div className="file-input">
          <input
            key={inputKey} id="households-file" type="file" className="visually-hidden" accept=".csv,text/csv,text/plain" data-testid="households-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setResult(undefined);
            }}
          />
          <label htmlFor="households-file" className="btn btn--small">
            {t('households.importChoose')}
          </label>
          <span className="muted file-input__name">{file?.name ?? t('households.importNoFileChosen')}</span>
        </div>
        {error != null && (
          <Alert kind="error" testId="households-import-error">
            <div>
              <p className="people__alert-title">{errorText(error, t)}</p>
              {rowErrors.length > 0 && (
                <ul className="row-errors" data-testid="households-import-rows">
                  {rowErrors.map((f, i) => (
                    <li key={i}>
                      <strong>{f.path}:</strong> {f.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </Alert>
        )}
        {result && (
          <Alert kind="success" testId="households-import-done">
            {t('households.importDone', { created: num(result.created), updated: num(result.updated), unchanged: num(result.unchanged) })}
          </Alert>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy || !file} data-testid="households-import-submit">
          {busy ? t('households.importing') : t('households.importSubmit')}
        </button>
      </form>
    </details>
  );
}

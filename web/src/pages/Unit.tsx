import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, type Kinds, type Unit, type UnitKind, type UnitPage as UnitPageData } from '../api.ts';
import { useI18n, useNumber } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { UnitWork } from '../components/UnitWork.tsx';
import { TargetsSummary } from '../field/Targets.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, PageNotReady, TableScroll, useAction, useDocumentTitle } from '../ui.tsx';
import { KIND_ORDER, useKindLabel, useKinds, viCollator } from '../units.tsx';

const PAGE = 50;
const CREATABLE: UnitKind[] = ['village', 'school', 'agency'];

export function UnitPage({ id }: { id: number }) {
  const { t } = useI18n();
  const [data, setData] = useState<UnitPageData>();
  const [error, setError] = useState<unknown>(null);
  // Bumped after a change, to reload the page and its lists.
  const [version, setVersion] = useState(0);
  const kinds = useKinds();

  useEffect(() => {
    let live = true;
    setError(null);
    api.unit(id).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [id, version]);

  const reload = () => setVersion((v) => v + 1);
  useDocumentTitle(data?.unit.id === id ? data.unit.name : undefined);
  if (error != null || !data || data.unit.id !== id) return <PageNotReady error={error} retry={reload} back={{ to: '/units', label: t('common.backToUnits') }} />;

  const { unit } = data;
  const allowed = kinds?.creatable.filter((c) => c.parentKinds.includes(unit.kind)) ?? [];

  return (
    <div className="page">
      <UnitHeader data={data} />
      <div className="unit-layout">
        <div className="unit-layout__main">
          {(unit.kind === 'commune' || unit.kind === 'village') && <TargetsSummary key={unit.id} unitId={unit.id} />}
          <Counts data={data} />
          <UnitWork key={unit.id} unitId={unit.id} unitName={unit.name} />
          {(unit.kind === 'commune' || data.legacy.length > 0) && <LegacySection data={data} />}
          <ChildrenSection key={`${unit.id}-${version}`} data={data} />
        </div>
        <aside className="unit-layout__side">
          {unit.kind === 'commune' && <RemoteAreaCard key={`remote-${unit.id}`} data={data} onSaved={reload} />}
          {data.canWrite ? (
            <>
              {kinds && allowed.length > 0 && <AddUnitForm key={unit.id} parent={unit} kinds={allowed} onAdded={reload} />}
              {kinds && <EditUnitForm key={`edit-${unit.id}`} unit={unit} kinds={kinds} onSaved={reload} />}
              {kinds && allowed.length > 0 && <ImportForm key={`import-${unit.id}`} unit={unit} allowed={allowed.map((a) => a.kind)} onImported={reload} />}
            </>
          ) : (
            <p className="muted readonly-note">{t('unit.readOnly')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}

/**
 * How long the commune has to hand a crime report over: 24 hours, or 48 in a remote area, as the
 * level above decides with its document (docs/tip-deadlines.md).
 */
function RemoteAreaCard({ data, onSaved }: { data: UnitPageData; onSaved: () => void }) {
  const { t } = useI18n();
  const { unit } = data;
  const [remote, setRemote] = useState(!!unit.remote_area);
  const [basis, setBasis] = useState(unit.remote_basis ?? '');
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => api.setRemoteArea(unit.id, { remote, ...(basis.trim() && { basis: basis.trim() }) }))) onSaved();
  };
  return (
    <section className="card" aria-labelledby="remote-title" data-testid="unit-remote">
      <h2 id="remote-title" className="card__title">{t('unit.remote.title')}</h2>
      <p data-testid="unit-remote-hours">{t(unit.remote_area ? 'unit.remote.on' : 'unit.remote.off')}</p>
      {unit.remote_area && unit.remote_basis && <p className="muted small">{t('unit.remote.basis', { basis: unit.remote_basis })}</p>}
      {data.canSetRemote && (
        <form className="form" onSubmit={submit}>
          <label className="check-row">
            <input type="checkbox" checked={remote} onChange={(e) => setRemote(e.target.checked)} data-testid="unit-remote-check" /> {t('unit.remote.check')}
          </label>
          {remote && (
            <Field label={t('unit.remote.basisLabel')} hint={t('unit.remote.basisHint')} error={fieldError(error, 'basis')}>
              {({ id, describedBy, invalid }) => (
                <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={300} value={basis} required onChange={(e) => setBasis(e.target.value)} data-testid="unit-remote-basis" />
              )}
            </Field>
          )}
          {generalError(error, ['basis']) != null && <LoadError error={error} />}
          <button type="submit" className="btn btn--small" disabled={busy || remote === !!unit.remote_area && basis === (unit.remote_basis ?? '') || (remote && !basis.trim())} data-testid="unit-remote-save">
            {t('common.save')}
          </button>
        </form>
      )}
    </section>
  );
}

function UnitHeader({ data }: { data: UnitPageData }) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const { unit, ancestors } = data;
  return (
    <header className="unit-header">
      {ancestors.length > 0 && (
        <nav aria-label={t('unit.breadcrumb')} className="breadcrumb" data-testid="breadcrumb">
          <ol>
            {ancestors.map((a) => (
              <li key={a.id}>
                <Link to={`/units/${a.id}`}>{a.name}</Link>
              </li>
            ))}
            <li aria-current="page">{unit.name}</li>
          </ol>
        </nav>
      )}
      <h1 className="page__title" data-testid="unit-title">
        {unit.name}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('unit.kind')}</dt>
          <dd>{kindLabel(unit.kind)}</dd>
        </div>
        <div>
          <dt>{t('unit.subkind')}</dt>
          <dd>{unit.subkind}</dd>
        </div>
        {unit.code && (
          <div>
            <dt>{t('unit.code')}</dt>
            <dd data-testid="unit-code">{unit.code}</dd>
          </div>
        )}
        {unit.note && (
          <div className="facts__wide">
            <dt>{t('unit.note')}</dt>
            <dd>{unit.note}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}

function Counts({ data }: { data: UnitPageData }) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const num = useNumber();
  const kinds = KIND_ORDER.filter((k) => (data.subtreeCounts[k] ?? 0) > 0);
  if (kinds.length === 0) return null;
  return (
    <section className="card" aria-labelledby="counts-title">
      <h2 id="counts-title" className="card__title">
        {t('unit.counts')}
      </h2>
      <ul className="stats" data-testid="unit-counts">
        {kinds.map((k) => {
          const all = data.subtreeCounts[k] ?? 0;
          const direct = data.childCounts[k] ?? 0;
          return (
            <li key={k} className="stat">
              <span className="stat__value">{num(all)}</span>
              <span className="stat__label">{kindLabel(k)}</span>
              {direct !== all && direct > 0 && <span className="stat__sub">{t('unit.countDirect', { n: num(direct) })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function LegacySection({ data }: { data: UnitPageData }) {
  const { t } = useI18n();
  return (
    <section className="card card--legacy" aria-labelledby="legacy-title">
      <h2 id="legacy-title" className="card__title">
        {t('unit.legacyTitle')} <span className="count">{data.legacy.length}</span>
      </h2>
      <p className="card__hint">{t('unit.legacyHint')}</p>
      {data.legacy.length === 0 ? (
        <p className="muted">{t('unit.legacyNone')}</p>
      ) : (
        <ul className="list" data-testid="unit-legacy">
          {[...data.legacy].sort((a, b) => viCollator.compare(a.old_district_name, b.old_district_name) || viCollator.compare(a.old_name, b.old_name)).map((l) => (
            <li key={l.old_code} className="list__item" data-testid="unit-legacy-item">
              <strong>{l.old_name}</strong>, {l.old_district_name}, {l.old_province_name}{' '}
              <span className="muted">({l.old_code})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ChildrenSection({ data }: { data: UnitPageData }) {
  const { t } = useI18n();
  const kinds = KIND_ORDER.filter((k) => (data.childCounts[k] ?? 0) > 0);
  return (
    <section className="card" aria-labelledby="children-title" data-testid="unit-children">
      <h2 id="children-title" className="card__title">
        {t('unit.children')}
      </h2>
      {kinds.length === 0 && <p className="muted">{t('unit.noChildren')}</p>}
      {kinds.map((k) => (
        <ChildGroup key={k} unitId={data.unit.id} kind={k} total={data.childCounts[k] ?? 0} />
      ))}
    </section>
  );
}

function ChildGroup({ unitId, kind, total }: { unitId: number; kind: UnitKind; total: number }) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const num = useNumber();
  const [items, setItems] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = (offset: number) => {
    setLoading(true);
    setError(null);
    api.children(unitId, { kind, limit: PAGE, offset }).then(
      (page) => {
        setItems((prev) => (offset === 0 ? page : [...prev, ...page]));
        setLoading(false);
      },
      (e: unknown) => {
        setError(e);
        setLoading(false);
      },
    );
  };
  useEffect(() => load(0), [unitId, kind]);

  return (
    <div className="group" data-testid={`children-${kind}`}>
      <h3 className="group__title">
        {kindLabel(kind)} <span className="count">{num(total)}</span>
      </h3>
      <ul className="chips">
        {items.map((u) => (
          <li key={u.id}>
            <Link to={`/units/${u.id}`} className="chip-link">
              {u.name}
              {u.code && <span className="muted"> {u.code}</span>}
            </Link>
          </li>
        ))}
      </ul>
      {loading && <Loading />}
      {error != null && <LoadError error={error} retry={() => load(items.length)} />}
      {!loading && items.length < total && (
        <button type="button" className="btn btn--small" onClick={() => load(items.length)}>
          {t('units.moreChildren', { shown: num(items.length), total: num(total) })}
        </button>
      )}
    </div>
  );
}

function AddUnitForm({ parent, kinds, onAdded }: { parent: Unit; kinds: Kinds['creatable']; onAdded: () => void }) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const [kind, setKind] = useState<UnitKind | ''>(kinds.length === 1 ? kinds[0]!.kind : '');
  const [subkind, setSubkind] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState('');
  const subkinds = kinds.find((k) => k.kind === kind)?.subkinds ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!kind) return;
    setDone('');
    await run(async () => {
      const created = await api.createUnit({ parentId: parent.id, kind, subkind, name: name.trim(), note: note.trim() || null });
      setDone(t('unit.added', { name: created.name }));
      setName('');
      setNote('');
      onAdded();
    });
  };

  const general = generalError(error, ['kind', 'subkind', 'name', 'note']);
  return (
    <section className="card" aria-labelledby="add-title">
      <h2 id="add-title" className="card__title">
        {t('unit.add')}
      </h2>
      <form className="form" onSubmit={submit} data-testid="add-unit-form">
        {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
        {done && <Alert kind="success">{done}</Alert>}
        <Field label={t('unit.kind')} error={fieldError(error, 'kind')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id} aria-describedby={describedBy} aria-invalid={invalid} required value={kind} data-testid="add-kind"
              onChange={(e) => {
                setKind(e.target.value as UnitKind);
                setSubkind('');
              }}
            >
              <option value="">{t('unit.chooseKind')}</option>
              {kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {kindLabel(k.kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('unit.subkind')} error={fieldError(error, 'subkind')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id} aria-describedby={describedBy} aria-invalid={invalid} required value={subkind} disabled={!kind}
              data-testid="add-subkind" onChange={(e) => setSubkind(e.target.value)}
            >
              <option value="">{t('unit.chooseSubkind')}</option>
              {subkinds.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('unit.name')} error={fieldError(error, 'name')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} value={name}
              placeholder={t('unit.namePlaceholder')} data-testid="add-name" onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('unit.note')} optional error={fieldError(error, 'note')}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="btn btn--primary" disabled={busy || !kind || !subkind || !name.trim()}>
          {busy ? t('common.saving') : t('unit.addSubmit')}
        </button>
      </form>
    </section>
  );
}

function EditUnitForm({ unit, kinds, onSaved }: { unit: Unit; kinds: Kinds; onSaved: () => void }) {
  const { t } = useI18n();
  const official = !CREATABLE.includes(unit.kind);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(unit.name);
  const [subkind, setSubkind] = useState(unit.subkind);
  const [note, setNote] = useState(unit.note ?? '');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState(false);
  const subkinds = kinds.creatable.find((k) => k.kind === unit.kind)?.subkinds ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const patch: { name?: string; subkind?: string; note?: string | null } = {};
    if (!official && name.trim() !== unit.name) patch.name = name.trim();
    if (!official && subkind !== unit.subkind) patch.subkind = subkind;
    if ((note.trim() || null) !== unit.note) patch.note = note.trim() || null;
    if (Object.keys(patch).length === 0) {
      setOpen(false);
      return;
    }
    await run(async () => {
      await api.updateUnit(unit.id, patch);
      setDone(true);
      setOpen(false);
      onSaved();
    });
  };

  return (
    <section className="card" aria-labelledby="edit-title">
      <div className="card__head">
        <h2 id="edit-title" className="card__title">
          {official ? t('unit.editNote') : t('unit.edit')}
        </h2>
        {!open && (
          <button type="button" className="btn btn--small" onClick={() => {
              setName(unit.name);
              setSubkind(unit.subkind);
              setNote(unit.note ?? '');
              setOpen(true);
              setDone(false);
            }}
            data-testid="edit-unit"
          >
            {t('common.edit')}
          </button>
        )}
      </div>
      {done && !open && <Alert kind="success">{t('unit.saved')}</Alert>}
      {open && (
        <form className="form" onSubmit={submit} data-testid="edit-unit-form">
          {official && <p className="card__hint">{t('unit.officialName')}</p>}
          {error != null && !fieldError(error, 'name') && !fieldError(error, 'subkind') && <Alert kind="error">{errorText(error, t)}</Alert>}
          {!official && (
            <>
              <Field label={t('unit.name')} error={fieldError(error, 'name')}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
                )}
              </Field>
              <Field label={t('unit.subkind')} error={fieldError(error, 'subkind')}>
                {({ id, describedBy, invalid }) => (
                  <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={subkind} onChange={(e) => setSubkind(e.target.value)}>
                    {!subkinds.includes(unit.subkind) && <option value={unit.subkind}>{unit.subkind}</option>}
                    {subkinds.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
          <Field label={t('unit.note')} optional error={fieldError(error, 'note')}>
            {({ id, describedBy, invalid }) => (
              <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
            )}
          </Field>
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={busy || (!official && !name.trim())}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
            <button
              type="button" className="btn"
              onClick={() => {
                setOpen(false);
                setError(null);
                setName(unit.name);
                setSubkind(unit.subkind);
                setNote(unit.note ?? '');
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** A sample file fitting the unit: villages only go under a commune. */
function sampleCsv(unit: Unit, allowed: UnitKind[]): string {
  const rows = ['loai,phan_loai,ten,ma_cha,ghi_chu'];
  const place = unit.name.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)\s+/, '');
  if (allowed.includes('village')) {
    rows.push('thôn,Thôn,Thôn Nà Hu,,');
    rows.push('thôn,Tổ dân phố,Tổ dân phố 1,,Khu trung tâm');
  }
  if (allowed.includes('school')) rows.push(`trường,Trường tiểu học,Trường Tiểu học ${place},,`);
  if (allowed.includes('agency')) rows.push('cơ quan,Đoàn thể,Đoàn Thanh niên,,');
  return rows.join('\n') + '\n';
}

const ROW_PATH = /^row (\d+)\.(.+)$/;

function ImportForm({ unit, allowed, onImported }: { unit: Unit; allowed: UnitKind[]; onImported: () => void }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<number>();
  const [fileName, setFileName] = useState('');
  const sample = sampleCsv(unit, allowed);
  const sampleHref = 'data:text/csv;charset=utf-8,' + encodeURIComponent('\uFEFF' + sample);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!csv.trim()) {
      setError(new ApiError(400, 'EMPTY', t('import.empty')));
      return;
    }
    setDone(undefined);
    await run(async () => {
      const res = await api.importUnits(unit.id, csv);
      setDone(res.created);
      setCsv('');
      setFileName('');
      onImported();
    });
  };

  const readFile = (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    file.text().then((text) => {
      setCsv(text.replace(/^\uFEFF/, ''));
      setError(null);
      setDone(undefined);
    });
  };

  const rowErrors =
    error instanceof ApiError && error.code === 'IMPORT_REJECTED'
      ? error.fields.map((f) => {
          const m = ROW_PATH.exec(f.path);
          return { row: m?.[1] ?? '', column: m?.[2] ?? f.path, message: f.message };
        })
      : [];
  const columnLabel = (c: string) =>
    ['kind', 'subkind', 'name', 'parent_code', 'note'].includes(c) ? t(`import.col.${c}` as 'import.col.kind') : c;

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title" className="card__title">
        {t('import.title')}
      </h2>
      <p className="card__hint">{t('import.intro')}</p>
      <details className="sample">
        <summary>{t('import.sample')}</summary>
        <pre className="sample__text" data-testid="import-sample">
          {sample}
        </pre>
        <a href={sampleHref} download="mau-nhap-don-vi.csv" className="btn btn--small">
          {t('import.download')}
        </a>
      </details>
      <form className="form" onSubmit={submit} data-testid="import-form">
        <div className="file-input">
          {/* The browser's own file button speaks the browser's language; this one follows the app. */}
          <input id="import-file" type="file" className="visually-hidden" accept=".csv,text/csv,text/plain" onChange={(e) => readFile(e.target.files?.[0])} />
          <label htmlFor="import-file" className="btn btn--small">
            {t('import.file')}
          </label>
          <span className="muted file-input__name">{fileName || t('import.noFile')}</span>
        </div>
        <Field label={t('import.text')}>
          {({ id }) => (
            <textarea
              id={id} rows={6} className="mono" value={csv} spellCheck={false} data-testid="import-text"
              placeholder={sample.split('\n')[0]} onChange={(e) => setCsv(e.target.value)}
            />
          )}
        </Field>
        {error != null && <Alert kind="error" testId="import-error">{errorText(error, t)}</Alert>}
        {rowErrors.length > 0 && (
          <TableScroll label={`${t('import.title')}: ${t('import.problem')}`}>
            <table className="table table--compact" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.map((r, i) => (
                  <tr key={i}>
                    <td>{r.row}</td>
                    <td>{columnLabel(r.column)}</td>
                    <td>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {done !== undefined && <Alert kind="success">{t('import.done', { n: done })}</Alert>}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('import.submitting') : t('import.submit')}
        </button>
      </form>
    </section>
  );
}

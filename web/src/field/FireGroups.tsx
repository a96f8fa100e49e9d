import { useRef, useState, type FormEvent } from 'react';
import { formatDay } from '../work.tsx';
import { ApiError, type Unit } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n, useNumber, type MessageKey } from '../i18n.tsx';
import { Alert, errorText, Field, fieldError, generalError, LoadError, Loading, useAction } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import type { FieldTabProps } from './Field.tsx';
import { CONDITIONS, peopleApi, useVillages, type Condition, type Coverage, type FireGroup } from './api-people.ts';
import { MetBadge, ShareBar, usePercent } from './Targets.tsx';
import './field-people.css';

const CONDITION_LABEL: Record<Condition, MessageKey> = {
  ready: 'fireGroups.condition.ready',
  needs_service: 'fireGroups.condition.needs_service',
  missing: 'fireGroups.condition.missing',
};

/** Tổ liên gia an toàn PCCC: how many households are in one, and the groups themselves. */
export function FireGroupsTab({ unit }: FieldTabProps) {
  const { t } = useI18n();
  const { can, canAt } = useAuth();
  const villages = useVillages(unit);
  const coverage = useResource(() => peopleApi.coverage(unit.id), [unit.id]);
  const groups = useResource(() => peopleApi.fireGroups(unit.id), [unit.id]);
  const [editing, setEditing] = useState<FireGroup | 'new' | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const remove = useAction();

  // Writing a group needs the field work and, for its households, the personal data.
  const writable = can('field.write')
    ? (villages.data ?? []).filter((v) => canAt('field.write', v.path) && canAt('household.read', v.path))
    : [];
  const reload = () => {
    coverage.reload();
    groups.reload();
  };
  const open = (g: FireGroup | 'new') => {
    setEditing(g);
    requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };
  const del = (g: FireGroup) => {
    if (!window.confirm(t('fireGroups.deleteConfirm', { name: g.name, village: g.village_name }))) return;
    void remove.run(async () => {
      await peopleApi.deleteFireGroup(g.id);
      reload();
    });
  };

  return (
    <div className="people">
      <p className="muted people__lead">{t('fireGroups.intro')}</p>
      {coverage.error != null ? <LoadError error={coverage.error} retry={coverage.reload} /> : !coverage.data ? <Loading /> : <CoverageCard coverage={coverage.data} />}

      {writable.length > 0 && editing === null && (
        <div className="people__actions">
          <button type="button" className="btn btn--primary" onClick={() => open('new')} data-testid="fire-group-add">
            {t('fireGroups.add')}
          </button>
        </div>
      )}
      <div ref={formRef}>
        {editing !== null && (
          <GroupForm
            key={editing === 'new' ? 'new' : editing.id}
            group={editing === 'new' ? null : editing}
            villages={editing === 'new' ? writable : writable.filter((v) => v.id === editing.village_id)}
            onDone={(changed) => {
              setEditing(null);
              if (changed) reload();
            }}
          />
        )}
      </div>

      <section aria-labelledby="fire-groups-title">
        <h2 id="fire-groups-title" className="people__heading">{t('fireGroups.listTitle')}</h2>
        {remove.error != null && <LoadError error={remove.error} />}
        {groups.error != null ? (
          <LoadError error={groups.error} retry={groups.reload} />
        ) : !groups.data ? (
          <Loading />
        ) : groups.data.length === 0 ? (
          <p className="empty" data-testid="fire-groups-empty">{t('fireGroups.none')}</p>
        ) : (
          <ul className="people-cards" data-testid="fire-groups">
            {groups.data.map((g) => (
              <GroupCard
                key={g.id} group={g} busy={remove.busy}
                onEdit={writable.some((v) => v.id === g.village_id) ? () => open(g) : undefined}
                onDelete={writable.some((v) => v.id === g.village_id) ? () => del(g) : undefined}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CoverageCard({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  const num = useNumber();
  const pct = usePercent();
  const met = coverage.share === null ? null : coverage.share >= coverage.target;
  return (
    <section className="card" aria-labelledby="coverage-title" data-testid="fire-coverage">
      <div className="target__head">
        <h2 id="coverage-title" className="target__title">{t('fireGroups.coverageTitle')}</h2>
        <MetBadge met={met} />
      </div>
      <p className="target__goal">
        <strong data-testid="fire-coverage-total">
          {coverage.share === null ? t('targets.noData') : `${pct(coverage.share)}%`}
        </strong>
        <span className="muted">
          {' · '}
          {t('fireGroups.inGroups', { n: num(coverage.in_groups), of: num(coverage.households) })}
          {' · '}
          {t('targets.targetPercent', { n: pct(coverage.target) })}
        </span>
      </p>
      <ShareBar value={coverage.share} max={100} target={coverage.target} met={met} />
      {coverage.villages.length > 1 && (
        <ul className="measures measures--villages">
          {coverage.villages.map((v) => {
            const share = v.households ? (100 * v.in_groups) / v.households : null;
            return (
              <li key={v.village_id} className="measure" data-testid="fire-coverage-village">
                <span className="measure__label">{v.village_name}</span>
                <ShareBar value={share} max={100} target={coverage.target} met={share === null ? null : share >= coverage.target} />
                <span className="measure__figures">
                  <strong>{share === null ? t('common.none') : `${pct(share)}%`}</strong>
                  <span className="muted"> · {t('fireGroups.villageFigures', { n: num(v.in_groups), of: num(v.households), groups: num(v.groups) })}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function GroupCard({ group: g, busy, onEdit, onDelete }: { group: FireGroup; busy: boolean; onEdit?: (() => void) | undefined; onDelete?: (() => void) | undefined }) {
  const { t } = useI18n();
  const num = useNumber();
  return (
    <li className="card people-card" data-testid="fire-group" data-id={g.id}>
      <div className="people-card__head">
        <div>
          <h3 className="people-card__title">{g.name}</h3>
          <p className="muted people-card__sub">{g.village_name} · {t('fireGroups.householdCount', { n: num(g.households) })}</p>
        </div>
        {(onEdit || onDelete) && (
          <div className="people-card__actions">
            {onEdit && <button type="button" className="btn btn--small" onClick={onEdit} disabled={busy}>{t('common.edit')}</button>}
            {onDelete && <button type="button" className="btn btn--small btn--danger" onClick={onDelete} disabled={busy}>{t('fireGroups.delete')}</button>}
          </div>
        )}
      </div>
      <p className="people-card__line">
        <span className="muted">{t('fireGroups.leader')}:</span> <strong>{g.leader_name}</strong>
        {g.leader_phone && <> · <a href={`tel:${g.leader_phone}`}>{g.leader_phone}</a></>}
        {g.leader_user_id !== null && <> <span className="badge badge--alerts">{t('fireGroups.leaderAlerts')}</span></>}
      </p>
      {g.note && <p className="people-card__line">{g.note}</p>}
      <div className="people-card__part">
        <h4 className="people-card__label">{t('fireGroups.equipment')}</h4>
        {g.equipment.length === 0 ? (
          <p className="muted people-card__line">{t('fireGroups.noEquipment')}</p>
        ) : (
          <ul className="equipment-list">
            {g.equipment.map((e) => (
              <li key={e.id}>
                <span>{e.item} <span className="muted">× {num(e.quantity)}</span></span>
                <span className={`cond cond--${e.condition}`}>{t(CONDITION_LABEL[e.condition])}</span>
                {e.checked_on && <span className="muted small">{t('fireGroups.checkedOn', { date: formatDay(e.checked_on) })}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {g.members !== null && (
        <details className="people-card__part">
          <summary>{t('fireGroups.members', { n: num(g.members.length) })}</summary>
          {g.members.length === 0 ? (
            <p className="muted people-card__line">{t('fireGroups.noMembers')}</p>
          ) : (
            <ul className="member-list">
              {g.members.map((m) => <li key={m.id}><strong>{m.head_name}</strong> <span className="muted">{m.address}</span></li>)}
            </ul>
          )}
        </details>
      )}
    </li>
  );
}

interface EquipmentRow {
  key: number;
  item: string;
  quantity: string;
  condition: Condition;
  checkedOn: string;
}

let rowKey = 0;

function GroupForm({ group, villages, onDone }: { group: FireGroup | null; villages: Unit[]; onDone: (changed: boolean) => void }) {
  const { t } = useI18n();
  const [villageId, setVillageId] = useState<number | ''>(group?.village_id ?? (villages.length === 1 ? villages[0]!.id : ''));
  const [name, setName] = useState(group?.name ?? '');
  const [leaderName, setLeaderName] = useState(group?.leader_name ?? '');
  const [leaderPhone, setLeaderPhone] = useState(group?.leader_phone ?? '');
  const [leaderUserId, setLeaderUserId] = useState<number | ''>(group?.leader_user_id ?? '');
  const [note, setNote] = useState(group?.note ?? '');
  const [picked, setPicked] = useState<Set<number>>(new Set(group?.members?.map((m) => m.id) ?? []));
  const [equipment, setEquipment] = useState<EquipmentRow[]>(
    group?.equipment.map((e) => ({ key: ++rowKey, item: e.item, quantity: String(e.quantity), condition: e.condition, checkedOn: e.checked_on ?? '' })) ?? [],
  );
  const { busy, error, setError, run } = useAction();
  const households = useResource(
    () => (villageId === '' ? Promise.resolve([]) : peopleApi.households({ unitId: villageId, limit: 500 })),
    [villageId],
    { clear: true },
  );
  const candidates = useResource(() => (villageId === '' ? Promise.resolve([]) : peopleApi.leaderCandidates(villageId)), [villageId], { clear: true });

  const setRow = (key: number, patch: Partial<EquipmentRow>) => setEquipment((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const toggle = (id: number, on: boolean) =>
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (villageId === '') {
      setError(new ApiError(400, 'VILLAGE', t('fireGroups.chooseVillage'), [{ path: 'villageId', message: t('fireGroups.chooseVillage') }]));
      return;
    }
    const body = {
      name: name.trim(),
      leaderName: leaderName.trim(),
      leaderPhone: leaderPhone.trim() || null,
      leaderUserId: leaderUserId === '' ? null : leaderUserId,
      note: note.trim() || null,
      householdIds: [...picked],
      equipment: equipment.map((r) => ({ item: r.item.trim(), quantity: Number(r.quantity || 0), condition: r.condition, checkedOn: r.checkedOn || null })),
    };
    await run(async () => {
      if (group) await peopleApi.updateFireGroup(group.id, body);
      else await peopleApi.createFireGroup(villageId, body);
      onDone(true);
    });
  };

  const shown = (path: string) =>
    ['villageId', 'name', 'leaderName', 'leaderPhone', 'leaderUserId', 'note', 'householdIds'].includes(path) || /^equipment\.\d+\.\w+$/.test(path);
  const general = generalError(error, shown);
  const inOther = (h: { fire_group_id: number | null }) => h.fire_group_id !== null && h.fire_group_id !== group?.id;

  return (
    <section className="card people__form" aria-labelledby="group-form-title">
      <h2 id="group-form-title" className="card__title">{group ? t('fireGroups.editTitle', { name: group.name }) : t('fireGroups.addTitle')}</h2>
      <form className="form" onSubmit={submit} data-testid="fire-group-form" noValidate>
        {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
        <div className="form-pair">
          <Field label={t('fireGroups.village')} error={fieldError(error, 'villageId')}>
            {({ id, describedBy, invalid }) => (
              <select
                id={id} aria-describedby={describedBy} aria-invalid={invalid} value={villageId} disabled={!!group || villages.length <= 1} data-testid="fire-group-village"
                onChange={(e) => {
                  setVillageId(e.target.value ? Number(e.target.value) : '');
                  setPicked(new Set());
                  setLeaderUserId('');
                }}
              >
                {villages.length !== 1 && <option value="">{t('fireGroups.chooseVillage')}</option>}
                {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('fireGroups.name')} error={fieldError(error, 'name')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} value={name} placeholder={t('fireGroups.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <Field label={t('fireGroups.leaderName')} error={fieldError(error, 'leaderName')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} autoComplete="off" value={leaderName} onChange={(e) => setLeaderName(e.target.value)} />
            )}
          </Field>
          <Field label={t('fireGroups.leaderPhone')} optional error={fieldError(error, 'leaderPhone')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="tel" inputMode="tel" autoComplete="off" maxLength={20} value={leaderPhone} onChange={(e) => setLeaderPhone(e.target.value)} />
            )}
          </Field>
        </div>
        <Field label={t('fireGroups.leaderAccount')} optional hint={t('fireGroups.leaderAccountHint')} error={fieldError(error, 'leaderUserId')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id} aria-describedby={describedBy} aria-invalid={invalid} value={leaderUserId} disabled={villageId === ''} data-testid="fire-group-leader-account"
              onChange={(e) => setLeaderUserId(e.target.value ? Number(e.target.value) : '')}
            >
              <option value="">{t('fireGroups.noAccount')}</option>
              {(candidates.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>{c.full_name} ({c.username}{c.phone ? `, ${c.phone}` : ''})</option>
              ))}
            </select>
          )}
        </Field>

        <fieldset className="people__fieldset" aria-describedby={fieldError(error, 'householdIds') ? 'group-households-error' : undefined}>
          <legend>{t('fireGroups.households')} <span className="count" data-testid="fire-group-picked">{picked.size}</span></legend>
          {fieldError(error, 'householdIds') && <p className="field__error" id="group-households-error" role="alert">{fieldError(error, 'householdIds')}</p>}
          {villageId === '' ? (
            <p className="muted">{t('fireGroups.chooseVillageFirst')}</p>
          ) : households.error != null ? (
            <LoadError error={households.error} retry={households.reload} />
          ) : !households.data ? (
            <Loading />
          ) : households.data.length === 0 ? (
            <p className="muted">{t('fireGroups.noHouseholds')}</p>
          ) : (
            <ul className="ticks" data-testid="fire-group-households">
              {households.data.map((h) => {
                const other = inOther(h);
                return (
                  <li key={h.id}>
                    <label className={'tick' + (other ? ' tick--disabled' : '')}>
                      <input type="checkbox" checked={picked.has(h.id)} disabled={other} onChange={(e) => toggle(h.id, e.target.checked)} />
                      <span>
                        <strong>{h.head_name}</strong> <span className="muted">{h.address}</span>
                        {other && <span className="muted small"> · {t('fireGroups.inOther', { name: h.fire_group_name ?? '' })}</span>}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>

        <fieldset className="people__fieldset">
          <legend>{t('fireGroups.equipment')}</legend>
          <p className="field__hint">{t('fireGroups.equipmentHint')}</p>
          {equipment.length > 0 && (
            <ul className="equipment-rows">
              {equipment.map((r, i) => (
                <li key={r.key} className="equipment-row" data-testid="equipment-row">
                  <Field label={t('fireGroups.item')} error={fieldError(error, `equipment.${i}.item`)}>
                    {({ id, describedBy, invalid }) => (
                      <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={200} value={r.item} placeholder={t('fireGroups.itemPlaceholder')} onChange={(e) => setRow(r.key, { item: e.target.value })} />
                    )}
                  </Field>
                  <Field label={t('fireGroups.quantity')} error={fieldError(error, `equipment.${i}.quantity`)}>
                    {({ id, describedBy, invalid }) => (
                      <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="number" inputMode="numeric" min={0} max={10000} value={r.quantity} onChange={(e) => setRow(r.key, { quantity: e.target.value })} />
                    )}
                  </Field>
                  <Field label={t('fireGroups.condition')} error={fieldError(error, `equipment.${i}.condition`)}>
                    {({ id, describedBy, invalid }) => (
                      <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={r.condition} onChange={(e) => setRow(r.key, { condition: e.target.value as Condition })}>
                        {CONDITIONS.map((c) => <option key={c} value={c}>{t(CONDITION_LABEL[c])}</option>)}
                      </select>
                    )}
                  </Field>
                  <Field label={t('fireGroups.checkedOnLabel')} optional error={fieldError(error, `equipment.${i}.checkedOn`)}>
                    {({ id, describedBy, invalid }) => (
                      <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="date" value={r.checkedOn} onChange={(e) => setRow(r.key, { checkedOn: e.target.value })} />
                    )}
                  </Field>
                  <button type="button" className="btn btn--small btn--danger equipment-row__remove" onClick={() => setEquipment((rows) => rows.filter((x) => x.key !== r.key))}>
                    {t('fireGroups.removeItem')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button" className="btn btn--small" data-testid="equipment-add"
            onClick={() => setEquipment((rows) => [...rows, { key: ++rowKey, item: rows.length === 0 ? t('fireGroups.defaultItem') : '', quantity: '1', condition: 'ready', checkedOn: '' }])}
          >
            {t('fireGroups.addItem')}
          </button>
        </fieldset>

        <Field label={t('fireGroups.note')} optional error={fieldError(error, 'note')}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="fire-group-submit">
            {busy ? t('common.saving') : group ? t('common.save') : t('fireGroups.addSubmit')}
          </button>
          <button type="button" className="btn" onClick={() => onDone(false)} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

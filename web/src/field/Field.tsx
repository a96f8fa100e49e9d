import type { ComponentType } from 'react';
import type { Permission } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ChooseUnit } from '../components/ChooseUnit.tsx';
import { api, type Unit, type UnitPage } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { PageNotReady, useDocumentTitle } from '../ui.tsx';
import { useKindLabel } from '../units.tsx';
import { useResource } from '../useResource.ts';
import { ActivitiesTab } from './Activities.tsx';
import { AlarmsTab } from './AlarmsHistory.tsx';
import { FireGroupsTab } from './FireGroups.tsx';
import { GongsTab } from './Gongs.tsx';
import { HouseholdsTab } from './Households.tsx';
import { KeychainsTab } from './Keychains.tsx';
import { PatrolsTab } from './Patrols.tsx';
import { TargetsTab } from './Targets.tsx';

/** What every tab gets: the unit it shows (a commune, a village, or a unit above them). */
export interface FieldTabProps {
  unit: Unit;
}

/** A tab with `needs` shows only where the user holds that permission at or under the unit. */
export const FIELD_TABS: { key: string; label: MessageKey; Tab: ComponentType<FieldTabProps>; needs?: Permission }[] = [
  { key: 'targets', label: 'field.tab.targets', Tab: TargetsTab },
  { key: 'gongs', label: 'field.tab.gongs', Tab: GongsTab },
  { key: 'alarms', label: 'field.tab.alarms', Tab: AlarmsTab },
  { key: 'patrols', label: 'field.tab.patrols', Tab: PatrolsTab },
  { key: 'activities', label: 'field.tab.activities', Tab: ActivitiesTab },
  { key: 'households', label: 'field.tab.households', Tab: HouseholdsTab, needs: 'household.read' },
  { key: 'fire-groups', label: 'field.tab.fireGroups', Tab: FireGroupsTab },
  { key: 'keychains', label: 'field.tab.keychains', Tab: KeychainsTab },
];

/** /field: the field work of one unit; without a unit, the user's own units to choose from. */
export function FieldPage({ unitId, tab }: { unitId: number | null; tab: string | undefined }) {
  const { t } = useI18n();
  if (unitId === null) return <ChooseUnit base="/field" title={t('field.title')} intro={t('field.intro')} />;
  return <UnitField key={unitId} unitId={unitId} tab={FIELD_TABS.find((t) => t.key === tab) ?? FIELD_TABS[0]!} />;
}

function UnitField({ unitId, tab }: { unitId: number; tab: (typeof FIELD_TABS)[number] }) {
  const { t } = useI18n();
  const { canAt, canSomeUnder } = useAuth();
  const kindLabel = useKindLabel();
  const page = useResource<UnitPage>(() => api.unit(unitId), [unitId]);
  const villages = useResource(
    () => (page.data && page.data.unit.kind === 'commune' ? api.children(unitId, { kind: 'village', limit: 200 }) : Promise.resolve([])),
    [page.data?.unit.id],
  );
  useDocumentTitle(page.data ? `${t(tab.label)} · ${page.data.unit.name}` : undefined);
  if (page.error != null || !page.data) return <PageNotReady error={page.error} retry={page.reload} back={{ to: '/field', label: t('field.title') }} />;
  const { unit, ancestors } = page.data;
  // The unit above, if the user may open it: a commune officer's province is not theirs to see.
  const parent = ancestors.filter((a) => canAt('unit.read', a.path)).at(-1);
  const tabs = FIELD_TABS.filter((x) => !x.needs || canSomeUnder(x.needs, unit.path));
  const Tab = tab.Tab;
  return (
    <div className="page">
      <header className="page__head field-head">
        <p className="muted field-head__where">
          {kindLabel(unit.kind)}
          {parent && <> · <Link to={`/field/${parent.id}/${tab.key}`}>{parent.name}</Link></>}
          {' · '}<Link to={`/units/${unit.id}`}>{t('field.unitPage')}</Link>
        </p>
        <h1 className="page__title">{unit.name}</h1>
        {villages.data && villages.data.length > 0 && (
          <label className="field-head__villages">
            <span>{t('field.village')}</span>{' '}
            <select value="" onChange={(e) => e.target.value && navigate(`/field/${e.target.value}/${tab.key}`)} data-testid="field-village">
              <option value="">{t('field.chooseVillage')}</option>
              {villages.data.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>
        )}
      </header>
      <nav className="tabs" aria-label={t('field.tabs')}>
        <ul>
          {tabs.map((x) => (
            <li key={x.key}>
              <Link to={`/field/${unit.id}/${x.key}`} aria-current={x.key === tab.key ? 'page' : undefined} data-testid={`tab-${x.key}`}>{t(x.label)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="tab-panel" aria-label={t(tab.label)}>
        <Tab unit={unit} />
      </section>
    </div>
  );
}

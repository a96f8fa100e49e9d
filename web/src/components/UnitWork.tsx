import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n, useNumber } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { ModelCard } from '../pages/Models.tsx';
import { PlanCard } from '../pages/Plans.tsx';
import { LoadError, Loading } from '../ui.tsx';
import { useResource } from '../useResource.ts';
import { WorkItemCard } from './WorkItem.tsx';

const SHOWN = 20;

/** The unit page's models, plans and open work, each under the unit and its sub-units. */
export function UnitWork({ unitId, unitName }: { unitId: number; unitName: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const num = useNumber();
  const models = useResource(() => api.models({ unitId, limit: SHOWN + 1 }), [unitId], { clear: true });
  const plans = useResource(() => api.plans({ unitId, limit: SHOWN + 1 }), [unitId], { clear: true });
  const work = useResource(() => api.myWork(14), [unitId]);

  // My work has no unit filter: keep what the unit leads, or what its own plans ask.
  const planIds = new Set(plans.data?.map((p) => p.id));
  const open = work.data && plans.data
    ? [...work.data.overdue, ...work.data.due].filter((i) => i.lead_unit_name === unitName || planIds.has(i.plan_id))
    : undefined;

  return (
    <section className="card" aria-labelledby="unit-work-title" data-testid="unit-work">
      <h2 id="unit-work-title" className="card__title">
        {t('unit.later')}
      </h2>

      <div className="group" data-testid="unit-models">
        <div className="group__head">
          <h3 className="group__title">
            {t('models.title')} {models.data && <span className="count">{models.data.length > SHOWN ? `${SHOWN}+` : num(models.data.length)}</span>}
          </h3>
          {can('model.write') && (
            <Link to="/models/new" className="btn btn--small">
              {t('models.new')}
            </Link>
          )}
        </div>
        {models.error != null && <LoadError error={models.error} retry={models.reload} />}
        {!models.data && models.error == null && <Loading />}
        {models.data?.length === 0 && <p className="muted">{t('unitWork.noModels')}</p>}
        {models.data && models.data.length > 0 && (
          <ul className="card-list card-list--flat">
            {models.data.slice(0, SHOWN).map((m) => <ModelCard key={m.id} model={m} />)}
          </ul>
        )}
      </div>

      <div className="group" data-testid="unit-plans">
        <div className="group__head">
          <h3 className="group__title">
            {t('plans.title')} {plans.data && <span className="count">{plans.data.length > SHOWN ? `${SHOWN}+` : num(plans.data.length)}</span>}
          </h3>
          {can('plan.write') && (
            <Link to="/plans/new" className="btn btn--small">
              {t('plans.new')}
            </Link>
          )}
        </div>
        {plans.error != null && <LoadError error={plans.error} retry={plans.reload} />}
        {!plans.data && plans.error == null && <Loading />}
        {plans.data?.length === 0 && <p className="muted">{t('unitWork.noPlans')}</p>}
        {plans.data && plans.data.length > 0 && (
          <ul className="card-list card-list--flat">
            {plans.data.slice(0, SHOWN).map((p) => <PlanCard key={p.id} plan={p} />)}
          </ul>
        )}
      </div>

      <div className="group" data-testid="unit-open-work">
        <div className="group__head">
          <h3 className="group__title">
            {t('unitWork.open')} {open && <span className="count">{num(open.length)}</span>}
          </h3>
          <Link to="/work" className="btn btn--small">
            {t('work.title')}
          </Link>
        </div>
        <p className="card__hint">{t('unitWork.openHint')}</p>
        {work.error != null && <LoadError error={work.error} retry={work.reload} />}
        {!open && work.error == null && <Loading />}
        {open?.length === 0 && <p className="muted">{t('unitWork.noWork')}</p>}
        {open && open.length > 0 && work.data && (
          <ul className="work-list">
            {open.slice(0, 10).map((i) => <WorkItemCard key={i.id} item={i} today={work.data!.today} onChanged={work.reload} />)}
          </ul>
        )}
        {open && open.length > 10 && (
          <Link to="/work" className="small">
            {t('unitWork.moreWork', { n: num(open.length - 10) })}
          </Link>
        )}
      </div>
    </section>
  );
}

import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useAuth } from './auth.tsx';
import { useI18n, type MessageKey } from './i18n.tsx';
import { Link, matchPath, navigate, usePathname } from './router.tsx';
import { AlarmBanner } from './components/Alarms.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { Logo } from './components/Logo.tsx';
import { AccountPage } from './pages/Account.tsx';
import { AuditPage } from './pages/Audit.tsx';
import { CalendarPage } from './pages/Calendar.tsx';
import { LoginPage } from './pages/Login.tsx';
import { ModelPage } from './pages/Model.tsx';
import { ModelsPage, NewModelPage, TemplatesPage } from './pages/Models.tsx';
import { MyWorkPage } from './pages/MyWork.tsx';
import { PlanPage } from './pages/Plan.tsx';
import { PlanEditorPage } from './pages/PlanEditor.tsx';
import { PlansPage } from './pages/Plans.tsx';
import { TemplateEditorPage } from './pages/TemplateEditor.tsx';
import { UnitPage } from './pages/Unit.tsx';
import { UnitsPage } from './pages/Units.tsx';
import { UsersPage } from './pages/Users.tsx';
import { Loading } from './ui.tsx';

// Field work is its own chunk: most sessions (a school, a plan) never open it.
const FieldPage = lazy(() => import('./field/Field.tsx').then((m) => ({ default: m.FieldPage })));
// Tips too: only the commune police open them.
const TipsInbox = lazy(() => import('./tips/Inbox.tsx').then((m) => ({ default: m.TipsInbox })));
const TipPage = lazy(() => import('./tips/TipPage.tsx').then((m) => ({ default: m.TipPage })));
// Reports: a few days a year for most users.
const ReportsPage = lazy(() => import('./reports/Reports.tsx').then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => import('./reports/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const StatisticsPage = lazy(() => import('./stats/Statistics.tsx').then((m) => ({ default: m.StatisticsPage })));

interface NavItem {
  to: string;
  label: MessageKey;
  icon: ReactNode;
  show: boolean;
}

const icon = (d: string) => (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" className="nav__icon">
    <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
const ICONS = {
  work: icon('M9 11l2 2 4-4M5 4h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1'),
  calendar: icon('M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2zM4 10h16M8 3v4M16 3v4'),
  models: icon('M12 3l8 4-8 4-8-4 8-4M4 12l8 4 8-4M4 17l8 4 8-4'),
  plans: icon('M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5M9 13h6M9 17h6'),
  units: icon('M3 21h18M5 21V8l7-5 7 5v13M9 21v-6h6v6'),
  users: icon('M16 19v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 17.5V19M10 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7M20 19v-1.5a3.5 3.5 0 0 0-2.5-3.3M15.5 4.2a3.5 3.5 0 0 1 0 6.6'),
  audit: icon('M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01'),
  account: icon('M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8M4 21a8 8 0 0 1 16 0'),
  field: icon('M12 22s7-6.2 7-12a7 7 0 1 0-14 0c0 5.8 7 12 7 12zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5'),
  tips: icon('M4 5h16v11H8l-4 4zM12 8v3M12 13.5h.01'),
  stats: icon('M4 20V10M10 20V4M16 20v-7M22 20H2'),
  reports: icon('M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5M9 17v-3M12 17v-5M15 17v-2'),
};

/** Where the app opens after logging in. */
export const HOME = '/work';

const TITLES: [string, MessageKey][] = [
  ['/work', 'nav.work'],
  ['/calendar', 'nav.calendar'],
  ['/models', 'nav.models'],
  ['/plans', 'nav.plans'],
  ['/field', 'nav.patrol'],
  ['/tips', 'nav.reports'],
  ['/statistics', 'nav.dashboard'],
  ['/reports', 'nav.statistics'],
  ['/units', 'nav.units'],
  ['/users', 'nav.users'],
  ['/audit', 'nav.audit'],
  ['/account', 'nav.account'],
];

export function App() {
  const { me } = useAuth();
  const { t } = useI18n();
  const path = usePathname();

  useEffect(() => {
    // Logged out, the address is kept, so the same page opens after logging in.
    if (me && (path === '/' || path === '/login')) navigate(HOME, { replace: true });
  }, [me, path]);

  useEffect(() => {
    // Unit, model, plan and field pages name themselves.
    if (me && (['/units/:id', '/models/:id', '/plans/:id'].some((p) => matchPath(p, path) && /\d$/.test(path)) || /^\/(field|tips|statistics|reports)\/(unit\/)?\d+/.test(path))) return;
    const title = TITLES.find(([p]) => path === p || path.startsWith(p + '/'))?.[1];
    document.title = me && title ? `${t(title)} · ${t('app.name')}` : t('app.name');
  }, [path, me, t]);

  if (me === undefined) {
    return (
      <div className="splash">
        <Logo size={48} />
        <Loading />
      </div>
    );
  }
  if (me === null) return <LoginPage />;
  return <Shell />;
}

function Shell() {
  const { me, logout, can } = useAuth();
  const { t } = useI18n();
  const path = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => setMenuOpen(false), [path]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const items: NavItem[] = [
    { to: '/work', label: 'nav.work', icon: ICONS.work, show: true },
    { to: '/calendar', label: 'nav.calendar', icon: ICONS.calendar, show: true },
    { to: '/models', label: 'nav.models', icon: ICONS.models, show: true },
    { to: '/plans', label: 'nav.plans', icon: ICONS.plans, show: true },
    { to: '/field', label: 'nav.patrol', icon: ICONS.field, show: true },
    { to: '/tips', label: 'nav.reports', icon: ICONS.tips, show: can('tip.read') },
    { to: '/statistics', label: 'nav.dashboard', icon: ICONS.stats, show: true },
    { to: '/reports', label: 'nav.statistics', icon: ICONS.reports, show: true },
    { to: '/units', label: 'nav.units', icon: ICONS.units, show: true },
    { to: '/users', label: 'nav.users', icon: ICONS.users, show: can('user.manage') },
    { to: '/audit', label: 'nav.audit', icon: ICONS.audit, show: can('audit.read') },
    { to: '/account', label: 'nav.account', icon: ICONS.account, show: true },
  ];
  const active = (to: string) => path === to || path.startsWith(to + '/');

  return (
    <div className={'shell' + (menuOpen ? ' shell--menu-open' : '')}>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="header">
        <Link to={HOME} className="header__brand">
          <Logo size={32} />
          <span className="header__name">{t('app.name')}</span>
        </Link>
        <div className="header__right">
          <span className="header__user" data-testid="header-user">
            {me!.user.fullName}
          </span>
          <LanguageSwitch />
          <button type="button" className="btn btn--ghost header__logout" onClick={() => void logout()} data-testid="logout">
            {t('shell.logout')}
          </button>
          <button
            type="button" className="btn btn--ghost header__menu" aria-expanded={menuOpen} aria-controls="main-nav"
            data-testid="menu-button" onClick={() => setMenuOpen((o) => !o)}
          >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path d={menuOpen ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            <span>{menuOpen ? t('common.close') : t('shell.menu')}</span>
          </button>
        </div>
      </header>
      <div className="shell__body">
        <nav id="main-nav" className="nav" aria-label={t('shell.mainNav')} data-testid="main-nav">
          <div className="nav__user">
            <strong>{me!.user.fullName}</strong>
            <span className="muted">{me!.user.username}</span>
          </div>
          <ul className="nav__list">
            {items
              .filter((i) => i.show)
              .map((i) => (
                <li key={i.to}>
                  <Link
                    to={i.to} className="nav__link" aria-current={active(i.to) ? 'page' : undefined} data-testid={`nav-${i.to.slice(1)}`}
                    // Also closes the menu when the item is the page already shown.
                    onClick={() => setMenuOpen(false)}
                  >
                    {i.icon}
                    <span>{t(i.label)}</span>
                  </Link>
                </li>
              ))}
          </ul>
          <button type="button" className="btn btn--block nav__logout" onClick={() => void logout()}>
            {t('shell.logout')}
          </button>
        </nav>
        {menuOpen && <div className="nav-backdrop" onClick={() => setMenuOpen(false)} aria-hidden="true" />}
        <main id="main" className="main" tabIndex={-1}>
          <AlarmBanner />
          {me!.mustChangePassword && path !== '/account' && (
            <div className="banner" role="status" data-testid="must-change-password">
              <span>{t('account.mustChange')}</span>
              <Link to="/account" className="btn btn--small">
                {t('account.changePassword')}
              </Link>
            </div>
          )}
          <Routes />
        </main>
      </div>
    </div>
  );
}

function Routes() {
  const path = usePathname();
  const { can } = useAuth();
  if (path === '/work') return <MyWorkPage />;
  if (path === '/calendar') return <CalendarPage />;
  if (path === '/models') return <ModelsPage />;
  if (path === '/models/templates') return <TemplatesPage />;
  if (path === '/models/templates/new') {
    const from = Number(new URLSearchParams(window.location.search).get('from')) || undefined;
    return can('template.write') ? <TemplateEditorPage key={from ?? 0} from={from} /> : <NotFound />;
  }
  const templateEdit = matchPath('/models/templates/:id/edit', path);
  if (templateEdit) return can('template.write') ? <TemplateEditorPage key={templateEdit.id} id={Number(templateEdit.id)} /> : <NotFound />;
  if (path === '/models/new') return can('model.write') ? <NewModelPage /> : <NotFound />;
  const model = matchPath('/models/:id', path);
  if (model && /^\d+$/.test(model.id!)) return <ModelPage id={Number(model.id)} />;
  if (path === '/plans') return <PlansPage />;
  if (path === '/plans/new') return can('plan.write') ? <PlanEditorPage /> : <NotFound />;
  const plan = matchPath('/plans/:id', path);
  if (plan && /^\d+$/.test(plan.id!)) return <PlanPage id={Number(plan.id)} />;
  const planEdit = matchPath('/plans/:id/edit', path);
  if (planEdit && /^\d+$/.test(planEdit.id!) && can('plan.write')) return <PlanEditorPage key={planEdit.id} id={Number(planEdit.id)} />;
  const field = matchPath('/field/:unitId', path) ?? matchPath('/field/:unitId/:tab', path);
  if (path === '/field' || (field && /^\d+$/.test(field.unitId!))) return <Suspense fallback={<Loading />}><FieldPage unitId={field ? Number(field.unitId) : null} tab={field?.tab} /></Suspense>;
  if (path === '/tips' && can('tip.read')) return <Suspense fallback={<Loading />}><TipsInbox /></Suspense>;
  const tip = matchPath('/tips/:id', path);
  if (tip && /^\d+$/.test(tip.id!) && can('tip.read')) return <Suspense fallback={<Loading />}><TipPage key={tip.id} id={Number(tip.id)} /></Suspense>;
  const stats = matchPath('/statistics/:unitId', path);
  if (path === '/statistics' || (stats && /^\d+$/.test(stats.unitId!))) return <Suspense fallback={<Loading />}><StatisticsPage key={stats?.unitId ?? 'all'} unitId={stats ? Number(stats.unitId) : null} /></Suspense>;
  const reportsOf = matchPath('/reports/unit/:unitId', path);
  if (path === '/reports' || (reportsOf && /^\d+$/.test(reportsOf.unitId!))) return <Suspense fallback={<Loading />}><ReportsPage key={reportsOf?.unitId ?? 'all'} unitId={reportsOf ? Number(reportsOf.unitId) : null} /></Suspense>;
  const report = matchPath('/reports/:id', path);
  if (report && /^\d+$/.test(report.id!)) return <Suspense fallback={<Loading />}><ReportPage key={report.id} id={Number(report.id)} /></Suspense>;
  if (path === '/units') return <UnitsPage />;
  const unit = matchPath('/units/:id', path);
  if (unit && /^\d+$/.test(unit.id!)) return <UnitPage id={Number(unit.id)} />;
  if (path === '/users' && can('user.manage')) return <UsersPage />;
  if (path === '/audit' && can('audit.read')) return <AuditPage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/' || path === '/login') return <Loading />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <p className="empty">{t('common.notFound')}</p>
      <Link to="/units" className="btn">
        {t('common.backToUnits')}
      </Link>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { api, ROLES, type Role, type User } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { UnitPicker, type PickedUnit } from '../components/UnitPicker.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { Alert, errorText, Field, fieldError, generalError, SearchBox, useAction, useDateTime, useDebounced } from '../ui.tsx';
import { roleKey } from '../units.tsx';
import { usePaged } from '../usePaged.ts';

const PAGE = 50;

export function UsersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState('');
  const [version, setVersion] = useState(0);

  const page = usePaged<User>(
    (loaded) => api.users({ q: query || undefined, limit: PAGE, offset: loaded.length }),
    PAGE,
    [query, version],
  );

  const replace = (u: User) => page.setItems((list) => list?.map((x) => (x.id === u.id ? u : x)));

  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1 className="page__title">{t('users.title')}</h1>
          <p className="page__intro">{t('users.intro')}</p>
        </div>
        {!creating && (
          <button type="button" className="btn btn--primary" onClick={() => { setCreating(true); setCreated(''); }} data-testid="new-user">
            {t('users.new')}
          </button>
        )}
      </div>
      {created && <Alert kind="success">{created}</Alert>}
      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            setCreated(t('users.created', { username: u.username }));
            setVersion((v) => v + 1);
          }}
        />
      )}
      <SearchBox
        id="user-search" testId="user-search" label={t('users.search')} placeholder={t('users.searchPlaceholder')}
        value={q} onChange={setQ}
      />
      <PagedList page={page} className="user-list" testId="user-list" empty={t('users.none')}>
        {(u) => <UserCard key={u.id} user={u} onChange={replace} />}
      </PagedList>
    </div>
  );
}

function RoleSelect({ id, value, onChange, describedBy, invalid }: { id: string; value: Role | ''; onChange: (r: Role | '') => void; describedBy?: string | undefined; invalid?: boolean }) {
  const { t } = useI18n();
  return (
    <select id={id} aria-describedby={describedBy} aria-invalid={invalid} required value={value} onChange={(e) => onChange(e.target.value as Role | '')}>
      <option value="">{t('users.chooseRole')}</option>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(roleKey(r))}
        </option>
      ))}
    </select>
  );
}

const CREATE_FIELDS = ['username', 'fullName', 'phone', 'password', 'unitId', 'role', 'basis'];

/** An investigator's assignment decision, asked for only with that role. */
function BasisField({ role, value, onChange, error }: { role: Role | ''; value: string; onChange: (v: string) => void; error: unknown }) {
  const { t } = useI18n();
  if (role !== 'investigator') return null;
  return (
    <Field label={t('users.basis')} hint={t('users.basisHint')} error={fieldError(error, 'basis')}>
      {({ id, describedBy, invalid }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={300} value={value} data-testid="new-basis" onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

function CreateUserForm({ onCreated, onCancel }: { onCreated: (u: User) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [role, setRole] = useState<Role | ''>('');
  const [basis, setBasis] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!unit || !role) return;
    await run(async () => {
      const u = await api.createUser({
        username: username.trim(), fullName: fullName.trim(), phone: phone.trim() || null, password, unitId: unit.id, role,
        ...(role === 'investigator' && { basis: basis.trim() }),
      });
      onCreated(u);
    });
  };
  // A message tied to fields is shown beside them; the general one only when it says more.
  const general = generalError(error, CREATE_FIELDS);

  return (
    <section className="card card--form" aria-labelledby="create-user-title">
      <h2 id="create-user-title" className="card__title">
        {t('users.new')}
      </h2>
      <form className="form form--grid" onSubmit={submit} data-testid="create-user-form" noValidate>
        {general != null && (
          <div className="form__full">
            <Alert kind="error">{errorText(general, t)}</Alert>
          </div>
        )}
        <Field label={t('users.username')} hint={t('users.usernameHint')} error={fieldError(error, 'username')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id} aria-describedby={describedBy} aria-invalid={invalid} required autoCapitalize="none" spellCheck={false}
              autoComplete="off" value={username} data-testid="new-username" onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.fullName')} error={fieldError(error, 'fullName')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} aria-describedby={describedBy} aria-invalid={invalid} required autoComplete="off" value={fullName} data-testid="new-fullname" onChange={(e) => setFullName(e.target.value)} />
          )}
        </Field>
        <Field label={t('users.phone')} optional error={fieldError(error, 'phone')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="tel" aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
          )}
        </Field>
        <Field label={t('users.password')} hint={t('users.passwordHint')} error={fieldError(error, 'password')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id} type="text" aria-describedby={describedBy} aria-invalid={invalid} required autoComplete="new-password"
              spellCheck={false} value={password} data-testid="new-password" onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('users.unit')} error={fieldError(error, 'unitId')}>
          {({ id, describedBy, invalid }) => <UnitPicker id={id} value={unit} onChange={setUnit} describedBy={describedBy} invalid={invalid} testId="new-unit" />}
        </Field>
        <Field label={t('users.role')} error={fieldError(error, 'role')}>
          {({ id, describedBy, invalid }) => <RoleSelect id={id} value={role} onChange={setRole} describedBy={describedBy} invalid={invalid} />}
        </Field>
        <BasisField role={role} value={basis} onChange={setBasis} error={error} />
        <div className="form__actions form__full">
          <button type="submit" className="btn btn--primary" disabled={busy || !username.trim() || !fullName.trim() || !password || !unit || !role}>
            {busy ? t('common.saving') : t('users.create')}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

type Panel = 'grant' | 'password' | null;

function UserCard({ user, onChange }: { user: User; onChange: (u: User) => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const dateTime = useDateTime();
  const [panel, setPanel] = useState<Panel>(null);
  const { busy, error, setError, run: runAction } = useAction();
  const [notice, setNotice] = useState('');
  const tempLocked = !!user.locked_until && new Date(user.locked_until) > new Date();

  /** An action on the user, the card refreshed from its answer and the message shown. */
  const run = (action: () => Promise<User | void>, message = '') => {
    setNotice('');
    return runAction(async () => {
      const updated = await action();
      onChange(updated ?? (await api.user(user.id)));
      setNotice(message);
    });
  };

  const togglePanel = (p: NonNullable<Panel>) => {
    setPanel(panel === p ? null : p);
    setError(null);
    setNotice('');
  };

  const toggleActive = () => {
    if (user.active && !tempLocked && !window.confirm(t('users.lockConfirm', { username: user.username }))) return;
    void run(() => api.updateUser(user.id, { active: !(user.active && !tempLocked) }));
  };

  return (
    <li className="user card" data-testid="user-card">
      <div className="user__head">
        <div className="user__who">
          <strong className="user__name">{user.full_name}</strong>
          <span className="user__meta">
            <span className="mono">{user.username}</span>
            {user.phone && <> · {t('users.phoneShort', { phone: user.phone })}</>}
          </span>
        </div>
        {!user.active ? (
          <span className="status status--off">{t('users.inactive')}</span>
        ) : tempLocked ? (
          <span className="status status--warn">{t('users.lockedUntil', { time: dateTime(user.locked_until!) })}</span>
        ) : (
          <span className="status status--on">{t('users.active')}</span>
        )}
      </div>
      <div className="user__grants">
        <span className="visually-hidden">{t('users.grants')}</span>
        <ul className="grant-list">
          {user.grants.map((g) => {
            const role = t(roleKey(g.role));
            return (
              <li key={g.id} className="grant">
                <span className="grant__role">{role}</span>
                <Link to={`/units/${g.unit_id}`} className="grant__unit">
                  {g.unit_name}
                </Link>
                {g.basis && <span className="grant__basis muted small">{g.basis}</span>}
                {/* The last role cannot be revoked (lock the account instead), so it has no button. */}
                {user.grants.length > 1 && <button
                  type="button" className="grant__revoke" disabled={busy}
                  aria-label={t('users.revokeLabel', { role, unit: g.unit_name })} title={t('users.revoke')}
                  onClick={() => {
                    if (window.confirm(t('users.revokeConfirm', { role, unit: g.unit_name, username: user.username }))) {
                      void run(() => api.revokeGrant(g.id));
                    }
                  }}
                >
                  ×
                </button>}
              </li>
            );
          })}
        </ul>
      </div>
      {error != null && !panel && <Alert kind="error">{errorText(error, t)}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <div className="user__actions">
        <button type="button" className="btn btn--small" aria-expanded={panel === 'grant'} onClick={() => togglePanel('grant')}>
          {t('users.addGrant')}
        </button>
        <button type="button" className="btn btn--small" aria-expanded={panel === 'password'} onClick={() => togglePanel('password')}>
          {t('users.resetPassword')}
        </button>
        {user.id !== me?.user.id && (
          <button type="button" className={'btn btn--small' + (user.active && !tempLocked ? ' btn--danger' : '')} disabled={busy} onClick={toggleActive}>
            {user.active && !tempLocked ? t('users.lock') : t('users.unlock')}
          </button>
        )}
      </div>
      {panel === 'grant' && (
        <GrantForm
          busy={busy} error={error} onCancel={() => setPanel(null)}
          onSubmit={async (unitId, role, basis) => {
            if (await run(() => api.addGrant(user.id, unitId, role, basis).then(() => undefined))) setPanel(null);
          }}
        />
      )}
      {panel === 'password' && (
        <PasswordForm
          busy={busy} error={error} onCancel={() => setPanel(null)}
          onSubmit={async (password) => {
            if (await run(() => api.resetPassword(user.id, password), t('users.resetDone'))) setPanel(null);
          }}
        />
      )}
    </li>
  );
}

function GrantForm({ busy, error, onSubmit, onCancel }: { busy: boolean; error: unknown; onSubmit: (unitId: number, role: Role, basis?: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [role, setRole] = useState<Role | ''>('');
  const [basis, setBasis] = useState('');
  const general = generalError(error, ['unitId', 'role', 'basis']);
  return (
    <form
      className="form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (unit && role) onSubmit(unit.id, role, role === 'investigator' ? basis.trim() : undefined);
      }}
    >
      {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
      <Field label={t('users.unit')} error={fieldError(error, 'unitId')}>
        {({ id, describedBy, invalid }) => <UnitPicker id={id} value={unit} onChange={setUnit} describedBy={describedBy} invalid={invalid} />}
      </Field>
      <Field label={t('users.role')} error={fieldError(error, 'role')}>
        {({ id, describedBy, invalid }) => <RoleSelect id={id} value={role} onChange={setRole} describedBy={describedBy} invalid={invalid} />}
      </Field>
      <BasisField role={role} value={basis} onChange={setBasis} error={error} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !unit || !role}>
          {t('users.grantSubmit')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function PasswordForm({ busy, error, onSubmit, onCancel }: { busy: boolean; error: unknown; onSubmit: (password: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const fieldMsg = fieldError(error, 'password');
  return (
    <form
      className="form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (password) onSubmit(password);
      }}
    >
      {error != null && !fieldMsg && <Alert kind="error">{errorText(error, t)}</Alert>}
      <Field label={t('users.newPassword')} hint={t('users.passwordHint')} error={fieldMsg}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="text" aria-describedby={describedBy} aria-invalid={invalid} autoComplete="new-password" spellCheck={false} value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy || !password}>
          {t('users.resetPassword')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

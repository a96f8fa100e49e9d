import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { Alert, errorText, Field, fieldError, generalError, useAction } from '../ui.tsx';
import { roleKey } from '../units.tsx';

export function AccountPage() {
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  const mismatch = confirm.length > 0 && next !== confirm;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== confirm) return;
    setDone(false);
    await run(async () => {
      await api.changePassword(current, next);
      setDone(true);
      void refresh().catch(() => {});
      setCurrent('');
      setNext('');
      setConfirm('');
    });
  };
  const general = generalError(error, ['currentPassword', 'newPassword']);

  return (
    <div className="page page--narrow">
      <h1 className="page__title">{t('account.title')}</h1>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title" className="card__title">
          {t('account.profile')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('users.fullName')}</dt>
            <dd>{me!.user.fullName}</dd>
          </div>
          <div>
            <dt>{t('users.username')}</dt>
            <dd className="mono">{me!.user.username}</dd>
          </div>
        </dl>
        <h3 className="group__title">{t('account.grants')}</h3>
        <ul className="grant-list">
          {me!.grants.map((g) => (
            <li key={g.id} className="grant">
              <span className="grant__role">{t(roleKey(g.role))}</span>
              <Link to={`/units/${g.unitId}`} className="grant__unit">
                {g.unitName}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title" className="card__title">
          {t('account.changePassword')}
        </h2>
        <form className="form" onSubmit={submit} data-testid="password-form" noValidate>
          {me!.mustChangePassword && !done && <Alert kind="info">{t('account.mustChange')}</Alert>}
          {general != null && <Alert kind="error">{errorText(general, t)}</Alert>}
          {done && <Alert kind="success">{t('account.changed')}</Alert>}
          {/* For password managers: which account this is. */}
          <input type="text" name="username" autoComplete="username" value={me!.user.username} readOnly hidden />
          <Field label={t('account.current')} error={fieldError(error, 'currentPassword')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="password" autoComplete="current-password" aria-describedby={describedBy} aria-invalid={invalid} required value={current} onChange={(e) => setCurrent(e.target.value)} />
            )}
          </Field>
          <Field label={t('account.new')} hint={t('users.passwordHint')} error={fieldError(error, 'newPassword')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="password" autoComplete="new-password" aria-describedby={describedBy} aria-invalid={invalid} required value={next} onChange={(e) => setNext(e.target.value)} />
            )}
          </Field>
          <Field label={t('account.confirm')} error={mismatch ? t('account.mismatch') : undefined}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="password" autoComplete="new-password" aria-describedby={describedBy} aria-invalid={invalid} required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
            )}
          </Field>
          <button type="submit" className="btn btn--primary" disabled={busy || !current || !next || next !== confirm}>
            {busy ? t('common.saving') : t('account.submit')}
          </button>
        </form>
      </section>
    </div>
  );
}

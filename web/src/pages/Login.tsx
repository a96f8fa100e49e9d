import { useState, type FormEvent } from 'react';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Logo } from '../components/Logo.tsx';
import { Alert, errorText, useAction } from '../ui.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await login(username.trim(), password);
    });
  };

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <main className="login__card">
        <div className="login__brand">
          <Logo size={56} />
          <h1 className="login__name">{t('app.name')}</h1>
          <p className="login__tagline">{t('app.tagline')}</p>
        </div>
        <form onSubmit={submit} className="form" data-testid="login-form" noValidate>
          <h2 className="login__title">{t('login.title')}</h2>
          {error != null && (
            <Alert kind="error" testId="login-error">
              {errorText(error, t)}
            </Alert>
          )}
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username" data-testid="login-username" name="username" autoComplete="username"
              autoCapitalize="none" spellCheck={false} required value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password" data-testid="login-password" name="password" type="password"
              autoComplete="current-password" required value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="btn btn--primary btn--block" data-testid="login-submit" disabled={busy || !username || !password}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="login__footer">{t('login.footer')}</p>
      </main>
    </div>
  );
}

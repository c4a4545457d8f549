import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { logIn } from './session-api.js';

/** Username and password: the server answers with an httpOnly session cookie and a CSRF token. */
export function LoginForm() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userId = useId();
  const passwordId = useId();
  const errorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await logIn(username.trim(), password);
    setBusy(false);
    if (outcome !== 'ok') setError(t(outcome === 'limited' ? 'auth.login.limited' : 'auth.login.failed'));
  };

  return (
    <form className="login-form" onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined}>
      <h2>{t('auth.login.title')}</h2>
      <label htmlFor={userId}>{t('auth.login.username')}</label>
      <input id={userId} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      <label htmlFor={passwordId}>{t('auth.login.password')}</label>
      <input id={passwordId} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      {error ? (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t('auth.login.submit')}
      </button>
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../ui/page-header.js';
import { LoginForm } from './login-form.js';
import { tokenStore } from './token-store.js';

/**
 * The login page, shown when the API answers 401: a username and password for a session, or an API token
 * (`MONITOR_ADMIN_TOKEN` or a personal token) kept in this browser.
 */
export function TokenPrompt({ hadToken }: { hadToken: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const id = useId();
  const hintId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) tokenStore.set(value);
  };
  return (
    <div className="token-prompt">
      <PageHeader title={t('auth.title')} />
      <LoginForm />
      <h2>{t('auth.login.or')}</h2>
      <form onSubmit={submit}>
        <p id={hintId}>{hadToken ? t('auth.rejected') : t('auth.hint')}</p>
        <label htmlFor={id}>{t('auth.label')}</label>
        <input id={id} type="password" autoComplete="current-password" value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={hintId} required />
        <button type="submit" className="primary">
          {t('auth.submit')}
        </button>
      </form>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { logOut } from './session-api.js';

/** Ends the login session (for the header). */
export function LogoutButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="logout" onClick={() => void logOut()}>
      {t('auth.login.logout')}
    </button>
  );
}

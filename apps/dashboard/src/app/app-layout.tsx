import { Suspense, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { TokenPrompt } from '../modules/auth/token-prompt.js';
import { useToken } from '../modules/auth/use-token.js';
import { LiveIndicator } from '../modules/live/live-indicator.js';
import { Loading } from '../modules/ui/status-states.js';
import { LogoutButton } from '../modules/auth/logout-button.js';
import { LanguageSwitcher } from './language-switcher.js';

const NAV = ['search', 'sources', 'stories', 'denials', 'compare', 'alerts', 'entities'] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const token = useToken();
  const client = useQueryClient();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const wasRejected = useRef(false);

  // After a new token is entered, ask again for everything that failed with 401.
  useEffect(() => {
    if (wasRejected.current && !token.rejected) void client.invalidateQueries();
    wasRejected.current = token.rejected;
  }, [token.rejected, client]);

  // Move focus to the new page's heading on navigation, so screen readers announce it.
  const path = location.pathname;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('a11y.skip')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          Parallax
        </NavLink>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map((n) => (
              <li key={n}>
                <NavLink to={n === 'search' ? '/' : `/${n}`} end={n === 'search'}>
                  {t(`nav.${n}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          {token.rejected ? null : <LiveIndicator />}
          <LanguageSwitcher />
          {token.rejected ? null : <LogoutButton />}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {token.rejected ? (
          <TokenPrompt hadToken={token.token !== null} />
        ) : (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </main>
    </div>
  );
}

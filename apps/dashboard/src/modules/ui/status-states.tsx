import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/**
 * Shows an API error. A 404 on a whole page means the route has not landed in the API yet,
 * which is a normal state while the product grows, not a crash.
 */
export function ErrorState({ error, onRetry, missingIsPending = false }: { error: unknown; onRetry?: () => void; missingIsPending?: boolean }) {
  const { t } = useTranslation();
  if (missingIsPending && isApiError(error) && error.notFound) {
    return <EmptyState title={t('state.notAvailable')}>{<p>{t('state.notAvailableHint')}</p>}</EmptyState>;
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = isApiError(error) ? error.code : undefined;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{t('state.error')}</p>
      <p>
        {code ? <code className="error-code">{code}</code> : null} {message}
      </p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}

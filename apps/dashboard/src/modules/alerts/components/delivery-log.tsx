import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { ErrorState, Loading } from '../../ui/status-states.js';
import { listDeliveries, type AlertDelivery } from '../api/alerts.api.js';

const TONE: Record<AlertDelivery['status'], BadgeTone> = { pending: 'warn', delivered: 'ok', failed: 'danger' };

/** Where an alert's messages went: each delivery per channel, its status, and every attempt with its answer. Loaded when opened. */
export function DeliveryLog({ alertId }: { alertId: number }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const deliveries = useQuery({ queryKey: ['alert-deliveries', alertId], queryFn: () => listDeliveries(alertId), enabled: open });
  const time = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time>;
  return (
    <details className="delivery-log" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('alerts.deliveries.title')}</summary>
      {open && deliveries.isPending ? <Loading /> : null}
      {deliveries.isError ? <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} missingIsPending /> : null}
      {deliveries.data?.items.length === 0 ? <p className="muted">{t('alerts.deliveries.empty')}</p> : null}
      <ol className="deliveries">
        {deliveries.data?.items.map((d) => (
          <li key={d.id} className="delivery">
            <p className="delivery-head">
              <Badge>{t(`alerts.deliveries.channel.${d.channel}`, { defaultValue: d.channel })}</Badge> <Badge tone={TONE[d.status]}>{t(`alerts.deliveries.status.${d.status}`)}</Badge>{' '}
              <span>{t(`alerts.kindName.${d.kind}`, { count: d.itemIds.length })}</span> {time(d.createdAt)}
              {d.deliveredAt ? (
                <>
                  {' '}
                  · {t('alerts.deliveries.deliveredAt')} {time(d.deliveredAt)}
                </>
              ) : null}
              {d.status === 'pending' && d.nextAttemptAt ? (
                <>
                  {' '}
                  · {t('alerts.deliveries.nextAttempt')} {time(d.nextAttemptAt)}
                </>
              ) : null}
            </p>
            {d.lastError && d.status !== 'delivered' ? <p className="text-danger">{d.lastError}</p> : null}
            {d.attempts.length > 0 ? (
              <ol className="attempts" aria-label={t('alerts.deliveries.attempts', { count: d.attempts.length })}>
                {d.attempts.map((a, i) => (
                  <li key={`${a.attemptedAt}-${i}`}>
                    {time(a.attemptedAt)} {a.statusCode !== null ? <code>{a.statusCode}</code> : null} {a.error ? <span className="text-danger">{a.error}</span> : null}{' '}
                    <span className="muted">{t('alerts.deliveries.ms', { ms: formatNumber(a.durationMs, i18n.language) })}</span>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

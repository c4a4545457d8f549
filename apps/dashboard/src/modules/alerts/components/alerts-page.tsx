import { useCallback, useState } from 'react';
import type { AlertMessage } from '@parallax/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { apiUrl } from '../../api/api-client.js';
import { useLiveEvents } from '../../live/hooks/use-live-events.js';
import type { SseEvent } from '../../live/utils/sse-parser.js';
import { Badge } from '../../ui/badge.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { deleteAlert, listAlertMatches, listAlerts, updateAlert, type Alert } from '../api/alerts.api.js';
import { AlertForm } from './alert-form.js';
import { DeliveryLog } from './delivery-log.js';

export default function AlertsPage() {
  const { t } = useTranslation();
  const alerts = useQuery({ queryKey: ['alerts'], queryFn: listAlerts });
  return (
    <>
      <PageHeader title={t('alerts.title')} />
      <section className="card" aria-labelledby="new-alert-title">
        <h2 id="new-alert-title" className="section-title">
          {t('alerts.new')}
        </h2>
        <AlertForm />
      </section>
      <LiveAlerts />
      {alerts.isPending ? <Loading /> : null}
      {alerts.isError ? <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} missingIsPending /> : null}
      {alerts.data?.length === 0 ? (
        <EmptyState title={t('alerts.empty')}>
          <p>{t('alerts.emptyHint')}</p>
        </EmptyState>
      ) : null}
      <ul className="card-list">
        {alerts.data?.map((a) => (
          <li key={a.id} className="card">
            <AlertCard alert={a} />
          </li>
        ))}
      </ul>
    </>
  );
}

function AlertCard({ alert: a }: { alert: Alert }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['alerts'] });
  const mute = useMutation({ mutationFn: () => updateAlert(a.id, { muted: !a.muted }), onSettled: refresh });
  const remove = useMutation({ mutationFn: () => deleteAlert(a.id), onSettled: refresh });
  const matches = useQuery({ queryKey: ['alert-matches', a.id], queryFn: () => listAlertMatches(a.id) });
  if (editing) return <AlertForm alert={a} onDone={() => setEditing(false)} />;
  return (
    <article aria-labelledby={`alert-${a.id}`}>
      <h2 id={`alert-${a.id}`} className="card-title">
        {a.name} <Badge>{t(`alerts.modeName.${a.mode}`)}</Badge> {a.muted ? <Badge tone="warn">{t('alerts.muted')}</Badge> : null}
      </h2>
      <p>
        <code>{a.query}</code>
      </p>
      <div className="actions">
        <button type="button" onClick={() => setEditing(true)}>
          {t('common.edit')}
        </button>
        <button type="button" onClick={() => mute.mutate()} disabled={mute.isPending}>
          {a.muted ? t('alerts.unmute') : t('alerts.mute')}
        </button>
        <button type="button" className="danger" onClick={() => window.confirm(t('alerts.confirmDelete', { name: a.name })) && remove.mutate()} disabled={remove.isPending}>
          {t('common.delete')}
        </button>
        {/* The feed URL carries the alert's own feed token: feed readers cannot send a bearer token. */}
        <a href={apiUrl(a.feedUrl)}>{t('alerts.feed')}</a>
      </div>
      {mute.isError || remove.isError ? <ErrorState error={mute.error ?? remove.error} /> : null}
      <details>
        <summary>{t('alerts.matches')}</summary>
        {matches.isPending ? <Loading /> : null}
        {matches.isError ? <ErrorState error={matches.error} missingIsPending /> : null}
        {matches.data?.items.length === 0 ? <p className="muted">{t('alerts.noMatches')}</p> : null}
        <ul>
          {matches.data?.items.map((m) => (
            <li key={`${m.itemId}-${m.matchedAt}`}>
              <Link to={`/items/${m.itemId}`}>{m.title}</Link> <time dateTime={m.matchedAt}>{formatDateTime(m.matchedAt, i18n.language)}</time> <span className="muted">{m.reason}</span>
            </li>
          ))}
        </ul>
      </details>
      <DeliveryLog alertId={a.id} />
    </article>
  );
}

/** Alert events from the live stream (`alert`, data: AlertMessage), newest first, with why each matched. */
function LiveAlerts() {
  const { t, i18n } = useTranslation();
  const [events, setEvents] = useState<AlertMessage[]>([]);
  const onEvent = useCallback((e: SseEvent) => {
    if (e.event !== 'alert') return;
    let message: AlertMessage;
    try {
      message = JSON.parse(e.data) as AlertMessage;
    } catch {
      // Not JSON: not an event this page knows how to show.
      return;
    }
    // At-least-once delivery may repeat a message: its key identifies it.
    setEvents((list) => [message, ...list.filter((m) => m.key !== message.key)].slice(0, 50));
  }, []);
  useLiveEvents(onEvent);
  return (
    <section aria-labelledby="live-alerts-title">
      <h2 id="live-alerts-title" className="section-title">
        {t('alerts.liveTitle')}
      </h2>
      <ul className="live-alerts" aria-live="polite">
        {events.length === 0 ? <li className="muted">{t('alerts.liveEmpty')}</li> : null}
        {events.map((m) => (
          <li key={m.key} className="live-alert">
            <strong>{m.alertName}</strong>{' '}
            {m.item ? (
              <>
                <Link to={`/items/${m.item.itemId}`}>{m.item.title || t('item.untitled')}</Link> <span className="muted">{m.item.outlet}</span>{' '}
                <span className="live-alert-reason">{m.item.reason}</span>
              </>
            ) : (
              <span>{t(`alerts.kindName.${m.kind}`, { count: m.matches.length })}</span>
            )}{' '}
            <time dateTime={m.createdAt} className="muted">
              {formatDateTime(m.createdAt, i18n.language)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/api-error.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { ErrorState } from '../../ui/status-states.js';
import { createAlert, testAlertQuery, updateAlert, type Alert, type AlertInput, type AlertMode } from '../api/alerts.api.js';
import { useDebounced } from '../hooks/use-debounced.js';

const MODES: AlertMode[] = ['instant', 'hourly', 'daily'];

/** Creates or edits an alert; what its query would have matched over the last 7 days is previewed as it is typed. */
export function AlertForm({ alert, onDone }: { alert?: Alert; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<AlertInput>(
    alert ? { name: alert.name, query: alert.query, mode: alert.mode, channels: { ...alert.channels }, muted: alert.muted } : { name: '', query: '', mode: 'instant', channels: {}, muted: false },
  );
  const ids = { name: useId(), query: useId(), mode: useId(), webhook: useId(), email: useId(), err: useId() };
  const q = useDebounced(draft.query.trim(), 400);
  const preview = useQuery({ queryKey: ['alert-preview', q], queryFn: ({ signal }) => testAlertQuery(q, signal), enabled: q !== '', placeholderData: keepPreviousData });
  const save = useMutation({
    mutationFn: () => {
      const channels = { ...(draft.channels.webhookUrl?.trim() ? { webhookUrl: draft.channels.webhookUrl.trim() } : {}), ...(draft.channels.email?.trim() ? { email: draft.channels.email.trim() } : {}) };
      const body = { ...draft, name: draft.name.trim() || draft.query.trim(), query: draft.query.trim(), channels };
      return alert ? updateAlert(alert.id, body) : createAlert(body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['alerts'] });
      if (!alert) setDraft({ name: '', query: '', mode: 'instant', channels: {}, muted: false });
      onDone?.();
    },
  });
  const syntaxError = isApiError(preview.error) && preview.error.status === 400 ? preview.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="form-grid alert-form" onSubmit={submit} aria-label={alert ? t('alerts.editTitle') : t('alerts.new')}>
      <div className="field">
        <label htmlFor={ids.name}>{t('alerts.name')}</label>
        <input id={ids.name} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} maxLength={200} />
      </div>
      <div className="field field-wide">
        <label htmlFor={ids.query}>{t('alerts.query')}</label>
        <input
          id={ids.query}
          value={draft.query}
          onChange={(e) => setDraft({ ...draft, query: e.target.value })}
          required
          aria-invalid={syntaxError ? true : undefined}
          aria-describedby={syntaxError ? ids.err : undefined}
          spellCheck={false}
        />
        {syntaxError ? (
          <span id={ids.err} className="field-error">
            {syntaxError.position !== undefined ? t('search.syntaxErrorAt', { position: syntaxError.position + 1 }) : t('search.syntaxError')} {syntaxError.message}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={ids.mode}>{t('alerts.mode')}</label>
        <select id={ids.mode} value={draft.mode} onChange={(e) => setDraft({ ...draft, mode: MODES.find((m) => m === e.target.value) ?? 'instant' })}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`alerts.modeName.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.webhook}>{t('alerts.webhook')}</label>
        <input id={ids.webhook} type="url" value={draft.channels.webhookUrl ?? ''} onChange={(e) => setDraft({ ...draft, channels: { ...draft.channels, webhookUrl: e.target.value } })} />
      </div>
      <div className="field">
        <label htmlFor={ids.email}>{t('alerts.email')}</label>
        <input id={ids.email} type="email" value={draft.channels.email ?? ''} onChange={(e) => setDraft({ ...draft, channels: { ...draft.channels, email: e.target.value } })} />
      </div>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={draft.muted} onChange={(e) => setDraft({ ...draft, muted: e.target.checked })} /> {t('alerts.muted')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {alert ? t('common.save') : t('alerts.create')}
        </button>
        {onDone && alert ? (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      {save.isError ? <ErrorState error={save.error} /> : null}
      <section className="alert-preview field-wide" aria-live="polite" aria-label={t('alerts.preview')}>
        <h3>{t('alerts.preview')}</h3>
        {!q ? <p className="muted">{t('alerts.previewHint')}</p> : null}
        {preview.data ? (
          <>
            <p>
              {t(preview.data.truncated ? 'alerts.previewTruncated' : 'alerts.previewTotal', { count: preview.data.total, formatted: formatNumber(preview.data.total, i18n.language) })}
            </p>
            <ul>
              {preview.data.hits.slice(0, 5).map((h) => (
                <li key={h.id}>
                  <Link to={`/items/${h.id}`}>{h.title}</Link> <span className="muted">{h.outlet}</span> <time dateTime={h.publishedAt}>{formatDateTime(h.publishedAt, i18n.language)}</time>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {preview.isError && !syntaxError ? <ErrorState error={preview.error} /> : null}
      </section>
    </form>
  );
}

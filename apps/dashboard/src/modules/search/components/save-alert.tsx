import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { createAlert } from '../../alerts/api/alerts.api.js';
import { ErrorState } from '../../ui/status-states.js';
import { toAlertQuery, type SearchState } from '../utils/search-state.js';

/** Saves the current search (query and facet filters) as an instant keyword alert. */
export function SaveAlert({ state }: { state: SearchState }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const query = toAlertQuery(state);
  const [name, setName] = useState('');
  const nameId = useId();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => createAlert({ name: name.trim() || query, query, mode: 'instant', channels: {}, muted: false }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['alerts'] }),
  });

  if (!query) return null;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('search.saveAlert')}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="save-alert" onSubmit={submit} aria-label={t('search.saveAlert')}>
      <p>
        {t('search.alertQuery')} <code>{query}</code>
      </p>
      <label htmlFor={nameId}>{t('alerts.name')}</label>
      <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} placeholder={query} maxLength={200} />
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('common.save')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
      {save.isSuccess ? (
        <p role="status">
          {t('search.alertSaved')} <Link to="/alerts">{t('nav.alerts')}</Link>
        </p>
      ) : null}
      {save.isError ? <ErrorState error={save.error} /> : null}
    </form>
  );
}

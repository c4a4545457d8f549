import { Fragment, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SourceStatus } from '@parallax/domain';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { deleteSource, pollSource, updateSource, type SourceHealth } from '../api/sources.api.js';
import { safeHref } from '../../ui/safe-href.js';
import { PollLog } from './poll-log.js';
import { SourceForm } from './source-form.js';
import { Sparkline } from './sparkline.js';

/** Columns of the health table, for the poll log and edit rows that span them. */
export const SOURCE_COLUMNS = 7;

const TONE: Record<SourceStatus, BadgeTone> = { new: 'neutral', ok: 'ok', unchanged: 'ok', error: 'danger', silent: 'warn', paused: 'neutral' };

/** One source in the health table, with its actions; its poll log and its edit panel open in rows beneath it. */
export function SourceRow({ source: s }: { source: SourceHealth }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [showPolls, setShowPolls] = useState(false);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const logId = useId();
  const editId = useId();
  const refresh = () => client.invalidateQueries({ queryKey: ['sources'] });
  const toggle = useMutation({ mutationFn: () => updateSource(s.id, { enabled: !s.enabled }), onSettled: refresh });
  const poll = useMutation({
    mutationFn: () => pollSource(s.id),
    onSettled: () => Promise.all([refresh(), client.invalidateQueries({ queryKey: ['source-polls', s.id] })]),
  });
  const remove = useMutation({ mutationFn: () => deleteSource(s.id), onSettled: refresh });
  const status: SourceStatus = s.enabled ? s.lastStatus : 'paused';
  const error = toggle.error ?? poll.error ?? remove.error;
  // Focus goes back to the button that opened the panel, not to the top of the page.
  const closeEdit = () => {
    setEditing(false);
    editButton.current?.focus();
  };

  return (
    <Fragment>
      <tr>
        <th scope="row">
          {safeHref(s.url) ? (
            <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer nofollow">
              {s.name}
            </a>
          ) : (
            s.name
          )}{' '}
          {s.demo ? <Badge tone="info">{t('badge.demo')}</Badge> : null} {s.kind === 'official' ? <Badge>{t('kind.official')}</Badge> : null} {s.language ? <Badge>{s.language}</Badge> : null}
        </th>
        <td data-label={t('sources.status')}>
          <Badge tone={TONE[status]}>{t(`sources.statusName.${status}`)}</Badge>
          {status !== 'silent' && s.lastStatus === 'silent' ? (
            <>
              {' '}
              <Badge tone="warn">{t('badge.silent')}</Badge>
            </>
          ) : null}
        </td>
        <td data-label={t('sources.lastPoll')}>{s.lastPolledAt ? <time dateTime={s.lastPolledAt}>{formatDateTime(s.lastPolledAt, i18n.language)}</time> : t('sources.never')}</td>
        <td className="num" data-label={t('sources.items')}>
          {formatNumber(s.itemCount, i18n.language)}
        </td>
        <td data-label={t('sources.perDay')}>
          <Sparkline days={s.itemsPerDay ?? []} />
        </td>
        <td className="error-cell" data-label={t('sources.lastError')}>
          {s.lastError ? <span className="text-danger">{s.lastError}</span> : null}
          {error ? (
            <span role="alert" className="text-danger">
              {error instanceof Error ? error.message : String(error)}
            </span>
          ) : null}
        </td>
        <td className="actions">
          <button type="button" onClick={() => poll.mutate()} disabled={poll.isPending} aria-label={`${t('sources.pollNow')}: ${s.name}`}>
            {t('sources.pollNow')}
          </button>
          <button type="button" aria-expanded={showPolls} aria-controls={logId} onClick={() => setShowPolls((v) => !v)} aria-label={`${t('sources.polls.show')}: ${s.name}`}>
            {t('sources.polls.show')}
          </button>
          <button
            ref={editButton}
            type="button"
            aria-expanded={editing}
            aria-controls={editId}
            onClick={() => {
              setSaved(false);
              setEditing((v) => !v);
            }}
            aria-label={`${t('sources.edit')}: ${s.name}`}
          >
            {t('sources.edit')}
          </button>
          <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending} aria-label={`${s.enabled ? t('sources.pause') : t('sources.resume')}: ${s.name}`}>
            {s.enabled ? t('sources.pause') : t('sources.resume')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => window.confirm(t('sources.confirmDelete', { name: s.name })) && remove.mutate()}
            disabled={remove.isPending}
            aria-label={`${t('common.delete')}: ${s.name}`}
          >
            {t('common.delete')}
          </button>
          {/* The outcome of "Poll now" beside the button that asked for it, not in the error column. */}
          {poll.data ? (
            <span role="status" className="poll-result muted">
              {t('sources.polled', { ...poll.data })}
            </span>
          ) : null}
          {saved ? (
            <span role="status" className="poll-result muted">
              {t('sources.saved')}
            </span>
          ) : null}
        </td>
      </tr>
      {editing ? (
        <tr id={editId} className="source-edit-row">
          <td colSpan={SOURCE_COLUMNS}>
            <section
              className="source-edit"
              aria-labelledby={`${editId}-title`}
              onKeyDown={(e) => {
                if (e.key === 'Escape') closeEdit();
              }}
            >
              <h3 id={`${editId}-title`}>{t('sources.editTitle', { name: s.name })}</h3>
              <SourceForm
                source={s}
                onSaved={() => {
                  setSaved(true);
                  closeEdit();
                }}
                onCancel={closeEdit}
              />
            </section>
          </td>
        </tr>
      ) : null}
      {showPolls ? (
        <tr id={logId} className="poll-log-row">
          <td colSpan={SOURCE_COLUMNS}>
            <PollLog sourceId={s.id} name={s.name} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

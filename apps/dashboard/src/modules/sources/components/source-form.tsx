import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Source, SourceKind, SourceType, UpdateSource } from '@parallax/domain';
import { isApiError } from '../../api/api-error.js';
import { ErrorState } from '../../ui/status-states.js';
import { createSource, previewSource, updateSource } from '../api/sources.api.js';
import { PreviewList } from './preview-list.js';

/** The fields of a source as the inputs hold them (text while typed). */
interface Draft {
  name: string;
  url: string;
  kind: SourceKind;
  type: SourceType;
  language: string;
  country: string;
  pollIntervalSeconds: string;
}

const EMPTY: Draft = { name: '', url: '', kind: 'media', type: 'feed', language: '', country: '', pollIntervalSeconds: '900' };

/** Message key of each field's label; a 400 naming one of these fields is shown beside it. */
const LABEL: Record<keyof Draft, string> = {
  name: 'sources.name',
  url: 'sources.url',
  kind: 'sources.kind',
  type: 'sources.type',
  language: 'sources.language',
  country: 'sources.country',
  pollIntervalSeconds: 'sources.interval',
};

const draftOf = (s: Source): Draft => ({
  name: s.name,
  url: s.url,
  kind: s.kind,
  type: s.type,
  language: s.language ?? '',
  country: s.country ?? '',
  pollIntervalSeconds: String(s.pollIntervalSeconds),
});

/** The draft as the API takes it: trimmed, an empty language or country as none. */
const fieldsOf = (d: Draft) => ({
  name: d.name.trim(),
  url: d.url.trim(),
  kind: d.kind,
  type: d.type,
  language: d.language.trim() || null,
  country: d.country.trim() || null,
  pollIntervalSeconds: Number(d.pollIntervalSeconds),
});

/**
 * What an edit changed, against the source as it was when the edit began (not as the table refreshed it
 * since): a field left alone is not sent, so it cannot undo someone else's change made meanwhile.
 */
function changes(before: Draft, after: Draft): UpdateSource {
  const old = fieldsOf(before);
  return Object.fromEntries(Object.entries(fieldsOf(after)).filter(([k, v]) => old[k as keyof typeof old] !== v));
}

/**
 * The fields of a source: a new one when `source` is absent, else an edit of it that sends only the
 * fields changed. Either can be previewed first (nothing is saved by a preview).
 */
export function SourceForm({ source, onSaved, onCancel }: { source?: Source; onSaved?: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [initial] = useState(() => (source ? draftOf(source) : EMPTY));
  const [draft, setDraft] = useState<Draft>(initial);
  const ids: Record<keyof Draft, string> = { name: useId(), url: useId(), kind: useId(), type: useId(), language: useId(), country: useId(), pollIntervalSeconds: useId() };
  const preview = useMutation({
    mutationFn: () => previewSource({ url: draft.url.trim(), type: draft.type, ...(draft.type === 'html' && source?.selectors ? { selectors: source.selectors } : {}) }),
    // A page that announces its feed (<link rel="alternate">) is saved as that feed, which is what gets polled.
    onSuccess: (data) => {
      if (draft.type === 'feed' && data.feedUrl && data.feedUrl !== draft.url.trim()) setDraft((d) => ({ ...d, url: data.feedUrl }));
      if (!draft.name.trim() && data.feed.title) setDraft((d) => ({ ...d, name: data.feed.title ?? '' }));
    },
  });
  const save = useMutation({
    mutationFn: () => (source ? updateSource(source.id, changes(initial, draft)) : createSource(fieldsOf(draft))),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['sources'] });
      if (source) {
        onSaved?.();
        return;
      }
      setDraft(EMPTY);
      preview.reset();
    },
  });
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const apiError = isApiError(save.error) ? save.error : null;
  const errorField = apiError?.field !== undefined && apiError.field in LABEL ? apiError.field : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // An edit that changed nothing has nothing to send.
    if (source && Object.keys(changes(initial, draft)).length === 0) onCancel?.();
    else save.mutate();
  };
  /** The control's attributes that tie it to the error shown beside it. */
  const invalid = (key: keyof Draft) => (errorField === key ? { 'aria-invalid': true, 'aria-describedby': `${ids[key]}-err` } : {});
  const field = (key: keyof Draft, control: ReactNode) => (
    <div className="field">
      <label htmlFor={ids[key]}>{t(LABEL[key])}</label>
      {control}
      {errorField === key ? (
        <span id={`${ids[key]}-err`} className="field-error">
          {apiError?.message}
        </span>
      ) : null}
    </div>
  );

  return (
    <>
      <form className="form-grid" onSubmit={submit}>
        {field(
          'name',
          // The edit panel opens on a click of Edit: typing goes straight to its first field.
          <input id={ids.name} value={draft.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} autoFocus={source !== undefined} {...invalid('name')} />,
        )}
        {field('url', <input id={ids.url} type="url" value={draft.url} onChange={(e) => set('url', e.target.value)} required placeholder="https://example.org/feed.xml" {...invalid('url')} />)}
        {field(
          'kind',
          <select id={ids.kind} value={draft.kind} onChange={(e) => set('kind', e.target.value === 'official' ? 'official' : 'media')} {...invalid('kind')}>
            <option value="media">{t('kind.media')}</option>
            <option value="official">{t('kind.official')}</option>
          </select>,
        )}
        {field(
          'type',
          <select id={ids.type} value={draft.type} onChange={(e) => set('type', e.target.value === 'html' ? 'html' : 'feed')} {...invalid('type')}>
            <option value="feed">{t('sources.typeFeed')}</option>
            <option value="html">{t('sources.typeHtml')}</option>
          </select>,
        )}
        {field('language', <input id={ids.language} value={draft.language} onChange={(e) => set('language', e.target.value)} placeholder="en" maxLength={20} {...invalid('language')} />)}
        {field('country', <input id={ids.country} value={draft.country} onChange={(e) => set('country', e.target.value)} placeholder="CN" maxLength={2} {...invalid('country')} />)}
        {field(
          'pollIntervalSeconds',
          <input
            id={ids.pollIntervalSeconds}
            type="number"
            min={60}
            max={604800}
            // Whole minutes, unless the source was saved off the minute (the API takes any second): the
            // browser's step check would then refuse every save of the edit, whatever field it changed.
            step={Number(initial.pollIntervalSeconds) % 60 === 0 ? 60 : 1}
            value={draft.pollIntervalSeconds}
            onChange={(e) => set('pollIntervalSeconds', e.target.value)}
            {...invalid('pollIntervalSeconds')}
          />,
        )}
        <div className="form-actions">
          <button type="button" onClick={() => preview.mutate()} disabled={!draft.url.trim() || preview.isPending}>
            {t('sources.preview')}
          </button>
          <button type="submit" className="primary" disabled={save.isPending}>
            {source ? t('common.save') : t('sources.save')}
          </button>
          {onCancel ? (
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <p className="muted">{t('sources.previewHint')}</p>
      {save.isSuccess && !source ? <p role="status">{t('sources.saved')}</p> : null}
      {save.isError && !errorField ? <ErrorState error={save.error} /> : null}
      {preview.isError ? <ErrorState error={preview.error} /> : null}
      {preview.data && preview.data.discovered.length > 0 ? <p role="status">{t('sources.feedFound', { url: preview.data.feedUrl })}</p> : null}
      {preview.data ? <PreviewList feed={preview.data} /> : null}
    </>
  );
}

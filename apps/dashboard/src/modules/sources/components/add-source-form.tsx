import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SourceKind, SourceType } from '@parallax/domain';
import { isApiError } from '../../api/api-error.js';
import { ErrorState } from '../../ui/status-states.js';
import { createSource, previewSource } from '../api/sources.api.js';
import { PreviewList } from './preview-list.js';

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

/** Adds a source; its parsed items can be previewed first (nothing is saved by a preview). */
export function AddSourceForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const ids = { name: useId(), url: useId(), kind: useId(), type: useId(), language: useId(), country: useId(), interval: useId() };
  const preview = useMutation({
    mutationFn: () => previewSource({ url: draft.url.trim(), type: draft.type }),
    // A page that announces its feed (<link rel="alternate">) is saved as that feed, which is what gets polled.
    onSuccess: (data) => {
      if (draft.type === 'feed' && data.feedUrl && data.feedUrl !== draft.url.trim()) setDraft((d) => ({ ...d, url: data.feedUrl }));
      if (!draft.name.trim() && data.feed.title) setDraft((d) => ({ ...d, name: data.feed.title ?? '' }));
    },
  });
  const save = useMutation({
    mutationFn: () =>
      createSource({
        name: draft.name.trim(),
        url: draft.url.trim(),
        kind: draft.kind,
        type: draft.type,
        language: draft.language.trim() || null,
        country: draft.country.trim() || null,
        pollIntervalSeconds: Number(draft.pollIntervalSeconds),
      }),
    onSuccess: () => {
      setDraft(EMPTY);
      preview.reset();
      void client.invalidateQueries({ queryKey: ['sources'] });
    },
  });
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const fieldError = (field: string) => (isApiError(save.error) && save.error.field === field ? save.error.message : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const input = (key: 'name' | 'url' | 'language' | 'country', id: string, props: { type?: string; required?: boolean; placeholder?: string; maxLength?: number }) => {
    const err = fieldError(key);
    return (
      <div className="field">
        <label htmlFor={id}>{t(`sources.${key}`)}</label>
        <input id={id} value={draft[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-err` : undefined} {...props} />
        {err ? (
          <span id={`${id}-err`} className="field-error">
            {err}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <section className="card" aria-labelledby="add-source-title">
      <h2 id="add-source-title" className="section-title">
        {t('sources.add')}
      </h2>
      <form className="form-grid" onSubmit={submit}>
        {input('name', ids.name, { required: true, maxLength: 200 })}
        {input('url', ids.url, { type: 'url', required: true, placeholder: 'https://example.org/feed.xml' })}
        <div className="field">
          <label htmlFor={ids.kind}>{t('sources.kind')}</label>
          <select id={ids.kind} value={draft.kind} onChange={(e) => set('kind', e.target.value === 'official' ? 'official' : 'media')}>
            <option value="media">{t('kind.media')}</option>
            <option value="official">{t('kind.official')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.type}>{t('sources.type')}</label>
          <select id={ids.type} value={draft.type} onChange={(e) => set('type', e.target.value === 'html' ? 'html' : 'feed')}>
            <option value="feed">{t('sources.typeFeed')}</option>
            <option value="html">{t('sources.typeHtml')}</option>
          </select>
        </div>
        {input('language', ids.language, { placeholder: 'en', maxLength: 20 })}
        {input('country', ids.country, { placeholder: 'CN', maxLength: 2 })}
        <div className="field">
          <label htmlFor={ids.interval}>{t('sources.interval')}</label>
          <input id={ids.interval} type="number" min={60} max={604800} step={60} value={draft.pollIntervalSeconds} onChange={(e) => set('pollIntervalSeconds', e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => preview.mutate()} disabled={!draft.url.trim() || preview.isPending}>
            {t('sources.preview')}
          </button>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('sources.save')}
          </button>
        </div>
      </form>
      <p className="muted">{t('sources.previewHint')}</p>
      {save.isSuccess ? <p role="status">{t('sources.saved')}</p> : null}
      {save.isError && !fieldError(isApiError(save.error) ? (save.error.field ?? '') : '') ? <ErrorState error={save.error} /> : null}
      {preview.isError ? <ErrorState error={preview.error} /> : null}
      {preview.data && preview.data.discovered.length > 0 ? <p role="status">{t('sources.feedFound', { url: preview.data.feedUrl })}</p> : null}
      {preview.data ? <PreviewList feed={preview.data} /> : null}
    </section>
  );
}

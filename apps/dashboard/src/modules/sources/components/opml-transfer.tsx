import { useCallback, useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SourceKind } from '@parallax/domain';
import { useLiveEvents } from '../../live/hooks/use-live-events.js';
import type { SseEvent } from '../../live/utils/sse-parser.js';
import { formatNumber } from '../../ui/format.js';
import { ErrorState } from '../../ui/status-states.js';
import { downloadOpml, importOpml } from '../api/sources.api.js';

interface Progress {
  done: number;
  total: number;
}

/** The `progress` event of the live stream for an OPML import (DESIGN.md: `{task, done, total}`), or null for any other. */
export function importProgress(e: SseEvent): Progress | null {
  if (e.event !== 'progress') return null;
  try {
    const p = JSON.parse(e.data) as { task?: unknown; done?: unknown; total?: unknown };
    return p.task === 'import-opml' && typeof p.done === 'number' && typeof p.total === 'number' ? { done: p.done, total: p.total } : null;
  } catch {
    // Not JSON: not an event this form reads.
    return null;
  }
}

/** OPML in and out: import a file (progress from the live stream, then what was added and what failed) and export every source. */
export function OpmlTransfer() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const ids = { file: useId(), kind: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<SourceKind>('media');
  const [progress, setProgress] = useState<Progress | null>(null);
  const onEvent = useCallback((e: SseEvent) => {
    const p = importProgress(e);
    if (p) setProgress(p);
  }, []);
  useLiveEvents(onEvent);
  const run = useMutation({
    mutationFn: async (f: File) => importOpml(await f.text(), kind),
    onMutate: () => setProgress(null),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sources'] }),
  });
  const exporting = useMutation({
    mutationFn: downloadOpml,
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'parallax-sources.opml';
      document.body.append(a);
      a.click();
      a.remove();
      // The click has started the download by now; the object URL is no longer needed.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate(file);
  };
  const n = (x: number) => formatNumber(x, i18n.language);
  const result = run.data;

  return (
    <section className="card opml" aria-labelledby="opml-title">
      <h2 id="opml-title" className="section-title">
        {t('sources.opml.title')}
      </h2>
      <form className="form-grid" onSubmit={submit} aria-label={t('sources.opml.import')}>
        <div className="field">
          <label htmlFor={ids.file}>{t('sources.opml.file')}</label>
          <input id={ids.file} type="file" accept=".opml,.xml,text/x-opml,text/xml,application/xml" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>{t('sources.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value === 'official' ? 'official' : 'media')}>
            <option value="media">{t('kind.media')}</option>
            <option value="official">{t('kind.official')}</option>
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!file || run.isPending}>
            {t('sources.opml.import')}
          </button>
          <button type="button" onClick={() => exporting.mutate()} disabled={exporting.isPending}>
            {t('sources.opml.export')}
          </button>
        </div>
      </form>
      {run.isPending || progress ? (
        <div className="opml-progress">
          <progress id={`${ids.file}-progress`} max={progress?.total || 1} value={progress?.done ?? undefined} aria-label={t('sources.opml.progressLabel')} />
          <span aria-live="polite">{progress ? t('sources.opml.progress', { done: n(progress.done), total: n(progress.total) }) : t('sources.opml.reading')}</span>
        </div>
      ) : null}
      {result ? (
        <div role="status" className="opml-result">
          <p>{t('sources.opml.result', { added: n(result.added), skipped: n(result.skipped), errors: n(result.errors.length) })}</p>
          {result.errors.length > 0 ? (
            <ul className="opml-errors" aria-label={t('sources.opml.errors')}>
              {result.errors.map((e, i) => (
                <li key={`${e.url}-${i}`}>
                  <code>{e.url || t('sources.opml.noUrl')}</code>: <span className="text-danger">{e.error}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {run.isError ? <ErrorState error={run.error} /> : null}
      {exporting.isError ? <ErrorState error={exporting.error} /> : null}
    </section>
  );
}

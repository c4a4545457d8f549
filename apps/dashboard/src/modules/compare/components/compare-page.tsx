import { useEffect, useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime, languageName } from '../../ui/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { fetchCompare } from '../api/compare.api.js';
import { useEntityLabels } from '../../entities/hooks/use-entity-labels.js';

export default function ComparePage() {
  const { t, i18n } = useTranslation();
  const entityLabel = useEntityLabels();
  const [params, setParams] = useSearchParams();
  const story = params.get('story') ?? '';
  const q = params.get('q') ?? '';
  const outlets = params.get('outlets') ?? '';
  const [draft, setDraft] = useState({ story, q, outlets });
  useEffect(() => setDraft({ story, q, outlets }), [story, q, outlets]);
  const ids = { story: useId(), q: useId(), outlets: useId() };
  const outletList = outlets
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const compare = useQuery({
    queryKey: ['compare', story, q, outlets],
    queryFn: () => fetchCompare({ story: story || undefined, q: q || undefined, outlets: outletList }),
    enabled: Boolean(story || q),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.story.trim()) next.set('story', draft.story.trim());
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.outlets.trim()) next.set('outlets', draft.outlets.trim());
    setParams(next);
  };
  return (
    <>
      <PageHeader title={t('compare.title')} />
      <form className="form-grid card" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.story}>{t('compare.story')}</label>
          <input id={ids.story} inputMode="numeric" value={draft.story} onChange={(e) => setDraft({ ...draft, story: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.q}>{t('compare.query')}</label>
          <input id={ids.q} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.outlets}>{t('compare.outlets')}</label>
          <input id={ids.outlets} value={draft.outlets} onChange={(e) => setDraft({ ...draft, outlets: e.target.value })} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('compare.submit')}
          </button>
        </div>
      </form>
      {!story && !q ? <p className="muted">{t('compare.hint')}</p> : null}
      {compare.isFetching && !compare.data ? <Loading /> : null}
      {compare.isError ? <ErrorState error={compare.error} onRetry={() => void compare.refetch()} missingIsPending /> : null}
      {compare.data?.length === 0 ? <EmptyState title={t('compare.empty')} /> : null}
      {compare.data && compare.data.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('compare.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('compare.outlet')}</th>
                <th scope="col">{t('compare.count')}</th>
                <th scope="col">{t('compare.first')}</th>
                <th scope="col">{t('compare.last')}</th>
                <th scope="col">{t('compare.languages')}</th>
                <th scope="col">{t('compare.terms')}</th>
                <th scope="col">{t('compare.entities')}</th>
                <th scope="col">{t('compare.denialShare')}</th>
              </tr>
            </thead>
            <tbody>
              {compare.data.map((o) => (
                <tr key={o.outlet}>
                  <th scope="row">{o.outlet}</th>
                  <td className="num">{o.count}</td>
                  <td>{formatDateTime(o.firstAt, i18n.language)}</td>
                  <td>{formatDateTime(o.lastAt, i18n.language)}</td>
                  <td>{o.languages.map((l) => languageName(l.language, i18n.language)).join(', ')}</td>
                  <td>{o.distinctiveTerms.map((d) => d.term).join(', ')}</td>
                  <td>{o.entities.map((e) => entityLabel(e.qid, e.name)).join(', ')}</td>
                  <td className="num">{o.denialShare !== null ? new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(o.denialShare) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

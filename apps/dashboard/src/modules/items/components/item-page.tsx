import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error.js';
import { Badge } from '../../ui/badge.js';
import { formatDateTime, languageName } from '../../ui/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { useEntityLabels } from '../../entities/hooks/use-entity-labels.js';
import { getItem } from '../api/items.api.js';
import { SandboxedHtml } from './sandboxed-html.js';
import { safeHref } from '../../ui/safe-href.js';

export default function ItemPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const item = useQuery({ queryKey: ['item', id], queryFn: () => getItem(id), enabled: Number.isInteger(id) && id > 0 });
  const entityLabel = useEntityLabels();

  if (!Number.isInteger(id) || id <= 0 || (isApiError(item.error) && item.error.notFound && item.error.code === 'NOT_FOUND')) {
    return <EmptyState title={t('item.notFound')} />;
  }
  if (item.isPending) return <Loading />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} missingIsPending />;
  const it = item.data;
  return (
    <article className="item-page" lang={it.language !== 'und' ? it.language : undefined}>
      <PageHeader title={it.title || t('item.untitled')} />
      <p className="hit-meta">
        <span className="hit-outlet">{it.outlet}</span>
        {it.kind === 'official' ? <Badge tone="info">{t('kind.official')}</Badge> : null}
        {it.denial ? <Badge tone="danger">{t('badge.denial')}</Badge> : null}
        {it.mentionsDenial ? <Badge tone="warn">{t('badge.mentionsDenial')}</Badge> : null}
      </p>
      <dl className="meta-list" aria-label={t('item.details')} lang={i18n.language}>
        <dt>{t('item.published')}</dt>
        <dd>{formatDateTime(it.publishedAt ?? it.sortAt, i18n.language)}</dd>
        <dt>{t('item.fetched')}</dt>
        <dd>{formatDateTime(it.fetchedAt, i18n.language)}</dd>
        <dt>{t('item.language')}</dt>
        <dd>{languageName(it.language, i18n.language)}</dd>
        {it.author ? (
          <>
            <dt>{t('item.author')}</dt>
            <dd>{it.author}</dd>
          </>
        ) : null}
        {it.url ? (
          <>
            <dt>{t('item.original')}</dt>
            <dd>
              <a href={safeHref(it.url)} target="_blank" rel="noopener noreferrer nofollow">
                {it.url}
              </a>
            </dd>
          </>
        ) : null}
        {it.storyId !== null ? (
          <>
            <dt>{t('item.story')}</dt>
            <dd>
              <Link to={`/stories/${it.storyId}`}>#{it.storyId}</Link>
            </dd>
          </>
        ) : null}
        {it.duplicateOf !== null ? (
          <>
            <dt>{t('search.copyOf')}</dt>
            <dd>
              <Link to={`/items/${it.duplicateOf}`}>{t('item.duplicateOf', { id: it.duplicateOf })}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {it.entities.length > 0 ? (
        <ul className="chips" aria-label={t('item.entities')}>
          {it.entities.map((e) => (
            <li key={e.qid}>
              <Link className="chip" to={`/?entity=${encodeURIComponent(e.qid)}`}>
                {entityLabel(e.qid, e.name)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {it.summary ? (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title" className="section-title">
            {t('item.summary')}
          </h2>
          <p className="item-summary">{it.summary}</p>
        </section>
      ) : null}
      <section aria-labelledby="content-title">
        <h2 id="content-title" className="section-title">
          {t('item.content')}
        </h2>
        {it.contentHtml ? (
          <SandboxedHtml html={it.contentHtml} title={it.title || t('item.content')} lang={it.language} />
        ) : it.contentText ? (
          <div className="item-text">
            {it.contentText.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ) : (
          <p className="muted">{t('item.noContent')}</p>
        )}
      </section>
    </article>
  );
}

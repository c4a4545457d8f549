import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SearchHit } from '@parallax/domain';
import { Badge } from '../../ui/badge.js';
import { formatDateTime, languageName } from '../../ui/format.js';
import { SnippetText } from './snippet-text.js';
import { safeHref } from '../../ui/safe-href.js';
import { useEntityLabels } from '../../entities/hooks/use-entity-labels.js';

/** One search result: title, outlet, language, time, snippet, entities, denial badges. */
export function HitCard({ hit, copies = [], onEntity }: { hit: SearchHit; copies?: SearchHit[]; onEntity: (qid: string) => void }) {
  const { t, i18n } = useTranslation();
  const entityLabel = useEntityLabels();
  return (
    <article className="hit" aria-labelledby={`hit-${hit.id}`}>
      <h3 id={`hit-${hit.id}`} className="hit-title">
        <Link to={`/items/${hit.id}`}>{hit.title || t('item.untitled')}</Link>
      </h3>
      <p className="hit-meta">
        <span className="hit-outlet">{hit.outlet}</span>
        <Badge title={languageName(hit.language, i18n.language)}>{hit.language}</Badge>
        {hit.kind === 'official' ? <Badge tone="info">{t('kind.official')}</Badge> : null}
        {hit.denial ? <Badge tone="danger">{t('badge.denial')}</Badge> : null}
        {hit.mentionsDenial ? <Badge tone="warn">{t('badge.mentionsDenial')}</Badge> : null}
        <time dateTime={hit.publishedAt}>{formatDateTime(hit.publishedAt, i18n.language)}</time>
        {safeHref(hit.url) ? (
          <a href={safeHref(hit.url)} target="_blank" rel="noopener noreferrer nofollow" className="hit-source">
            {t('item.original')}
            <span className="visually-hidden"> ({t('a11y.newWindow')})</span>
          </a>
        ) : null}
        {hit.storyId !== null ? <Link to={`/stories/${hit.storyId}`}>{t('item.story')}</Link> : null}
      </p>
      {hit.snippet ? <SnippetText snippet={hit.snippet} /> : null}
      {hit.entities.length > 0 ? (
        <ul className="chips" aria-label={t('item.entities')}>
          {hit.entities.map((e) => (
            <li key={e.qid}>
              <button type="button" className="chip" onClick={() => onEntity(e.qid)} title={t('search.filterByEntity', { name: entityLabel(e.qid, e.name) })}>
                {entityLabel(e.qid, e.name)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {copies.length > 0 ? (
        <details className="copies">
          <summary>{t('search.copies', { count: copies.length })}</summary>
          <ul>
            {copies.map((c) => (
              <li key={c.id}>
                <Link to={`/items/${c.id}`}>{c.title || t('item.untitled')}</Link> <span className="muted">{c.outlet}</span>{' '}
                <time dateTime={c.publishedAt}>{formatDateTime(c.publishedAt, i18n.language)}</time>
              </li>
            ))}
          </ul>
        </details>
      ) : hit.duplicateOf !== null ? (
        <p className="muted">
          <Link to={`/items/${hit.duplicateOf}`}>{t('search.copyOf')}</Link>
        </p>
      ) : null}
    </article>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedFeed } from '@parallax/domain';
import { formatDateTime } from '../../ui/format.js';
import { safeHref } from '../../ui/safe-href.js';

/** The items a source would give, as the API parsed them (text only: nothing here is rendered as HTML). */
export function PreviewList({ feed }: { feed: ParsedFeed }) {
  const { t, i18n } = useTranslation();
  // An edit panel's preview can be on the page beside the add form's.
  const titleId = useId();
  return (
    <section className="preview" aria-labelledby={titleId} aria-live="polite">
      <h3 id={titleId}>{t('sources.previewTitle', { title: feed.feed.title ?? feed.feed.link ?? '' })}</h3>
      <p>{t('sources.previewItems', { count: feed.items.length })}</p>
      <ol>
        {feed.items.slice(0, 50).map((it, i) => (
          <li key={it.guid ?? it.link ?? i}>
            {safeHref(it.link) ? (
              <a href={safeHref(it.link)} target="_blank" rel="noopener noreferrer nofollow">
                {it.title ?? it.link}
              </a>
            ) : (
              (it.title ?? t('item.untitled'))
            )}{' '}
            <span className="muted">{formatDateTime(it.publishedAt, i18n.language)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

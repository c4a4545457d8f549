import type { FeedInfo, ParsedEntry, ParsedFeed } from '@parallax/domain';
import { htmlOf, plainOf, rssText, xhtmlText, type FeedText } from './feed-text.js';
import {
  alternateLink, authorName, firstDate, isContent, isDc, isDcTerms, isItunes, isXhtml, languageOf, mediaField, trimmed, urlOf,
} from './feed-fields.js';
import { NS, isAtom, isRssCore } from './namespaces.js';
import type { KnownEntry } from './parse-feed.js';
import { attr, child, childrenNamed, type XmlElement } from './xml-tree.js';

/**
 * RSS 0.9x and 2.0 (https://www.rssboard.org/rss-specification) and the RDF family: RSS 1.0
 * (http://web.resource.org/rss/1.0/spec) and RSS 0.90, whose items are siblings of the channel and
 * carry their identity in `rdf:about`.
 */
export function parseRss(root: XmlElement, isKnown: KnownEntry): ParsedFeed {
  const channel = child(root, 'channel', isRssCore) ?? root;
  const feed: FeedInfo = {
    title: plainOf(rssText(child(channel, 'title', isRssCore) ?? child(channel, 'title', isDc))),
    link: urlOf(child(channel, 'link', isRssCore)) ?? alternateLink(channel),
    language: languageOf(root, [child(channel, 'language', isRssCore), child(channel, 'language', isDc)]),
  };
  const items = [...childrenNamed(channel, 'item', isRssCore), ...(channel === root ? [] : childrenNamed(root, 'item', isRssCore))];
  return { feed, items: items.flatMap((item) => parseItem(item, isKnown) ?? []) };
}

/** The entry, or null when `isKnown` holds it. */
function parseItem(item: XmlElement, isKnown: KnownEntry): ParsedEntry | null {
  const guidEl = child(item, 'guid', isRssCore);
  const guid = trimmed(guidEl) ?? attr(item, 'about', NS.rdf)?.trim() ?? null;
  // RSS 2.0: a guid is a permalink unless isPermaLink="false"; it then stands in for a missing link.
  const guidIsLink = guidEl !== undefined && (attr(guidEl, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
  const link =
    urlOf(child(item, 'link', isRssCore)) ??
    alternateLink(item) ??
    (guidIsLink && guid && /^https?:\/\//i.test(guid) ? guid : null);
  if (isKnown({ guid, link })) return null;

  const summarySource: FeedText | null =
    rssText(child(item, 'description', isRssCore)) ??
    rssText(child(item, 'description', isDc)) ??
    rssText(child(item, 'summary', isItunes)) ??
    rssText(mediaField(item, 'description'));
  const xhtmlBody = child(item, 'body', isXhtml) ?? child(item, 'div', isXhtml);
  // <fullitem> is a pre-content:encoded element some early feeds used for the full text.
  const contentSource: FeedText | null = rssText(child(item, 'encoded', isContent)) ?? (xhtmlBody ? xhtmlText(xhtmlBody) : null) ?? rssText(child(item, 'fullitem', isRssCore));

  return {
    title: plainOf(
      rssText(child(item, 'title', isRssCore)) ?? rssText(child(item, 'title', isDc)) ?? rssText(mediaField(item, 'title')) ?? rssText(child(item, 'title', isItunes)),
    ),
    link,
    guid,
    publishedAt: firstDate([
      child(item, 'pubDate', isRssCore),
      child(item, 'date', isDc),
      child(item, 'issued', isDcTerms),
      child(item, 'created', isDcTerms),
      child(item, 'published', isAtom),
      child(item, 'modified', isDcTerms),
      child(item, 'updated', isAtom),
    ]),
    author: authorName(
      trimmed(child(item, 'author', isRssCore)) ?? trimmed(child(item, 'creator', isDc)) ?? trimmed(child(item, 'author', isItunes)) ?? trimmed(child(item, 'author', isDc)),
    ),
    summary: htmlOf(summarySource, item.base),
    content: htmlOf(contentSource, item.base),
  };
}

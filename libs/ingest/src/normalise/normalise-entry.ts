import { createHash } from 'node:crypto';
import type { NormalisedItem, ParsedEntry } from '@parallax/domain';
import { canonicalUrl } from './canonical-url.js';
import { htmlToText } from './html-to-text.js';
import { absoluteUrls } from './absolute-urls.js';

export interface NormaliseContext {
  /** The feed's URL: relative links resolve against it. */
  feedUrl: string;
  /** ISO 8601 time of the fetch. */
  fetchedAt: string;
}

/** How much of the text stands in for a missing title. */
const TITLE_FROM_TEXT_CHARS = 120;

/**
 * The guid {@link normaliseEntry} gives an entry, when its guid or link decides it (null when only its
 * text can: a digest). Known before the entry's text is read, so that a re-poll may skip known entries.
 */
export function entryGuid(entry: Pick<ParsedEntry, 'guid' | 'link'>, feedUrl: string): string | null {
  return guidOf(entry, () => canonicalUrl(entry.link, feedUrl));
}

/** The publisher's own id comes first (RSS guid, Atom id); without one, the canonical link (worked out only then). */
function guidOf(entry: Pick<ParsedEntry, 'guid'>, url: () => string | null): string | null {
  return entry.guid?.trim() || url();
}

/**
 * Builds the domain item from one parsed entry: plain-text title, summary and content text, sanitised
 * content HTML, canonical URL and a guid that stays the same on every poll. Returns null for an entry
 * with nothing to show (no title, no link, no content).
 */
export function normaliseEntry(entry: ParsedEntry, ctx: NormaliseContext): NormalisedItem | null {
  const url = canonicalUrl(entry.link, ctx.feedUrl);
  const title = entry.title?.replace(/\s+/g, ' ').trim() || null;
  // The parsers sanitised it (ParsedEntry's content is SanitisedHtml) and made its links absolute against
  // xml:base or the document's URL when given one (ingest always gives it: parseFeedResource). What is
  // still relative is made absolute here, against the item's own page, else the feed.
  const contentHtml = entry.content ? absoluteUrls(entry.content, pageOf(entry.link, ctx.feedUrl)).trim() || null : null;
  const contentText = contentHtml ? htmlToText(contentHtml) || null : null;
  const summary = entry.summary ? htmlToText(entry.summary) || null : null;
  if (!title && !url && !contentText && !summary) return null;

  const shownTitle = title ?? truncate(summary ?? contentText ?? url ?? '', TITLE_FROM_TEXT_CHARS);
  return {
    // Without an id or a link, a digest of what identifies the entry, so that the next poll finds the same guid.
    guid: guidOf(entry, () => url) ?? `urn:sha256:${digest([ctx.feedUrl, title ?? '', entry.publishedAt ?? '', title ? '' : (summary ?? contentText ?? '')])}`,
    url,
    title: shownTitle,
    summary,
    contentText,
    contentHtml,
    author: entry.author?.trim() || null,
    publishedAt: entry.publishedAt,
  };
}

function digest(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The item's page as an absolute URL, for its relative links; the feed's URL when it has none. */
function pageOf(link: string | null, feedUrl: string): string {
  if (!link) return feedUrl;
  try {
    return new URL(link.trim(), feedUrl).href;
  } catch {
    return feedUrl;
  }
}

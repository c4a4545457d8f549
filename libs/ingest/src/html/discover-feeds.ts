import { load } from 'cheerio';
import { absoluteHttpUrl, pageBaseUrl } from './page-base-url.js';

export type DiscoveredFeedFormat = 'rss' | 'atom' | 'json';

export interface DiscoveredFeed {
  url: string;
  title: string | null;
  /** The MIME type the page declares, lower-cased, without parameters. */
  type: string;
  format: DiscoveredFeedFormat;
}

/** Feed MIME types a page may advertise (RSS Advisory Board autodiscovery, RFC 4287 §7, JSON Feed 1.1). */
const FEED_TYPES: Record<string, DiscoveredFeedFormat> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/**
 * The feeds a web page advertises with `<link rel="alternate" type="…" href="…">`, in page order,
 * hrefs resolved against the page (and its `<base>`), each URL once. `rel` is a space-separated,
 * case-insensitive token list (HTML Living Standard §4.6.7), so `rel="Alternate feed"` counts.
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const $ = load(html);
  const base = pageBaseUrl($, pageUrl);
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  $('link[rel][type][href]').each((_i, el) => {
    const link = $(el);
    const rel = (link.attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate')) return;
    const type = (link.attr('type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const format = FEED_TYPES[type];
    const url = absoluteHttpUrl(link.attr('href'), base);
    if (!format || !url || seen.has(url)) return;
    seen.add(url);
    const title = link.attr('title')?.replace(/\s+/g, ' ').trim();
    found.push({ url, title: title ? title : null, type, format });
  });
  return found;
}

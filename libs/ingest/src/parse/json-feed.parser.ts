import { DomainError, type ParsedEntry, type ParsedFeed, errorMessage } from '@parallax/domain';
import { htmlOf, plainOf } from './feed-text.js';
import { parseFeedDate } from './dates.js';
import type { ParseFeedOptions } from './parse-feed.js';
import { resolveUrl } from './xml-tree.js';

/** JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). Unknown keys are ignored, as the spec asks. */
export function parseJsonFeed(text: string, opts: ParseFeedOptions = {}): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new DomainError('PARSE_FAILED', `not valid JSON: ${errorMessage(err)}`);
  }
  if (!isObject(doc) || !Array.isArray(doc.items)) throw new DomainError('PARSE_FAILED', 'not a JSON Feed: no "items" array');
  const base = str(doc.feed_url) ?? opts.baseUrl;
  const url = (v: unknown): string | null => {
    const s = str(v);
    return s ? (resolveUrl(s, base) ?? s) : null;
  };
  return {
    feed: { title: plainOf(textOf(doc.title)), link: url(doc.home_page_url), language: str(doc.language) },
    items: doc.items.filter(isObject).flatMap((item): ParsedEntry[] => {
      const guid = typeof item.id === 'number' ? String(item.id) : str(item.id);
      const link = url(item.url) ?? url(item.external_url);
      if (opts.isKnown?.({ guid, link })) return [];
      const html = str(item.content_html);
      const plain = str(item.content_text);
      return [{
        title: plainOf(textOf(item.title)),
        link,
        guid,
        publishedAt: parseFeedDate(str(item.date_published)) ?? parseFeedDate(str(item.date_modified)),
        author: authorOf(item) ?? authorOf(doc),
        summary: htmlOf(textOf(item.summary), base),
        content: html ? htmlOf({ kind: 'html', value: html }, base) : htmlOf(textOf(plain), base),
      }];
    }),
  };
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const textOf = (v: unknown) => {
  const s = str(v);
  return s ? { kind: 'text' as const, value: s } : null;
};

/** 1.1 has `authors` (an array); 1.0 had a single `author`. */
function authorOf(o: JsonObject): string | null {
  const candidates = [...(Array.isArray(o.authors) ? o.authors : []), o.author];
  for (const a of candidates) if (isObject(a) && str(a.name)) return str(a.name);
  return null;
}

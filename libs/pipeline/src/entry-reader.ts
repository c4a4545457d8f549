import type { ParsedEntry, ParsedFeed, Source } from '@parallax/domain';
import { DomainError } from '@parallax/domain';
import { decodeDocument, parseFeed, scrapeStatementList, type FetchedResource, type KnownEntry } from '@parallax/ingest';

/** What reading needs of a fetched document. */
type Document = Pick<FetchedResource, 'body' | 'contentType' | 'finalUrl'>;

/**
 * Turns a fetched document into entries: a feed through the feed parser (leaving out those `isKnown`
 * holds, see `ParseFeedOptions`), an HTML page through its selectors.
 */
export function readEntries(source: Pick<Source, 'type' | 'selectors'>, resource: Document, isKnown?: KnownEntry): { entries: ParsedEntry[]; feedLanguage: string | null } {
  if (source.type === 'html') {
    if (!source.selectors) throw new DomainError('VALIDATION', 'an html source needs selectors', { field: 'selectors' });
    const { text } = decodeDocument(resource.body, resource.contentType, 'html');
    return { entries: scrapeStatementList(text, resource.finalUrl, source.selectors), feedLanguage: null };
  }
  const feed = parseFeedResource(resource, isKnown);
  return { entries: feed.items, feedLanguage: feed.feed.language };
}

/** A fetched feed document, decoded (charset from header, BOM or prolog) and parsed: XML or JSON Feed. */
export function parseFeedResource(resource: Document, isKnown?: KnownEntry): ParsedFeed {
  const kind = looksLikeJson(resource) ? 'json' : 'xml';
  const { text } = decodeDocument(resource.body, resource.contentType, kind);
  return parseFeed(text, { baseUrl: resource.finalUrl, isKnown });
}

function looksLikeJson(resource: Document): boolean {
  if (resource.contentType && /json/i.test(resource.contentType)) return true;
  for (const byte of resource.body.subarray(0, 64)) {
    // Skip a UTF-8 BOM and whitespace; JSON Feed starts with '{'.
    if (byte === 0xef || byte === 0xbb || byte === 0xbf || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x7b;
  }
  return false;
}

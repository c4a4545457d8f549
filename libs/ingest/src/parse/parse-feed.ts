import { DomainError, type ParsedFeed } from '@parallax/domain';
import { parseAtom } from './atom.parser.js';
import { parseCdf } from './cdf.parser.js';
import { parseJsonFeed } from './json-feed.parser.js';
import { parseRss } from './rss.parser.js';
import { attr, child, parseXmlTree } from './xml-tree.js';

export interface ParseFeedOptions {
  /** The document's URL: relative links resolve against it (and against any xml:base inside). */
  baseUrl?: string;
}

/**
 * Parses a decoded feed document of any supported format: detect the format from the first character
 * (JSON Feed) or the root element, then dispatch to that format's reader.
 * Throws DomainError PARSE_FAILED when the document is no feed at all.
 */
export function parseFeed(text: string, opts: ParseFeedOptions = {}): ParsedFeed {
  const body = text.replace(/^\ufeff/, '');
  if (body.trimStart().startsWith('{')) return parseJsonFeed(body, opts);

  const root = parseXmlTree(body, opts.baseUrl);
  if (!root) throw new DomainError('PARSE_FAILED', 'no XML root element: not a feed');
  const name = root.local.toLowerCase();
  if (name === 'feed') return parseAtom(root);
  if (name === 'rss' || name === 'rdf') return parseRss(root);
  // CDF's root is an upper-case <CHANNEL> with an HREF; a bare RSS <channel> root is rare but seen.
  if (name === 'channel') return root.local === 'CHANNEL' || attr(root, 'href') !== undefined ? parseCdf(root) : parseRss(root);
  if (child(root, 'channel', () => true)) return parseRss(root);
  throw new DomainError('PARSE_FAILED', `unknown feed format: root element <${root.local}>`);
}

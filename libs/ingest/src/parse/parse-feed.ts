import { DomainError, type ParsedEntry, type ParsedFeed } from '@parallax/domain';
import { parseAtom } from './atom.parser.js';
import { parseCdf } from './cdf.parser.js';
import { parseJsonFeed } from './json-feed.parser.js';
import { parseRss } from './rss.parser.js';
import { attr, child, parseXmlTree } from './xml-tree.js';

export interface ParseFeedOptions {
  /** The document's URL: relative links resolve against it (and against any xml:base inside). */
  baseUrl?: string;
  /**
   * An entry the caller already holds, told by its guid and link (read first, as the parser finds them):
   * it is left out of `items` without reading the rest of it, so a re-poll does not sanitise the text of
   * entries it will drop. RSS, Atom and JSON Feed ask it; CDF entries are always read whole.
   */
  isKnown?: KnownEntry;
}

export type KnownEntry = (entry: Pick<ParsedEntry, 'guid' | 'link'>) => boolean;

/**
 * Parses a decoded feed document of any supported format: detect the format from the first character
 * (JSON Feed) or the root element, then dispatch to that format's reader.
 * Throws DomainError PARSE_FAILED when the document is no feed at all.
 */
export function parseFeed(text: string, opts: ParseFeedOptions = {}): ParsedFeed {
  const body = text.replace(/^\ufeff/, '');
  if (body.trimStart().startsWith('{')) return parseJsonFeed(body, opts);
  const known = opts.isKnown ?? (() => false);

  const root = parseXmlTree(body, opts.baseUrl);
  if (!root) throw new DomainError('PARSE_FAILED', 'no XML root element: not a feed');
  const name = root.local.toLowerCase();
  if (name === 'feed') return parseAtom(root, known);
  if (name === 'rss' || name === 'rdf') return parseRss(root, known);
  // CDF's root is an upper-case <CHANNEL> with an HREF; a bare RSS <channel> root is rare but seen.
  if (name === 'channel') return root.local === 'CHANNEL' || attr(root, 'href') !== undefined ? parseCdf(root) : parseRss(root, known);
  if (child(root, 'channel', () => true)) return parseRss(root, known);
  throw new DomainError('PARSE_FAILED', `unknown feed format: root element <${root.local}>`);
}

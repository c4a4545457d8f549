/** Namespace URIs the parser understands, matched by URI and never by prefix (Namespaces in XML 1.0 §3). */
export const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** Atom 0.3 and the names the format had while it was being drafted (Echo, Pie, Necho). */
const ATOM_PRE_STANDARD = new Set([
  'http://purl.org/atom/ns#',
  'http://purl.org/echo/',
  'http://purl.org/pie/',
  'http://example.com/necho',
  'http://example.com/newformat#',
]);

/** Namespaces RSS 0.9x/2.0 documents have used for their own core elements. */
const RSS_CORE = new Set(['', NS.rss10, NS.rss090, 'http://backend.userland.com/rss2', 'http://backend.userland.com/rss', 'http://blogs.law.harvard.edu/tech/rss']);

// Publishers vary the case and trailing slash of some URIs (iTunes' own examples use "DTDs").
const fold = (uri: string): string => uri.toLowerCase().replace(/\/+$/, '');

export const isRssCore = (ns: string): boolean => RSS_CORE.has(ns);
export const isAtom = (ns: string): boolean => ns === NS.atom10 || ATOM_PRE_STANDARD.has(ns);
/** Core elements of an Atom feed: any Atom namespace, or none at all (some feeds omit it). */
export const isAtomCore = (ns: string): boolean => isAtom(ns) || ns === '';
export const isNs =
  (uri: string) =>
  (ns: string): boolean =>
    fold(ns) === fold(uri);

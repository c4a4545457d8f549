import type { HtmlSelectors, SourceKind, SourceType } from '@parallax/domain';

/**
 * Our own outline attributes, in their own namespace so other readers ignore them (OPML 2.0 allows
 * namespaced attributes). The `.invalid` host (RFC 2606) makes sure the name never resolves.
 */
export const PARALLAX_OPML_NS = 'http://parallax.invalid/ns/opml/1';

/** One source read from an OPML file: folders flattened, the nearest folder's text as category. */
export interface OpmlOutline {
  /** `text` as the file gives it (OPML 2.0 requires it), else `title`, else the URL. */
  text: string;
  title: string | null;
  xmlUrl: string | null;
  htmlUrl: string | null;
  /** What to poll: the feed (`xmlUrl`), or for an HTML statement page its address. */
  url: string;
  /** The OPML `type` attribute (`rss` for feeds). */
  type: string | null;
  language: string | null;
  category: string | null;
  /** parallax:kind */
  kind: SourceKind | null;
  /** parallax:type: `html` for statement pages; `feed` otherwise. */
  sourceType: SourceType;
  /** parallax:country */
  country: string | null;
  /** parallax:pollIntervalSeconds */
  pollIntervalSeconds: number | null;
  /** parallax:selectors, a JSON object, for HTML statement pages. */
  selectors: HtmlSelectors | null;
}

/** What `toOpml` writes for one source; `Source` objects fit, with an optional category. */
export interface OpmlSource {
  name: string;
  url: string;
  kind?: SourceKind | null;
  type?: SourceType | null;
  language?: string | null;
  country?: string | null;
  pollIntervalSeconds?: number | null;
  selectors?: HtmlSelectors | null;
  /** Folder to file the source under; uncategorised sources sit at the top level. */
  category?: string | null;
  /** The site's home page, for feeds that have one. */
  htmlUrl?: string | null;
}

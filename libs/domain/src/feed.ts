/**
 * The parser's output: one feed document as the `parse` CLI contract prints it (DESIGN.md, Contracts).
 * Every text field is null when the document does not carry it.
 */
export interface ParsedFeed {
  feed: FeedInfo;
  items: ParsedEntry[];
}

export interface FeedInfo {
  title: string | null;
  link: string | null;
  /** Language tag as the feed declares it (e.g. `en-us`), not yet reduced to ISO 639-1. */
  language: string | null;
}

/**
 * HTML that went through the sanitiser's allow-list (libs/ingest `sanitiseHtml`), or text escaped as
 * HTML: safe to store and to show. A brand, so that only those can stand where it is required:
 * normalisation relies on it and does not sanitise again.
 */
export type SanitisedHtml = string & { readonly __brand: 'SanitisedHtml' };

export interface ParsedEntry {
  title: string | null;
  link: string | null;
  guid: string | null;
  /** ISO 8601 UTC (`2022-02-04T08:00:00.000Z`) or null when absent or unparseable. */
  publishedAt: string | null;
  author: string | null;
  /** Sanitised HTML (plain text escaped). */
  summary: SanitisedHtml | null;
  /** Sanitised HTML (plain text escaped). */
  content: SanitisedHtml | null;
}

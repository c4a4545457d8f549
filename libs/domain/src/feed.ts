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

export interface ParsedEntry {
  title: string | null;
  link: string | null;
  guid: string | null;
  /** ISO 8601 UTC (`2022-02-04T08:00:00.000Z`) or null when absent or unparseable. */
  publishedAt: string | null;
  author: string | null;
  /** Plain text or sanitised HTML. */
  summary: string | null;
  /** Plain text or sanitised HTML. */
  content: string | null;
}

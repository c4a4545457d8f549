import type { SourceKind } from './source.js';

/** A reference to a gazetteer entity: language-independent, keyed by Wikidata QID. */
export interface EntityRef {
  qid: string;
  name: string;
}

/**
 * One item after normalising and before storing: what every feed entry, JSON Feed item or scraped
 * statement becomes. Text fields are plain text; `contentHtml` is sanitised HTML.
 */
export interface NormalisedItem {
  guid: string;
  /** Canonical URL: tracking parameters and fragments removed. Null when the entry has no link. */
  url: string | null;
  title: string;
  summary: string | null;
  contentText: string | null;
  contentHtml: string | null;
  author: string | null;
  /** ISO 8601 UTC; null when the entry gave none that parses. */
  publishedAt: string | null;
}

/** What enrichment adds to an item. */
export interface Enrichment {
  /** ISO 639-1, or `und` when undetermined. */
  language: string;
  entities: EntityRef[];
  /** An official item rejecting a report or allegation as false. */
  denial: boolean;
  /** A media item reporting such a rejection. */
  mentionsDenial: boolean;
}

export interface Item extends NormalisedItem, Enrichment {
  id: number;
  sourceId: number;
  outlet: string;
  kind: SourceKind;
  fetchedAt: string;
  /** Effective time for sorting and histograms: publishedAt, or fetchedAt when the feed gave none. */
  sortAt: string;
  contentHash: string;
  /** 64-bit SimHash of the text shingles, as 16 hex digits. */
  simhash: string;
  /** The earlier item this one is a syndicated copy of (same wire text in another outlet). */
  duplicateOf: number | null;
  storyId: number | null;
}

import type { SourceKind } from './source.js';
import type { EntityRef } from './item.js';

/** What the search index holds for one item: everything a hit and a facet needs. */
/**
 * The analyser's terms (libs/query) of a document's searchable fields: the title, and the summary and
 * content as one body. Worked out off the main thread when an item is prepared, so that the index and
 * the alert rules need not analyse it again.
 */
export interface AnalysedFields {
  title: string[];
  body: string[];
}

export interface SearchDocument {
  id: number;
  sourceId: number;
  title: string;
  summary: string | null;
  content: string | null;
  url: string | null;
  outlet: string;
  kind: SourceKind;
  language: string;
  /** ISO 8601 UTC: publishedAt, or the fetch time when the feed gave none. */
  publishedAt: string;
  entities: EntityRef[];
  denial: boolean;
  mentionsDenial: boolean;
  storyId: number | null;
  duplicateOf: number | null;
  /** The fields already analysed, when the caller has them; an index analyses what is missing. Never stored. */
  analysed?: AnalysedFields;
}

export type SearchSort = 'relevance' | 'newest';

export interface SearchRequest {
  /** Query in the analyst query language (DESIGN.md); empty = everything. */
  q: string;
  /** Extra filters ANDed with the query. Entity values are QIDs. */
  entity?: string[];
  outlet?: string[];
  lang?: string[];
  kind?: SourceKind[];
  from?: string;
  to?: string;
  sort: SearchSort;
  limit: number;
  offset: number;
  /** Compute facet counts and the histogram (costly on big result sets; the API asks by default). */
  facets?: boolean;
}

export interface FacetBucket {
  value: string;
  /** Display label (entity name for an entity QID). */
  label: string;
  count: number;
}

export interface SearchHit {
  id: number;
  title: string;
  url: string | null;
  outlet: string;
  sourceId: number;
  kind: SourceKind;
  language: string;
  publishedAt: string;
  entities: EntityRef[];
  denial: boolean;
  mentionsDenial: boolean;
  storyId: number | null;
  duplicateOf: number | null;
  /** Excerpt with matches wrapped in `<mark>…</mark>`; all other text HTML-escaped. */
  snippet: string;
}

export interface SearchResponse {
  total: number;
  /** True when `total` is an estimate: the query matches more documents than an engine counts one by one. */
  totalApproximate?: boolean;
  hits: SearchHit[];
  facets: { entity: FacetBucket[]; outlet: FacetBucket[]; language: FacetBucket[]; kind: FacetBucket[] };
  histogram: { date: string; count: number }[];
  /** True when facets and histogram describe a sample of the matches (the newest), not all of them. */
  facetsApproximate?: boolean;
}

import type { SearchDocument, SearchRequest, SearchResponse } from '@parallax/domain';

/** Injection token of the SearchIndex port (DESIGN.md, "Storage and search"). */
export const SEARCH_INDEX = 'SEARCH_INDEX';

/**
 * The search engine as the rest of the system sees it. SQLite is the source of truth; an index is
 * fed from the outbox and can be rebuilt from it, so every adapter (embedded FTS5, Meilisearch)
 * holds copies only. Every adapter passes `describeSearchIndexContract` (testing/).
 *
 * Errors: a query that does not parse, or a request that is out of range, rejects with a
 * DomainError (`QUERY_SYNTAX` or `VALIDATION`, with `field`); an engine that is down rejects with
 * `UNAVAILABLE`. Nothing else escapes.
 */
export interface SearchIndex {
  /** Adds documents, or replaces those whose id is already indexed. */
  upsert(docs: SearchDocument[]): Promise<void>;
  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: number[]): Promise<void>;
  search(req: SearchRequest): Promise<SearchResponse>;
  /** Number of documents indexed. */
  count(): Promise<number>;
  /** Removes every document (before a full reindex). */
  clear(): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
  /**
   * Optional: replaces the whole index with `batches` while searches keep answering from the old
   * contents (Meilisearch builds a second index and swaps it in). Returns how many documents went
   * in. Adapters without it are rebuilt by `rebuildIndex` as clear + upsert.
   */
  rebuild?(batches: Iterable<SearchDocument[]> | AsyncIterable<SearchDocument[]>, progress?: RebuildProgress): Promise<number>;
}

/** Called with the number of documents written so far. */
export type RebuildProgress = (done: number) => void;

/** Rebuilds an index from the source of truth: the adapter's own `rebuild`, else clear + upsert. */
export async function rebuildIndex(
  index: SearchIndex,
  batches: Iterable<SearchDocument[]> | AsyncIterable<SearchDocument[]>,
  progress?: RebuildProgress,
): Promise<number> {
  if (index.rebuild) return index.rebuild(batches, progress);
  await index.clear();
  let done = 0;
  for await (const docs of batches) {
    await index.upsert(docs);
    done += docs.length;
    progress?.(done);
  }
  return done;
}

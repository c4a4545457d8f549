import { errorMessage } from '@parallax/domain';
import type { SearchIndex } from '@parallax/search';
import { OUTBOX_INDEX_TOPIC, OUTBOX_UNINDEX_TOPIC, type Store } from '@parallax/store';
import { BatchPacer, yieldToEventLoop } from './batch-pacer.js';
import type { Logger } from './logger.js';
import type { AnalysedFieldsCache } from './preparation/analysed-fields-cache.js';

const TOPICS = [OUTBOX_INDEX_TOPIC, OUTBOX_UNINDEX_TOPIC];

/**
 * Feeds the search index from the store's outbox. An index that is down or failing leaves the entries
 * in the outbox, retried with backoff, so nothing stored is ever missing from search for good.
 */
export class IndexFeeder {
  private running: Promise<number> | null = null;
  private lastError: string | null = null;
  private readonly pacer: BatchPacer;

  constructor(
    private readonly store: Store,
    private readonly index: SearchIndex,
    private readonly logger: Logger,
    private readonly options: {
      /** Most outbox entries per index write (default 500); fewer when writing them would hold the main thread longer than its budget ({@link BatchPacer}). */
      batchSize?: number;
      /** Fields the preparation threads analysed: the index need not analyse those items again. */
      analysed?: AnalysedFieldsCache;
    } = {},
  ) {
    this.pacer = new BatchPacer(options.batchSize ?? 500);
  }

  /** Drains everything due now; concurrent calls share one run. Returns how many entries were applied. */
  drain(): Promise<number> {
    this.running ??= this.drainAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  pending(): number {
    return this.store.outbox.pending(TOPICS);
  }

  /** The last indexing failure, or null once a batch has gone through since. */
  error(): string | null {
    return this.lastError;
  }

  private async drainAll(): Promise<number> {
    let applied = 0;
    for (;;) {
      const batch = this.store.outbox.due(TOPICS, this.pacer.size());
      if (batch.length === 0) return applied;
      try {
        // Paced by the time spent on this thread: an index that writes elsewhere (the embedded one's
        // writer thread, Meilisearch over the network) holds this thread only while it is handed the batch.
        let busyMs = 0;
        const busy = <T>(work: () => T): T => {
          const started = performance.now();
          try {
            return work();
          } finally {
            busyMs += performance.now() - started;
          }
        };
        const upserts = [...new Set(batch.filter((e) => e.topic === OUTBOX_INDEX_TOPIC).map((e) => e.refId))];
        const removals = [...new Set(batch.filter((e) => e.topic === OUTBOX_UNINDEX_TOPIC).map((e) => e.refId))];
        // An item deleted after it was queued for indexing is simply not found: nothing to upsert. The
        // rows are read with every index entry waiting for them, which ask for no more than these rows.
        // A removed item's id may have been given to a new item since (SQLite reuses the largest rowid):
        // only ids that no item holds are taken out, or the new item would leave search with the old.
        const { docs, covered, gone } = busy(() =>
          this.store.db.transaction(() => ({
            covered: this.store.outbox.indexEntriesWaitingFor(upserts),
            docs: this.store.items.searchDocuments(upserts).map((doc) => ({ ...doc, analysed: this.options.analysed?.get(doc.id) })),
            gone: this.store.items.missingIds(removals),
          }))(),
        );
        if (docs.length) await busy(() => this.index.upsert(docs));
        if (gone.length) await busy(() => this.index.remove(gone));
        // With the batch go the entries an item's placement queued while its first waited: the upsert
        // carried the story. An entry queued after the read is not among them and is written next.
        this.store.outbox.ack([...new Set([...batch.map((e) => e.id), ...covered])]);
        this.pacer.record(batch.length, busyMs);
        this.lastError = null;
        applied += batch.length;
      } catch (err) {
        this.lastError = errorMessage(err);
        this.store.outbox.retryLater(
          batch.map((e) => e.id),
          this.lastError,
        );
        this.logger.error({ err: this.lastError, entries: batch.length }, 'indexing failed; entries kept in the outbox');
        return applied;
      }
      await yieldToEventLoop();
    }
  }
}

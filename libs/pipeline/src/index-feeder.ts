import { errorMessage } from '@parallax/domain';
import type { SearchIndex } from '@parallax/search';
import { OUTBOX_INDEX_TOPIC, OUTBOX_UNINDEX_TOPIC, toSearchDocument, type Store } from '@parallax/store';
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

  constructor(
    private readonly store: Store,
    private readonly index: SearchIndex,
    private readonly logger: Logger,
    private readonly options: {
      /** Outbox entries per index write (default 500). */
      batchSize?: number;
      /** Fields the preparation threads analysed: the index need not analyse those items again. */
      analysed?: AnalysedFieldsCache;
    } = {},
  ) {}

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
      const batch = this.store.outbox.due(TOPICS, this.options.batchSize ?? 500);
      if (batch.length === 0) return applied;
      try {
        const upserts = [...new Set(batch.filter((e) => e.topic === OUTBOX_INDEX_TOPIC).map((e) => e.refId))];
        const removals = [...new Set(batch.filter((e) => e.topic === OUTBOX_UNINDEX_TOPIC).map((e) => e.refId))];
        // An item deleted after it was queued for indexing is simply not found: nothing to upsert.
        const docs = this.store.items.getMany(upserts).map((item) => ({ ...toSearchDocument(item), analysed: this.options.analysed?.get(item.id) }));
        if (docs.length) await this.index.upsert(docs);
        if (removals.length) await this.index.remove(removals);
        this.store.outbox.ack(batch.map((e) => e.id));
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
    }
  }
}

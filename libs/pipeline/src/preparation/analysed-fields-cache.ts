import type { AnalysedFields } from '@parallax/domain';

/**
 * The analysed fields of items just stored, as their preparation thread worked them out, until the
 * index and the alert rules (both on the main thread, moments later) have used them. Bounded: an item
 * whose entry is gone is simply analysed again where it is needed.
 */
export class AnalysedFieldsCache {
  private readonly entries = new Map<number, AnalysedFields>();

  constructor(private readonly capacity = 5_000) {}

  set(itemId: number, fields: AnalysedFields): void {
    this.entries.delete(itemId);
    this.entries.set(itemId, fields);
    // Oldest first out: consumers use entries in about the order they were stored.
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get(itemId: number): AnalysedFields | undefined {
    return this.entries.get(itemId);
  }

  get size(): number {
    return this.entries.size;
  }
}

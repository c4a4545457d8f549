/**
 * How long one batch of a background drain may hold the main thread, by default. The drains (story
 * placement, indexing, alert matching) share the thread with the API and its live alerts: a search
 * that arrives while a batch runs waits for the batch, and before pacing a busy ingest made requests
 * wait 100 ms at p95 and up to a quarter of a second (bench/ingest.bench.mjs reports this delay).
 */
export const DEFAULT_BATCH_BUDGET_MS = 20;

/** Entries in the first batch, before the pacer has seen what one costs. */
const FIRST_BATCH = 50;

/**
 * Sizes a drain's batches so that each takes about `budgetMs`, from what entries cost lately, within
 * [min, max]. Each batch is one synchronous stretch (usually one transaction), and the drain yields to
 * the event loop between batches ({@link yieldToEventLoop}). Smaller batches cost more commits, which
 * is why the budget is not smaller still.
 */
export class BatchPacer {
  /** Moving average of milliseconds per entry; null before the first batch. */
  private msPerEntry: number | null = null;
  private readonly min: number;

  constructor(
    private readonly max: number,
    private readonly budgetMs = DEFAULT_BATCH_BUDGET_MS,
    min = 10,
  ) {
    this.min = Math.min(min, max);
  }

  /** How many entries the next batch should take. */
  size(): number {
    if (this.msPerEntry === null) return Math.min(this.max, FIRST_BATCH);
    if (this.msPerEntry <= 0) return this.max;
    return Math.max(this.min, Math.min(this.max, Math.floor(this.budgetMs / this.msPerEntry)));
  }

  /** Runs one batch of `entries` and learns from how long it took. */
  run<T>(entries: number, batch: () => T): T {
    const started = performance.now();
    try {
      return batch();
    } finally {
      this.record(entries, performance.now() - started);
    }
  }

  /** Learns that `entries` took `ms`; the last few batches weigh most, as costs move with the window and the rules. */
  record(entries: number, ms: number): void {
    if (entries <= 0) return;
    const m = ms / entries;
    this.msPerEntry = this.msPerEntry === null ? m : 0.7 * this.msPerEntry + 0.3 * m;
  }
}

/** Lets the event loop serve what waits (HTTP requests, timers) before the next batch. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * For a long loop on the main thread (a re-tag, a re-clustering): {@link due} once the budget is spent
 * since the last pause, so the loop pauses ({@link pause}) about every `budgetMs`, wherever it is.
 */
export class TimeSlice {
  private started = performance.now();

  constructor(private readonly budgetMs = DEFAULT_BATCH_BUDGET_MS) {}

  due(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  async pause(): Promise<void> {
    await yieldToEventLoop();
    this.started = performance.now();
  }
}

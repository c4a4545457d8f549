import { type StoryCandidate, TermStats, WindowStats, assignStory, storyFeatures, storyNeighbourKeys, storyStatsKeys } from '@parallax/enrich';
import { OUTBOX_STORY_TOPIC, StoryRepository, type OutboxEntry, type Store } from '@parallax/store';
import type { IndexFeeder } from '../index-feeder.js';
import type { Logger } from '../logger.js';
import type { PipelineEvents } from '../pipeline-events.js';
import { DenialLinker, type EntityTagging } from './denial-linker.js';
import { storyTerms } from './story-terms.js';

const DAY_MS = 86_400_000;
/** assignStory's default window: items further apart never join. */
const WINDOW_DAYS = 7;
/** A denial answers claims reported up to this long before it (DenialLinker's window). */
const DENIAL_WINDOW_DAYS = 14;
/** Denials re-linked at most per batch, when coverage arrived before them out of order. */
const MAX_RELINKS = 200;

export interface StoryAssignerOptions {
  store: Store;
  events: PipelineEvents;
  logger: Logger;
  /** Assigned items are queued for re-indexing; the assigner drains the feeder so `storyId` reaches search. */
  feeder: IndexFeeder;
  batchSize?: number;
  /** Neighbours compared per item, nearest in time first (default 300, as the batch clusterer). */
  maxNeighbours?: number;
  /** Tags the denying passage of a denial for linking; by default the built-in gazetteer (no custom entities). */
  tagEntities?: EntityTagging;
}

interface Placed {
  id: number;
  storyId: number;
  publishedAt: string;
  denial: boolean;
}

/**
 * Online story clustering: drains the `story` outbox (written with each new item, in its transaction),
 * places every item in a story with libs/enrich's `assignStory` against its stored neighbours, and
 * commits the story, the item's terms, the term frequencies and the ack in one transaction, so a crash
 * repeats an assignment at worst, never loses one. New official denials are linked to the stories they
 * reject, and denials already stored are re-linked when coverage they may answer arrives late.
 *
 * Everything runs on one queue, so a re-clustering (`exclusive`) never interleaves with assignments.
 */
export class StoryAssigner {
  readonly repo: StoryRepository;
  readonly linker: DenialLinker;
  private statsValue: TermStats;
  private windowValue: WindowStats | null = null;
  /** The stretch of time (ms) whose items are in the windowed frequencies. */
  private windowLoaded: { from: number; to: number } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private queued: Promise<number> | null = null;
  private closed = false;
  private readonly onItem = () => {
    if (!this.closed) void this.drain().catch((err: unknown) => this.o.logger.error({ err: String(err) }, 'story assignment failed'));
  };

  constructor(private readonly o: StoryAssignerOptions) {
    this.repo = new StoryRepository(o.store.db);
    this.linker = new DenialLinker(this.repo, { tagEntities: o.tagEntities });
    this.statsValue = this.storedStats();
    o.events.on('item', this.onItem);
  }

  /**
   * Entity and concept frequencies by time over the clustered items, for rarity within the window of
   * each incoming item. Built from the store lazily, only for the stretch of time that items arrive in
   * (a server with a million stored items loads the last weeks, not its whole history), and kept up to
   * date as items are placed. It holds a handful of keys per item, in memory.
   */
  private windowAround(at: number): WindowStats {
    const ws = (this.windowValue ??= new WindowStats(WINDOW_DAYS * DAY_MS, new TermStats().priorDocuments));
    const from = at - WINDOW_DAYS * DAY_MS;
    const to = at + WINDOW_DAYS * DAY_MS;
    const loaded = this.windowLoaded;
    const load = (a: number, b: number) => {
      for (const batch of this.repo.iterateItems(1000, { from: new Date(a).toISOString(), to: new Date(b).toISOString() })) {
        for (const r of batch) if (r.storyId !== null) ws.add(r.id, Date.parse(r.publishedAt), storyFeatures(r));
      }
    };
    if (!loaded) {
      load(from, to);
      this.windowLoaded = { from, to };
    } else {
      if (from < loaded.from) load(from, loaded.from);
      if (to > loaded.to) load(loaded.to, to);
      this.windowLoaded = { from: Math.min(from, loaded.from), to: Math.max(to, loaded.to) };
    }
    return ws;
  }

  /** Replaces the windowed frequencies after a re-clustering (which built them over every item). */
  replaceWindow(next: WindowStats): void {
    this.windowValue = next;
    this.windowLoaded = { from: -Infinity, to: Infinity };
  }

  /** Rarity weights over the clustered items, as persisted. */
  get stats(): TermStats {
    return this.statsValue;
  }

  pending(): number {
    return this.o.store.outbox.pending([OUTBOX_STORY_TOPIC]);
  }

  /** Places every item due in the outbox; a call while a drain waits to start joins it. Returns items placed. */
  drain(): Promise<number> {
    if (this.queued) return this.queued;
    const run = this.serial(async () => {
      this.queued = null;
      return this.drainAll();
    });
    this.queued = run;
    return run;
  }

  /**
   * Runs `fn` alone on the assigner's queue, after every item due has been placed: a re-clustering
   * sees every item with its terms, and no assignment interleaves with it.
   */
  exclusive<T>(fn: (stats: (next?: TermStats) => TermStats) => Promise<T> | T): Promise<T> {
    return this.serial(async () => {
      await this.drainAll();
      return fn((next) => {
        if (next) this.statsValue = next;
        return this.statsValue;
      });
    });
  }

  /** Stops reacting to new items and waits for the work under way. */
  async close(): Promise<void> {
    this.closed = true;
    this.o.events.off('item', this.onItem);
    await this.queue;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async drainAll(): Promise<number> {
    let placed = 0;
    for (;;) {
      const batch = this.o.store.outbox.due([OUTBOX_STORY_TOPIC], this.o.batchSize ?? 200);
      if (batch.length === 0) break;
      const done = this.placeBatch(batch);
      placed += done.length;
      this.relink(done);
      // Let HTTP requests through between batches of a large backlog.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (placed > 0) {
      // The feeder may be finishing a run that already looked at the outbox: a second call catches what it missed.
      await this.o.feeder.drain();
      if (this.o.feeder.pending() > 0) await this.o.feeder.drain();
    }
    return placed;
  }

  /**
   * Places a batch in one transaction: each item's story, terms, frequencies and ack still commit
   * together (its own savepoint), and one commit per batch instead of per item keeps the WAL writes
   * down. Should the commit itself fail, nothing of the batch is stored, so the frequencies in memory
   * are read back from the store.
   */
  private placeBatch(batch: OutboxEntry[]): Placed[] {
    try {
      return this.repo.transaction(() => {
        const done: Placed[] = [];
        for (const entry of batch) {
          try {
            const p = this.place(entry);
            if (p) done.push(p);
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            this.o.store.outbox.retryLater([entry.id], message);
            this.o.logger.error({ itemId: entry.refId, err: message }, 'story assignment failed; entry kept in the outbox');
          }
        }
        return done;
      });
    } catch (err) {
      this.reloadStats();
      throw err;
    }
  }

  private storedStats(): TermStats {
    const { documents, frequencies } = this.repo.termStats();
    return TermStats.fromJSON({ version: 1, documents, priorDocuments: new TermStats().priorDocuments, frequencies });
  }

  private reloadStats(): void {
    this.statsValue = this.storedStats();
    this.windowValue = null;
    this.windowLoaded = null;
  }

  private place(entry: OutboxEntry): Placed | null {
    const item = this.repo.item(entry.refId);
    if (!item || item.storyId !== null) {
      // Deleted since, or already placed by a re-clustering: nothing to do.
      this.o.store.outbox.ack([entry.id]);
      return null;
    }
    const candidate: StoryCandidate = { ...item, terms: storyTerms(item.title, item.summary) };
    const keys = storyStatsKeys(candidate);
    const at = Date.parse(item.publishedAt);
    // Like the batch clusterer, every item counts in the rarity weights, its own included.
    this.statsValue.add(keys);
    const window = this.windowAround(at);
    window.add(item.id, at, storyFeatures(candidate));
    try {
      const nk = storyNeighbourKeys(candidate, { stats: this.statsValue, windowStats: window });
      const neighbours = this.repo.neighbours({
        id: item.id,
        at: item.publishedAt,
        from: new Date(at - WINDOW_DAYS * DAY_MS).toISOString(),
        to: new Date(at + WINDOW_DAYS * DAY_MS).toISOString(),
        entities: nk.entities,
        terms: nk.terms,
        limit: this.o.maxNeighbours ?? 300,
      });
      const a = assignStory(candidate, neighbours, { stats: this.statsValue, windowStats: window, windowDays: WINDOW_DAYS });
      const storyId = this.repo.transaction(() => {
        this.repo.writeTerms(item.id, candidate.terms);
        this.repo.addStats(keys);
        const id = a.storyId ?? this.repo.createStory(item.title, item.publishedAt);
        this.repo.assign(item.id, id, item.publishedAt);
        this.o.store.outbox.ack([entry.id]);
        return id;
      });
      this.o.logger.debug({ itemId: item.id, storyId, opened: a.storyId === null, score: a.score, reasons: a.reasons }, 'story assigned');
      return { id: item.id, storyId, publishedAt: item.publishedAt, denial: item.denial && item.kind === 'official' };
    } catch (err) {
      this.statsValue.remove(keys);
      window.remove(item.id);
      throw err;
    }
  }

  /**
   * Links the new denials, and re-links stored denials that claims of this batch may precede (feeds
   * polled out of order, a backfill): the claim items' times up to the denial window after them.
   */
  private relink(done: Placed[]): void {
    const denials = new Set(done.filter((p) => p.denial).map((p) => p.id));
    const claimTimes = done.filter((p) => !p.denial).map((p) => Date.parse(p.publishedAt)).filter((t) => !Number.isNaN(t));
    if (claimTimes.length > 0) {
      const from = new Date(Math.min(...claimTimes)).toISOString();
      const to = new Date(Math.max(...claimTimes) + DENIAL_WINDOW_DAYS * DAY_MS).toISOString();
      for (const id of this.repo.denialIdsBetween(from, to, MAX_RELINKS)) denials.add(id);
    }
    for (const id of denials) {
      try {
        this.linker.link(id, this.statsValue);
      } catch (err) {
        this.o.logger.error({ denialId: id, err: err instanceof Error ? err.message : String(err) }, 'denial linking failed');
      }
    }
  }
}

import { errorMessage, type Item } from '@parallax/domain';
import { KeyTally, type StoryCandidate, StoryNeighbourhood, TermStats, WindowStats, assignStory, storyFeatures, storyNeighbourKeys, storyProfile, storyStatsKeys } from '@parallax/enrich';
import { OUTBOX_STORY_TOPIC, StoryRepository, placementRow, type OutboxEntry, type PlacementRow, type Store, type UnfoldedStats } from '@parallax/store';
import { BatchPacer, yieldToEventLoop } from '../batch-pacer.js';
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
/**
 * The stretch of time kept in memory (the clustering window): beyond it, the window starts afresh
 * around the next item, so a server that runs for months, or a backfill of old coverage, does not
 * keep every item it ever placed.
 */
const MAX_LOADED_DAYS = 60;
/**
 * Term frequencies are counted per batch in the store and folded into one table once this many
 * placed items wait (StoryRepository.foldStats): per batch, the upserts of every key cost more than
 * placing the items. The totals to fold are kept in memory as batches commit: writing 10,000 items'
 * counts (26,000 keys) took 36 ms, and reading them back from the batches' rows 300 ms more.
 */
const FOLD_STATS_AFTER = 5_000;

/** New items kept as handed over until placed (see `arrived`): beyond, they are read from the store. */
const MAX_ARRIVED = 20_000;

export interface StoryAssignerOptions {
  store: Store;
  events: PipelineEvents;
  logger: Logger;
  /** Assigned items are queued for re-indexing; the assigner drains the feeder so `storyId` reaches search. */
  feeder: IndexFeeder;
  /** Most items placed in one transaction (default 200); fewer when placing them would hold the main thread longer than its budget ({@link BatchPacer}). */
  batchSize?: number;
  /**
   * How long new items wait to be placed together (default 50 ms): polls finishing close together
   * share one batch, whose transaction, neighbour window and index write each cost the same for one
   * item or a hundred.
   */
  settleMs?: number;
  /** Neighbours compared per item, nearest in time first (default 300, as the batch clusterer). */
  maxNeighbours?: number;
  /** Placed items whose term frequencies wait before they are folded (default {@link FOLD_STATS_AFTER}). */
  foldStatsAfter?: number;
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
  /** The placed items of the stretch of time being clustered, from the store on demand: see {@link windowAround}. */
  private window: ClusteringWindow | null = null;
  /** A batch's placements and terms, written with its frequencies (`batchCounts`) when the batch ends (or before the window reads the store). */
  private unwritten: Unwritten = noneUnwritten();
  /** Frequencies of committed batches not folded yet, as in the store's `term_stats_delta`. */
  private unfolded: Unfolded;
  /** What the batch being placed adds to the frequencies (counted by `statsValue.add`), written with it. */
  private readonly batchCounts = new KeyTally();
  private queue: Promise<unknown> = Promise.resolve();
  private queued: Promise<number> | null = null;
  private readonly pacer: BatchPacer;
  /** A drain waiting for new items to settle: `now` starts it at once. */
  private settling: { done: Promise<number>; now: () => void } | null = null;
  private closed = false;
  /**
   * New items as the ingest cycle handed them over, by id, until placed: what reading them back from the
   * store would give (a join and two JSON parses an item, a tenth of placing one). The story outbox
   * still says which items to place; an item not here (after a restart, or beyond MAX_ARRIVED) is read.
   * Forgotten when a drain has emptied the outbox (an item placed from the store before its hand-over
   * arrived leaves nothing behind), when items are removed, and after a re-clustering, which may have
   * placed items stored meanwhile.
   */
  private readonly arrived = new Map<number, PlacementRow>();
  private readonly onItem = (item: Item, storyTerms?: readonly string[]) => {
    if (this.closed) return;
    // Without its terms (an emitter that does not know them) the item is read from the store.
    if (storyTerms && item.storyId === null && this.arrived.size < MAX_ARRIVED) this.arrived.set(item.id, placementRow(item, storyTerms));
    void this.drainSoon().catch((err: unknown) => this.o.logger.error({ err: errorMessage(err) }, 'story assignment failed'));
  };
  private readonly onRemoved = (ids: number[]) => {
    for (const id of ids) {
      this.arrived.delete(id);
      this.window?.stats.remove(id);
      this.window?.neighbourhood.remove(id);
    }
  };

  constructor(private readonly o: StoryAssignerOptions) {
    this.repo = new StoryRepository(o.store.db);
    this.linker = new DenialLinker(this.repo, { tagEntities: o.tagEntities });
    ({ stats: this.statsValue, unfolded: this.unfolded } = this.storedStats());
    this.pacer = new BatchPacer(o.batchSize ?? 200);
    o.events.on('item', this.onItem);
    o.events.on('removed', this.onRemoved);
  }

  /**
   * The placed items around a moment, from the store on demand: entity and concept frequencies by
   * time (for rarity within the window of each incoming item) and every item's keys (for its
   * neighbours). Only the stretch of time that items arrive in is loaded (a server with a million
   * stored items loads the last weeks, not its whole history), and it is kept up to date as items are
   * placed, so the store is read once per stretch, not once per item.
   */
  private windowAround(at: number): ClusteringWindow {
    const from = at - WINDOW_DAYS * DAY_MS;
    const to = at + WINDOW_DAYS * DAY_MS;
    let w = this.window;
    if (w && Math.max(to, w.loaded.to) - Math.min(from, w.loaded.from) > MAX_LOADED_DAYS * DAY_MS) w = null;
    if (!w) {
      // Items this batch placed before are in the store but not in memory: their terms must be stored before they are read back.
      this.writeUnwritten();
      w = { stats: new WindowStats(WINDOW_DAYS * DAY_MS, new TermStats().priorDocuments), neighbourhood: new StoryNeighbourhood(), loaded: { from, to } };
      this.window = w;
      this.load(w, from, to);
      return w;
    }
    // The window grows a day at a time at least: live coverage moves it forward by minutes, and reading
    // the store for every few minutes of news would cost a query per item. Items placed since the window
    // was made are in memory already and are skipped.
    if (from < w.loaded.from) {
      const start = Math.min(from, w.loaded.from - DAY_MS);
      this.load(w, start, w.loaded.from);
      w.loaded = { ...w.loaded, from: start };
    }
    if (to > w.loaded.to) {
      const end = Math.max(to, w.loaded.to + DAY_MS);
      this.load(w, w.loaded.to, end);
      w.loaded = { ...w.loaded, to: end };
    }
    return w;
  }

  private load(w: ClusteringWindow, from: number, to: number): void {
    for (const batch of this.repo.iterateItems(1000, { from: new Date(from).toISOString(), to: new Date(to).toISOString() })) {
      for (const r of batch) {
        if (r.storyId === null || w.neighbourhood.has(r.id)) continue;
        w.stats.add(r.id, Date.parse(r.publishedAt), storyFeatures(r));
        w.neighbourhood.add(r);
      }
    }
  }

  /** Forgets the items in memory after a re-clustering moved them: the next item reads its window afresh. */
  resetWindow(): void {
    this.window = null;
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

  /** {@link drain} after new items have settled for `settleMs`, so that items arriving together are placed in one batch. */
  drainSoon(): Promise<number> {
    if (!this.settling) {
      let now!: () => void;
      const done = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => now(), this.o.settleMs ?? 50);
        now = () => {
          clearTimeout(timer);
          this.settling = null;
          this.drain().then(resolve, reject);
        };
      });
      this.settling = { done, now };
    }
    return this.settling.done;
  }

  /**
   * Runs `fn` alone on the assigner's queue, after every item due has been placed: a re-clustering
   * sees every item with its terms, and no assignment interleaves with it.
   */
  exclusive<T>(fn: (stats: (next?: TermStats) => TermStats) => Promise<T> | T): Promise<T> {
    return this.serial(async () => {
      await this.drainAll();
      try {
        return await fn((next) => {
          if (next) {
            // A re-clustering has replaced the stored frequencies, batches not folded included.
            this.statsValue = next;
            this.unfolded = unfoldedByIds(this.repo.unfoldedTotals(), next);
          }
          return this.statsValue;
        });
      } finally {
        this.arrived.clear();
      }
    });
  }

  /** Stops reacting to new items and waits for the work under way. */
  async close(): Promise<void> {
    this.closed = true;
    this.o.events.off('item', this.onItem);
    // Items waiting to settle are placed now rather than at the next start.
    this.settling?.now();
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
      const batch = this.o.store.outbox.due([OUTBOX_STORY_TOPIC], this.pacer.size());
      if (batch.length === 0) {
        this.arrived.clear();
        break;
      }
      const done = this.pacer.run(batch.length, () => {
        const placedNow = this.placeBatch(batch);
        this.relink(placedNow);
        return placedNow;
      });
      placed += done.length;
      if (this.unfolded.counts.documents >= (this.o.foldStatsAfter ?? FOLD_STATS_AFTER)) {
        const { counts, lastBatch } = this.unfolded;
        this.repo.foldStats({ documents: counts.documents, counts: new Map(counts.entries(this.statsValue.keys)), lastBatch });
        counts.clear();
        this.unfolded.lastBatch = null;
      }
      await yieldToEventLoop();
    }
    if (placed > 0) {
      // The feeder may be finishing a run that already looked at the outbox: a second call catches what it missed.
      await this.o.feeder.drain();
      if (this.o.feeder.pending() > 0) await this.o.feeder.drain();
    }
    return placed;
  }

  /**
   * Places a batch in one transaction: each item's story and placement commit in its own savepoint,
   * the batch's terms, frequencies and acks in one statement each at the end, so a crash keeps the
   * whole batch or none of it. Should the commit itself fail, nothing of the batch is stored, so the
   * frequencies and the window in memory are read back from the store.
   */
  private placeBatch(batch: OutboxEntry[]): Placed[] {
    const items = this.rowsToPlace(batch.map((e) => e.refId));
    try {
      return this.repo.transaction(() => {
        const done: Placed[] = [];
        const acks: number[] = [];
        for (const entry of batch) {
          try {
            // The rows were read before the batch: an item queued twice is placed once.
            const p = this.place(items.get(entry.refId) ?? null);
            items.delete(entry.refId);
            if (p) done.push(p);
            acks.push(entry.id);
          } catch (err) {
            const message = errorMessage(err);
            this.o.store.outbox.retryLater([entry.id], message);
            this.o.logger.error({ itemId: entry.refId, err: message }, 'story assignment failed; entry kept in the outbox');
          }
        }
        this.writeUnwritten();
        this.o.store.outbox.ack(acks);
        return done;
      });
    } catch (err) {
      this.reloadStats();
      throw err;
    } finally {
      this.unwritten = noneUnwritten();
      this.batchCounts.clear();
    }
  }

  /** The items of a batch, as handed over where they were, else read from the store (absent: deleted since). */
  private rowsToPlace(ids: readonly number[]): Map<number, PlacementRow> {
    const rows = new Map<number, PlacementRow>();
    const unknown: number[] = [];
    for (const id of ids) {
      const row = this.arrived.get(id);
      if (row) {
        rows.set(id, row);
        this.arrived.delete(id);
      } else {
        unknown.push(id);
      }
    }
    if (unknown.length > 0) for (const [id, row] of this.repo.itemsToPlace(unknown)) rows.set(id, row);
    return rows;
  }

  private writeUnwritten(): void {
    this.repo.assign(this.unwritten.placements);
    this.repo.writeTerms(this.unwritten.terms);
    // Kept in memory as if committed: should the batch roll back, reloadStats reads the store again.
    const batch = this.repo.addCounts(this.batchCounts.documents, this.batchCounts.entries(this.statsValue.keys));
    if (batch !== null) {
      this.batchCounts.addTo(this.unfolded.counts);
      this.unfolded.lastBatch = batch;
    }
    this.batchCounts.clear();
    this.unwritten = noneUnwritten();
  }

  /** The frequencies as stored (the folded table and the batches not folded yet), and those batches. */
  private storedStats(): { stats: TermStats; unfolded: Unfolded } {
    const unfolded = this.repo.unfoldedTotals();
    const { documents, frequencies } = this.repo.termStats(unfolded);
    const stats = TermStats.fromJSON({ version: 1, documents, priorDocuments: new TermStats().priorDocuments, frequencies });
    return { stats, unfolded: unfoldedByIds(unfolded, stats) };
  }

  private reloadStats(): void {
    ({ stats: this.statsValue, unfolded: this.unfolded } = this.storedStats());
    this.window = null;
  }

  /** Places one item (null: deleted since, or already placed by a re-clustering: nothing to do). */
  private place(item: PlacementRow | null): Placed | null {
    if (!item || item.storyId !== null) return null;
    // Terms are worked out with the enrichment and stored with the item; items stored without them get them here.
    const stored = item.terms.length > 0;
    const candidate: StoryCandidate = { ...item, terms: stored ? item.terms : storyTerms(item.title, item.summary, item.language) };
    const keys = storyStatsKeys(candidate);
    const at = Date.parse(item.publishedAt);
    const window = this.windowAround(at);
    // Like the batch clusterer, every item counts in the rarity weights, its own included.
    this.statsValue.add(keys, this.batchCounts);
    window.stats.add(item.id, at, storyFeatures(candidate));
    try {
      const nk = storyNeighbourKeys(candidate, { stats: this.statsValue, windowStats: window.stats });
      const neighbours = window.neighbourhood.neighbours({
        id: item.id,
        at,
        from: at - WINDOW_DAYS * DAY_MS,
        to: at + WINDOW_DAYS * DAY_MS,
        keys: [...nk.entities, ...nk.terms],
        limit: this.o.maxNeighbours ?? 300,
      });
      const profile = storyProfile(candidate);
      const a = assignStory(profile ?? candidate, neighbours, { stats: this.statsValue, windowStats: window.stats, windowDays: WINDOW_DAYS });
      // A new story is made at once, since the batch's next items may join it; the placements are written with the batch.
      const storyId = a.storyId ?? this.repo.createStory(item.title, item.publishedAt);
      candidate.storyId = storyId;
      window.neighbourhood.add(candidate, profile);
      this.unwritten.placements.push({ itemId: item.id, storyId, at: item.publishedAt });
      if (!stored) this.unwritten.terms.push({ id: item.id, terms: candidate.terms });
      this.o.logger.debug({ itemId: item.id, storyId, opened: a.storyId === null, score: a.score, reasons: a.reasons }, 'story assigned');
      return { id: item.id, storyId, publishedAt: item.publishedAt, denial: item.denial && item.kind === 'official' };
    } catch (err) {
      this.statsValue.remove(keys, this.batchCounts);
      window.stats.remove(item.id);
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
        this.o.logger.error({ denialId: id, err: errorMessage(err) }, 'denial linking failed');
      }
    }
  }
}

interface Unwritten {
  placements: { itemId: number; storyId: number; at: string }[];
  terms: { id: number; terms: string[] }[];
}

const noneUnwritten = (): Unwritten => ({ placements: [], terms: [] });

/** Frequencies of committed batches not folded yet, by the ids of the assigner's TermStats keys, and the last such batch. */
interface Unfolded {
  counts: KeyTally;
  lastBatch: number | null;
}

/** The store's unfolded batches, counted by the ids of `stats`' keys. */
function unfoldedByIds(unfolded: UnfoldedStats, stats: TermStats): Unfolded {
  const counts = new KeyTally();
  for (const [key, n] of unfolded.counts) counts.count(stats.keys.idOf(key), n);
  counts.documents = unfolded.documents;
  return { counts, lastBatch: unfolded.lastBatch };
}

/** The placed items of a stretch of time, in memory: windowed frequencies and neighbour postings. */
interface ClusteringWindow {
  stats: WindowStats;
  neighbourhood: StoryNeighbourhood;
  /** Epoch ms: every placed item of [from, to] is in both. */
  loaded: { from: number; to: number };
}

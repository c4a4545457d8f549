import type { AnalysedFields, Item, PollResult } from '@parallax/domain';
import { DomainError, errorMessage } from '@parallax/domain';
import { FetchError, NearDuplicateIndex, fetchResource, nextPollDelay, type FetchedResource, type FetchOptions } from '@parallax/ingest';
import { type NewItem, type SourceWithValidators, type Store, storedItem } from '@parallax/store';
import { GroupCommit } from './group-commit.js';
import type { Logger } from './logger.js';
import type { PipelineEvents } from './pipeline-events.js';
import type { ReadEntry } from './preparation/entry-preparation.js';
import type { AnalysedFieldsCache } from './preparation/analysed-fields-cache.js';
import type { EntryPreparer } from './preparation/entry-preparer.js';

export type Fetch = (url: string, opts: FetchOptions) => Promise<FetchedResource>;

export interface IngestCycleOptions {
  store: Store;
  /** Parses, normalises and enriches (on worker threads in production: {@link EntryPreparer}). */
  preparer: EntryPreparer;
  /** Where the analysed fields of stored items wait for the index and the alert rules. */
  analysed?: AnalysedFieldsCache;
  events: PipelineEvents;
  logger: Logger;
  /** MONITOR_ALLOW_PRIVATE_SOURCES: let sources resolve to loopback/private addresses. */
  allowPrivate: boolean;
  /** The fetcher; defaults to the safe fetcher. The scheduler passes one wrapped in its politeness limits. */
  fetch?: Fetch;
  /** Where demo sources (`demo:` URLs) are served on loopback; demo sources fail cleanly without it. */
  demoBaseUrl?: () => string | null;
  /** Syndicated copies: SimHash distance at most this many bits (of 64). */
  nearDuplicateBits?: number;
  now?: () => Date;
}

/** How far back the in-memory near-duplicate index reaches at start-up: wire copies come within days. */
const NEAR_DUPLICATE_WINDOW_MS = 14 * 86_400_000;
/** A source's latest guids read from the store when the cycle has none of its own (see `lastGuids`): a feed carries its last few dozen entries. */
const STORED_GUIDS_READ = 100;
/** Characters of text below which near-duplicate detection is not attempted. */
const MIN_NEAR_DUPLICATE_TEXT = 160;

/**
 * One poll of one source: fetch → parse → normalise → dedup → enrich → store (+ outbox). Parsing and
 * enrichment are the preparer's (another thread); the store, dedup and the near-duplicate index stay here.
 * The scheduler, the API's "poll now" and the CLI all run exactly this.
 */
export class IngestCycle {
  /**
   * The originals of the last {@link NEAR_DUPLICATE_WINDOW_MS}, by fetch time: read at start-up, and
   * the older ones forgotten at each poll, so that a server that runs for months holds the same weeks
   * as one just started.
   */
  private readonly nearDuplicates = new NearDuplicateIndex();
  private readonly simhashSource = new Map<number, number>();
  private readonly fetch: Fetch;
  /** Demo feeds come from our own loopback server: no politeness queue needed. */
  private readonly fetchDemo: Fetch = fetchResource;
  private readonly now: () => Date;
  /** Polls that finish together store their items in one transaction. */
  private readonly commits: GroupCommit;
  /**
   * Per source, the guids its last poll found stored or stored itself: the next poll's reader leaves
   * those entries unread (a feed repeats its last few dozen entries, and sanitising them is most of
   * reading a re-poll; the store would drop them as known anyway). Only guids the store holds for the
   * source: learnt after the commit, and all forgotten when items are removed (a poll that began before
   * a removal learns nothing; a deleted source's id may be given to the next source). A source the
   * cycle has not polled since it started (or since a removal) starts from its latest guids in the
   * store, so a restart does not read every feed whole.
   */
  private readonly lastGuids = new Map<number, readonly string[]>();
  private removals = 0;

  constructor(private readonly o: IngestCycleOptions) {
    this.commits = new GroupCommit((fn) => o.store.items.transaction(fn));
    this.fetch = o.fetch ?? fetchResource;
    this.now = o.now ?? (() => new Date());
    const since = new Date(this.now().getTime() - NEAR_DUPLICATE_WINDOW_MS).toISOString();
    for (const r of o.store.items.recentSimhashes(since)) this.rememberSimhash(r.id, r.sourceId, r.simhash, Date.parse(r.fetchedAt));
    // A deleted item's id is given again to the next item stored (SQLite reuses the largest rowid): kept
    // here, it made a later copy of the deleted item a "copy" of whatever item took its id, even of itself.
    o.events.on('removed', (ids) => {
      this.forgetSimhashes(ids);
      this.lastGuids.clear();
      this.removals++;
    });
  }

  async poll(sourceId: number): Promise<PollResult> {
    const source = this.o.store.sources.get(sourceId);
    const startedAt = this.now();
    for (const id of this.nearDuplicates.deleteAddedBefore(startedAt.getTime() - NEAR_DUPLICATE_WINDOW_MS)) this.simhashSource.delete(id);
    const log = { sourceId, sourceUrl: source.url };
    let httpStatus: number | null = null;
    const result: PollResult = { fetched: 0, new: 0, duplicates: 0, errors: 0, unchanged: false, error: null, durationMs: 0 };
    let validators: { etag: string | null; lastModified: string | null } | undefined;
    let retryAfterMs: number | undefined;
    try {
      const resource = await this.fetchSource(source);
      httpStatus = resource.status;
      if (resource.notModified) {
        result.unchanged = true;
      } else {
        validators = { etag: resource.etag, lastModified: resource.lastModified };
        const removals = this.removals;
        const knownGuids = this.lastGuids.get(sourceId) ?? this.o.store.items.latestGuids(sourceId, STORED_GUIDS_READ);
        const { entries, known, feedLanguage } = await this.o.preparer.read(source, resource, startedAt.toISOString(), knownGuids);
        result.fetched = entries.length + known.length;
        result.duplicates += known.length;
        const held = await this.ingestEntries(source, entries, feedLanguage, startedAt, result);
        if (this.removals === removals) this.lastGuids.set(sourceId, [...known, ...held]);
      }
    } catch (err) {
      result.error = errorMessage(err);
      result.errors++;
      if (err instanceof FetchError) {
        httpStatus = err.status;
        retryAfterMs = err.retryAfterMs ?? undefined;
      }
      this.o.logger.warn({ ...log, err: result.error }, 'poll failed');
    }
    result.durationMs = this.now().getTime() - startedAt.getTime();
    const failures = result.error ? source.consecutiveFailures + 1 : 0;
    const intervalMs = source.pollIntervalSeconds * 1000;
    const delay = failures > 0 ? nextPollDelay(failures, intervalMs, retryAfterMs) : intervalMs * (0.9 + Math.random() * 0.2);
    this.o.store.sources.recordPoll(sourceId, { ...result, startedAt, httpStatus, nextPollAt: new Date(startedAt.getTime() + delay), validators });
    this.o.logger.info({ ...log, ...result, httpStatus }, 'poll done');
    this.o.events.emit('source', { sourceId, result });
    return result;
  }

  private fetchSource(source: SourceWithValidators): Promise<FetchedResource> {
    const accept = source.type === 'html' ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' : undefined;
    if (source.demo && source.url.startsWith('demo:')) {
      const base = this.o.demoBaseUrl?.();
      if (!base) return Promise.reject(new DomainError('UNAVAILABLE', 'the demo feed server is not running'));
      // Demo feeds are served by our own loopback server, so only they may reach loopback.
      return this.fetchDemo(new URL(source.url.slice('demo:'.length), base).toString(), { allowPrivate: true, accept });
    }
    return this.fetch(source.url, { etag: source.etag, lastModified: source.lastModified, allowPrivate: this.o.allowPrivate, accept });
  }

  /**
   * Stores a poll's new entries in one transaction, shared with the polls that finish in the same turn
   * ({@link GroupCommit}; each item still with its outbox rows, so a crash keeps all of them or none),
   * and only then tells the listeners. Entries whose guid the source already holds are counted as
   * duplicates before any hashing or enrichment: on a re-poll that is most of them. Resolves to the
   * guids of the entries the source now holds: those it held and those stored.
   */
  private async ingestEntries(source: SourceWithValidators, entries: ReadEntry[], feedLanguage: string | null, fetchedAt: Date, result: PollResult): Promise<string[]> {
    const readable: Extract<ReadEntry, { ok: true }>[] = [];
    for (const entry of entries) {
      if (entry.ok) readable.push(entry);
      else this.skipped(source, entry, entry.error, result);
    }
    const known = this.o.store.items.knownGuids(
      source.id,
      readable.map((e) => e.item.guid),
    );
    // A feed may repeat an entry: the first copy is the one enriched and stored.
    const seen = new Set<string>();
    // The guids the source holds: those the store knew, and below those stored.
    const held = [...known];
    const fresh = readable.filter((e) => {
      if (known.has(e.item.guid) || seen.has(e.item.guid)) {
        result.duplicates++;
        return false;
      }
      seen.add(e.item.guid);
      return true;
    });
    const declaredLanguage = source.language ?? feedLanguage;
    const prepared = await this.o.preparer.prepare(fresh.map((e) => ({ item: e.item, declaredLanguage, sourceKind: source.kind })));
    const stored: [Item, string[] | undefined][] = [];
    const analysed: [number, AnalysedFields][] = [];
    const stamp = fetchedAt.toISOString();
    // The fingerprints learnt in this poll are forgotten again if its items are rolled back: their ids
    // will be given to other items. They are learnt before the commit, so that a copy in another poll of
    // the same transaction is recognised.
    const learnt: number[] = [];
    const committed = this.commits.run(() => {
      fresh.forEach(({ item }, i) => {
        const p = prepared[i];
        if (!p?.ok) {
          this.skipped(source, { guid: item.guid, link: item.url }, p?.error ?? 'not prepared', result);
          return;
        }
        try {
          const newItem: NewItem = { ...item, ...p.enrichment, sourceId: source.id, fetchedAt: stamp, contentHash: p.contentHash, simhash: p.simhash, storyTerms: p.storyTerms, duplicateOf: null };
          newItem.duplicateOf = this.findOriginal({ sourceId: source.id, url: item.url, contentHash: p.contentHash, simhash: p.simhash, textLength: p.bodyLength });
          const outcome = this.o.store.items.insertIfNew(newItem);
          if (outcome.status === 'duplicate') {
            result.duplicates++;
            return;
          }
          result.new++;
          const added = storedItem(outcome.id, newItem, source);
          if (added.duplicateOf === null && p.bodyLength >= MIN_NEAR_DUPLICATE_TEXT) {
            this.rememberSimhash(added.id, source.id, p.simhash, fetchedAt.getTime());
            learnt.push(added.id);
          }
          stored.push([added, newItem.storyTerms]);
          held.push(item.guid);
          analysed.push([added.id, p.fields]);
        } catch (err) {
          this.skipped(source, { guid: item.guid, link: item.url }, errorMessage(err), result);
        }
      });
    });
    await committed.catch((err: unknown) => {
      this.forgetSimhashes(learnt);
      throw err;
    });
    // Only committed items: a rolled-back id may be given to another item.
    for (const [id, fields] of analysed) this.o.analysed?.set(id, fields);
    for (const [item, storyTerms] of stored) this.o.events.emit('item', item, storyTerms);
    return held;
  }

  private skipped(source: SourceWithValidators, entry: { guid: string | null; link: string | null }, err: string, result: PollResult): void {
    result.errors++;
    this.o.logger.warn({ sourceId: source.id, guid: entry.guid, link: entry.link, err }, 'entry skipped');
  }

  /** A syndicated copy: the same URL or text in another source, or a near-identical text (SimHash). */
  private findOriginal(c: { sourceId: number; url: string | null; contentHash: string; simhash: string; textLength: number }): number | null {
    const exact = this.o.store.items.findOriginal(c);
    if (exact !== null) return exact;
    // Short texts (a headline alone) share too few shingles for SimHash to tell copies from look-alikes.
    if (c.textLength < MIN_NEAR_DUPLICATE_TEXT) return null;
    const near = this.nearDuplicates
      .findNear(c.simhash, this.o.nearDuplicateBits ?? 3)
      .filter((id) => this.simhashSource.get(id) !== c.sourceId);
    return near.length ? Math.min(...near) : null;
  }

  private rememberSimhash(id: number, sourceId: number, simhash: string, at: number): void {
    this.nearDuplicates.add(id, simhash, at);
    this.simhashSource.set(id, sourceId);
  }

  private forgetSimhashes(ids: readonly number[]): void {
    for (const id of ids) {
      this.nearDuplicates.delete(id);
      this.simhashSource.delete(id);
    }
  }
}

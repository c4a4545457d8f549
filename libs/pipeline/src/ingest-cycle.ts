import type { Item, NormalisedItem, ParsedEntry, PollResult } from '@parallax/domain';
import { DomainError } from '@parallax/domain';
import type { Enricher } from '@parallax/enrich';
import {
  FetchError,
  NearDuplicateIndex,
  contentHash,
  fetchResource,
  nextPollDelay,
  normaliseEntry,
  simhash64,
  type FetchedResource,
  type FetchOptions,
} from '@parallax/ingest';
import type { SourceWithValidators, Store } from '@parallax/store';
import { readEntries } from './entry-reader.js';
import type { Logger } from './logger.js';
import type { PipelineEvents } from './pipeline-events.js';

export type Fetch = (url: string, opts: FetchOptions) => Promise<FetchedResource>;

export interface IngestCycleOptions {
  store: Store;
  enricher: Pick<Enricher, 'enrich'>;
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
/** Characters of text below which near-duplicate detection is not attempted. */
const MIN_NEAR_DUPLICATE_TEXT = 160;

/**
 * One poll of one source: fetch → parse → normalise → dedup → enrich → store (+ outbox).
 * The scheduler, the API's "poll now" and the CLI all run exactly this.
 */
export class IngestCycle {
  private readonly nearDuplicates = new NearDuplicateIndex();
  private readonly simhashSource = new Map<number, number>();
  private readonly fetch: Fetch;
  /** Demo feeds come from our own loopback server: no politeness queue needed. */
  private readonly fetchDemo: Fetch = fetchResource;
  private readonly now: () => Date;

  constructor(private readonly o: IngestCycleOptions) {
    this.fetch = o.fetch ?? fetchResource;
    this.now = o.now ?? (() => new Date());
    const since = new Date(this.now().getTime() - NEAR_DUPLICATE_WINDOW_MS).toISOString();
    for (const r of o.store.items.recentSimhashes(since)) this.rememberSimhash(r.id, r.sourceId, r.simhash);
  }

  async poll(sourceId: number): Promise<PollResult> {
    const source = this.o.store.sources.get(sourceId);
    const startedAt = this.now();
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
        const { entries, feedLanguage } = readEntries(source, resource);
        result.fetched = entries.length;
        this.ingestEntries(source, entries, feedLanguage, startedAt, result);
      }
    } catch (err) {
      result.error = describe(err);
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
   * Stores a poll's new entries in one transaction (each item still with its outbox rows, so a crash
   * keeps all of them or none), and only then tells the listeners. Entries whose guid the source already
   * holds are counted as duplicates before any hashing or enrichment: on a re-poll that is most of them.
   */
  private ingestEntries(source: SourceWithValidators, entries: ParsedEntry[], feedLanguage: string | null, fetchedAt: Date, result: PollResult): void {
    const normalised: { entry: ParsedEntry; item: NormalisedItem | null }[] = [];
    for (const entry of entries) {
      try {
        normalised.push({ entry, item: normaliseEntry(entry, { feedUrl: source.url, fetchedAt: fetchedAt.toISOString() }) });
      } catch (err) {
        this.skipped(source, entry, err, result);
      }
    }
    const known = this.o.store.items.knownGuids(
      source.id,
      normalised.flatMap((n) => (n.item ? [n.item.guid] : [])),
    );
    const stored: Item[] = [];
    this.o.store.items.transaction(() => {
      for (const { entry, item } of normalised) {
        if (!item) {
          result.errors++;
        } else if (known.has(item.guid)) {
          result.duplicates++;
        } else {
          const added = this.ingestEntry(source, entry, item, feedLanguage, fetchedAt, result);
          if (added) stored.push(added);
        }
      }
    });
    for (const item of stored) this.o.events.emit('item', item);
  }

  private ingestEntry(
    source: SourceWithValidators,
    entry: ParsedEntry,
    normalised: NormalisedItem,
    feedLanguage: string | null,
    fetchedAt: Date,
    result: PollResult,
  ): Item | null {
    try {
      const text = [normalised.title, normalised.summary, normalised.contentText].filter(Boolean).join('\n');
      const hash = contentHash(text);
      // Syndicated copies share the body but get their own headline and standfirst: fingerprint the body.
      const body = normalised.contentText ?? normalised.summary ?? normalised.title;
      const simhash = simhash64(body);
      const enrichment = this.o.enricher.enrich({
        title: normalised.title,
        summary: normalised.summary,
        contentText: normalised.contentText,
        declaredLanguage: source.language ?? feedLanguage,
        sourceKind: source.kind,
      });
      const candidate = { ...normalised, ...enrichment, sourceId: source.id, fetchedAt: fetchedAt.toISOString(), contentHash: hash, simhash };
      const outcome = this.o.store.items.insertIfNew({ ...candidate, duplicateOf: this.findOriginal({ ...candidate, textLength: body.length }) });
      if (outcome.status === 'duplicate') {
        result.duplicates++;
        return null;
      }
      result.new++;
      const item: Item = this.o.store.items.get(outcome.id);
      if (item.duplicateOf === null && body.length >= MIN_NEAR_DUPLICATE_TEXT) this.rememberSimhash(item.id, source.id, simhash);
      return item;
    } catch (err) {
      this.skipped(source, entry, err, result);
      return null;
    }
  }

  private skipped(source: SourceWithValidators, entry: ParsedEntry, err: unknown, result: PollResult): void {
    result.errors++;
    this.o.logger.warn({ sourceId: source.id, guid: entry.guid, link: entry.link, err: describe(err) }, 'entry skipped');
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

  private rememberSimhash(id: number, sourceId: number, simhash: string): void {
    this.nearDuplicates.add(id, simhash);
    this.simhashSource.set(id, sourceId);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

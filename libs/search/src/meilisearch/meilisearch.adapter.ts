import { DomainError, type FacetBucket, type SearchDocument, type SearchRequest, type SearchResponse } from '@parallax/domain';
import { bindQuery, outletKey, parseQuery, type BoundQuery, type EntityResolver } from '@parallax/query';
import { Meilisearch, MeilisearchApiError, type Index, type IndexSwap, type MultiSearchQuery } from 'meilisearch';
import { bucketKey, bucketSizeFor, fillHistogram, type BucketSize } from '../date-histogram.js';
import { toSearchHit } from '../search-hit.js';
import type { RebuildProgress, SearchIndex } from '../search-index.port.js';
import { checkSearchRequest, type TimeRange } from '../search-request.js';
import { ENTITY_FACET_SEPARATOR, fromMeiliDocument, HIT_ATTRIBUTES, toMeiliDocument, type MeiliDocument, type StoredHit } from './meili-document.js';
import { andFilters, requestFilter, translateQuery, type MeiliAlternative } from './meili-query.js';
import { MEILI_SETTINGS_VERSION, meiliSettings, settingsHash, TERMS_LOCALE } from './meili-settings.js';
import { asDomainError, awaitTask, describeFailedTask, MeiliTaskFailedError, type TaskWait } from './meili-tasks.js';

export interface MeiliSearchIndexOptions {
  /** `MEILI_URL`. */
  url: string;
  /** `MEILI_MASTER_KEY` (or an admin key): writes, settings, and creating the search key. */
  apiKey?: string | null;
  /** The items index; a rebuild fills `<uid>-rebuild` and swaps it in. */
  indexUid?: string;
  /** Where the applied settings version is recorded. */
  metaIndexUid?: string;
  resolveEntity?: EntityResolver;
  facetSize?: number;
  /** An OR query's facets and histogram come from at most this many of its matches. */
  facetSampleLimit?: number;
  /** Documents per write task. */
  batchSize?: number;
  task?: Partial<TaskWait>;
  /** Searches use a key that may only search this index, created with the master key (default on). */
  scopedSearchKey?: boolean;
  logger?: { warn(obj: object, msg?: string): void };
}

const NEWEST = ['publishedAt:desc', 'id:desc'];
/** The histogram is counted by one search per bucket up to this many buckets, else from a sample. */
const MAX_BUCKET_SEARCHES = 400;
/** Searches per multi-search request. */
const MULTI_SEARCH_CHUNK = 100;
const SAMPLE_ATTRIBUTES = ['id', 'publishedAt', 'outlet', 'outletKey', 'language', 'kind', 'entityFacet'];
const FACET_ATTRIBUTES = ['kind', 'language', 'outlet', 'entityFacet', 'publishedAt'];

type SampleRow = Pick<MeiliDocument, 'id' | 'publishedAt' | 'outlet' | 'outletKey' | 'language' | 'kind' | 'entityFacet'>;
type Facets = SearchResponse['facets'];

/**
 * The production search engine: Meilisearch behind the SearchIndex port. Documents carry the
 * project analyser's terms (meili-document.ts), queries are translated per OR alternative
 * (meili-query.ts), every write waits for its task (meili-tasks.ts). Nothing here is the source
 * of truth: a failed or unreachable engine rejects with `UNAVAILABLE` and the outbox retries.
 */
export class MeiliSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch';
  private readonly admin: Meilisearch;
  private searcher: Meilisearch;
  private readonly uid: string;
  private readonly metaUid: string;
  private readonly wait: TaskWait;
  private readonly facetSize: number;
  private readonly facetSampleLimit: number;
  private readonly batchSize: number;
  private readying: Promise<void> | null = null;
  private lastFailedTask: string | null = null;
  private closed = false;

  constructor(private readonly options: MeiliSearchIndexOptions) {
    this.admin = new Meilisearch({ host: options.url, apiKey: options.apiKey ?? undefined });
    this.searcher = this.admin;
    this.uid = options.indexUid ?? 'parallax-items';
    this.metaUid = options.metaIndexUid ?? 'parallax-meta';
    this.wait = { timeoutMs: options.task?.timeoutMs ?? 120_000, intervalMs: options.task?.intervalMs ?? 100 };
    this.facetSize = Math.max(1, Math.floor(options.facetSize ?? 20));
    this.facetSampleLimit = Math.max(1, Math.floor(options.facetSampleLimit ?? 10_000));
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  }

  /**
   * Creates the index and applies the settings (once per settings version), and the search key.
   * Runs on first use and again after a failure, so an engine that was down at start-up is set up
   * when it returns.
   */
  ready(): Promise<void> {
    this.readying ??= this.setUp().catch((err: unknown) => {
      this.readying = null;
      throw asDomainError(err, 'set-up');
    });
    return this.readying;
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    this.ensureOpen();
    const rows = docs.map(toMeiliDocument);
    if (rows.length === 0) return;
    await this.ready();
    await this.write('add documents', async () => {
      for (let i = 0; i < rows.length; i += this.batchSize) {
        const batch = rows.slice(i, i + this.batchSize);
        await awaitTask(() => this.admin.index<MeiliDocument>(this.uid).addDocuments(batch, { primaryKey: 'id' }), this.wait);
      }
    });
  }

  async remove(ids: number[]): Promise<void> {
    this.ensureOpen();
    if (ids.length === 0) return;
    await this.ready();
    await this.write('delete documents', () => awaitTask(() => this.admin.index(this.uid).deleteDocuments(ids), this.wait));
  }

  async clear(): Promise<void> {
    this.ensureOpen();
    await this.ready();
    await this.write('delete all documents', () => awaitTask(() => this.admin.index(this.uid).deleteAllDocuments(), this.wait));
  }

  /**
   * Rebuilds into a second index and swaps it in (POST /swap-indexes), so searches keep answering
   * from the old index until the new one is complete; the old one is then deleted.
   */
  async rebuild(batches: Iterable<SearchDocument[]> | AsyncIterable<SearchDocument[]>, progress?: RebuildProgress): Promise<number> {
    this.ensureOpen();
    await this.ready();
    const next = `${this.uid}-rebuild`;
    let done = 0;
    await this.write('rebuild', async () => {
      await this.deleteIndexIfPresent(next);
      await awaitTask(() => this.admin.createIndex(next, { primaryKey: 'id' }), this.wait);
      await awaitTask(() => this.admin.index(next).updateSettings(meiliSettings()), this.wait);
      for await (const docs of batches) {
        const rows = docs.map(toMeiliDocument);
        if (rows.length) await awaitTask(() => this.admin.index<MeiliDocument>(next).addDocuments(rows, { primaryKey: 'id' }), this.wait);
        done += docs.length;
        progress?.(done);
      }
      // `rename` is left out on purpose: engines before it existed refuse unknown fields, and its
      // default (false) is the exchange of contents we want.
      const swap = { indexes: [this.uid, next] } as unknown as IndexSwap;
      await awaitTask(() => this.admin.swapIndexes([swap]), this.wait);
      await awaitTask(() => this.admin.deleteIndex(next), this.wait);
    });
    return done;
  }

  async count(): Promise<number> {
    this.ensureOpen();
    await this.ready();
    try {
      return (await this.admin.index(this.uid).getStats()).numberOfDocuments;
    } catch (err) {
      throw asDomainError(err, 'count');
    }
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    if (this.closed) return { ok: false, detail: 'index closed' };
    try {
      await this.admin.health();
      await this.ready();
      const n = (await this.admin.index(this.uid).getStats()).numberOfDocuments;
      const failed = this.lastFailedTask ? `; last failed task: ${this.lastFailedTask}` : '';
      return { ok: true, detail: `meilisearch ${this.uid}, ${n} documents${failed}` };
    } catch (err) {
      return { ok: false, detail: asDomainError(err, 'health').message };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  async search(req: SearchRequest): Promise<SearchResponse> {
    this.ensureOpen();
    const range = checkSearchRequest(req);
    const bound = bindQuery(parseQuery(req.q ?? '', { resolveEntity: this.options.resolveEntity }));
    const alternatives = translateQuery(bound);
    const base = requestFilter(req, range);
    if (alternatives.length === 0) return emptyResponse();
    await this.ready();
    try {
      const [single] = alternatives;
      return single && alternatives.length === 1
        ? await this.searchOne({ ...single, filter: andFilters(base, single.filter) }, req, range, bound)
        : await this.searchMany(alternatives.map((a) => ({ ...a, filter: andFilters(base, a.filter) })), req, range, bound);
    } catch (err) {
      if (err instanceof MeilisearchApiError && /^invalid_search_(filter|q|sort)$/.test(err.cause?.code ?? '')) {
        // Last line of defence, as with FTS5: the translation escapes everything, but an engine
        // complaint about the query must still reach the analyst as a 400, not a 500.
        throw new DomainError('QUERY_SYNTAX', 'the query could not be run', { field: 'q', position: 0, expected: 'a simpler query' });
      }
      throw asDomainError(err, 'search');
    }
  }

  /** One search: hits, the exact total (the `kind` facet: every item has one kind), facets. */
  private async searchOne(alt: MeiliAlternative, req: SearchRequest, range: TimeRange, bound: BoundQuery): Promise<SearchResponse> {
    const withFacets = req.facets !== false;
    const r = await this.index().search<StoredHit>(alt.q, {
      filter: alt.filter ?? undefined,
      sort: req.sort === 'newest' || !alt.ranked ? NEWEST : undefined,
      offset: req.offset,
      limit: req.limit,
      facets: withFacets ? FACET_ATTRIBUTES : ['kind'],
      attributesToRetrieve: [...HIT_ATTRIBUTES],
      matchingStrategy: 'all',
      locales: [TERMS_LOCALE],
    });
    const kinds = r.facetDistribution?.['kind'] ?? {};
    const total = Object.values(kinds).reduce((s, n) => s + n, 0);
    const hits = r.hits.map((h) => toSearchHit(fromMeiliDocument(h), bound));
    if (!withFacets || total === 0) return { total, hits, facets: emptyFacets(), histogram: [] };
    const dist = r.facetDistribution ?? {};
    const facets = this.facetsFrom(dist['entityFacet'] ?? {}, dist['outlet'] ?? {}, dist['language'] ?? {}, kinds);
    const stats = r.facetStats?.['publishedAt'];
    const from = range.from ?? new Date(stats?.min ?? 0).toISOString();
    const to = range.to ?? new Date(stats?.max ?? 0).toISOString();
    return { total, hits, facets, histogram: await this.bucketedHistogram(alt, from, to) };
  }

  /**
   * Several alternatives (an OR): relevance order from a federated multi-search, which merges the
   * alternatives by ranking score and returns each item once; newest order by merging each
   * alternative's newest `offset + limit`, which holds the union's first `offset + limit`. Total,
   * facets and histogram come from the union's first `facetSampleLimit` matches.
   */
  private async searchMany(alternatives: MeiliAlternative[], req: SearchRequest, range: TimeRange, bound: BoundQuery): Promise<SearchResponse> {
    const queries = alternatives.map((a) => this.query(a));
    const ranked = req.sort === 'relevance' && alternatives.some((a) => a.ranked);
    const page = req.limit === 0 ? [] : ranked ? await this.federatedPage(queries, req) : await this.newestPage(queries, req);
    const hits = page.map((h) => toSearchHit(fromMeiliDocument(h), bound));
    const sample = await this.client().multiSearch<{ federation: { offset: number; limit: number }; queries: MultiSearchQuery[] }, SampleRow>({
      federation: { offset: 0, limit: this.facetSampleLimit },
      queries: queries.map((q) => ({ ...q, attributesToRetrieve: SAMPLE_ATTRIBUTES })),
    });
    const rows = uniqueById(sample.hits);
    const total = rows.length < this.facetSampleLimit ? rows.length : Math.max(rows.length, sample.estimatedTotalHits ?? 0);
    if (req.facets === false || total === 0) return { total, hits, facets: emptyFacets(), histogram: [] };
    return { total, hits, ...this.facetsFromSample(rows, range) };
  }

  private async federatedPage(queries: MultiSearchQuery[], req: SearchRequest): Promise<StoredHit[]> {
    const r = await this.client().multiSearch<{ federation: { offset: number; limit: number }; queries: MultiSearchQuery[] }, StoredHit>({
      federation: { offset: req.offset, limit: req.limit },
      queries,
    });
    return uniqueById(r.hits);
  }

  private async newestPage(queries: MultiSearchQuery[], req: SearchRequest): Promise<StoredHit[]> {
    const depth = req.offset + req.limit;
    const r = await this.client().multiSearch<{ queries: MultiSearchQuery[] }, StoredHit & Pick<MeiliDocument, 'publishedAt'>>({
      queries: queries.map((q) => ({ ...q, sort: NEWEST, offset: 0, limit: depth, attributesToRetrieve: [...HIT_ATTRIBUTES, 'publishedAt'] })),
    });
    const merged = uniqueById(r.results.flatMap((res) => res.hits));
    merged.sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id);
    return merged.slice(req.offset, depth);
  }

  private query(alt: MeiliAlternative): MultiSearchQuery {
    return {
      indexUid: this.uid,
      q: alt.q,
      filter: alt.filter ?? undefined,
      attributesToRetrieve: [...HIT_ATTRIBUTES],
      matchingStrategy: 'all',
      locales: [TERMS_LOCALE],
    };
  }

  /**
   * The histogram of one search by counting each bucket with a search of its own (limit 0, the
   * `kind` facet as exact count), sent together in multi-search requests. Past
   * MAX_BUCKET_SEARCHES buckets it falls back to a sample of the newest matches.
   */
  private async bucketedHistogram(alt: MeiliAlternative, from: string, to: string): Promise<SearchResponse['histogram']> {
    const size = bucketSizeFor(from, to);
    const step = size === 'day' ? 86_400_000 : 3_600_000;
    const start = Date.parse(bucketStart(from, size));
    const end = Date.parse(to);
    const starts: number[] = [];
    for (let t = start; t <= end; t += step) starts.push(t);
    if (starts.length > MAX_BUCKET_SEARCHES) {
      const sample = await this.index().search<SampleRow>(alt.q, {
        filter: alt.filter ?? undefined,
        sort: NEWEST,
        limit: this.facetSampleLimit,
        attributesToRetrieve: ['publishedAt'],
        matchingStrategy: 'all',
        locales: [TERMS_LOCALE],
      });
      return histogramOf(sample.hits, from, to);
    }
    const counts = new Map<string, number>();
    for (let i = 0; i < starts.length; i += MULTI_SEARCH_CHUNK) {
      const chunk = starts.slice(i, i + MULTI_SEARCH_CHUNK);
      const r = await this.client().multiSearch<{ queries: MultiSearchQuery[] }>({
        queries: chunk.map((t) => ({
          ...this.query(alt),
          filter: andFilters(alt.filter, `publishedAt >= ${t} AND publishedAt < ${t + step}`) ?? undefined,
          limit: 0,
          facets: ['kind'],
          attributesToRetrieve: ['id'],
        })),
      });
      r.results.forEach((res, j) => {
        const n = Object.values(res.facetDistribution?.['kind'] ?? {}).reduce((s, c) => s + c, 0);
        const t = chunk[j];
        if (n > 0 && t !== undefined) counts.set(bucketKey(new Date(t).toISOString(), size), n);
      });
    }
    return fillHistogram(counts, from, to, size);
  }

  private facetsFrom(entity: Record<string, number>, outlet: Record<string, number>, language: Record<string, number>, kind: Record<string, number>): Facets {
    const entities = new Map<string, { label: string; count: number }>();
    for (const [value, count] of Object.entries(entity)) {
      const cut = value.indexOf(ENTITY_FACET_SEPARATOR);
      const qid = cut < 0 ? value : value.slice(0, cut);
      const label = cut < 0 ? value : value.slice(cut + 1);
      // One item holds a QID once, so counts under different labels of one QID add up exactly.
      const e = entities.get(qid);
      if (e) e.count += count;
      else entities.set(qid, { label, count });
    }
    const outlets = new Map<string, { label: string; count: number }>();
    for (const [name, count] of Object.entries(outlet)) {
      const key = outletKey(name);
      const o = outlets.get(key);
      if (o) o.count += count;
      else outlets.set(key, { label: name, count });
    }
    return {
      entity: this.top([...entities].map(([qid, e]) => ({ value: qid, label: e.label, count: e.count }))),
      outlet: this.top([...outlets.values()].map((o) => ({ value: o.label, label: o.label, count: o.count }))),
      language: this.top(Object.entries(language).map(([v, count]) => ({ value: v, label: v, count }))),
      kind: this.top(Object.entries(kind).map(([v, count]) => ({ value: v, label: v, count }))),
    };
  }

  private facetsFromSample(rows: SampleRow[], range: TimeRange): Pick<SearchResponse, 'facets' | 'histogram'> {
    const tally = (values: string[]): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const v of values) out[v] = (out[v] ?? 0) + 1;
      return out;
    };
    const facets = this.facetsFrom(tally(rows.flatMap((r) => r.entityFacet)), tally(rows.map((r) => r.outlet)), tally(rows.map((r) => r.language)), tally(rows.map((r) => r.kind)));
    const times = rows.map((r) => r.publishedAt);
    const from = range.from ?? new Date(Math.min(...times)).toISOString();
    const to = range.to ?? new Date(Math.max(...times)).toISOString();
    return { facets, histogram: histogramOf(rows, from, to) };
  }

  private top(buckets: FacetBucket[]): FacetBucket[] {
    return buckets.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, this.facetSize);
  }

  private async setUp(): Promise<void> {
    const created = await this.ensureIndex(this.uid);
    await this.ensureSettings(created);
    if (this.options.scopedSearchKey !== false) await this.useSearchKey();
  }

  /** True when the index had to be created (and so has no settings yet). */
  private async ensureIndex(uid: string): Promise<boolean> {
    try {
      await this.admin.getIndex(uid);
      return false;
    } catch (err) {
      if (!(err instanceof MeilisearchApiError) || err.cause?.code !== 'index_not_found') throw err;
    }
    await awaitTask(() => this.admin.createIndex(uid, { primaryKey: 'id' }), this.wait);
    return true;
  }

  /**
   * Applies the settings unless the meta index records this version and hash as applied: settings
   * updates re-index every document, so start-up must not trigger one each time.
   */
  private async ensureSettings(created: boolean): Promise<void> {
    const hash = settingsHash();
    await this.ensureIndex(this.metaUid);
    if (!created) {
      const applied = await this.admin
        .index(this.metaUid)
        .getDocument<{ version: number; hash: string }>(this.uid)
        .catch((err: unknown) => {
          if (err instanceof MeilisearchApiError && err.cause?.code === 'document_not_found') return null;
          throw err;
        });
      if (applied?.version === MEILI_SETTINGS_VERSION && applied.hash === hash) return;
    }
    await awaitTask(() => this.admin.index(this.uid).updateSettings(meiliSettings()), this.wait);
    const record = { id: this.uid, version: MEILI_SETTINGS_VERSION, hash, appliedAt: new Date().toISOString() };
    await awaitTask(() => this.admin.index(this.metaUid).addDocuments([record], { primaryKey: 'id' }), this.wait);
  }

  /**
   * Searches run with a key whose only right is `search` on this index, so a leak of the search
   * path's key cannot write or read other indexes. Found by name or created with the master key;
   * without the right to manage keys (not the master key), the given key is used as it is.
   */
  private async useSearchKey(): Promise<void> {
    const name = `parallax-search-${this.uid}`;
    try {
      const keys = await this.admin.getKeys({ limit: 1000 });
      const key =
        keys.results.find((k) => k.name === name && k.actions.includes('search') && k.indexes.includes(this.uid)) ??
        (await this.admin.createKey({ name, description: 'Parallax: search only', actions: ['search'], indexes: [this.uid], expiresAt: null }));
      this.searcher = new Meilisearch({ host: this.options.url, apiKey: key.key });
    } catch (err) {
      if (!(err instanceof MeilisearchApiError)) throw err;
      this.options.logger?.warn({ err: asDomainError(err, 'keys').message }, 'no scoped search key; searching with the configured key');
    }
  }

  private async deleteIndexIfPresent(uid: string): Promise<void> {
    try {
      await awaitTask(() => this.admin.deleteIndex(uid), this.wait);
    } catch (err) {
      if (err instanceof MeiliTaskFailedError && err.task.error?.code === 'index_not_found') return;
      throw err;
    }
  }

  /** Runs a write; a failed task is remembered for health and the error handed to the caller (the outbox retries). */
  private async write<T>(doing: string, run: () => Promise<T>): Promise<T> {
    try {
      const out = await run();
      this.lastFailedTask = null;
      return out;
    } catch (err) {
      if (err instanceof MeiliTaskFailedError) {
        this.lastFailedTask = describeFailedTask(err.task);
        this.options.logger?.warn({ taskUid: err.task.uid, err: this.lastFailedTask }, 'meilisearch task failed');
      }
      throw asDomainError(err, doing);
    }
  }

  private index(): Index<StoredHit> {
    return this.searcher.index<StoredHit>(this.uid);
  }

  private client(): Meilisearch {
    return this.searcher;
  }

  private ensureOpen(): void {
    if (this.closed) throw new DomainError('UNAVAILABLE', 'search index is closed');
  }
}

function bucketStart(iso: string, size: BucketSize): string {
  return bucketKey(iso, size) + (size === 'day' ? 'T00:00:00Z' : '');
}

function histogramOf(rows: Pick<MeiliDocument, 'publishedAt'>[], from: string, to: string): SearchResponse['histogram'] {
  const size = bucketSizeFor(from, to);
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = bucketKey(new Date(r.publishedAt).toISOString(), size);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return fillHistogram(counts, from, to, size);
}

function uniqueById<T extends { id: number }>(rows: T[]): T[] {
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

function emptyFacets(): Facets {
  return { entity: [], outlet: [], language: [], kind: [] };
}

function emptyResponse(): SearchResponse {
  return { total: 0, hits: [], facets: emptyFacets(), histogram: [] };
}


import path from 'node:path';
import { type CustomEntity, Enricher } from '@parallax/enrich';
import { FetchScheduler, fetchResource, type FetchOptions } from '@parallax/ingest';
import { MeiliSearchIndex, SqliteFtsIndex, type SearchIndex } from '@parallax/search';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, Store, WalCheckpointer } from '@parallax/store';
import { Alerts } from './alerts/alerts.js';
import type { RetrySchedule } from './alerts/retry-schedule.js';
import { DemoFeedServer } from './demo-feed-server.js';
import { defaultIngestThreads } from './environment.js';
import { IndexFeeder } from './index-feeder.js';
import { IngestCycle } from './ingest-cycle.js';
import type { Logger } from './logger.js';
import { PipelineEvents } from './pipeline-events.js';
import { PollScheduler } from './poll-scheduler.js';
import { type EntryPreparer, InlinePreparer } from './preparation/entry-preparer.js';
import { WorkerPreparer } from './preparation/worker-preparer.js';
import { AnalysedFieldsCache } from './preparation/analysed-fields-cache.js';
import { RetagJob } from './stories/retag-job.js';
import { StoryAssigner } from './stories/story-assigner.js';

/** What this thread asks of the gazetteer. */
export type EntityLookups = Pick<Enricher, 'resolveEntity' | 'tagEntities' | 'listEntities'>;

export interface RuntimeOptions {
  dataDir: string;
  seedDir: string;
  allowPrivateSources: boolean;
  pollConcurrency: number;
  meiliUrl: string | null;
  /** MEILI_MASTER_KEY: writes and settings; searches use a search-only key made with it. */
  meiliMasterKey?: string | null;
  /** Quiet time between two requests to one host (politeness); tests set 0. */
  perHostGapMs: number;
  /** Whole-request deadline and decompressed-size cap of every fetch (fetcher defaults when absent). */
  fetchTimeoutMs?: number;
  fetchMaxBytes?: number;
  logger: Logger;
  /** Alert e-mails are sent through this SMTP server when set. */
  smtpUrl?: string | null;
  /** Backoff of failed alert deliveries (tests shorten it). */
  alertRetrySchedule?: RetrySchedule;
  /**
   * Threads that parse and enrich polled documents beside the main thread (MONITOR_INGEST_THREADS);
   * 0 prepares on the main thread. Default: one per core beyond the first, at most 4.
   */
  ingestThreads?: number;
}

/**
 * The whole back end as one object graph: store, search index, enricher and the ingest pipeline.
 * The API wires it into Nest providers and the CLI uses it directly, so both run the same parts.
 */
export class Runtime {
  readonly events = new PipelineEvents();
  readonly demo: DemoFeedServer;
  /**
   * Entity lookups on this thread: names in queries and alert rules, a denial's passage, the gazetteer.
   * Replaced as a whole when analysts add entities (`reloadEntities`), so readers never see half a gazetteer.
   */
  enricher: EntityLookups;
  /**
   * The whole enricher, language model included (eld's tables, about 30 MB), when this thread prepares polls
   * itself; null when preparation threads do, since nothing else here identifies languages (a re-tag
   * enriches through the preparer too).
   */
  private languageEnricher: Enricher | null;
  readonly cycle: IngestCycle;
  readonly feeder: IndexFeeder;
  readonly scheduler: PollScheduler;
  readonly alerts: Alerts;
  /** Story clustering of new items and denial linking (drains the `story` outbox). */
  readonly stories: StoryAssigner;
  /** Re-tags stored items and re-clusters their stories. */
  readonly retag: RetagJob;

  readonly index: SearchIndex;
  /** Checkpoints the store's and the embedded index's write-ahead logs off this thread; null under vitest. */
  private readonly checkpointer: WalCheckpointer | null;
  /** Where polls parse and enrich: worker threads, or this thread. */
  readonly preparer: EntryPreparer;

  private constructor(
    readonly options: RuntimeOptions,
    readonly store: Store,
    /** The whole enricher without threads; entity lookups only with them. */
    enricher: Enricher,
    /** Preparation threads, or null to prepare on this thread. */
    private readonly threads: WorkerPreparer | null,
  ) {
    const logger = options.logger;
    this.demo = new DemoFeedServer(path.join(options.seedDir, 'demo'));
    this.enricher = enricher;
    this.languageEnricher = threads ? null : enricher;
    const resolveEntity = (name: string) => this.enricher.resolveEntity(name);
    // The write-ahead logs are checkpointed on a thread of their own, not by the commits of this one
    // (where the compiled thread script exists: not under vitest). Each connection keeps a backstop.
    const indexFile = path.join(options.dataDir, 'search.db');
    const background = WalCheckpointer.available();
    if (background) store.db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
    // Meilisearch when MEILI_URL is set (DESIGN.md, "Storage and search"), else the embedded index.
    // Meilisearch is set up on first use, not here: the app starts while the engine is still down,
    // and the outbox holds the items until it answers.
    this.index = options.meiliUrl
      ? new MeiliSearchIndex({ url: options.meiliUrl, apiKey: options.meiliMasterKey ?? null, resolveEntity, logger })
      : new SqliteFtsIndex({
          path: indexFile,
          resolveEntity,
          walAutocheckpoint: background ? BACKSTOP_AUTOCHECKPOINT_PAGES : undefined,
          // The index is written on a thread of its own; this thread searches it.
          writer: 'thread',
        });
    this.checkpointer = background
      ? new WalCheckpointer([Store.fileIn(options.dataDir), ...(options.meiliUrl ? [] : [indexFile])], {
          onError: (file, err) => logger.warn({ file, err }, 'checkpoint failed; the next round, or each connection at its backstop, checkpoints instead'),
        })
      : null;
    this.preparer = threads ?? new InlinePreparer(() => this.languageEnricher as Enricher);
    // What the preparation threads analysed, for the index and the alert rules on this thread.
    const analysed = new AnalysedFieldsCache();
    const politeness = new FetchScheduler({ concurrency: options.pollConcurrency, perHostGapMs: options.perHostGapMs });
    this.cycle = new IngestCycle({
      store,
      preparer: this.preparer,
      analysed,
      events: this.events,
      logger,
      allowPrivate: options.allowPrivateSources,
      fetch: politeness.wrap((url, opts: FetchOptions) => fetchResource(url, { timeoutMs: options.fetchTimeoutMs, maxBytes: options.fetchMaxBytes, ...opts })),
      demoBaseUrl: () => this.demo.baseUrl(),
    });
    this.feeder = new IndexFeeder(store, this.index, logger, { analysed });
    this.scheduler = new PollScheduler(store, this.cycle, this.feeder, this.events, logger, {
      concurrency: options.pollConcurrency,
      // Placing new items in stories feeds the index afterwards: each new item is indexed once, with its story.
      afterPoll: () => this.stories.drainSoon(),
      hosts: politeness,
    });
    this.alerts = new Alerts({
      store,
      events: this.events,
      logger,
      resolveEntity,
      allowPrivate: options.allowPrivateSources,
      smtpUrl: options.smtpUrl ?? null,
      retrySchedule: options.alertRetrySchedule,
      analysed,
    });
    this.stories = new StoryAssigner({
      store,
      events: this.events,
      logger,
      feeder: this.feeder,
      // The current gazetteer, custom entities included, for the denying passage of a statement.
      tagEntities: (text, language) => this.enricher.tagEntities(text, language).map((e) => e.qid),
    });
    this.retag = new RetagJob({
      store,
      events: this.events,
      logger,
      assigner: this.stories,
      // Where polls are prepared: the threads' enrichers carry the current custom entities (reloadEntities).
      preparer: this.preparer,
    });
  }

  static async open(options: RuntimeOptions): Promise<Runtime> {
    const store = Store.open(Store.fileIn(options.dataDir));
    const customEntities = store.entities.list();
    const count = options.ingestThreads ?? defaultIngestThreads();
    // Under vitest the sources run untranspiled and the worker script does not exist: prepare inline.
    // The threads start first, so they build their enrichers while this thread builds its own.
    const threads = count > 0 && WorkerPreparer.available() ? new WorkerPreparer(count, customEntities, options.logger) : null;
    let runtime: Runtime;
    try {
      // The language model (eld's tables) loads asynchronously, once; only a thread that prepares polls needs it.
      runtime = new Runtime(options, store, await Runtime.enricherFor(customEntities, threads), threads);
    } catch (err) {
      await threads?.close();
      store.close();
      throw err;
    }
    try {
      // Polls start warm: every preparation thread's enricher built and its lazy tables filled.
      await runtime.preparer.ready();
    } catch (err) {
      await runtime.close();
      throw err;
    }
    return runtime;
  }

  /** Rebuilds the gazetteer with the analysts' current custom entities; applies to items ingested from now on. */
  async reloadEntities(): Promise<void> {
    const customEntities = this.store.entities.list();
    const enricher = await Runtime.enricherFor(customEntities, this.threads);
    this.enricher = enricher;
    if (!this.threads) this.languageEnricher = enricher;
    await this.preparer.reload(customEntities);
    // Alert rules naming entities are compiled against the names in force.
    this.alerts.matcher.reload();
  }

  /** This thread's enricher: the whole one when it prepares polls itself, entity lookups only beside preparation threads. */
  private static async enricherFor(customEntities: CustomEntity[], threads: WorkerPreparer | null): Promise<Enricher> {
    return threads ? new Enricher({ customEntities }) : Enricher.create({ customEntities });
  }

  async close(): Promise<void> {
    await this.scheduler.idle();
    await this.retag.idle();
    await this.stories.close();
    await this.alerts.close();
    await this.preparer.close();
    await this.demo.stop();
    // Before the connections close: the last one to close a file checkpoints it and removes its log.
    await this.checkpointer?.stop();
    await this.index.close();
    this.store.close();
  }
}

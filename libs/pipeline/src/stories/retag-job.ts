import { performance } from 'node:perf_hooks';
import type { Enrichment, Item, RetagResult, RetagStatus } from '@parallax/domain';
import { DomainError, errorMessage } from '@parallax/domain';
import { TermStats, clusterStoriesInSteps, storyStatsKeys, windowStatsOf } from '@parallax/enrich';
import type { Store, StoryItemRow } from '@parallax/store';
import { TimeSlice } from '../batch-pacer.js';
import type { Logger } from '../logger.js';
import type { EntryPreparer } from '../preparation/entry-preparer.js';
import type { PreparedEntry } from '../preparation/entry-preparation.js';
import type { PipelineEvents } from '../pipeline-events.js';
import type { StoryAssigner } from './story-assigner.js';

export interface RetagJobOptions {
  store: Store;
  events: PipelineEvents;
  logger: Logger;
  assigner: StoryAssigner;
  /** Enriches the items: the runtime's preparation threads, or its own enricher on this thread when it has none. */
  preparer: Pick<EntryPreparer, 'prepare'>;
  batchSize?: number;
  /** How long the re-clustering and re-linking may hold the thread between pauses (default 20 ms). */
  sliceMs?: number;
}

/** Items per request to the preparer: a thread busy with one is not long away from the polls. */
const PREPARE_CHUNK = 100;

/** The story window the assigner uses (assignStory's default): rarity is judged within it too. */
const WINDOW_DAYS = 7;

const IDLE: RetagStatus = { running: false, phase: 'idle', done: 0, total: 0, startedAt: null, finishedAt: null, result: null, error: null };

/**
 * Re-tags every stored item with the current enricher (new custom entities apply to old items), then
 * re-clusters all stories from scratch (libs/enrich `clusterStories`) and re-links every official
 * denial. Progress goes out as `progress` events (task `retag`, phase in `detail`). Story ids are kept
 * where a new cluster holds most of an old story's items, so links to a story survive a re-tag.
 */
export class RetagJob {
  private state: RetagStatus = IDLE;
  private running: Promise<RetagResult> | null = null;

  constructor(private readonly o: RetagJobOptions) {}

  status(): RetagStatus {
    return { ...this.state };
  }

  /** Starts the job in the background; a CONFLICT while one runs. */
  start(): RetagStatus {
    if (this.running) throw new DomainError('CONFLICT', 'a re-tag is already running', { field: 'retag' });
    this.run().catch((err: unknown) => this.o.logger.error({ err: String(err) }, 'retag failed'));
    return this.status();
  }

  /** Runs the job to its end (the CLI awaits it); joins a run under way. */
  run(): Promise<RetagResult> {
    this.running ??= this.execute().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no job runs: for a clean shutdown. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async execute(): Promise<RetagResult> {
    const total = this.o.store.items.count();
    this.state = { ...IDLE, running: true, phase: 'enrich', total, startedAt: new Date().toISOString() };
    try {
      const t0 = performance.now();
      const retagged = await this.enrichAll(total);
      const t1 = performance.now();
      const { stories, moved, items } = await this.recluster();
      const t2 = performance.now();
      const denialLinks = await this.relinkAll();
      const t3 = performance.now();
      await this.o.assigner.drain();
      const result: RetagResult = {
        items,
        retagged,
        stories,
        moved,
        denialLinks,
        enrichMs: Math.round(t1 - t0),
        clusterMs: Math.round(t2 - t1),
        linkMs: Math.round(t3 - t2),
      };
      this.state = { ...this.state, running: false, phase: 'done', done: this.state.total, finishedAt: new Date().toISOString(), result };
      this.o.events.emit('progress', { task: 'retag', done: this.state.total, total: this.state.total, detail: 'done' });
      this.o.logger.info({ ...result }, 'retag done');
      return result;
    } catch (err) {
      const message = errorMessage(err);
      this.state = { ...this.state, running: false, phase: 'failed', finishedAt: new Date().toISOString(), error: message };
      this.o.events.emit('progress', { task: 'retag', done: this.state.done, total: this.state.total, detail: `failed: ${message}` });
      throw err;
    }
  }

  private progress(phase: RetagStatus['phase'], done: number, total: number): void {
    this.state = { ...this.state, phase, done, total };
    this.o.events.emit('progress', { task: 'retag', done, total, detail: phase });
  }

  /**
   * Re-runs language, entities and stance over every item; writes (and re-indexes) only what changed.
   * The enrichment runs where polls are prepared (the preparation threads, whose enrichers carry the
   * current custom entities), a chunk at a time, so this thread only writes: it is the API's too.
   */
  private async enrichAll(total: number): Promise<number> {
    const languages = new Map<number, string | null>();
    const declared = (sourceId: number): string | null => {
      let language = languages.get(sourceId);
      if (language === undefined) {
        language = this.o.store.sources.get(sourceId).language ?? null;
        languages.set(sourceId, language);
      }
      return language;
    };
    const repo = this.o.assigner.repo;
    let done = 0;
    let changed = 0;
    this.progress('enrich', 0, total);
    for (const page of this.o.store.items.iterate(this.o.batchSize ?? 500)) {
      const chunks: Item[][] = [];
      for (let i = 0; i < page.length; i += PREPARE_CHUNK) chunks.push(page.slice(i, i + PREPARE_CHUNK));
      // All of a page's chunks at once, so that every thread has work; each is written as it comes back.
      const preparing = chunks.map((chunk) =>
        this.o.preparer.prepare(chunk.map((item) => ({ item: { ...item, contentHtml: null }, declaredLanguage: declared(item.sourceId), sourceKind: item.kind }))),
      );
      for (const p of preparing) p.catch(() => undefined);
      for (const [n, chunk] of chunks.entries()) {
        const prepared = await (preparing[n] as Promise<PreparedEntry[]>);
        repo.transaction(() => {
          const terms: { id: number; terms: string[] }[] = [];
          for (const [k, item] of chunk.entries()) {
            const p = prepared[k];
            if (!p?.ok) {
              this.o.logger.warn({ itemId: item.id, err: p?.error ?? 'not prepared' }, 're-tag skipped an item; it keeps its enrichment');
              continue;
            }
            if (!sameEnrichment(item, p.enrichment)) {
              this.o.store.items.updateEnrichment(item.id, p.enrichment);
              changed += 1;
            }
            terms.push({ id: item.id, terms: p.storyTerms });
          }
          // The analyser may have changed since the items were placed: their terms are written afresh.
          repo.writeTerms(terms);
        });
        done += chunk.length;
        this.progress('enrich', done, total);
      }
    }
    return changed;
  }

  /**
   * Clusters every item from scratch, keeping story ids where the new clusters continue old stories.
   * The clustering pauses every slice (10,000 items took 3.6–5.3 s here, more with a larger archive):
   * no placement interleaves (the assigner runs this exclusively), and items stored meanwhile wait in
   * the story outbox to be placed after it.
   */
  private recluster(): Promise<{ stories: number; moved: number; items: number }> {
    return this.o.assigner.exclusive(async (stats) => {
      const repo = this.o.assigner.repo;
      const slice = new TimeSlice(this.o.sliceMs);
      const rows: StoryItemRow[] = [];
      for (const batch of repo.iterateItems()) {
        rows.push(...batch);
        if (slice.due()) await slice.pause();
      }
      const next = new TermStats();
      for (const r of rows) {
        next.add(storyStatsKeys(r));
        if (slice.due()) await slice.pause();
      }
      const firstStoryId = repo.maxStoryId() + 1;
      const window = windowStatsOf(rows, WINDOW_DAYS);
      this.progress('cluster', 0, rows.length);
      const steps = clusterStoriesInSteps(rows, { stats: next, windowStats: window, firstStoryId });
      let step = steps.next();
      for (; !step.done; step = steps.next()) {
        if (!slice.due()) continue;
        this.progress('cluster', step.value, rows.length);
        await slice.pause();
      }
      const clustered = step.value;
      this.progress('cluster', rows.length, rows.length);
      const ids = stableStoryIds(rows, clustered, firstStoryId);
      const assignments = clustered.map((c) => ({ id: c.id, storyId: ids.get(c.storyId) ?? c.storyId }));
      const json = next.toJSON();
      const { stories, moved } = repo.transaction(() => {
        repo.replaceStats(json.documents, json.frequencies);
        return repo.replaceClustering(assignments);
      });
      stats(next);
      this.o.assigner.resetWindow();
      return { stories, moved, items: rows.length };
    });
  }

  private relinkAll(): Promise<number> {
    return this.o.assigner.exclusive(async (stats) => {
      const ids = this.o.assigner.repo.allDenialIds();
      let links = 0;
      this.progress('link', 0, ids.length);
      const slice = new TimeSlice(this.o.sliceMs);
      for (const [n, id] of ids.entries()) {
        links += this.o.assigner.linker.link(id, stats()).length;
        this.progress('link', n + 1, ids.length);
        if (slice.due()) await slice.pause();
      }
      return links;
    });
  }
}

function sameEnrichment(item: Item, e: Enrichment): boolean {
  return (
    item.language === e.language &&
    item.denial === e.denial &&
    item.mentionsDenial === e.mentionsDenial &&
    JSON.stringify(item.entities.map((x) => x.qid).sort()) === JSON.stringify(e.entities.map((x) => x.qid).sort())
  );
}

/**
 * Maps each new cluster to the old story most of its items were in, largest clusters first, each old
 * id used once; the others keep their fresh ids (from `firstStoryId` up, never an old story's id).
 */
function stableStoryIds(rows: readonly StoryItemRow[], clustered: readonly { id: number; storyId: number }[], firstStoryId: number): Map<number, number> {
  const oldOf = new Map(rows.map((r) => [r.id, r.storyId]));
  const votes = new Map<number, Map<number, number>>();
  for (const c of clustered) {
    const old = oldOf.get(c.id);
    const v = votes.get(c.storyId) ?? new Map<number, number>();
    if (old !== null && old !== undefined && old < firstStoryId) v.set(old, (v.get(old) ?? 0) + 1);
    votes.set(c.storyId, v);
  }
  const size = (v: Map<number, number>) => [...v.values()].reduce((s, n) => s + n, 0);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [cluster, v] of [...votes].sort((a, b) => size(b[1]) - size(a[1]) || a[0] - b[0])) {
    const best = [...v].filter(([old]) => !used.has(old)).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (!best) continue;
    used.add(best[0]);
    out.set(cluster, best[0]);
  }
  return out;
}

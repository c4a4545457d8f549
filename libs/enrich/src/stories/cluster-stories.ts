import { DomainError } from '@parallax/domain';
import { assignProfile } from './assign-story.js';
import { CONCEPT_KEY_PREFIX, isConceptKey } from './story-concepts.js';
import { type ResolvedStoryOptions, type StoryAssignment, type StoryCandidate, type StoryOptions, primaryLanguage, resolveStoryOptions, storyFeatures, storyStatsKeys } from './story.js';
import { type StoryProfile, storyProfile } from './story-similarity.js';
import { TermStats } from './term-stats.js';
import { WindowStats } from './window-stats.js';

export interface ClusterOptions extends StoryOptions {
  /** The id given to the first story opened (default 1); later ones count up from it. */
  firstStoryId?: number;
  /** At most this many neighbours per item, the most recent first (default 300). */
  maxNeighbours?: number;
}

export interface ClusteredItem extends StoryAssignment {
  id: number;
  /** Never null here: an item no story takes opens a new one. */
  storyId: number;
  /** True when this item opened its story. */
  opened: boolean;
}

/** Which keys to fetch neighbours by: any item that can join `item`'s story shares one of them. */
export interface NeighbourKeys {
  /** Entity QIDs: informative ones, or all when the item can join only through a set of common ones. */
  entities: string[];
  /** Rare terms (a same-language neighbour sharing one entity and enough of these may join) and concept keys, looked up like terms. */
  terms: string[];
  language: string;
}

/**
 * The keys by which the caller should look up neighbours for {@link assignStory}: every pair that can
 * pass the gate shares an informative feature or a rare term, so items found by none need not be
 * fetched; an item with fewer than two informative features may still join through a set of common
 * ones, so then all its features are keys. Without stats every key qualifies.
 */
export function storyNeighbourKeys(item: Pick<StoryCandidate, 'entities' | 'terms' | 'language'> & { publishedAt?: string }, options?: StoryOptions): NeighbourKeys {
  const o = resolveStoryOptions(options);
  const time = item.publishedAt ? Date.parse(item.publishedAt) : NaN;
  const ws = o.windowStats;
  const termIdf = o.stats ? (k: string) => (o.stats as TermStats).idf(k) : () => Infinity;
  const featureIdf = ws && !Number.isNaN(time) ? (k: string) => ws.idf(k, time) : termIdf;
  const minEntityIdf = Math.log(1 / o.informativeShare);
  const minTermIdf = Math.log(1 / o.rareTermShare);
  const features = storyFeatures(item);
  const informative = features.filter((f) => featureIdf(f) >= minEntityIdf);
  const keys = informative.length >= 2 ? informative : features;
  return {
    entities: keys.filter((k) => !isConceptKey(k)),
    terms: [...new Set([...keys.filter(isConceptKey), ...item.terms.filter((t) => !t.startsWith(CONCEPT_KEY_PREFIX) && termIdf(t) >= minTermIdf)])],
    language: primaryLanguage(item.language),
  };
}

/**
 * Re-clusters stored items from scratch: each item, in time order, goes through the same
 * {@link assignStory} the ingest path uses, with the earlier items that share an informative entity or a
 * rare term within the window as neighbours. Without `options.stats`, document frequencies come from
 * all the given items. Returns one assignment per item, in time order; the items' own `storyId` is
 * ignored.
 */
export function clusterStories(items: readonly StoryCandidate[], options: ClusterOptions = {}): ClusteredItem[] {
  const steps = clusterStoriesInSteps(items, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link clusterStories} an item at a time: yields how many items are clustered after each one, and
 * returns the same assignments. A caller that shares its thread (libs/pipeline's re-tag job, where a
 * large archive takes minutes) lets other work run in between and reports progress.
 */
export function* clusterStoriesInSteps(items: readonly StoryCandidate[], options: ClusterOptions = {}): Generator<number, ClusteredItem[], void> {
  const o = resolveStoryOptions(options);
  const maxNeighbours = options.maxNeighbours ?? 300;
  let nextStory = options.firstStoryId ?? 1;
  const stats = o.stats ?? statsOf(items);
  const windowStats = o.windowStats ?? windowStatsOf(items, o.windowDays);
  const ro: ResolvedStoryOptions = { ...o, stats, windowStats };

  const profiles: StoryProfile[] = [];
  for (const item of items) {
    const p = storyProfile({ ...item, storyId: null });
    if (!p) throw new DomainError('VALIDATION', `item ${item.id}: publishedAt is not an ISO 8601 date`, { field: 'publishedAt', id: item.id });
    profiles.push(p);
  }
  profiles.sort((a, b) => a.time - b.time || a.item.id - b.item.id);

  const windowMs = o.windowDays * 86_400_000;
  const minTermIdf = Math.log(1 / o.rareTermShare);
  /** Posting lists of processed profile indices, ascending, by feature and by language + term. */
  const byEntity = new Map<string, number[]>();
  const byTerm = new Map<string, number[]>();
  const out: ClusteredItem[] = [];

  for (let i = 0; i < profiles.length; i++) {
    const self = profiles[i] as StoryProfile;
    const keys: number[][] = [];
    const nk = storyNeighbourKeys(self.item, ro);
    for (const e of [...nk.entities, ...nk.terms.filter(isConceptKey)]) {
      const list = byEntity.get(e);
      if (list) keys.push(list);
    }
    const termKeys = [...new Set(self.item.terms)].filter((t) => !t.startsWith(CONCEPT_KEY_PREFIX) && stats.idf(t) >= minTermIdf).map((t) => `${self.language}\u0000${t}`);
    for (const k of termKeys) {
      const list = byTerm.get(k);
      if (list) keys.push(list);
    }
    const found = new Set<number>();
    for (const list of keys) {
      for (let j = list.length - 1; j >= 0; j--) {
        const idx = list[j] as number;
        if (self.time - (profiles[idx] as StoryProfile).time > windowMs) break;
        found.add(idx);
      }
    }
    const neighbours = [...found].sort((a, b) => b - a).slice(0, maxNeighbours).map((idx) => profiles[idx] as StoryProfile);
    const a = assignProfile(self, neighbours, stats, ro);
    const opened = a.storyId === null;
    const storyId = a.storyId ?? nextStory++;
    self.item = { ...self.item, storyId };
    out.push({ id: self.item.id, storyId, score: a.score, reasons: opened ? [`opened story ${storyId}`, ...a.reasons] : a.reasons, opened });

    for (const e of self.features) push(byEntity, e, i);
    for (const k of termKeys) push(byTerm, k, i);
    yield i + 1;
  }
  return out;
}

function push(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

function statsOf(items: readonly StoryCandidate[]): TermStats {
  const stats = new TermStats();
  for (const item of items) stats.add(storyStatsKeys(item));
  return stats;
}

/** Feature frequencies by time over the given items, for rarity within ±windowDays. */
export function windowStatsOf(items: readonly StoryCandidate[], windowDays: number): WindowStats {
  const ws = new WindowStats(windowDays * 86_400_000);
  for (const item of items) ws.add(item.id, Date.parse(item.publishedAt), storyFeatures(item));
  return ws;
}

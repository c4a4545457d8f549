import { isConceptKey } from './story-concepts.js';
import type { TermStats } from './term-stats.js';
import type { WindowStats } from './window-stats.js';

/**
 * What story clustering needs to know of an item. `terms` are the caller's analysed tokens of title and
 * summary (folded, stemmed, CJK segmented: libs/query's analyser), so that this library needs no
 * tokenizer of its own; they are compared only between items of the same language. `entities` are
 * Wikidata QIDs and carry the comparison across languages, with the concept keys among the terms
 * (`~olympics`, from {@link storyConcepts}): together they are the item's cross-language features.
 */
export interface StoryCandidate {
  id: number;
  storyId: number | null;
  sourceId: number;
  outlet: string;
  /** ISO 639-1, or `und`. */
  language: string;
  /** ISO 8601; the item's effective time (Item.sortAt). */
  publishedAt: string;
  entities: string[];
  terms: string[];
  denial: boolean;
  mentionsDenial: boolean;
}

export interface StoryOptions {
  /**
   * Document frequencies of entity QIDs and analysed terms over the stored items (one document per
   * item: {@link storyStatsKeys}). Without it, rarity is judged within the item and its neighbours only,
   * which is weaker: neighbours fetched by a shared entity all contain that entity.
   */
  stats?: TermStats;
  /**
   * Document frequencies of the cross-language features (entities, concept keys) by time: with it,
   * whether a feature, or the set of features two items share, is informative is judged within
   * ±windowDays of the incoming item rather than over the whole corpus. The batch clusterer builds one
   * from its items when none is given.
   */
  windowStats?: WindowStats;
  /** Items further apart than this never join (default 7 days). */
  windowDays?: number;
  /** Time proximity halves the weight of the remaining evidence every this many days (default 2). */
  halfLifeDays?: number;
  /** Minimum score to join a story (default 0.3); below it the caller opens a new story. */
  threshold?: number;
  /**
   * An entity is informative when it occurs in at most this share of the documents (default 0.25):
   * China in every other item of a China desk's feed says nothing about which event an item is about.
   */
  informativeShare?: number;
  /** A term is rare when it occurs in at most this share of the documents (default 0.05). */
  rareTermShare?: number;
  /** Rare shared terms that, with one shared entity, let two same-language items join (default 2). */
  minRareTerms?: number;
}

export type ResolvedStoryOptions = Required<Omit<StoryOptions, 'stats' | 'windowStats'>> & { stats: TermStats | undefined; windowStats: WindowStats | undefined };

export const DEFAULT_STORY_OPTIONS: Readonly<ResolvedStoryOptions> = {
  stats: undefined,
  windowStats: undefined,
  windowDays: 7,
  halfLifeDays: 2,
  threshold: 0.3,
  informativeShare: 0.25,
  rareTermShare: 0.05,
  minRareTerms: 2,
};

export function resolveStoryOptions(options: StoryOptions = {}): ResolvedStoryOptions {
  const o: ResolvedStoryOptions = { ...DEFAULT_STORY_OPTIONS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  return o;
}

/** The result of placing one item: the story it joins (null: open a new one), its score and why. */
export interface StoryAssignment {
  storyId: number | null;
  score: number;
  reasons: string[];
}

/**
 * The keys to add to the {@link TermStats} for one item. Entity QIDs (`Q148`) and analysed terms
 * (lower case) share one table; they cannot collide because an analysed term is never upper case.
 */
export function storyStatsKeys(item: Pick<StoryCandidate, 'entities' | 'terms'>): string[] {
  return [...item.entities, ...item.terms];
}

/** ISO 639-1 primary subtag, lower case: `zh-CN` and `zh` are the same language for term comparison. */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** The cross-language features of an item: its entity QIDs and the concept keys among its terms. */
export function storyFeatures(item: Pick<StoryCandidate, 'entities' | 'terms'>): string[] {
  return [...new Set([...item.entities, ...item.terms.filter(isConceptKey)])];
}

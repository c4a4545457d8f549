import { builtInEntities } from '../entities/gazetteer.js';
import type { KeySpace } from './key-space.js';
import { CONCEPT_KEY_PREFIX, isConceptKey, isHeadlineEntityKey } from './story-concepts.js';
import { type ResolvedStoryOptions, type StoryCandidate, primaryLanguage, storyFeatures } from './story.js';
import type { TermStats } from './term-stats.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An item with what comparing it needs looked up once, so that one item meets hundreds of neighbours cheaply. */
export interface StoryProfile {
  item: StoryCandidate;
  time: number;
  language: string;
  /** Cross-language features: entity QIDs and concept keys, each once. */
  features: string[];
  /**
   * The emphasis of each feature, by position: 1 for what the headline or standfirst names,
   * {@link BODY_EMPHASIS} for an entity named only in the body. All 1 when the item has no headline
   * markers.
   */
  emphasis: Float64Array;
  /** The item's analysed terms, each once, concept keys left out; made on first use (only same-language pairs compare terms). */
  terms: string[] | null;
  /**
   * Ids of the features and terms in the key space of the stats they were compared under, made on
   * first comparison (the terms' on the first in one language).
   */
  keyIds: { space: KeySpace; features: Int32Array; terms: Int32Array | null } | null;
  /**
   * Euclidean norm of the terms' idf weights under `termNormStats` at `termNormVersion`: a profile
   * kept across incoming items (StoryNeighbourhood) is weighed afresh when rarity moves.
   */
  termNorm: number;
  termNormStats: TermStats | null;
  termNormVersion: number;
}

/** How two items compare, with the evidence for the reasons shown to analysts. */
export interface PairSimilarity {
  /** 0 when the pair fails the gate or lies outside the window. */
  score: number;
  passes: boolean;
  /** Cosine of the rarity-weighted feature sets (entities and concepts). */
  entitySimilarity: number;
  termSimilarity: number;
  sameLanguage: boolean;
  hoursApart: number;
  sharedEntities: string[];
  informativeEntities: string[];
  /** Idf of the shared features taken together, when the caller has windowed stats (else null). */
  sharedSetIdf: number | null;
  rareTerms: string[];
}

let countries: Set<string> | null = null;

/** Country QIDs of the gazetteer: two countries alone name a relationship, not an event. */
function isCountry(qid: string): boolean {
  countries ??= new Set(builtInEntities().filter((e) => e.type === 'country').map((e) => e.qid));
  return countries.has(qid);
}

/** Weight of a pair that passes the gate only by a rare set of common features. */
const SET_EVIDENCE = 0.8;

/** Weight of an entity named only in an item's body, relative to one in its headline. */
const BODY_EMPHASIS = 0.5;

/**
 * Rarity of features as the incoming item sees them: one key, or a set of keys together (null when
 * the caller cannot judge sets). Built once per incoming item ({@link featureWeights}).
 */
export interface FeatureWeights {
  weight(key: string): number;
  setIdf(keys: readonly string[]): number | null;
  /** Euclidean norm of a profile's feature weights, cached per profile. */
  norm(p: StoryProfile): number;
}

export function storyProfile(item: StoryCandidate): StoryProfile | null {
  const time = Date.parse(item.publishedAt);
  if (Number.isNaN(time)) return null;
  const features = storyFeatures(item);
  const headline = new Set(item.terms.filter(isHeadlineEntityKey).map((k) => k.slice(CONCEPT_KEY_PREFIX.length)));
  const emphasis = new Float64Array(features.length).fill(1);
  if (headline.size > 0) features.forEach((f, i) => (emphasis[i] = isConceptKey(f) || headline.has(f) ? 1 : BODY_EMPHASIS));
  return { item, time, language: primaryLanguage(item.language), features, emphasis, terms: null, keyIds: null, termNorm: 0, termNormStats: null, termNormVersion: 0 };
}

/**
 * Feature weights for comparisons with `self`: idf within ±windowDays of it when the options carry
 * windowed stats, else the corpus-wide idf of `stats`.
 */
export function featureWeights(self: StoryProfile, stats: TermStats, o: ResolvedStoryOptions): FeatureWeights {
  const cache = new Map<string, number>();
  const norms = new Map<StoryProfile, number>();
  const ws = o.windowStats;
  const weight = (key: string): number => {
    let w = cache.get(key);
    if (w === undefined) {
      w = ws ? ws.idf(key, self.time) : stats.idf(key);
      cache.set(key, w);
    }
    return w;
  };
  return {
    weight,
    setIdf: (keys) => (ws ? ws.idf(keys, self.time) : null),
    norm: (p) => {
      let n = norms.get(p);
      if (n === undefined) {
        let sum = 0;
        for (let i = 0; i < p.features.length; i++) sum += (weight(p.features[i] as string) * (p.emphasis[i] as number)) ** 2;
        n = Math.sqrt(sum);
        norms.set(p, n);
      }
      return n;
    },
  };
}

function termsOf(p: StoryProfile): string[] {
  p.terms ??= [...new Set(p.item.terms.filter((t) => !t.startsWith(CONCEPT_KEY_PREFIX)))];
  return p.terms;
}

/** `p`'s feature ids in `space`, made anew when it was last compared in another (other stats). */
function featureIdsOf(p: StoryProfile, space: KeySpace): Int32Array {
  if (p.keyIds?.space !== space) p.keyIds = { space, features: space.idsOf(p.features), terms: null };
  return p.keyIds.features;
}

function termIdsOf(p: StoryProfile, space: KeySpace): Int32Array {
  featureIdsOf(p, space);
  const ids = p.keyIds as NonNullable<StoryProfile['keyIds']>;
  ids.terms ??= space.idsOf(termsOf(p));
  return ids.terms;
}

/** The norm of `p`'s term weights under `stats`, kept until the rarity changes. */
function termNorm(p: StoryProfile, stats: TermStats): number {
  if (p.termNormStats !== stats || p.termNormVersion !== stats.version) {
    let sum = 0;
    const ids = termIdsOf(p, stats.keys);
    for (let i = 0; i < ids.length; i++) sum += stats.idfOfId(ids[i] as number) ** 2;
    p.termNorm = Math.sqrt(sum);
    p.termNormStats = stats;
    p.termNormVersion = stats.version;
  }
  return p.termNorm;
}

/**
 * Similarity of two items as evidence that they report one event.
 *
 * - Features (entities and concepts, the same in every language): cosine of the rarity-weighted sets,
 *   so that a shared rare feature (the Olympics, an invasion, a denial) counts far more than a shared
 *   common one (China in a corpus about China).
 * - Terms: cosine of the idf-weighted term sets, only within one language.
 * - Gate: two shared informative features, not both countries (two countries alone name a
 *   relationship, not an event); or at least three shared features that are rare together
 *   (in at most half the informative share: China, Russia and Ukraine in one item are rarer than each);
 *   features named only in the body of either item do not count here. Or, within one language, one
 *   shared feature and `minRareTerms` rare shared terms. One common feature never suffices, or
 *   everything about China would be one story.
 * - Time: nothing beyond `windowDays`; within it the evidence decays to half every `halfLifeDays`,
 *   down to a floor of one half, so a follow-up a few days on can still join.
 */
export function pairSimilarity(a: StoryProfile, b: StoryProfile, stats: TermStats, o: ResolvedStoryOptions, fw: FeatureWeights = featureWeights(a, stats, o)): PairSimilarity {
  const result: PairSimilarity = {
    score: 0,
    passes: false,
    entitySimilarity: 0,
    termSimilarity: 0,
    sameLanguage: sameLanguage(a, b),
    hoursApart: hoursApart(a, b),
    sharedEntities: [],
    informativeEntities: [],
    sharedSetIdf: null,
    rareTerms: [],
  };
  measurePair(a, b, stats, o, fw, result);
  return result;
}

/**
 * {@link pairSimilarity}'s score alone, with nothing allocated: an incoming item meets a few hundred
 * neighbours, and only the best pair's evidence is ever shown (placement made some 250 KB of garbage
 * per item building every pair's lists).
 */
export function pairScore(a: StoryProfile, b: StoryProfile, stats: TermStats, o: ResolvedStoryOptions, fw: FeatureWeights): number {
  return measurePair(a, b, stats, o, fw, null);
}

/** Hours between two items. */
export function hoursApart(a: StoryProfile, b: StoryProfile): number {
  return Math.abs(a.time - b.time) / HOUR_MS;
}

function sameLanguage(a: StoryProfile, b: StoryProfile): boolean {
  return a.language === b.language && a.language !== 'und' && a.language !== '';
}

/** The features both items are about, reused by every pair: read by `setIdf` at once, never kept. */
const gateScratch: string[] = [];
/** Positions in `a` of the keys a pair shares, and b's emphasis of each shared feature: reused by every pair. */
const sharedScratch: number[] = [];
const emphasisScratch: number[] = [];

/**
 * The item whose keys are marked in the stats' key space ({@link KeySpace.features}, {@link KeySpace.terms}):
 * the incoming item of the pairs being scored, which meets a few hundred neighbours in a row. Its
 * feature weights (as `fw` gives them) and term weights (as the stats at `version` give them) are
 * kept by position.
 */
interface Marked {
  profile: StoryProfile;
  stats: TermStats;
  version: number;
  fw: FeatureWeights;
  weights: Float64Array;
  /** Made on the first pair in one language. */
  termWeights: Float64Array | null;
}

let marked: Marked | null = null;

function markedSelf(a: StoryProfile, stats: TermStats, fw: FeatureWeights): Marked {
  if (marked?.profile === a && marked.stats === stats && marked.version === stats.version && marked.fw === fw) return marked;
  stats.keys.features.mark(featureIdsOf(a, stats.keys));
  marked = { profile: a, stats, version: stats.version, fw, weights: Float64Array.from(a.features, (f) => fw.weight(f)), termWeights: null };
  return marked;
}

function markedTermWeights(m: Marked): Float64Array {
  if (!m.termWeights) {
    const ids = termIdsOf(m.profile, m.stats.keys);
    m.stats.keys.terms.mark(ids);
    m.termWeights = Float64Array.from(ids, (id) => m.stats.idfOfId(id));
  }
  return m.termWeights;
}

/**
 * Sorts the first `n` shared positions ascending, carrying `along` (b's emphasis) with them: by
 * insertion, as a pair shares a handful of keys.
 */
function sortShared(n: number, along: number[] | null): void {
  for (let i = 1; i < n; i++) {
    const at = sharedScratch[i] as number;
    const carried = along ? (along[i] as number) : 0;
    let j = i - 1;
    for (; j >= 0 && (sharedScratch[j] as number) > at; j--) {
      sharedScratch[j + 1] = sharedScratch[j] as number;
      if (along) along[j + 1] = along[j] as number;
    }
    sharedScratch[j + 1] = at;
    if (along) along[j + 1] = carried;
  }
}

/**
 * Scores a pair; with `evidence`, also fills in its measures and lists. `a`'s keys are marked once for
 * all the pairs it is in, and `b`'s are looked up by id. Sums are taken in the order they always were
 * (`a`'s features; the shorter term list), so that scores do not move by a rounding.
 */
function measurePair(a: StoryProfile, b: StoryProfile, stats: TermStats, o: ResolvedStoryOptions, fw: FeatureWeights, evidence: PairSimilarity | null): number {
  const hours = hoursApart(a, b);
  if (hours * HOUR_MS > o.windowDays * DAY_MS) return 0;

  const space = stats.keys;
  const self = markedSelf(a, stats, fw);
  const bFeatures = featureIdsOf(b, space);
  let shared = 0;
  for (let j = 0; j < bFeatures.length; j++) {
    const i = space.features.position(bFeatures[j] as number);
    if (i < 0) continue;
    sharedScratch[shared] = i;
    emphasisScratch[shared] = b.emphasis[j] as number;
    shared += 1;
  }
  if (shared === 0) return 0;
  sortShared(shared, emphasisScratch);

  const minEntityIdf = Math.log(1 / o.informativeShare);
  const gate = gateScratch;
  gate.length = 0;
  let dot = 0;
  let informative = 0;
  let informativeBeyondCountries = false;
  for (let k = 0; k < shared; k++) {
    const i = sharedScratch[k] as number;
    const f = a.features[i] as string;
    const w = self.weights[i] as number;
    const emphasis = (a.emphasis[i] as number) * (emphasisScratch[k] as number);
    dot += w * w * emphasis;
    evidence?.sharedEntities.push(f);
    // Evidence for the gate is what both items are about, not what one mentions in passing.
    if (emphasis === 1) {
      gate.push(f);
      if (w >= minEntityIdf) {
        informative += 1;
        if (!isCountry(f)) informativeBeyondCountries = true;
        evidence?.informativeEntities.push(f);
      }
    }
  }

  const same = sameLanguage(a, b);
  let tdot = 0;
  let rare = 0;
  if (same) {
    const minTermIdf = Math.log(1 / o.rareTermShare);
    const weights = markedTermWeights(self);
    const aTerms = termsOf(a);
    const bTerms = termIdsOf(b, space);
    // Both sides weigh a shared term alike; the sum runs in the shorter list's order: b's as found, or a's.
    let n = 0;
    for (let j = 0; j < bTerms.length; j++) {
      const i = space.terms.position(bTerms[j] as number);
      if (i >= 0) sharedScratch[n++] = i;
    }
    if (aTerms.length <= bTerms.length) sortShared(n, null);
    for (let k = 0; k < n; k++) {
      const i = sharedScratch[k] as number;
      const w = weights[i] as number;
      tdot += w * w;
      if (w >= minTermIdf) {
        rare += 1;
        evidence?.rareTerms.push(aTerms[i] as string);
      }
    }
  }

  let passes = (informative >= 2 && informativeBeyondCountries) || rare >= o.minRareTerms;
  let sharedSetIdf: number | null = null;
  if (!passes && gate.length >= 3) {
    // Common features are a weaker signal even together: the set must be twice as rare as one informative feature.
    sharedSetIdf = fw.setIdf(gate);
    passes = sharedSetIdf !== null && sharedSetIdf >= Math.log(2 / o.informativeShare);
  }
  // The cosines need both items' norms (a sum over every feature and term); most pairs fail the gate
  // and score 0 without them, so they are only worked out for a pair that passes or is explained.
  if (!passes && !evidence) return 0;
  const na = fw.norm(a);
  const nb = fw.norm(b);
  const entitySimilarity = na > 0 && nb > 0 ? dot / (na * nb) : 0;
  let termSimilarity = 0;
  if (same) {
    const ta = termNorm(a, stats);
    const tb = termNorm(b, stats);
    termSimilarity = ta > 0 && tb > 0 ? tdot / (ta * tb) : 0;
  }
  if (evidence) {
    evidence.entitySimilarity = entitySimilarity;
    evidence.termSimilarity = termSimilarity;
    evidence.sharedSetIdf = sharedSetIdf;
    evidence.passes = passes;
  }
  if (!passes) return 0;
  // A pair let through by a set of common features alone has the weakest evidence: it counts for less.
  const weight = sharedSetIdf !== null && rare < o.minRareTerms ? SET_EVIDENCE : 1;
  const content = same ? Math.max(entitySimilarity, (entitySimilarity + termSimilarity) / 2) : entitySimilarity;
  const decay = Math.pow(0.5, hours / 24 / o.halfLifeDays);
  const score = weight * content * (0.5 + 0.5 * decay);
  if (evidence) evidence.score = score;
  return score;
}

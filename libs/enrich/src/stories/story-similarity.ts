import { isConceptKey } from './story-concepts.js';
import { type ResolvedStoryOptions, type StoryCandidate, primaryLanguage, storyFeatures } from './story.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An item with what comparing it needs looked up once, so that one item meets hundreds of neighbours cheaply. */
export interface StoryProfile {
  item: StoryCandidate;
  time: number;
  language: string;
  /** Cross-language features: entity QIDs and concept keys. */
  features: string[];
  /** Term → idf; filled on first use, since only same-language pairs compare terms. */
  terms: Map<string, number> | null;
  termNorm: number;
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

export type Idf = (key: string) => number;

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

export function storyProfile(item: StoryCandidate, _idf?: Idf): StoryProfile | null {
  const time = Date.parse(item.publishedAt);
  if (Number.isNaN(time)) return null;
  return { item, time, language: primaryLanguage(item.language), features: storyFeatures(item), terms: null, termNorm: 0 };
}

/**
 * Feature weights for comparisons with `self`: idf within ±windowDays of it when the options carry
 * windowed stats, else the corpus-wide `idf`.
 */
export function featureWeights(self: StoryProfile, idf: Idf, o: ResolvedStoryOptions): FeatureWeights {
  const cache = new Map<string, number>();
  const norms = new Map<StoryProfile, number>();
  const ws = o.windowStats;
  const weight = (key: string): number => {
    let w = cache.get(key);
    if (w === undefined) {
      w = ws ? ws.idf(key, self.time) : idf(key);
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
        for (const f of p.features) sum += weight(f) ** 2;
        n = Math.sqrt(sum);
        norms.set(p, n);
      }
      return n;
    },
  };
}

function termWeights(p: StoryProfile, idf: Idf): Map<string, number> {
  if (p.terms) return p.terms;
  const terms = new Map<string, number>();
  let sum = 0;
  for (const t of p.item.terms) {
    if (terms.has(t) || isConceptKey(t)) continue;
    const w = idf(t);
    terms.set(t, w);
    sum += w * w;
  }
  p.terms = terms;
  p.termNorm = Math.sqrt(sum);
  return terms;
}

/**
 * Similarity of two items as evidence that they report one event.
 *
 * - Features (entities and concepts, the same in every language): cosine of the rarity-weighted sets,
 *   so that a shared rare feature (the Olympics, an invasion, a denial) counts far more than a shared
 *   common one (China in a corpus about China).
 * - Terms: cosine of the idf-weighted term sets, only within one language.
 * - Gate: two shared informative features; or at least three shared features that are informative
 *   together (China, Russia and Ukraine in one item are rarer than each); or, within one language, one
 *   shared feature and `minRareTerms` rare shared terms. One common feature never suffices, or
 *   everything about China would be one story.
 * - Time: nothing beyond `windowDays`; within it the evidence decays to half every `halfLifeDays`,
 *   down to a floor of one half, so a follow-up a few days on can still join.
 */
export function pairSimilarity(a: StoryProfile, b: StoryProfile, idf: Idf, o: ResolvedStoryOptions, fw: FeatureWeights = featureWeights(a, idf, o)): PairSimilarity {
  const hoursApart = Math.abs(a.time - b.time) / HOUR_MS;
  const sameLanguage = a.language === b.language && a.language !== 'und' && a.language !== '';
  const result: PairSimilarity = {
    score: 0,
    passes: false,
    entitySimilarity: 0,
    termSimilarity: 0,
    sameLanguage,
    hoursApart,
    sharedEntities: [],
    informativeEntities: [],
    sharedSetIdf: null,
    rareTerms: [],
  };
  if (hoursApart * HOUR_MS > o.windowDays * DAY_MS) return result;

  const minEntityIdf = Math.log(1 / o.informativeShare);
  const bFeatures = new Set(b.features);
  let dot = 0;
  for (const f of a.features) {
    if (!bFeatures.has(f)) continue;
    const w = fw.weight(f);
    dot += w * w;
    result.sharedEntities.push(f);
    if (w >= minEntityIdf) result.informativeEntities.push(f);
  }
  if (result.sharedEntities.length === 0) return result;
  const na = fw.norm(a);
  const nb = fw.norm(b);
  result.entitySimilarity = na > 0 && nb > 0 ? dot / (na * nb) : 0;

  if (sameLanguage) {
    const minTermIdf = Math.log(1 / o.rareTermShare);
    const ta = termWeights(a, idf);
    const tb = termWeights(b, idf);
    const [ts, tl] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
    let tdot = 0;
    for (const [t, w] of ts) {
      if (!tl.has(t)) continue;
      tdot += w * w;
      if (w >= minTermIdf) result.rareTerms.push(t);
    }
    result.termSimilarity = a.termNorm > 0 && b.termNorm > 0 ? tdot / (a.termNorm * b.termNorm) : 0;
  }

  result.passes = result.informativeEntities.length >= 2 || result.rareTerms.length >= o.minRareTerms;
  if (!result.passes && result.sharedEntities.length >= 3) {
    result.sharedSetIdf = fw.setIdf(result.sharedEntities);
    result.passes = result.sharedSetIdf !== null && result.sharedSetIdf >= minEntityIdf;
  }
  if (!result.passes) return result;
  const content = sameLanguage ? Math.max(result.entitySimilarity, (result.entitySimilarity + result.termSimilarity) / 2) : result.entitySimilarity;
  const decay = Math.pow(0.5, hoursApart / 24 / o.halfLifeDays);
  result.score = content * (0.5 + 0.5 * decay);
  return result;
}

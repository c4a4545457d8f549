import { type ResolvedStoryOptions, type StoryCandidate, primaryLanguage } from './story.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An item with its rarity weights looked up once, so that one item meets hundreds of neighbours cheaply. */
export interface StoryProfile {
  item: StoryCandidate;
  time: number;
  language: string;
  /** Entity QID → idf. */
  entities: Map<string, number>;
  entityNorm: number;
  /** Term → idf; filled on first use, since only same-language pairs compare terms. */
  terms: Map<string, number> | null;
  termNorm: number;
}

/** How two items compare, with the evidence for the reasons shown to analysts. */
export interface PairSimilarity {
  /** 0 when the pair fails the gate or lies outside the window. */
  score: number;
  passes: boolean;
  entitySimilarity: number;
  termSimilarity: number;
  sameLanguage: boolean;
  hoursApart: number;
  sharedEntities: string[];
  informativeEntities: string[];
  rareTerms: string[];
}

export type Idf = (key: string) => number;

export function storyProfile(item: StoryCandidate, idf: Idf): StoryProfile | null {
  const time = Date.parse(item.publishedAt);
  if (Number.isNaN(time)) return null;
  const entities = new Map<string, number>();
  let sum = 0;
  for (const e of item.entities) {
    if (entities.has(e)) continue;
    const w = idf(e);
    entities.set(e, w);
    sum += w * w;
  }
  return { item, time, language: primaryLanguage(item.language), entities, entityNorm: Math.sqrt(sum), terms: null, termNorm: 0 };
}

function termWeights(p: StoryProfile, idf: Idf): Map<string, number> {
  if (p.terms) return p.terms;
  const terms = new Map<string, number>();
  let sum = 0;
  for (const t of p.item.terms) {
    if (terms.has(t)) continue;
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
 * - Entities: cosine of the idf-weighted entity sets, so that a shared rare entity (the Beijing
 *   Olympics, a named newspaper) counts far more than a shared common one (China).
 * - Terms: cosine of the idf-weighted term sets, only within one language; across languages the
 *   entities alone carry the comparison.
 * - Gate: at least two shared informative entities, or one shared entity and `minRareTerms` rare shared
 *   terms. One common entity never suffices, or everything about China would be one story.
 * - Time: nothing beyond `windowDays`; within it the evidence decays to half every `halfLifeDays`,
 *   down to a floor of one half, so a follow-up a few days on can still join.
 */
export function pairSimilarity(a: StoryProfile, b: StoryProfile, idf: Idf, o: ResolvedStoryOptions): PairSimilarity {
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
    rareTerms: [],
  };
  if (hoursApart * HOUR_MS > o.windowDays * DAY_MS) return result;

  const minEntityIdf = Math.log(1 / o.informativeShare);
  let dot = 0;
  const [small, large] = a.entities.size <= b.entities.size ? [a.entities, b.entities] : [b.entities, a.entities];
  for (const [e, w] of small) {
    if (!large.has(e)) continue;
    dot += w * w;
    result.sharedEntities.push(e);
    if (w >= minEntityIdf) result.informativeEntities.push(e);
  }
  if (result.sharedEntities.length === 0) return result;
  result.entitySimilarity = a.entityNorm > 0 && b.entityNorm > 0 ? dot / (a.entityNorm * b.entityNorm) : 0;

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
  if (!result.passes) return result;
  const content = sameLanguage ? Math.max(result.entitySimilarity, (result.entitySimilarity + result.termSimilarity) / 2) : result.entitySimilarity;
  const decay = Math.pow(0.5, hoursApart / 24 / o.halfLifeDays);
  result.score = content * (0.5 + 0.5 * decay);
  return result;
}

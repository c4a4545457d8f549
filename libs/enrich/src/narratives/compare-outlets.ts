import type { EntityRef } from '@parallax/domain';
import { type DistinctiveTerm, distinctiveTerms } from './distinctive-terms.js';
import { isStopWord } from './stop-words.js';
import { type BucketSize, bucketLabel, bucketStart, bucketStarts, chooseBucketSize } from './time-buckets.js';

/** One item of one outlet, as narrative comparison needs it. */
export interface NarrativeItem {
  id: number;
  title: string;
  /** ISO 639-1, or `und`. */
  language: string;
  /** ISO 8601. */
  publishedAt: string;
  entities: EntityRef[];
  /**
   * The caller's analysed tokens of title and summary (see StoryCandidate.terms), repeats kept. A term
   * with a space is a word bigram ("fake news"); terms starting with `~` (concept keys, entity markers)
   * are clustering features and ignored here.
   */
  terms: string[];
  /**
   * Beside each of `terms`, the word of the text it came from ("quadrupled" for `quadrupl`): what an
   * analyst is shown. Without it the terms themselves are shown.
   */
  surfaces?: string[];
  mentionsDenial: boolean;
  /** An official denial is also counted as carrying the denial. */
  denial?: boolean;
}

export interface CompareOptions {
  /** Volume buckets; by default hours for up to three days, days beyond. */
  bucket?: BucketSize;
  /** Distinctive terms per outlet (default 15). */
  topTerms?: number;
  /** Entities per outlet (default 10). */
  topEntities?: number;
  /** Headlines per outlet (default 3). */
  sampleHeadlines?: number;
  /** α₀ of the Dirichlet prior for distinctive terms (default: the corpus size); see distinctiveTerms. */
  priorStrength?: number;
}

export interface OutletEntity extends EntityRef {
  /** Items of the outlet naming the entity. */
  count: number;
  /** count / items of the outlet. */
  share: number;
}

/** A distinctive term as shown: `term` is the outlet's most frequent spelling of the analysed `stem`. */
export interface NarrativeTerm extends DistinctiveTerm {
  stem: string;
}

export interface OutletNarrative {
  outlet: string;
  count: number;
  firstAt: string | null;
  lastAt: string | null;
  languages: { language: string; count: number }[];
  entities: OutletEntity[];
  distinctiveTerms: NarrativeTerm[];
  /** Share of the outlet's items that carry the denial; null without items. */
  denialShare: number | null;
  sampleHeadlines: { id: number; title: string; publishedAt: string }[];
  /** Items per bucket over the common range of all outlets, so series line up. */
  volume: { at: string; count: number }[];
}

export interface NarrativeComparison {
  bucket: BucketSize;
  /** Common range of the volume series; null when no item has a date. */
  from: string | null;
  to: string | null;
  outlets: OutletNarrative[];
}

/**
 * Side by side per outlet, for one story or query: volume over time, first and last report, languages,
 * entities, distinctive terms (log-odds with an informative Dirichlet prior against the other outlets),
 * the share carrying the denial and a few headlines. Outlets come back in the order of the map.
 */
export function compareOutlets(itemsByOutlet: ReadonlyMap<string, readonly NarrativeItem[]>, options: CompareOptions = {}): NarrativeComparison {
  const times = new Map<string, number[]>();
  let from = Infinity;
  let to = -Infinity;
  for (const [outlet, items] of itemsByOutlet) {
    const ts = items.map((i) => Date.parse(i.publishedAt));
    times.set(outlet, ts);
    for (const t of ts) {
      if (Number.isNaN(t)) continue;
      if (t < from) from = t;
      if (t > to) to = t;
    }
  }
  const dated = from <= to;
  const bucket = options.bucket ?? (dated ? chooseBucketSize(from, to) : 'day');
  const starts = dated ? bucketStarts(from, to, bucket) : [];

  const top = options.topTerms ?? 15;
  const termCounts = new Map<string, Map<string, number>>();
  const surfaceCounts = new Map<string, Map<string, Map<string, number>>>();
  for (const [outlet, items] of itemsByOutlet) {
    const { counts, surfaces } = countTerms(items);
    termCounts.set(outlet, counts);
    surfaceCounts.set(outlet, surfaces);
  }
  // Twice as many as shown, since words a shown bigram covers are dropped afterwards.
  const ranked = distinctiveTerms(termCounts, { top: top * 2, priorStrength: options.priorStrength });
  const terms = new Map<string, NarrativeTerm[]>();
  // A word any outlet writes in lower case is a common word, whatever a title-case headline made of it.
  const lowerCase = new Set<string>();
  for (const forms of surfaceCounts.values()) for (const f of forms.values()) for (const s of f.keys()) if (s === s.toLocaleLowerCase()) lowerCase.add(s);
  for (const [outlet, list] of ranked) terms.set(outlet, displayTerms(list, surfaceCounts.get(outlet) ?? new Map(), top, lowerCase));

  const outlets: OutletNarrative[] = [];
  for (const [outlet, items] of itemsByOutlet) {
    const ts = times.get(outlet) ?? [];
    const order = items.map((item, n) => ({ item, t: ts[n] ?? NaN })).filter((x) => !Number.isNaN(x.t)).sort((a, b) => a.t - b.t || a.item.id - b.item.id);

    const volume = new Map(starts.map((s) => [s, 0]));
    for (const { t } of order) {
      const b = bucketStart(t, bucket);
      volume.set(b, (volume.get(b) ?? 0) + 1);
    }

    outlets.push({
      outlet,
      count: items.length,
      firstAt: order[0]?.item.publishedAt ?? null,
      lastAt: order.at(-1)?.item.publishedAt ?? null,
      languages: tally(items.map((i) => i.language)).map(([language, count]) => ({ language, count })),
      entities: topEntities(items, options.topEntities ?? 10),
      distinctiveTerms: terms.get(outlet) ?? [],
      denialShare: items.length === 0 ? null : items.filter((i) => i.mentionsDenial || i.denial === true).length / items.length,
      sampleHeadlines: sample(
        order.map((o) => o.item),
        options.sampleHeadlines ?? 3,
      ).map((i) => ({ id: i.id, title: i.title, publishedAt: i.publishedAt })),
      volume: [...volume].map(([at, count]) => ({ at: bucketLabel(at), count })),
    });
  }
  return { bucket, from: dated ? new Date(from).toISOString() : null, to: dated ? new Date(to).toISOString() : null, outlets };
}

/** A bigram must recur in an outlet to say something about it; once is a turn of phrase. */
const MIN_BIGRAM_COUNT = 2;
/** A word goes when a shown bigram accounts for this share of its uses ("fake" under "fake news"). */
const COVERED_SHARE = 0.6;

/**
 * An outlet's counts of analysed terms, function words and clustering keys left out, and per term the
 * counts of the words of the text it came from.
 */
function countTerms(items: readonly NarrativeItem[]): { counts: Map<string, number>; surfaces: Map<string, Map<string, number>> } {
  const counts = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const item of items) {
    item.terms.forEach((term, n) => {
      if (term.startsWith('~')) return;
      const surface = item.surfaces?.[n] ?? term;
      const bigram = term.includes(' ');
      if (!bigram && (isStopWord(surface, item.language) || isStopWord(term, item.language))) return;
      counts.set(term, (counts.get(term) ?? 0) + 1);
      let forms = surfaces.get(term);
      if (!forms) surfaces.set(term, (forms = new Map()));
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
    });
  }
  for (const [term, c] of counts) if (term.includes(' ') && c < MIN_BIGRAM_COUNT) counts.delete(term);
  return { counts, surfaces };
}

/**
 * The ranked terms as an analyst reads them: each by the outlet's most frequent spelling, words a
 * shown bigram mostly accounts for left out, `top` at most.
 */
function displayTerms(ranked: readonly DistinctiveTerm[], surfaces: ReadonlyMap<string, ReadonlyMap<string, number>>, top: number, lowerCase: ReadonlySet<string>): NarrativeTerm[] {
  const bigrams = ranked.filter((t) => t.term.includes(' '));
  const covered = (t: DistinctiveTerm): boolean =>
    !t.term.includes(' ') && bigrams.some((b) => b.term.split(' ').includes(t.term) && b.count >= COVERED_SHARE * t.count);
  return ranked
    .filter((t) => !covered(t))
    .slice(0, top)
    .map((t) => ({ ...t, term: surfaceForm(surfaces.get(t.term), lowerCase) ?? t.term, stem: t.term }));
}

/**
 * The most frequent spelling, compared without case; shown in lower case when it is ever written so,
 * by the outlet or in `lowerCase` (a common word capitalised in a headline), else as written (a name:
 * Beijing, NATO).
 */
export function surfaceForm(forms: ReadonlyMap<string, number> | undefined, lowerCase: ReadonlySet<string> = new Set()): string | null {
  if (!forms || forms.size === 0) return null;
  const byFold = new Map<string, { total: number; best: string; bestCount: number }>();
  for (const [form, c] of forms) {
    const key = form.toLocaleLowerCase();
    const g = byFold.get(key) ?? { total: 0, best: form, bestCount: 0 };
    g.total += c;
    if (c > g.bestCount) {
      g.best = form;
      g.bestCount = c;
    }
    byFold.set(key, g);
  }
  let winner: [string, { total: number; best: string }] | null = null;
  for (const entry of byFold) if (!winner || entry[1].total > winner[1].total) winner = entry;
  if (!winner) return null;
  const [lower, g] = winner;
  return forms.has(lower) || lowerCase.has(lower) ? lower : g.best;
}

/** Values with their counts, most frequent first, ties alphabetical. */
function tally(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function topEntities(items: readonly NarrativeItem[], top: number): OutletEntity[] {
  const names = new Map<string, string>();
  const perItem: string[] = [];
  for (const item of items) {
    for (const e of item.entities) if (!names.has(e.qid)) names.set(e.qid, e.name);
    perItem.push(...new Set(item.entities.map((e) => e.qid)));
  }
  return tally(perItem)
    .slice(0, top)
    .map(([qid, count]) => ({ qid, name: names.get(qid) ?? qid, count, share: count / items.length }));
}

/**
 * Headlines spread over the outlet's coverage: the first, the last and evenly between, distinct titles
 * only, so that a shift in framing over time shows.
 */
function sample(items: readonly NarrativeItem[], n: number): NarrativeItem[] {
  const seen = new Set<string>();
  const distinct = items.filter((i) => {
    const key = i.title.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (distinct.length <= n) return distinct;
  if (n <= 0) return [];
  if (n === 1) return distinct.slice(0, 1);
  const picks = new Set<number>();
  for (let k = 0; k < n; k++) picks.add(Math.round((k * (distinct.length - 1)) / (n - 1)));
  return [...picks].map((p) => distinct[p] as NarrativeItem);
}

import { type ResolvedStoryOptions, type StoryAssignment, type StoryCandidate, type StoryOptions, resolveStoryOptions, storyStatsKeys } from './story.js';
import { type PairSimilarity, type StoryProfile, featureWeights, hoursApart, pairScore, pairSimilarity, storyProfile } from './story-similarity.js';
import { TermStats } from './term-stats.js';

interface StoryEvidence {
  storyId: number;
  /** The story's best-matching neighbour and its score: its evidence is worked out for the reasons. */
  bestScore: number;
  bestProfile: StoryProfile;
  matching: number;
  items: number;
  /**
   * The best {@link STORY_LINKS} (three) scores of the story's neighbours within the window, highest
   * first: `top0`, `top1`, `top2`, of which `tops` are set. Fields rather than an array: an item meets
   * a few hundred neighbours, and a small array per story with an insertion (`splice`) per neighbour
   * made a quarter of placement's garbage.
   */
  top0: number;
  top1: number;
  top2: number;
  tops: number;
  /** What the story scores as: the mean of its best {@link STORY_LINKS} scores. */
  score: number;
}

/**
 * A story scores as the mean of its best-matching items, up to this many: one item that strays from
 * its story's subject (the report's denial that also mentions the leaders' meeting) is not enough to
 * pull the next item about that other subject in, as it would be under single link.
 */
const STORY_LINKS = 3;

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Places one incoming item into a story (online clustering: items arrive one at a time). The item
 * may come as its profile, when the caller keeps it for later comparisons.
 *
 * `neighbours` are earlier items the caller fetched, typically those sharing an informative entity or
 * a rare term within the window ({@link storyNeighbourKeys} says which keys to look up), a few hundred
 * at most. A story scores as the mean of its best-matching items, up to three (so that one atypical
 * member does not chain another subject in; each pair must also pass the gate of {@link pairSimilarity});
 * among the stories so backed, the one with the best-matching item wins, ties to more matching items. Returns `storyId: null` when
 * no story reaches the threshold: the caller opens a new story with this item.
 */
export function assignStory(incoming: StoryCandidate | StoryProfile, neighbours: readonly (StoryCandidate | StoryProfile)[], options?: StoryOptions): StoryAssignment {
  const o = resolveStoryOptions(options);
  const item = 'item' in incoming ? incoming.item : incoming;
  const stats = statsFor(o, item, neighbours);
  const self = 'item' in incoming ? incoming : storyProfile(item);
  if (!self) return { storyId: null, score: 0, reasons: [`item ${item.id} has no valid publishedAt`] };
  return assignProfile(self, neighbours, stats, o);
}

/** {@link assignStory} for a profile already built, so that the batch clusterer reuses profiles. */
export function assignProfile(
  self: StoryProfile,
  neighbours: readonly (StoryCandidate | StoryProfile)[],
  stats: TermStats,
  o: ResolvedStoryOptions,
): StoryAssignment {
  const stories = storyTable.begin();
  const fw = featureWeights(self, stats, o);
  const windowHours = o.windowDays * 24;
  let inWindow = 0;
  let unassigned = 0;
  for (const n of neighbours) {
    const profile = 'item' in n ? n : storyProfile(n);
    if (!profile || profile.item.id === self.item.id) continue;
    const storyId = profile.item.storyId;
    if (storyId === null) {
      unassigned += 1;
      continue;
    }
    // Only the score: the winning pair's evidence is worked out once, for the reasons.
    const score = pairScore(self, profile, stats, o, fw);
    const ev = stories.evidence(storyId, score, profile);
    ev.items += 1;
    if (hoursApart(self, profile) <= windowHours) {
      inWindow += 1;
      keepTop(ev, score);
    }
    // A pair scores above 0 only when it passes the gate.
    if (score > 0) ev.matching += 1;
    if (score > ev.bestScore) {
      ev.bestScore = score;
      ev.bestProfile = profile;
    }
  }

  // The story with the best-matching item wins among those whose best items back it (score ≥ threshold);
  // ranking by the mean alone would favour a story of one item over a larger one with more varied items.
  let top: StoryEvidence | undefined;
  for (let i = 0; i < stories.count; i++) {
    const ev = stories.list[i] as StoryEvidence;
    ev.score = ev.tops > 0 ? topSum(ev) / ev.tops : 0;
    if (!top) {
      top = ev;
      continue;
    }
    const backed = ev.score >= o.threshold;
    const topBacked = top.score >= o.threshold;
    if (backed !== topBacked) {
      if (backed) top = ev;
      continue;
    }
    const [a, b] = backed ? [ev.bestScore, top.bestScore] : [ev.score, top.score];
    if (a > b || (a === b && ev.matching > top.matching)) top = ev;
  }
  if (!top || inWindow === 0) {
    const reasons = [`no neighbour with a story within ${o.windowDays} days`];
    if (unassigned > 0) reasons.push(`${unassigned} neighbours without a story were skipped`);
    return { storyId: null, score: 0, reasons };
  }
  const reasons = explain(top, pairSimilarity(self, top.bestProfile, stats, o, fw), o);
  const score = round(top.score);
  if (top.score < o.threshold) {
    reasons.unshift(`best story ${top.storyId} scores ${score}, below the threshold ${o.threshold}: open a new story`);
    return { storyId: null, score, reasons };
  }
  return { storyId: top.storyId, score, reasons };
}

/**
 * The stories an incoming item's neighbours are in, with their evidence, in the order first met (which
 * breaks ties), reused from one item to the next: an item meets a couple of hundred stories, and a map
 * and an evidence object per story were a fifth of the main thread's garbage in the ingest bench.
 * Open addressing over typed arrays; an entry is live when its stamp is the current placement's.
 */
class StoryTable {
  readonly list: StoryEvidence[] = [];
  count = 0;
  private ids = new Float64Array(512);
  private at = new Int32Array(512);
  private stamps = new Int32Array(512);
  private stamp = 0;

  /** Empties the table for the next item. */
  begin(): this {
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp += 1;
    this.count = 0;
    return this;
  }

  /** The evidence of `storyId`, begun with its first neighbour's score and profile when the story is new. */
  evidence(storyId: number, score: number, profile: StoryProfile): StoryEvidence {
    const mask = this.ids.length - 1;
    let slot = hashSlot(storyId, mask);
    while (this.stamps[slot] === this.stamp) {
      if (this.ids[slot] === storyId) return this.list[this.at[slot] as number] as StoryEvidence;
      slot = (slot + 1) & mask;
    }
    let ev = this.list[this.count];
    if (ev) {
      ev.storyId = storyId;
      ev.bestScore = score;
      ev.bestProfile = profile;
      ev.matching = ev.items = ev.top0 = ev.top1 = ev.top2 = ev.tops = ev.score = 0;
    } else {
      ev = { storyId, bestScore: score, bestProfile: profile, matching: 0, items: 0, top0: 0, top1: 0, top2: 0, tops: 0, score: 0 };
      this.list.push(ev);
    }
    this.ids[slot] = storyId;
    this.at[slot] = this.count;
    this.stamps[slot] = this.stamp;
    this.count += 1;
    // At most half full, so probes stay short.
    if (this.count * 2 > this.ids.length) this.grow();
    return ev;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    this.ids = new Float64Array(size);
    this.at = new Int32Array(size);
    this.stamps = new Int32Array(size);
    this.stamp = 1;
    const mask = size - 1;
    for (let i = 0; i < this.count; i++) {
      const id = (this.list[i] as StoryEvidence).storyId;
      let slot = hashSlot(id, mask);
      while (this.stamps[slot] === 1) slot = (slot + 1) & mask;
      this.ids[slot] = id;
      this.at[slot] = i;
      this.stamps[slot] = 1;
    }
  }
}

/** A story id's first slot in a table of `mask + 1` slots (a power of two): the id's bits mixed, so that ids far apart spread too. */
function hashSlot(id: number, mask: number): number {
  let h = (id | 0) ^ Math.floor(id / 0x100000000);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) & mask;
}

const storyTable = new StoryTable();

/** Keeps the highest {@link STORY_LINKS} scores, highest first (as a descending sort would order them). */
function keepTop(ev: StoryEvidence, score: number): void {
  // Ties keep the earlier score first, as an insertion after every score not below it does.
  if (ev.tops === 0 || score > ev.top0) {
    ev.top2 = ev.top1;
    ev.top1 = ev.top0;
    ev.top0 = score;
  } else if (ev.tops === 1 || score > ev.top1) {
    ev.top2 = ev.top1;
    ev.top1 = score;
  } else if (ev.tops === 2 || score > ev.top2) {
    ev.top2 = score;
  }
  if (ev.tops < STORY_LINKS) ev.tops += 1;
}

/** The kept scores added up in order, highest first. */
function topSum(ev: StoryEvidence): number {
  let sum = 0 + ev.top0;
  if (ev.tops > 1) sum += ev.top1;
  if (ev.tops > 2) sum += ev.top2;
  return sum;
}

function explain(ev: StoryEvidence, b: PairSimilarity, o: ResolvedStoryOptions): string[] {
  const it = ev.bestProfile.item;
  const reasons = [`best match: item ${it.id} (${it.outlet}, ${it.language}) in story ${ev.storyId}, score ${round(b.score)}; the story scores ${round(ev.score)} over its best ${ev.tops} items`];
  if (b.sharedEntities.length === 0) {
    reasons.push('no shared entities');
    return reasons;
  }
  reasons.push(
    `shared entities and concepts: ${b.sharedEntities.join(', ')} (${b.informativeEntities.length} informative; weighted overlap ${round(b.entitySimilarity)})`,
  );
  if (b.sharedSetIdf !== null) reasons.push(`together they weigh ${round(b.sharedSetIdf)} (idf of the set within the window)`);
  if (b.sameLanguage) {
    reasons.push(b.rareTerms.length > 0 ? `rare shared terms: ${b.rareTerms.join(', ')} (term overlap ${round(b.termSimilarity)})` : `no rare shared terms (term overlap ${round(b.termSimilarity)})`);
  } else {
    reasons.push(`different languages: matched on entities and concepts only`);
  }
  if (!b.passes) {
    reasons.push(
      `not enough evidence: needs 2 informative shared entities or concepts, 3 or more that are informative together, or 1 shared entity and ${o.minRareTerms} rare shared terms`,
    );
  }
  reasons.push(`${round(b.hoursApart)} h apart`);
  reasons.push(`${ev.matching} of ${ev.items} neighbours in story ${ev.storyId} match`);
  return reasons;
}

/** The caller's stats, or document frequencies over the item and its neighbours when there are none. */
function statsFor(o: ResolvedStoryOptions, item: StoryCandidate, neighbours: readonly (StoryCandidate | StoryProfile)[]): TermStats {
  if (o.stats) return o.stats;
  const stats = new TermStats();
  stats.add(storyStatsKeys(item));
  for (const n of neighbours) stats.add(storyStatsKeys('item' in n ? n.item : n));
  return stats;
}

import { grownTo } from './grown.js';
import type { StoryCandidate } from './story.js';
import { type StoryProfile, storyProfile } from './story-similarity.js';
import { lowerBound } from './window-stats.js';

/** What to look up: every placed item within [from, to] sharing one of `keys`, nearest to `at` first. */
export interface NeighbourQuery {
  /** The incoming item, never its own neighbour. */
  id: number;
  /** Epoch ms of the incoming item. */
  at: number;
  from: number;
  to: number;
  /** Entity QIDs, concept keys and analysed terms ({@link storyNeighbourKeys}), in one key space. */
  keys: readonly string[];
  limit: number;
}

/** Below this many postings in the window per neighbour wanted, sorting them all beats narrowing them first. */
const SORT_ALL_BELOW = 4;

/** A placed item as the neighbourhood keeps it. */
interface Neighbour {
  id: number;
  /** Its comparison profile, its time included. */
  profile: StoryProfile;
  /** The keys it is filed under. */
  keys: string[];
  /** The gathering that last took it ({@link StoryNeighbourhood.gather}): each item once per gathering without a set. */
  gatheredBy: number;
}

interface Posting {
  /** Sorted by time, then id. */
  times: number[];
  /** The items themselves, in the same order: a lookup reaches their profiles without the id map. */
  items: Neighbour[];
  /** The lookup that last took this key ({@link StoryNeighbourhood.neighbours}): a key asked twice counts once, without a set. */
  lookedUpBy: number;
}

/**
 * The placed items of a stretch of time, in memory, with a posting list per key (entity QID, concept
 * key, analysed term), for the neighbour lookups of online story clustering: one incoming item needs
 * the few hundred items nearest in time that share a key with it, and the store would answer that
 * by joining and sorting every item that shares a common entity, item after item.
 *
 * Keys of different kinds share the space as in {@link TermStats}: QIDs are upper case and analysed
 * terms never are; concept and headline keys start with `~`.
 */
export class StoryNeighbourhood {
  private readonly items = new Map<number, Neighbour>();
  private readonly postings = new Map<string, Posting>();
  private lookups = 0;
  private gatherings = 0;
  /**
   * The postings of a lookup's keys with their spans [lo, hi) within the window, and the spans near
   * its moment: kept from one lookup to the next, as every incoming item looks up some sixty keys.
   */
  private readonly spanPostings: Posting[] = [];
  private spanLo = new Int32Array(128);
  private spanHi = new Int32Array(128);
  private nearLo = new Int32Array(128);
  private nearHi = new Int32Array(128);
  /**
   * What the last lookup gathered (its first {@link gatheredCount} entries): the items and their
   * distances in time, kept for the next lookup to write over, as every incoming item gathers a few
   * hundred. Until then they hold on to items that may have left the neighbourhood.
   */
  private readonly gathered: Neighbour[] = [];
  private distances = new Float64Array(1024);
  private gatheredCount = 0;

  get size(): number {
    return this.items.size;
  }

  has(id: number): boolean {
    return this.items.has(id);
  }

  /**
   * Adds an item placed in a story (again: replaces it), with its profile when the caller has made it.
   * Items without a story or a valid time are not neighbours.
   */
  add(item: StoryCandidate, profile: StoryProfile | null = storyProfile(item)): void {
    this.remove(item.id);
    if (item.storyId === null || !profile) return;
    const { time } = profile;
    const keys = [...new Set([...item.entities, ...item.terms])];
    const neighbour: Neighbour = { id: item.id, profile, keys, gatheredBy: 0 };
    this.items.set(item.id, neighbour);
    for (const key of keys) {
      let p = this.postings.get(key);
      if (!p) {
        p = { times: [], items: [], lookedUpBy: 0 };
        this.postings.set(key, p);
      }
      const at = upperBound(p, time, item.id);
      if (at === p.times.length) {
        p.times.push(time);
        p.items.push(neighbour);
      } else {
        p.times.splice(at, 0, time);
        p.items.splice(at, 0, neighbour);
      }
    }
  }

  remove(id: number): void {
    const entry = this.items.get(id);
    if (!entry) return;
    this.items.delete(id);
    for (const key of entry.keys) {
      const p = this.postings.get(key);
      if (!p) continue;
      const at = upperBound(p, entry.profile.time, id) - 1;
      if (at >= 0 && p.items[at]?.id === id) {
        p.times.splice(at, 1);
        p.items.splice(at, 1);
      }
      if (p.times.length === 0) this.postings.delete(key);
    }
  }

  clear(): void {
    this.items.clear();
    this.postings.clear();
  }

  /**
   * Items within [from, to] sharing a key with the query, ordered by distance in time to `at`, the
   * higher id first among equals (the store's neighbour query answered the same), at most `limit`; as
   * their comparison profiles, made once per item when it was added (libs/enrich's assignStory would
   * otherwise rebuild one for every neighbour of every incoming item; term weights are redone when the
   * rarity they were weighed with changes). Few postings are sorted whole. Many (a common key in a busy
   * window) are first narrowed to a span around `at` that still holds `limit` distinct items, so a
   * common key costs about what is taken, not its length.
   */
  neighbours(q: NeighbourQuery): StoryProfile[] {
    const lookup = ++this.lookups;
    let spans = 0;
    let total = 0;
    for (const key of q.keys) {
      const p = this.postings.get(key);
      if (!p || p.lookedUpBy === lookup) continue;
      p.lookedUpBy = lookup;
      // A posting within the window needs no search: a common key's list is long. Live coverage sits
      // at the window's newest end.
      const { times } = p;
      const lo = (times[0] as number) >= q.from ? 0 : lowerBound(times, q.from);
      const hi = (times[times.length - 1] as number) < q.to + 1 ? times.length : lowerBound(times, q.to + 1);
      if (hi <= lo) continue;
      if (spans === this.spanLo.length) this.growSpans();
      this.spanPostings[spans] = p;
      this.spanLo[spans] = lo;
      this.spanHi[spans] = hi;
      spans += 1;
      total += hi - lo;
    }
    if (total <= SORT_ALL_BELOW * q.limit) {
      this.gather(q, spans, this.spanLo, this.spanHi);
      return this.take(q);
    }
    // Every item within `radius` of `at` is gathered, so once `limit` distinct items lie within it, the
    // nearest `limit` are among them. The first guess is the span that would hold twice `limit` postings
    // were they spread evenly over the window; it doubles until it holds enough.
    let radius = Math.max(1, ((q.to - q.from) * q.limit) / total);
    for (;;) {
      if (q.at - radius <= q.from && q.at + radius >= q.to) {
        this.gather(q, spans, this.spanLo, this.spanHi);
        return this.take(q);
      }
      // Postings counted with repeats bound the distinct items from above: too few, and there is no need to gather them.
      let near = 0;
      for (let r = 0; r < spans; r++) {
        const { times } = this.spanPostings[r] as Posting;
        const lo = Math.max(this.spanLo[r] as number, lowerBound(times, q.at - radius));
        const hi = Math.min(this.spanHi[r] as number, firstAfter(times, q.at + radius));
        this.nearLo[r] = lo;
        this.nearHi[r] = hi;
        near += Math.max(0, hi - lo);
      }
      if (near >= q.limit) {
        this.gather(q, spans, this.nearLo, this.nearHi);
        if (this.gatheredCount >= q.limit) return this.take(q);
      }
      radius *= 2;
    }
  }

  private growSpans(): void {
    const length = this.spanLo.length + 1;
    this.spanLo = grownTo(this.spanLo, length);
    this.spanHi = grownTo(this.spanHi, length);
    this.nearLo = grownTo(this.nearLo, length);
    this.nearHi = grownTo(this.nearHi, length);
  }

  /** Gathers the items of the first `spans` postings of the lookup within [lo, hi), each once, with their distance in time to `at`. */
  private gather(q: NeighbourQuery, spans: number, los: Int32Array, his: Int32Array): void {
    // Each item is marked with this gathering's number when first met: a set of ids cost more than the rest of the lookup.
    const gathering = ++this.gatherings;
    let count = 0;
    for (let r = 0; r < spans; r++) {
      const p = this.spanPostings[r] as Posting;
      const lo = los[r] as number;
      const hi = his[r] as number;
      if (hi <= lo) continue;
      if (count + hi - lo > this.distances.length) this.distances = grownTo(this.distances, count + hi - lo);
      for (let i = lo; i < hi; i++) {
        const n = p.items[i] as Neighbour;
        if (n.gatheredBy === gathering || n.id === q.id) continue;
        n.gatheredBy = gathering;
        this.gathered[count] = n;
        this.distances[count] = Math.abs((p.times[i] as number) - q.at);
        count += 1;
      }
    }
    this.gatheredCount = count;
  }

  /** The profiles of the nearest `limit` of the gathered items. */
  private take(q: NeighbourQuery): StoryProfile[] {
    const out: StoryProfile[] = [];
    for (const k of nearestFirst(this.distances, this.gatheredCount, this.gathered, q.limit)) out.push((this.gathered[k] as Neighbour).profile);
    return out;
  }
}

/** Packed keys of {@link nearestFirst}, reused: it runs for every incoming item. */
let packedScratch = new Float64Array(1024);

/**
 * Indexes of the `limit` smallest of the first `n` `distances`, in ascending order, the higher id
 * (of `items`) first among equals. This runs for every incoming item over up to a thousand postings:
 * distance and index are packed into one float and sorted natively (a comparator sort costs four times
 * as much), then runs of equal distance are put in id order.
 */
function nearestFirst(distances: Float64Array, n: number, items: readonly Neighbour[], limit: number): number[] {
  const id = (k: number): number => (items[k] as Neighbour).id;
  const shift = 2 ** Math.ceil(Math.log2(n + 1));
  if (packedScratch.length < n) packedScratch = grownTo(packedScratch, n);
  const packed = packedScratch.subarray(0, n);
  let exact = true;
  for (let i = 0; i < n; i++) {
    const d = distances[i] as number;
    const key = d * shift + i;
    // The index is read back as the remainder: whole milliseconds, within float precision.
    if (!Number.isInteger(d) || key > Number.MAX_SAFE_INTEGER) exact = false;
    packed[i] = key;
  }
  if (!exact) {
    return Array.from({ length: n }, (_, k) => k)
      .sort((a, b) => (distances[a] as number) - (distances[b] as number) || id(b) - id(a))
      .slice(0, limit);
  }
  packed.sort();
  // Only the first `limit` are read back; a run of equal distances is put in id order whole, as it may
  // straddle `limit`. A key's distance is its quotient by `shift` (a power of two: exact) and its index
  // the rest, worked out without the remainder operator, a library call on floats.
  const order: number[] = [];
  for (let start = 0; start < n && order.length < limit; ) {
    const distance = Math.floor((packed[start] as number) / shift);
    const base = distance * shift;
    let end = start + 1;
    while (end < n && (packed[end] as number) - base < shift) end += 1;
    if (end - start === 1) order.push((packed[start] as number) - base);
    else {
      const run: number[] = [];
      for (let k = start; k < end; k++) run.push((packed[k] as number) - base);
      run.sort((a, b) => id(b) - id(a));
      for (const k of run) order.push(k);
    }
    start = end;
  }
  if (order.length > limit) order.length = limit;
  return order;
}

/** First index whose time is after `x`. */
function firstAfter(times: readonly number[], x: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose (time, id) is after (t, id). */
function upperBound(p: Posting, t: number, id: number): number {
  let lo = 0;
  let hi = p.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const mt = p.times[mid] as number;
    // The id is read only among equal times, which are rare: the times array answers the rest.
    if (mt < t || (mt === t && (p.items[mid] as Neighbour).id <= id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

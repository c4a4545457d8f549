/**
 * Document frequencies of keys within a time window around a moment, for rarity judged where the
 * item sits: in a week of coverage about one region, China in a third of the items says little, while
 * over a year of general news it might look rare; and a set of keys (China with Russia and Ukraine) is
 * rarer than each of them. Holds the cross-language features of every item given (entity QIDs and
 * concept keys: a handful per item), each posting list sorted by time.
 */
export class WindowStats {
  private readonly times: number[] = [];
  private readonly postings = new Map<string, { times: number[]; ids: number[] }>();
  private readonly members = new Map<string, Set<number>>();
  private readonly docs = new Map<number, { time: number; keys: string[] }>();

  /**
   * @param windowMs half-width of the window: documents within ±windowMs of the moment count.
   * @param priorDocuments pseudo-documents without any key, as in TermStats, so that a thin window
   *   does not call everything common.
   */
  constructor(
    readonly windowMs: number,
    readonly priorDocuments = 20,
  ) {}

  get size(): number {
    return this.docs.size;
  }

  has(id: number): boolean {
    return this.docs.has(id);
  }

  /** Adds one document (again: replaces it). A key repeated within it counts once. */
  add(id: number, time: number, keys: Iterable<string>): void {
    if (Number.isNaN(time)) return;
    if (this.docs.has(id)) this.remove(id);
    const unique = [...new Set(keys)];
    this.docs.set(id, { time, keys: unique });
    insertSorted(this.times, null, time, 0);
    for (const key of unique) {
      let p = this.postings.get(key);
      if (!p) {
        p = { times: [], ids: [] };
        this.postings.set(key, p);
        this.members.set(key, new Set());
      }
      insertSorted(p.times, p.ids, time, id);
      this.members.get(key)?.add(id);
    }
  }

  remove(id: number): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    removeSorted(this.times, null, doc.time, null);
    for (const key of doc.keys) {
      const p = this.postings.get(key);
      if (!p) continue;
      removeSorted(p.times, p.ids, doc.time, id);
      this.members.get(key)?.delete(id);
      if (p.times.length === 0) {
        this.postings.delete(key);
        this.members.delete(key);
      }
    }
  }

  /** Documents within the window around `time`. */
  documents(time: number): number {
    return countBetween(this.times, time - this.windowMs, time + this.windowMs);
  }

  /** Documents within the window around `time` that hold every one of `keys`. */
  frequency(keys: readonly string[], time: number): number {
    if (keys.length === 0) return this.documents(time);
    const from = time - this.windowMs;
    const to = time + this.windowMs;
    let rarest: { times: number[]; ids: number[] } | undefined;
    let rarestCount = Infinity;
    for (const key of keys) {
      const p = this.postings.get(key);
      if (!p) return 0;
      const n = countBetween(p.times, from, to);
      if (n < rarestCount) {
        rarest = p;
        rarestCount = n;
      }
    }
    if (!rarest || rarestCount === 0) return 0;
    if (keys.length === 1) return rarestCount;
    const others = keys.map((k) => this.members.get(k) as Set<number>);
    let n = 0;
    for (let i = lowerBound(rarest.times, from); i < rarest.times.length && (rarest.times[i] as number) <= to; i++) {
      const id = rarest.ids[i] as number;
      if (others.every((m) => m.has(id))) n += 1;
    }
    return n;
  }

  /** Smoothed idf of a key, or of a set of keys together, within the window around `time` (TermStats' formula). */
  idf(keys: string | readonly string[], time: number): number {
    const list = typeof keys === 'string' ? [keys] : keys;
    return Math.log((this.documents(time) + this.priorDocuments + 1) / (this.frequency(list, time) + 1));
  }
}

/** The first index of sorted `a` whose value is not below `x` (a.length when none). */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countBetween(a: readonly number[], from: number, to: number): number {
  return lowerBound(a, to + 1) - lowerBound(a, from);
}

/** Inserts after equal times, so that items arriving in time order only append. */
function insertSorted(times: number[], ids: number[] | null, time: number, id: number): void {
  const at = lowerBound(times, time + 1);
  if (at === times.length) {
    times.push(time);
    ids?.push(id);
    return;
  }
  times.splice(at, 0, time);
  ids?.splice(at, 0, id);
}

function removeSorted(times: number[], ids: number[] | null, time: number, id: number | null): void {
  for (let i = lowerBound(times, time); i < times.length && times[i] === time; i++) {
    if (ids && ids[i] !== id) continue;
    times.splice(i, 1);
    ids?.splice(i, 1);
    return;
  }
}

import { DomainError } from '@parallax/domain';
import { grownTo } from './grown.js';
import { KeySpace } from './key-space.js';
import type { KeyTally } from './key-tally.js';

/** The persisted form of {@link TermStats}: plain JSON, so the caller can keep it in a table or file. */
export interface TermStatsJson {
  version: 1;
  documents: number;
  priorDocuments: number;
  /** Document frequency: in how many documents each key occurs. */
  frequencies: Record<string, number>;
}

export interface TermStatsOptions {
  /**
   * Pseudo-documents that contain none of the keys. With few real documents every key looks common
   * (one item with "Q148" makes China occur in 100% of the corpus); the pseudo-documents keep a cold
   * corpus from calling everything uninformative, and their weight fades as real documents arrive.
   */
  priorDocuments?: number;
}

const DEFAULT_PRIOR_DOCUMENTS = 20;

/** Below this document frequency, idf values are kept by frequency until the stats change: most keys are rare. */
const IDF_BY_FREQUENCY = 4096;

/**
 * Document frequencies of keys (entity QIDs, analysed terms) over the items seen so far, for rarity
 * weights. The caller adds each item once when it is stored and persists {@link toJSON}.
 *
 * Frequencies are kept by the keys' ids in {@link keys}, so that story clustering, which weighs some
 * thousands of keys per incoming item, reads them by id ({@link idfOfId}) instead of looking each up
 * in a table of every key of the corpus.
 */
export class TermStats {
  /** The keys met so far, frequency 0 included (a key taken back keeps its id). */
  readonly keys = new KeySpace();
  private df = new Int32Array(1024);
  /** Per id, the version that last counted the key: a key repeated within a document counts once, without a set per document. */
  private countedAt = new Int32Array(1024);
  private n = 0;
  /** Bumped at every change: weights worked out under one version hold until the next. */
  private versionValue = 0;
  /** idf by document frequency, valid for the version it was worked out under. */
  private readonly idfByFrequency = new Float64Array(IDF_BY_FREQUENCY);
  private readonly idfVersion = new Int32Array(IDF_BY_FREQUENCY).fill(-1);
  readonly priorDocuments: number;

  constructor(options: TermStatsOptions = {}) {
    const prior = options.priorDocuments ?? DEFAULT_PRIOR_DOCUMENTS;
    if (!Number.isFinite(prior) || prior < 0) {
      throw new DomainError('VALIDATION', 'priorDocuments must be a non-negative number', { field: 'priorDocuments' });
    }
    this.priorDocuments = prior;
  }

  /** Number of real documents added. */
  get documents(): number {
    return this.n;
  }

  /** Changes at every document added or taken back. */
  get version(): number {
    return this.versionValue;
  }

  /** Adds one document; a key repeated within it counts once. `tally`, if given, counts the same (by {@link keys}' ids). */
  add(keys: Iterable<string>, tally?: KeyTally): void {
    this.n += 1;
    if (tally) tally.documents += 1;
    const stamp = ++this.versionValue | 0;
    for (const key of keys) {
      const id = this.keys.idOf(key);
      if (id >= this.df.length) this.grow(id);
      if (this.countedAt[id] === stamp) continue;
      this.countedAt[id] = stamp;
      this.df[id] = (this.df[id] as number) + 1;
      tally?.count(id);
    }
  }

  /** Takes back a document added earlier (an item deleted or re-enriched), from `tally` too if given. */
  remove(keys: Iterable<string>, tally?: KeyTally): void {
    if (this.n === 0) return;
    this.n -= 1;
    if (tally) tally.documents -= 1;
    const stamp = ++this.versionValue | 0;
    for (const key of keys) {
      const id = this.keys.find(key);
      if (id < 0 || id >= this.df.length || this.countedAt[id] === stamp) continue;
      this.countedAt[id] = stamp;
      if ((this.df[id] as number) > 0) {
        this.df[id] = (this.df[id] as number) - 1;
        tally?.count(id, -1);
      }
    }
  }

  frequency(key: string): number {
    return this.frequencyOfId(this.keys.find(key));
  }

  /**
   * Smoothed inverse document frequency, ln((N + P + 1) / (df + 1)) with P the prior documents:
   * 0 for a key in every document of a large corpus, ln(N + P + 1) for an unseen key. A key in a share
   * s of the documents weighs about ln(1/s).
   */
  idf(key: string): number {
    return this.idfOfId(this.keys.find(key));
  }

  /** {@link idf} of the key with this id in {@link keys} (-1: a key never met). */
  idfOfId(id: number): number {
    const f = this.frequencyOfId(id);
    if (f >= IDF_BY_FREQUENCY) return Math.log((this.n + this.priorDocuments + 1) / (f + 1));
    if (this.idfVersion[f] !== this.versionValue) {
      this.idfByFrequency[f] = Math.log((this.n + this.priorDocuments + 1) / (f + 1));
      this.idfVersion[f] = this.versionValue;
    }
    return this.idfByFrequency[f] as number;
  }

  private frequencyOfId(id: number): number {
    return id >= 0 && id < this.df.length ? (this.df[id] as number) : 0;
  }

  private grow(id: number): void {
    this.df = grownTo(this.df, id + 1);
    this.countedAt = grownTo(this.countedAt, id + 1);
  }

  toJSON(): TermStatsJson {
    const frequencies: Record<string, number> = {};
    for (let id = 0; id < this.keys.size; id++) {
      const f = this.df[id] as number;
      if (f > 0) frequencies[this.keys.keyOf(id)] = f;
    }
    return { version: 1, documents: this.n, priorDocuments: this.priorDocuments, frequencies };
  }

  /** Restores stats saved with {@link toJSON}; throws a VALIDATION DomainError on anything else. */
  static fromJSON(json: unknown): TermStats {
    const bad = (why: string): DomainError => new DomainError('VALIDATION', `term stats: ${why}`, { field: 'termStats' });
    if (typeof json !== 'object' || json === null) throw bad('not an object');
    const o = json as Partial<Record<keyof TermStatsJson, unknown>>;
    if (o.version !== 1) throw bad('unknown version');
    const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
    if (!count(o.documents)) throw bad('documents must be a non-negative integer');
    if (typeof o.priorDocuments !== 'number' || !(o.priorDocuments >= 0)) throw bad('priorDocuments must be a non-negative number');
    if (typeof o.frequencies !== 'object' || o.frequencies === null || Array.isArray(o.frequencies)) throw bad('frequencies must be an object');
    const stats = new TermStats({ priorDocuments: o.priorDocuments });
    stats.n = o.documents;
    for (const [key, f] of Object.entries(o.frequencies)) {
      if (!count(f) || f > o.documents) throw bad(`frequency of "${key}" must be an integer between 0 and documents`);
      if (f === 0) continue;
      const id = stats.keys.idOf(key);
      if (id >= stats.df.length) stats.grow(id);
      stats.df[id] = f;
    }
    return stats;
  }
}

import { DomainError } from '@parallax/domain';

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

/**
 * Document frequencies of keys (entity QIDs, analysed terms) over the items seen so far, for rarity
 * weights. The caller adds each item once when it is stored and persists {@link toJSON}.
 */
export class TermStats {
  private readonly df = new Map<string, number>();
  private n = 0;
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

  /** Adds one document; a key repeated within it counts once. */
  add(keys: Iterable<string>): void {
    this.n += 1;
    for (const key of new Set(keys)) this.df.set(key, (this.df.get(key) ?? 0) + 1);
  }

  /** Takes back a document added earlier (an item deleted or re-enriched). */
  remove(keys: Iterable<string>): void {
    if (this.n === 0) return;
    this.n -= 1;
    for (const key of new Set(keys)) {
      const f = this.df.get(key);
      if (f === undefined) continue;
      if (f <= 1) this.df.delete(key);
      else this.df.set(key, f - 1);
    }
  }

  frequency(key: string): number {
    return this.df.get(key) ?? 0;
  }

  /**
   * Smoothed inverse document frequency, ln((N + P + 1) / (df + 1)) with P the prior documents:
   * 0 for a key in every document of a large corpus, ln(N + P + 1) for an unseen key. A key in a share
   * s of the documents weighs about ln(1/s).
   */
  idf(key: string): number {
    return Math.log((this.n + this.priorDocuments + 1) / (this.frequency(key) + 1));
  }

  toJSON(): TermStatsJson {
    return { version: 1, documents: this.n, priorDocuments: this.priorDocuments, frequencies: Object.fromEntries(this.df) };
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
      if (f > 0) stats.df.set(key, f);
    }
    return stats;
  }
}

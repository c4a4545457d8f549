import { grownTo } from './grown.js';

/**
 * Integer ids for the keys of story clustering (entity QIDs, concept keys, analysed terms). A
 * {@link TermStats} keeps its frequencies by these ids, and comparing an incoming item with its few
 * hundred neighbours tests shared keys and reads their weights in typed arrays instead of hashing
 * strings: each pair shares a handful of some 40 keys, and the string lookups (in the pair's sets and
 * in a table of every key of the corpus) were most of a pair's cost.
 *
 * The incoming item's keys are marked ({@link Marks}) with their positions in its own lists; a
 * neighbour's keys are then looked up by id. An id stays the same key for the life of the space.
 */
export class KeySpace {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private featureMarks: Marks | null = null;
  private termMarks: Marks | null = null;

  get size(): number {
    return this.keys.length;
  }

  /** The id of `key`, new if the space has not met it. */
  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }

  /** The id of `key`, or -1 when the space has not met it (and the space is left as it was). */
  find(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  /** The ids of `keys`, in order. */
  idsOf(keys: readonly string[]): Int32Array {
    const out = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = this.idOf(keys[i] as string);
    return out;
  }

  keyOf(id: number): string {
    const key = this.keys[id];
    if (key === undefined) throw new RangeError(`no key with id ${id}`);
    return key;
  }

  /**
   * Marks for an incoming item's features, and apart from them for its terms: a user's entity id may
   * be spelt as an analysed term is. Made on first use: a space that only counts never needs them.
   */
  get features(): Marks {
    this.featureMarks ??= new Marks();
    return this.featureMarks;
  }

  get terms(): Marks {
    this.termMarks ??= new Marks();
    return this.termMarks;
  }
}

/** The keys of one list, marked with their positions in it; ids are a {@link KeySpace}'s. */
export class Marks {
  /** Per id: the stamp of the marking that last marked it, and its position in the marked list. */
  private stamps = new Int32Array(1024);
  private positions = new Int32Array(1024);
  private stamp = 0;

  /** Marks the keys of `list` (each once), replacing the earlier marking. */
  mark(list: Int32Array): void {
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    for (let i = 0; i < list.length; i++) {
      const id = list[i] as number;
      if (id >= this.stamps.length) {
        this.stamps = grownTo(this.stamps, id + 1);
        this.positions = grownTo(this.positions, id + 1);
      }
      this.stamps[id] = stamp;
      this.positions[id] = i;
    }
  }

  /** The position of `id` in the marked list, or -1 when it is not there. */
  position(id: number): number {
    return id < this.stamps.length && this.stamps[id] === this.stamp ? (this.positions[id] as number) : -1;
  }
}

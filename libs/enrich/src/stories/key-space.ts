/**
 * Integer ids for the keys of story clustering (entity QIDs, concept keys, analysed terms), so that
 * comparing an incoming item with its few hundred neighbours tests shared keys in typed arrays instead
 * of hashing strings: each pair shares a handful of some 40 keys, and the string lookups were most of
 * a pair's cost.
 *
 * The incoming item's keys are marked ({@link Marks}) with their positions in its own lists; a
 * neighbour's keys are then looked up by id. Ids stay valid for the life of the space: profiles keep
 * theirs and get new ones only when the space they were made in has been retired.
 */
export class KeySpace {
  private readonly ids = new Map<string, number>();
  /** Marks for an incoming item's features, and for its terms: a user's entity id may equal an analysed term. */
  readonly features = new Marks();
  readonly terms = new Marks();

  get size(): number {
    return this.ids.size;
  }

  /** The ids of `keys`, in order; new keys get the next ids. */
  idsOf(keys: readonly string[]): Int32Array {
    const out = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(key, id);
        this.features.reach(id);
        this.terms.reach(id);
      }
      out[i] = id;
    }
    return out;
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
      this.stamps[id] = stamp;
      this.positions[id] = i;
    }
  }

  /** The position of `id` in the marked list, or -1 when it is not there. */
  position(id: number): number {
    return this.stamps[id] === this.stamp ? (this.positions[id] as number) : -1;
  }

  /** Makes room for ids up to `id`. */
  reach(id: number): void {
    if (id < this.stamps.length) return;
    let length = this.stamps.length * 2;
    while (length <= id) length *= 2;
    const stamps = new Int32Array(length);
    stamps.set(this.stamps);
    const positions = new Int32Array(length);
    positions.set(this.positions);
    this.stamps = stamps;
    this.positions = positions;
  }
}

/**
 * Most keys a space takes before the next profile starts a new one. A server clusters for months and
 * meets new names and terms every day: the space that profiles share is retired at this size, and the
 * profiles still in use take ids from its successor as they are next compared.
 */
const MAX_KEYS = 1 << 20;

let current = new KeySpace();

/** The space new ids come from: the shared one, or its successor once it is full. */
export function currentKeySpace(): KeySpace {
  if (current.size >= MAX_KEYS) current = new KeySpace();
  return current;
}

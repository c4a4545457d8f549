/**
 * A bounded cache keyed by a span of a text, looked up without cutting the span out as a string.
 *
 * The analysers keep what they worked out per word (Zipf: most words were seen before). With a `Map`,
 * each lookup cut the word out of its text and had V8 hash the new string, about 300 ns a word at
 * 27,000 words cached, more than the rest of analysing a known word. Here the span's code units are
 * hashed where they stand (FNV-1a) and compared with the key found, and a string is made only for a
 * word not seen before. Emptied when full, as the maps were.
 */
export class SpanCache<V> {
  private readonly keys: string[] = [];
  private readonly values: V[] = [];
  private readonly hashes: Int32Array;
  /** Open addressing over the entries: an entry's index + 1, or 0 for a free slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Int32Array(capacity);
  }

  get size(): number {
    return this.keys.length;
  }

  /** What is cached for `text.slice(start, end)`, if anything. */
  get(text: string, start: number, end: number): V | undefined {
    const hash = hashSpan(text, start, end);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) return undefined;
      if (this.hashes[entry] === hash && sameSpan(this.keys[entry] as string, text, start, end)) return this.values[entry];
    }
  }

  /** Caches `value` for `text.slice(start, end)`, which is not cached yet. */
  set(text: string, start: number, end: number, value: V): void {
    if (this.keys.length >= this.capacity) this.clear();
    const hash = hashSpan(text, start, end);
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    const entry = this.keys.length;
    this.keys.push(text.slice(start, end));
    this.values.push(value);
    this.hashes[entry] = hash;
    this.slots[slot] = entry + 1;
  }

  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
    this.slots.fill(0);
  }
}

function hashSpan(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // FNV's low bits mix poorly for short keys: fold the high half in before masking.
  return h ^ (h >>> 16);
}

function sameSpan(key: string, text: string, start: number, end: number): boolean {
  return key.length === end - start && text.startsWith(key, start);
}

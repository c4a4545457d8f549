import { DomainError } from '@parallax/domain';
import { parseFingerprint, popcount32 } from './simhash.js';

/**
 * An in-memory index of 64-bit SimHash fingerprints answering "which ids lie within k bits of this
 * one?" without comparing against every stored fingerprint.
 *
 * The fingerprint is cut into 4 bands of 16 bits and each band value keys a bucket (the table scheme
 * of Manku et al., WWW 2007, §3). By the pigeonhole principle two fingerprints that differ in at most
 * d bits agree within floor(d / 4) bits on at least one band, so:
 * - d ≤ 3: looking up the exact value of each band finds every candidate (4 bucket reads);
 * - d ≤ 7 or d ≤ 11: also probing each band's values within 1 or 2 flipped bits (17 or 137 bucket
 *   reads per band) still finds every candidate;
 * - larger d: the bands no longer narrow much, so the index compares against every entry.
 * Candidates are then checked with the exact Hamming distance, so answers never hold false matches.
 */

const BANDS = 4;
const BAND_BITS = 16;
/** Beyond this per-band radius, probing costs more than a scan saves. */
const MAX_PROBE_RADIUS = 2;
const INITIAL_CAPACITY = 1024;

export class NearDuplicateIndex<Id = number> {
  private hi = new Uint32Array(INITIAL_CAPACITY);
  private lo = new Uint32Array(INITIAL_CAPACITY);
  private live = new Uint8Array(INITIAL_CAPACITY);
  /** When each slot's id was added, for ties; slots are reused, so the slot alone no longer says. */
  private added = new Float64Array(INITIAL_CAPACITY);
  private additions = 0;
  private ids: (Id | undefined)[] = [];
  /** Slots of deleted ids, taken by the next ones added: an index that lives for months holds only what it holds now. */
  private readonly freeSlots: number[] = [];
  /**
   * Each addition's slot, sequence number and time, in the order of addition (from `agesHead` on), for
   * {@link deleteAddedBefore}. Times come about in order; one that does not waits behind a newer one.
   */
  private ageSlots: number[] = [];
  private ageSeqs: number[] = [];
  private ageTimes: number[] = [];
  private agesHead = 0;
  private readonly slotOf = new Map<Id, number>();
  /** buckets[band][bandValue] = slots whose fingerprint has that value in that band. */
  private readonly buckets: (number[] | undefined)[][] = Array.from({ length: BANDS }, () => new Array(1 << BAND_BITS));

  /** Number of ids in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: Id): boolean {
    return this.slotOf.has(id);
  }

  /**
   * Adds an id with its fingerprint (16 hex digits), at a time (epoch ms) that {@link deleteAddedBefore}
   * reads. Adding an id again replaces its fingerprint, so re-ingesting an edited item does not leave its
   * old text behind.
   */
  add(id: Id, hash: string, at = 0): void {
    const { hi, lo } = parseFingerprint(hash);
    const existing = this.slotOf.get(id);
    if (existing !== undefined) {
      if (this.hi[existing] === hi && this.lo[existing] === lo) return;
      this.removeSlot(existing);
    }
    const slot = this.freeSlots.pop() ?? this.ids.length;
    this.ensureCapacity(slot + 1);
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.live[slot] = 1;
    this.added[slot] = this.additions;
    this.ageSlots.push(slot);
    this.ageSeqs.push(this.additions);
    this.ageTimes.push(at);
    this.additions += 1;
    this.ids[slot] = id;
    this.slotOf.set(id, slot);
    for (let band = 0; band < BANDS; band++) {
      const table = this.buckets[band]!;
      const key = bandValue(hi, lo, band);
      (table[key] ??= []).push(slot);
    }
  }

  /** Removes an id; returns whether it was present. */
  delete(id: Id): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.removeSlot(slot);
    this.slotOf.delete(id);
    return true;
  }

  /**
   * Deletes the ids added before `before` (epoch ms), unless added again since, and returns them: an
   * index that keeps a window of time holds the same whether it was filled at start-up or over months.
   */
  deleteAddedBefore(before: number): Id[] {
    const deleted: Id[] = [];
    let head = this.agesHead;
    for (; head < this.ageTimes.length && (this.ageTimes[head] as number) < before; head++) {
      const slot = this.ageSlots[head] as number;
      // A slot deleted since, or given to a later addition, is no longer this addition's.
      if (!this.live[slot] || this.added[slot] !== this.ageSeqs[head]) continue;
      const id = this.ids[slot] as Id;
      this.delete(id);
      deleted.push(id);
    }
    // The spent front is cut off once it is most of the lists.
    if (head > 1024 && head * 2 > this.ageTimes.length) {
      this.ageSlots = this.ageSlots.slice(head);
      this.ageSeqs = this.ageSeqs.slice(head);
      this.ageTimes = this.ageTimes.slice(head);
      head = 0;
    }
    this.agesHead = head;
    return deleted;
  }

  /**
   * Ids whose fingerprint differs from `hash` in at most `maxDistance` bits, closest first (ties in
   * the order they were added).
   */
  findNear(hash: string, maxDistance = 3): Id[] {
    if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 64) {
      throw new DomainError('VALIDATION', 'maxDistance must be an integer from 0 to 64', { field: 'maxDistance' });
    }
    const { hi, lo } = parseFingerprint(hash);
    const radius = Math.floor(maxDistance / BANDS);
    const found: { slot: number; distance: number }[] = [];
    const check = (slot: number): void => {
      const distance = popcount32(this.hi[slot]! ^ hi) + popcount32(this.lo[slot]! ^ lo);
      if (distance <= maxDistance) found.push({ slot, distance });
    };

    if (radius > MAX_PROBE_RADIUS) {
      for (let slot = 0; slot < this.ids.length; slot++) if (this.live[slot]) check(slot);
    } else {
      const seen = new Set<number>();
      for (let band = 0; band < BANDS; band++) {
        const table = this.buckets[band]!;
        for (const key of valuesWithin(bandValue(hi, lo, band), radius)) {
          const bucket = table[key];
          if (!bucket) continue;
          for (const slot of bucket) {
            if (seen.has(slot)) continue;
            seen.add(slot);
            check(slot);
          }
        }
      }
    }
    found.sort((x, y) => x.distance - y.distance || this.added[x.slot]! - this.added[y.slot]!);
    return found.map((f) => this.ids[f.slot] as Id);
  }

  private removeSlot(slot: number): void {
    const hi = this.hi[slot]!;
    const lo = this.lo[slot]!;
    for (let band = 0; band < BANDS; band++) {
      const table = this.buckets[band]!;
      const key = bandValue(hi, lo, band);
      const bucket = table[key];
      if (!bucket) continue;
      const at = bucket.indexOf(slot);
      if (at >= 0) bucket.splice(at, 1);
      if (bucket.length === 0) table[key] = undefined;
    }
    this.live[slot] = 0;
    this.ids[slot] = undefined;
    this.freeSlots.push(slot);
  }

  private ensureCapacity(n: number): void {
    if (n <= this.hi.length) return;
    const capacity = Math.max(n, this.hi.length * 2);
    const grow = <T extends Uint32Array | Uint8Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.hi = grow(this.hi, new Uint32Array(capacity));
    this.lo = grow(this.lo, new Uint32Array(capacity));
    this.live = grow(this.live, new Uint8Array(capacity));
    const added = new Float64Array(capacity);
    added.set(this.added);
    this.added = added;
  }
}

/** Band 0 is the top 16 bits of the fingerprint, band 3 the bottom 16. */
function bandValue(hi: number, lo: number, band: number): number {
  const half = band < 2 ? hi : lo;
  return band % 2 === 0 ? half >>> 16 : half & 0xffff;
}

/** Every 16-bit value within `radius` flipped bits of `value`, itself first. */
function valuesWithin(value: number, radius: number): number[] {
  const out = [value];
  if (radius >= 1) {
    for (let i = 0; i < BAND_BITS; i++) {
      const one = value ^ (1 << i);
      out.push(one);
      if (radius >= 2) for (let j = i + 1; j < BAND_BITS; j++) out.push(one ^ (1 << j));
    }
  }
  return out;
}

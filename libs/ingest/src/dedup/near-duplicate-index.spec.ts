import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { hammingDistance } from './simhash.js';

/** Flips the given bit positions (0 = least significant) of a 16-hex-digit fingerprint. */
function flip(hash: string, bits: readonly number[]): string {
  let v = BigInt(`0x${hash}`);
  for (const b of bits) v ^= 1n << BigInt(b);
  return v.toString(16).padStart(16, '0');
}

const fingerprint = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((v) => v.toString(16).padStart(16, '0'));

describe('NearDuplicateIndex', () => {
  it('finds fingerprints within 3 bits, closest first, and not those further away', () => {
    const index = new NearDuplicateIndex<string>();
    const base = '0123456789abcdef';
    index.add('same', base);
    index.add('two-bits', flip(base, [0, 40]));
    index.add('three-bits', flip(base, [5, 21, 63]));
    index.add('four-bits', flip(base, [1, 17, 33, 49]));
    index.add('unrelated', 'fedcba9876543210');
    expect(index.findNear(base)).toEqual(['same', 'two-bits', 'three-bits']);
    expect(index.findNear(base, 4)).toEqual(['same', 'two-bits', 'three-bits', 'four-bits']);
    expect(index.findNear(base, 0)).toEqual(['same']);
  });

  it('finds neighbours even when every band differs (d = 4…7 probes flipped band values)', () => {
    const index = new NearDuplicateIndex<number>();
    const base = 'a5a5a5a5a5a5a5a5';
    const far = flip(base, [2, 18, 34, 50, 3, 19, 35]); // seven bits, spread over all four bands
    index.add(1, far);
    expect(index.findNear(base, 6)).toEqual([]);
    expect(index.findNear(base, 7)).toEqual([1]);
  });

  it('replaces the fingerprint of an id added again, and deletes', () => {
    const index = new NearDuplicateIndex<string>();
    index.add('a', '0000000000000000');
    index.add('a', 'ffffffffffffffff');
    expect(index.size).toBe(1);
    expect(index.findNear('0000000000000000')).toEqual([]);
    expect(index.findNear('ffffffffffffffff')).toEqual(['a']);
    expect(index.delete('a')).toBe(true);
    expect(index.delete('a')).toBe(false);
    expect(index.findNear('ffffffffffffffff')).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('gives the slots of deleted ids to the next ones, and still breaks ties in the order ids were added', () => {
    const index = new NearDuplicateIndex<number>();
    const base = '0f0f0f0f0f0f0f0f';
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 1_000; i++) index.add(round * 1_000 + i, flip(base, [i % 64]));
      for (let i = 0; i < 1_000; i++) if (i !== 999) index.delete(round * 1_000 + i);
    }
    // Five rounds of 1,000 ids, all but one of each deleted: the first round's slots served them all, and
    // each later round took one more for the slot its predecessor's survivor keeps.
    expect(index.size).toBe(5);
    expect((index as unknown as { ids: unknown[] }).ids.length).toBe(1_004);
    // The survivors are equally near (one bit each): they come in the order they were added, not by slot.
    expect(index.findNear(base, 1)).toEqual([999, 1_999, 2_999, 3_999, 4_999]);
  });

  it('deletes the ids added before a time, except those added again since', () => {
    const index = new NearDuplicateIndex<string>();
    index.add('old', '0000000000000001', 100);
    index.add('again', '0000000000000002', 100);
    index.add('gone', '0000000000000004', 100);
    index.add('new', '0000000000000008', 300);
    index.add('again', '00000000000000f2', 250);
    index.delete('gone');
    expect(index.deleteAddedBefore(200)).toEqual(['old']);
    expect(index.findNear('0000000000000000', 8).sort()).toEqual(['again', 'new']);
    expect(index.deleteAddedBefore(400).sort()).toEqual(['again', 'new']);
    expect(index.size).toBe(0);
  });

  it('refuses a bad fingerprint or distance', () => {
    const index = new NearDuplicateIndex();
    expect(() => index.add(1, 'xyz')).toThrow(/16 hex digits/);
    expect(() => index.findNear('0000000000000000', -1)).toThrow(/maxDistance/);
    expect(() => index.findNear('0000000000000000', 1.5)).toThrow(/maxDistance/);
  });

  it('answers exactly what a linear scan answers, at every distance', () => {
    fc.assert(
      fc.property(
        fc.array(fingerprint, { minLength: 1, maxLength: 60 }),
        fingerprint,
        fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 20 }),
        (stored, query, bits, maxDistance) => {
          const index = new NearDuplicateIndex<number>();
          // Plant a neighbour of the query so the near side is exercised, not only the far side.
          const all = [...stored, flip(query, bits)];
          all.forEach((h, i) => index.add(i, h));
          const expected = all
            .map((h, i) => ({ i, d: hammingDistance(h, query) }))
            .filter((x) => x.d <= maxDistance)
            .sort((x, y) => x.d - y.d || x.i - y.i)
            .map((x) => x.i);
          expect(index.findNear(query, maxDistance)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds planted near-duplicates among 200 000 random fingerprints', () => {
    const index = new NearDuplicateIndex<number>();
    // A fixed-seed generator (xorshift32) so the haystack is the same on every run.
    let s = 2463534242;
    const next = (): number => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return s >>> 0;
    };
    const hex = (): string => next().toString(16).padStart(8, '0') + next().toString(16).padStart(8, '0');
    for (let i = 0; i < 200_000; i++) index.add(i, hex());
    const needle = hex();
    index.add(-1, flip(needle, [3, 30, 60]));
    const hits = index.findNear(needle, 3);
    expect(hits).toContain(-1);
    for (const id of hits) expect(id === -1 || id >= 0).toBe(true);
  });
});

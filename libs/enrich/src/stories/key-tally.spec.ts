import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTally } from './key-tally.js';
import { TermStats } from './term-stats.js';

describe('KeyTally', () => {
  it('counts what TermStats adds, each key once per document, in the order first counted', () => {
    const stats = new TermStats();
    const tally = new KeyTally();
    stats.add(['Q148', 'olympics'], tally);
    stats.add(['Q148', 'Q148', 'boycott'], tally);
    stats.add(['Q159', 'olympics']);
    expect(tally.documents).toBe(2);
    expect(tally.entries(stats.keys)).toEqual([
      ['Q148', 2],
      ['olympics', 1],
      ['boycott', 1],
    ]);
    // A document taken back leaves the tally as before it; a count back at 0 is left out.
    stats.remove(['Q148', 'Q148', 'boycott'], tally);
    expect(tally.documents).toBe(1);
    expect(tally.entries(stats.keys)).toEqual([
      ['Q148', 1],
      ['olympics', 1],
    ]);
    const totals = new KeyTally();
    tally.addTo(totals);
    tally.addTo(totals);
    tally.clear();
    expect(tally.entries(stats.keys)).toEqual([]);
    expect(tally.documents).toBe(0);
    expect(totals.entries(stats.keys)).toEqual([
      ['Q148', 2],
      ['olympics', 2],
    ]);
    expect(totals.documents).toBe(2);
  });

  it('counts as a set per document and a map of keys would, across batches, past its first thousand ids', () => {
    const key = fc.oneof(fc.constantFrom('Q148', 'Q159', '~olympics', 'olympics'), fc.nat(3000).map((n) => `k${n}`));
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(key, { maxLength: 30 }), { maxLength: 20 }), { maxLength: 5 }), (batches) => {
        const stats = new TermStats();
        const tally = new KeyTally();
        const totals = new KeyTally();
        const expected = new Map<string, number>();
        let documents = 0;
        for (const batch of batches) {
          for (const keys of batch) {
            stats.add(keys, tally);
            documents += 1;
            for (const k of new Set(keys)) expected.set(k, (expected.get(k) ?? 0) + 1);
          }
          tally.addTo(totals);
          tally.clear();
        }
        expect(new Map(totals.entries(stats.keys))).toEqual(expected);
        expect(totals.documents).toBe(documents);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctiveTerms } from './distinctive-terms.js';

const COMMON = ['china', 'russia', 'ukraine', 'olympics', 'report', 'officials', 'invasion', 'beijing'];

/** An outlet's term counts: the shared vocabulary `base` times each, plus its own extras. */
function outlet(base: number, extras: Record<string, number> = {}): Map<string, number> {
  const m = new Map(COMMON.map((t) => [t, base]));
  for (const [t, c] of Object.entries(extras)) m.set(t, (m.get(t) ?? 0) + c);
  return m;
}

describe('distinctiveTerms (Monroe, Colaresi & Quinn 2008)', () => {
  it('ranks first the term an outlet uses far more than the others', () => {
    const groups = new Map([
      ['A', outlet(10, { fake: 14, smear: 3 })],
      ['B', outlet(12, { fake: 1 })],
      ['C', outlet(9, { intelligence: 6 })],
    ]);
    const out = distinctiveTerms(groups);
    expect(out.get('A')?.[0]?.term).toBe('fake');
    expect(out.get('C')?.[0]?.term).toBe('intelligence');
    expect(out.get('A')?.map((t) => t.term)).not.toContain('china');
    expect(out.get('A')?.[0]).toMatchObject({ count: 14, otherCount: 1 });
  });

  it('keeps a word used once from outranking a word used throughout, where the raw log-odds would not', () => {
    const groups = new Map([
      ['A', outlet(10, { fake: 12, zyzzyva: 1 })],
      ['B', outlet(10, { fake: 3 })],
      ['C', outlet(10, { fake: 3 })],
    ]);
    const a = distinctiveTerms(groups, { top: 50 }).get('A') ?? [];
    const rank = (t: string): number => a.findIndex((x) => x.term === t);
    expect(rank('fake')).toBe(0);
    expect(rank('zyzzyva')).toBeGreaterThan(rank('fake'));

    // The plain log-odds ratio with add-½ smoothing and no prior ranks the one-off word first.
    const n = (g: Map<string, number>): number => [...g.values()].reduce((s, c) => s + c, 0);
    const ga = groups.get('A') as Map<string, number>;
    const na = n(ga);
    const nRest = n(groups.get('B') as Map<string, number>) + n(groups.get('C') as Map<string, number>);
    const raw = (yi: number, yj: number): number => Math.log((yi + 0.5) / (na - yi + 0.5)) - Math.log((yj + 0.5) / (nRest - yj + 0.5));
    expect(raw(1, 0)).toBeGreaterThan(raw(12, 6));
  });

  it('returns nothing distinctive for a lone outlet or one that matches the corpus', () => {
    expect(distinctiveTerms(new Map([['A', outlet(5, { fake: 3 })]])).get('A')).toEqual([]);
    const same = distinctiveTerms(new Map([['A', outlet(4)], ['B', outlet(8)]]));
    expect(same.get('A')).toEqual([]);
    expect(same.get('B')).toEqual([]);
  });

  it('raises a term’s z-score as the outlet uses it more, other counts fixed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }), (k, other, extra) => {
        const z = (count: number): number => {
          const groups = new Map([
            ['A', outlet(6, { w: count })],
            ['B', outlet(6, { w: other })],
          ]);
          return distinctiveTerms(groups, { top: 100 }).get('A')?.find((t) => t.term === 'w')?.zScore ?? 0;
        };
        return z(k + extra) >= z(k);
      }),
    );
  });
});

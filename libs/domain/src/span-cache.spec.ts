import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanCache } from './span-cache.js';

describe('SpanCache', () => {
  it('finds a value by the characters of a span, whatever text the span is in', () => {
    const cache = new SpanCache<number>(8);
    cache.set('Russia denies', 0, 6, 1);
    expect(cache.get('Kremlin: Russia', 9, 15)).toBe(1);
    expect(cache.get('Russian', 0, 7)).toBeUndefined();
    expect(cache.get('Russia', 0, 5)).toBeUndefined();
    expect(cache.get('', 0, 0)).toBeUndefined();
    cache.set('', 0, 0, 0);
    expect(cache.get('xyz', 1, 1)).toBe(0);
  });

  it('is emptied when full, then fills again', () => {
    const cache = new SpanCache<string>(3);
    for (const w of ['a', 'b', 'c']) cache.set(w, 0, 1, w);
    expect(cache.size).toBe(3);
    cache.set('d', 0, 1, 'd');
    expect(cache.size).toBe(1);
    expect(cache.get('a', 0, 1)).toBeUndefined();
    expect(cache.get('d', 0, 1)).toBe('d');
  });

  it('answers as a Map keyed by the span cut out would, surrogates and all', () => {
    const pool = ['a', 'b', 'é', 'ж', '中', '😀', '\ud800', '\udc00', ' '];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(fc.constantFrom(...pool), { maxLength: 8 }), fc.nat(5), fc.nat(5)), { maxLength: 200 }), (ops) => {
        const cache = new SpanCache<number>(1000);
        const map = new Map<string, number>();
        ops.forEach(([chars, a, b], n) => {
          const text = chars.join('');
          const start = Math.min(a, b, text.length);
          const end = Math.min(Math.max(a, b), text.length);
          const key = text.slice(start, end);
          expect(cache.get(text, start, end)).toBe(map.get(key));
          if (!map.has(key)) {
            cache.set(text, start, end, n);
            map.set(key, n);
          }
        });
        expect(cache.size).toBe(map.size);
      }),
      { numRuns: 300 },
    );
  });
});

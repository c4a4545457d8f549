import { describe, expect, it } from 'vitest';
import { AnalysedFieldsCache } from './analysed-fields-cache.js';

describe('AnalysedFieldsCache', () => {
  it('keeps the newest entries up to its capacity, the oldest going first', () => {
    const cache = new AnalysedFieldsCache(2);
    cache.set(1, { title: ['a'], body: [] });
    cache.set(2, { title: ['b'], body: [] });
    cache.set(1, { title: ['a2'], body: [] });
    cache.set(3, { title: ['c'], body: [] });
    expect(cache.size).toBe(2);
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)?.title).toEqual(['a2']);
    expect(cache.get(3)?.title).toEqual(['c']);
  });
});

import { describe, expect, it } from 'vitest';
import type { SearchHit } from '@parallax/domain';
import { foldDuplicates } from './fold-duplicates.js';

const hit = (id: number, duplicateOf: number | null = null): SearchHit => ({
  id,
  title: `t${id}`,
  url: null,
  outlet: 'o',
  sourceId: 1,
  kind: 'media',
  language: 'en',
  publishedAt: '2022-02-04T00:00:00.000Z',
  entities: [],
  denial: false,
  mentionsDenial: false,
  storyId: null,
  duplicateOf,
  snippet: '',
});

const shape = (hits: SearchHit[]) => foldDuplicates(hits).map((f) => [f.hit.id, f.copies.map((c) => c.id)]);

describe('foldDuplicates', () => {
  it('puts copies under their original in server order', () => {
    expect(shape([hit(1), hit(2, 1), hit(3), hit(4, 1)])).toEqual([
      [1, [2, 4]],
      [3, []],
    ]);
  });

  it('folds a copy listed before its original, and copies of copies under the first original', () => {
    expect(shape([hit(5, 6), hit(6), hit(7, 5)])).toEqual([[6, [5, 7]]]);
  });

  it('keeps a copy whose original is not on the page', () => {
    expect(shape([hit(8, 99), hit(9)])).toEqual([
      [8, []],
      [9, []],
    ]);
  });

  it('shows every hit of a duplicate cycle rather than losing them', () => {
    expect(shape([hit(1, 2), hit(2, 1)])).toEqual([
      [1, []],
      [2, []],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { shingles, dedupTokens } from './text-shingles.js';

describe('dedupTokens', () => {
  it('splits spaced scripts into words and drops punctuation', () => {
    expect(dedupTokens('Россия и Китай: «чистая ложь»!')).toEqual(['россия', 'и', 'китай', 'чистая', 'ложь']);
  });

  it('splits Chinese and Japanese into characters, keeping Latin words whole', () => {
    expect(dedupTokens('中俄关系 Olympics 2022')).toEqual(['中', '俄', '关', '系', 'olympics', '2022']);
    expect(dedupTokens('北京オリンピック')).toEqual(['北', '京', 'オ', 'リ', 'ン', 'ピ', 'ッ', 'ク']);
  });

  it('keeps combining marks inside their word', () => {
    expect(dedupTokens('Kyiv café naïve')).toEqual(['kyiv', 'café', 'naïve']);
    expect(dedupTokens('cafe\u0301')).toEqual(['café']);
  });
});

describe('shingles', () => {
  it('gives overlapping windows of three tokens', () => {
    expect(shingles(['a', 'b', 'c', 'd'])).toEqual(['a\u0001b\u0001c', 'b\u0001c\u0001d']);
  });

  it('gives one shingle for text shorter than a window and none for no text', () => {
    expect(shingles(['a', 'b'])).toEqual(['a\u0001b']);
    expect(shingles([])).toEqual([]);
  });
});

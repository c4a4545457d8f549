import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';
import { normaliseForDedup } from './text-shingles.js';

describe('contentHash', () => {
  it('is the SHA-256 of the normalised text', () => {
    const text = 'Beijing  Winter Olympics, 2022!';
    expect(normaliseForDedup(text)).toBe('beijing winter olympics 2022');
    expect(contentHash(text)).toBe(createHash('sha256').update('beijing winter olympics 2022').digest('hex'));
  });

  it('is equal for copies that differ only in case, punctuation and spacing', () => {
    expect(contentHash('“Pure fake news,” the spokesman said.')).toBe(contentHash('"PURE FAKE NEWS"  the spokesman said'));
  });

  it('differs when a word differs', () => {
    expect(contentHash('China asked Russia to wait')).not.toBe(contentHash('China asked Russia to hurry'));
  });
});

import { createHash } from 'node:crypto';
import { dedupTokens } from './text-shingles.js';

/**
 * SHA-256 (FIPS 180-4) of the normalised text, as 64 hex digits: two items with the same hash carry
 * the same words in the same order, whatever their markup, punctuation, case or spacing.
 */
export function contentHash(text: string): string {
  return contentHashOfTokens(dedupTokens(text));
}

/** {@link contentHash} of a text already split by `dedupTokens`: the same value. */
export function contentHashOfTokens(tokens: readonly string[]): string {
  return createHash('sha256').update(tokens.join(' '), 'utf8').digest('hex');
}

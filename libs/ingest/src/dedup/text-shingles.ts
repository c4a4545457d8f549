/**
 * Turning item text into the units that duplicate detection compares.
 *
 * Text is normalised first (Unicode NFKC, lower case, punctuation and spacing dropped) so that copies
 * that differ only in typography — curly quotes, full-width digits, double spaces — look the same.
 * Words are runs of letters, marks and digits. Scripts written without spaces between words (Chinese,
 * Japanese, Thai, …) have no such runs worth the name, so each of their characters is a token on its
 * own and shingles over them become character n-grams.
 */

/** Scripts whose text is not separated into words by spaces: tokenised one character at a time. */
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;

/** One unspaced-script character, or one run of other letters/marks/digits. */
const TOKEN = new RegExp(String.raw`[${UNSPACED}]|(?:(?![${UNSPACED}])[\p{L}\p{M}\p{N}])+`, 'gu');

/** Tokens per shingle: three words, or three characters of an unspaced script. */
export const SHINGLE_SIZE = 3;

/**
 * The normalised tokens of a text, in order. Those of parts joined by a line break are the parts'
 * tokens one after the other: NFKC composes nothing across a line break, lower-casing reads no
 * context across it (final sigma ends at any non-letter), and a token never contains one.
 */
export function dedupTokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? [];
}

/** The text as duplicate detection sees it: its tokens joined by single spaces. */
export function normaliseForDedup(text: string): string {
  return dedupTokens(text).join(' ');
}

/** What joins a shingle's tokens: the tokeniser never emits it, so ["ab","c"] and ["a","bc"] differ. */
export const SHINGLE_SEPARATOR = '\u0001';

/**
 * Overlapping windows of `size` consecutive tokens (w-shingling), as [from, to) token positions, in
 * order. A text shorter than one window is a single shingle of all its tokens, so short titles still
 * get a fingerprint. SimHash reads the tokens where they stand; {@link shingles} joins them.
 */
export function forEachShingle(tokens: readonly string[], visit: (from: number, to: number, index: number, count: number) => void, size = SHINGLE_SIZE): void {
  if (tokens.length === 0) return;
  const width = Math.min(size, tokens.length);
  const count = tokens.length - width + 1;
  for (let i = 0; i < count; i++) visit(i, i + width, i, count);
}

/** The shingles of {@link forEachShingle}, each its tokens joined by {@link SHINGLE_SEPARATOR}. */
export function shingles(tokens: readonly string[], size = SHINGLE_SIZE): string[] {
  const out: string[] = [];
  forEachShingle(tokens, (from, to) => out.push(tokens.slice(from, to).join(SHINGLE_SEPARATOR)), size);
  return out;
}

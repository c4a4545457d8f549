import { DomainError } from '@parallax/domain';
import { SHINGLE_SEPARATOR, dedupTokens, forEachShingle } from './text-shingles.js';

/**
 * 64-bit SimHash (Charikar, "Similarity estimation techniques from rounding algorithms", STOC 2002),
 * the near-duplicate fingerprint Manku, Jain and Das Sarma describe for web pages (WWW 2007): every
 * shingle of the text votes +1/-1 on each of 64 bits according to its own 64-bit hash; the fingerprint
 * keeps the sign of each vote. Texts sharing most shingles share most bits, so a wire copy whose
 * dateline or byline changed stays within a few bits of the original, while unrelated texts differ in
 * about half of them.
 *
 * Shingles near either end of the text vote with less weight. Syndicated copies differ mostly there:
 * the dateline, the byline, the agency credit and the "read more" footer each outlet adds. With equal
 * weights a new dateline and byline on a 250-word story moved the fingerprint by 6 bits at the median
 * (measured on synthetic texts); with the weight rising quadratically over the first and last 32
 * shingles, 99% of such copies stay within 3 bits, while an edit of three words in the middle still
 * costs its full weight and unrelated texts stay ~20 or more bits apart.
 *
 * Kept as two unsigned 32-bit halves so the hot loop stays in small-integer arithmetic (no BigInt).
 */

/** A 64-bit fingerprint as its high and low 32-bit halves (unsigned). */
export interface Fingerprint64 {
  hi: number;
  lo: number;
}

/** Fingerprint of the empty text: no shingle voted. */
export const EMPTY_SIMHASH = '0000000000000000';

/** Shingles over which the vote weight rises from each end of the text (at most a quarter of them). */
const EDGE_RAMP = 32;

const HEX64 = /^[0-9a-fA-F]{16}$/;

/** The SimHash of a text as 16 lower-case hex digits (high bits first). */
export function simhash64(text: string): string {
  return simhashOfTokens(dedupTokens(text));
}

/** {@link simhash64} of a text already split by `dedupTokens`: the same value. */
export function simhashOfTokens(tokens: readonly string[]): string {
  if (tokens.length === 0) return EMPTY_SIMHASH;
  // votes[0..31] are bits 0..31 of the low half, votes[32..63] bits 0..31 of the high half.
  const votes = new Float64Array(64);
  // The shingles are hashed where their tokens stand rather than joined into strings first.
  forEachShingle(tokens, (from, to, i, count) => {
    const ramp = Math.min(EDGE_RAMP, Math.floor(count / 4));
    const edge = Math.min(i + 1, count - i);
    const w = ramp > 0 && edge < ramp ? (edge / ramp) ** 2 : 1;
    hashShingle(tokens, from, to);
    const hi = hashed.hi;
    const lo = hashed.lo;
    // ±w without a branch per bit: w times ±1 is exact, so the sums are those of the branchy form.
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += w * ((((lo >>> bit) & 1) << 1) - 1);
      votes[32 + bit]! += w * ((((hi >>> bit) & 1) << 1) - 1);
    }
  });
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) lo |= 1 << bit;
    if (votes[32 + bit]! > 0) hi |= 1 << bit;
  }
  return formatFingerprint({ hi: hi >>> 0, lo: lo >>> 0 });
}

/** Number of differing bits between two fingerprints given as 16 hex digits (0…64). */
export function hammingDistance(a: string, b: string): number {
  const x = parseFingerprint(a);
  const y = parseFingerprint(b);
  return popcount32(x.hi ^ y.hi) + popcount32(x.lo ^ y.lo);
}

/** Reads 16 hex digits; anything else is a VALIDATION error, since a wrong length would compare garbage. */
export function parseFingerprint(hex: string): Fingerprint64 {
  if (!HEX64.test(hex)) {
    throw new DomainError('VALIDATION', 'a 64-bit fingerprint must be exactly 16 hex digits', { value: hex });
  }
  return { hi: Number.parseInt(hex.slice(0, 8), 16), lo: Number.parseInt(hex.slice(8), 16) };
}

export function formatFingerprint({ hi, lo }: Fingerprint64): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Set bits of a 32-bit integer (the SWAR count from Hacker's Delight, §5-1). */
export function popcount32(v: number): number {
  let x = v >>> 0;
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const SEPARATOR_UNIT = SHINGLE_SEPARATOR.charCodeAt(0);

/** {@link hashShingle}'s answer, written here rather than allocated: a text has a shingle per word. */
const hashed: Fingerprint64 = { hi: 0, lo: 0 };

/**
 * A 64-bit hash of one shingle, tokens [from, to) joined by {@link SHINGLE_SEPARATOR} (`shingles`), from
 * two independent 32-bit multiplicative hashes over its UTF-16 code units (FNV-1a's prime for one, a
 * different odd multiplier for the other), each finished with the MurmurHash3 avalanche step so every
 * input bit reaches every output bit. Not cryptographic: it only has to spread shingles evenly over the
 * 64 vote positions. Read over the tokens as they stand: the joined string is never built.
 */
function hashShingle(tokens: readonly string[], from: number, to: number): void {
  let a = 0x811c9dc5;
  let b = 0x3c6ef372;
  let length = to - from - 1;
  for (let t = from; t < to; t++) {
    if (t > from) {
      a = Math.imul(a ^ SEPARATOR_UNIT, 0x01000193);
      b = Math.imul(b ^ SEPARATOR_UNIT, 0x5bd1e995);
      b ^= b >>> 13;
    }
    const s = tokens[t] as string;
    length += s.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
  }
  hashed.hi = avalanche(a ^ length);
  hashed.lo = avalanche(b ^ hashed.hi);
}

/** MurmurHash3's 32-bit finaliser (fmix32). */
function avalanche(v: number): number {
  let h = v;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

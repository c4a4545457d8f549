import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Language identification by byte n-grams, scored over the tables of eld (Efficient Language
 * Detector, npm `eld`, Apache-2.0), which ship inside that package: this module reads eld's data and
 * scores it itself.
 *
 * Why not call eld's own `detect`: it took 160 µs of the 0.7 ms that preparing a news item costs (its
 * scoring walks each n-gram's table entry as an object with string keys), and loading its table as a
 * 2 MB JavaScript module cost every thread that loads it about 150 MB of resident memory. Here the table
 * is read as text into one Int32Array of scores and a hash table of n-grams keyed by their characters
 * (see NgramTable), for the languages asked for only, and identifying an item's language takes 20-45 µs.
 * The answers are eld's: a spec compares them on a multilingual sample.
 *
 * The scheme, as eld's tables define it:
 * - The text (its first 1,000 characters) is cut into words at every run of non-letters (letters of the
 *   BMP only), except a run ending in an apostrophe (`don't`, `l'`), and lower-cased.
 * - Each word becomes its UTF-8 bytes, written one character per byte: ASCII as itself, other bytes
 *   through eld's 256-entry dictionary. Words are taken until the text passes 350 bytes (at the next
 *   space), or 380 bytes at most.
 * - Each word of L bytes (at most its first 70 count) gives the 4-byte n-grams at offsets 0, 3, 6, …
 *   while a full n-gram fits before the last byte, then its last 4 bytes followed by a space; the first
 *   n-gram of a word is preceded by a space (a word of 4 bytes or fewer is one n-gram, spaced on both
 *   sides).
 * - Every distinct n-gram adds, for each language its table entry lists, that score plus 53 (the
 *   tables store scores less their minimum). The best language wins, the first in eld's order on a tie.
 * - An answer is reliable when the text has at least 3 n-grams and the winner's score per n-gram,
 *   scaled as s / (s + 25), reaches three quarters of that language's average in correct detections
 *   (eld's `avgScore`).
 */

export interface NgramGuess {
  /** ISO 639-1. */
  language: string;
  reliable: boolean;
}

/** What eld adds back to every stored score. */
const SCORE_BASE = 53;
const SCALE = 25;
const RELIABLE_SHARE = 0.75;
const MAX_CHARS = 1000;
const CUT_AT_SPACE_AFTER_BYTES = 350;
const CUT_AFTER_BYTES = 380;
const MAX_WORD_BYTES = 70;
/**
 * A run of non-letters, unless it ends in an apostrophe (ASCII, backtick or U+2019). eld's letters are
 * those of the Basic Multilingual Plane: a letter beyond it (𝒜, a rare Han character) separates too.
 */
const SEPARATORS = /(?:[^\p{L}]|[\u{10000}-\u{10FFFF}])+(?<!['`\u2019])/gu;
const TABLE = /(?:'((?:[^'\\]|\\.)*)'|([^\s:{},']+)):\{([^}]*)\},?/y;

export class NgramLanguageModel {
  private constructor(
    /** Language code per slot of a score vector. */
    private readonly codes: readonly string[],
    /** Per slot: three quarters of the language's average scaled score. */
    private readonly reliableAt: Float64Array,
    /** N-gram → where its (slot, score) pairs are in `entries`. */
    private readonly ngrams: NgramTable,
    /** (slot, score + SCORE_BASE) pairs. */
    private readonly entries: Int32Array,
    /** Byte → the code of the character eld's tables write it as (all below 256). */
    private readonly byteChars: Uint8Array,
  ) {
    this.scores = new Float64Array(codes.length);
  }

  /** The text's words as the tables' characters, one after another (a character per byte), and where each word ends. */
  private readonly units = new Uint8Array(CUT_AFTER_BYTES + 4);
  private readonly wordEnds = new Int32Array(CUT_AFTER_BYTES + 4);
  /** The distinct n-grams of the text being scored. */
  private readonly seen = new NgramSet();
  /** Per slot, the score of the text being scored. */
  private readonly scores: Float64Array;

  /**
   * Reads eld's `medium` table for `languages` (ISO 639-1 codes eld knows; others are ignored) from
   * the installed package. Throws when the package or its files are missing or not in the expected form.
   */
  static async load(languages: readonly string[], table = 'medium'): Promise<NgramLanguageModel> {
    const dir = eldSourceDir();
    const text = await readFile(path.join(dir, 'ngrams', `${table}.js`), 'utf8');
    const { avgScore } = (await import(pathToFileURL(path.join(dir, 'avgScore.js')).href)) as { avgScore: Record<string, number> };
    const { dictionary } = (await import(pathToFileURL(path.join(dir, 'dictionary.js')).href)) as { dictionary: string[] };
    if (!Array.isArray(dictionary) || dictionary.length !== 256) throw new Error('eld: unexpected dictionary');

    const eldCodes = tableLanguages(text);
    const wanted = new Set(languages);
    // eld's index → our slot, in eld's order (ties go to the first).
    const slotOf = new Map<number, number>();
    const codes: string[] = [];
    eldCodes.forEach((code, index) => {
      if (!wanted.has(code)) return;
      slotOf.set(index, codes.length);
      codes.push(code);
    });
    const reliableAt = Float64Array.from(codes, (c) => (avgScore[c] ?? 0) * RELIABLE_SHARE);

    const start = text.indexOf('ngrams:{');
    if (start < 0) throw new Error('eld: no n-gram table');
    TABLE.lastIndex = start + 'ngrams:{'.length;
    const keys: string[] = [];
    const spans: number[] = [];
    const pairs: number[] = [];
    for (let m = TABLE.exec(text); m; m = TABLE.exec(text)) {
      const key = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] as string);
      const offset = pairs.length / 2;
      for (const pair of (m[3] as string).split(',')) {
        const colon = pair.indexOf(':');
        const slot = slotOf.get(Number(pair.slice(0, colon)));
        if (slot !== undefined) pairs.push(slot, Number(pair.slice(colon + 1)) + SCORE_BASE);
      }
      const count = pairs.length / 2 - offset;
      if (count > 0) {
        keys.push(key);
        spans.push(2 * offset, count);
      }
    }
    if (keys.length === 0) throw new Error('eld: empty n-gram table');
    if (dictionary.some((c) => typeof c !== 'string' || c.length !== 1 || c.charCodeAt(0) > 0xff)) throw new Error('eld: unexpected dictionary');
    const ngrams = new NgramTable(keys, spans);
    const byteChars = Uint8Array.from(dictionary, (c, byte) => (byte < 0x80 ? byte : c.charCodeAt(0)));
    return new NgramLanguageModel(codes, reliableAt, ngrams, Int32Array.from(pairs), byteChars);
  }

  get languages(): readonly string[] {
    return this.codes;
  }

  /** The most likely language of `text`, or null when no n-gram of it is known. */
  detect(text: string): NgramGuess | null {
    const scores = this.scores;
    scores.fill(0);
    const grams = this.scoreNgrams(text);
    let best = -1;
    let top = 0;
    for (let slot = 0; slot < scores.length; slot++) {
      if ((scores[slot] as number) > top) {
        top = scores[slot] as number;
        best = slot;
      }
    }
    if (best < 0) return null;
    const perNgram = top / grams;
    const scaled = perNgram / (perNgram + SCALE);
    return { language: this.codes[best] as string, reliable: grams >= 3 && scaled >= (this.reliableAt[best] as number) };
  }

  /**
   * Adds the scores of the distinct n-grams of `text` to `scores`, and counts them. An n-gram is read off
   * the text's characters as a key of two numbers (see {@link NgramTable}), not built as a string and
   * hashed: building them was half of identifying a language (about 63 → 42 µs for an item's text).
   */
  private scoreNgrams(text: string): number {
    const words = this.readWords(text.slice(0, MAX_CHARS).replace(SEPARATORS, ' ').trim().toLowerCase());
    this.seen.clear();
    let from = 0;
    for (let w = 0; w < words; w++) {
      const to = this.wordEnds[w] as number;
      const length = Math.min(to - from, MAX_WORD_BYTES);
      let j = 0;
      for (; j + 4 < length; j += 3) this.addNgram(from + j, from + j + 4, j === 0, false);
      // The last n-gram runs to the end of the word, past the first 70 bytes of a longer one.
      this.addNgram(from + (length === 3 ? 0 : Math.max(0, length - 4)), to, j === 0, true);
      from = to;
    }
    return this.seen.size;
  }

  /** Counts the n-gram of `units` from `start` to `end`, with a space before and after it as asked, once per text. */
  private addNgram(start: number, end: number, spaceBefore: boolean, spaceAfter: boolean): void {
    let index: number;
    const length = end - start + (spaceBefore ? 1 : 0) + (spaceAfter ? 1 : 0);
    if (length <= MAX_KEY_LENGTH) {
      let lo = spaceBefore ? SPACE : 0;
      let hi = 0;
      let n = spaceBefore ? 1 : 0;
      for (let i = start; i < end; i++, n++) {
        const unit = this.units[i] as number;
        if (n < 4) lo |= unit << (8 * n);
        else hi |= unit << (8 * (n - 4));
      }
      if (spaceAfter) {
        if (n < 4) lo |= SPACE << (8 * n);
        else hi |= SPACE << (8 * (n - 4));
      }
      hi |= length << 16;
      if (!this.seen.add(lo, hi)) return;
      index = this.ngrams.find(lo, hi);
    } else {
      const key = `${spaceBefore ? ' ' : ''}${String.fromCharCode(...this.units.subarray(start, end))}${spaceAfter ? ' ' : ''}`;
      if (!this.seen.addLong(key)) return;
      index = this.ngrams.findLong(key);
    }
    if (index < 0) return;
    const entries = this.entries;
    const first = this.ngrams.firstPair(index);
    const last = first + 2 * this.ngrams.pairCount(index);
    for (let i = first; i < last; i += 2) this.scores[entries[i] as number]! += entries[i + 1] as number;
  }

  /**
   * Writes the words of `text` to `units` as the tables' characters (ASCII as itself, other characters
   * as their UTF-8 bytes through eld's dictionary), up to the byte limits; returns how many words.
   */
  private readWords(text: string): number {
    const units = this.units;
    const chars = this.byteChars;
    let n = 0;
    let words = 0;
    let bytes = 0;
    const endWord = (): void => {
      if (n > (words > 0 ? (this.wordEnds[words - 1] as number) : 0)) this.wordEnds[words++] = n;
    };
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        if (code === 32) {
          endWord();
          if (bytes > CUT_AT_SPACE_AFTER_BYTES) return words;
        } else {
          units[n++] = code;
        }
        bytes += 1;
      } else if (code < 0x800) {
        units[n++] = chars[0xc0 | (code >> 6)] as number;
        units[n++] = chars[0x80 | (code & 0x3f)] as number;
        bytes += 2;
      } else if (code < 0xd800 || code >= 0xe000) {
        units[n++] = chars[0xe0 | (code >> 12)] as number;
        units[n++] = chars[0x80 | ((code >> 6) & 0x3f)] as number;
        units[n++] = chars[0x80 | (code & 0x3f)] as number;
        bytes += 3;
      } else {
        i += 1;
        code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
        units[n++] = chars[0xf0 | (code >> 18)] as number;
        units[n++] = chars[0x80 | ((code >> 12) & 0x3f)] as number;
        units[n++] = chars[0x80 | ((code >> 6) & 0x3f)] as number;
        units[n++] = chars[0x80 | (code & 0x3f)] as number;
        bytes += 4;
      }
      if (bytes > CUT_AFTER_BYTES) break;
    }
    endWord();
    return words;
  }
}

const SPACE = 0x20;
/** An n-gram as the scheme cuts it has at most 6 characters: a space, 4 bytes, a space. */
const MAX_KEY_LENGTH = 6;

/** Where a key lands in an open-addressing table of `mask` + 1 slots. */
function slotOf(lo: number, hi: number, mask: number): number {
  let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return h & mask;
}

/**
 * eld's n-grams (by index, in table order) found by a key of two numbers. An n-gram of up to
 * MAX_KEY_LENGTH characters, each below 256, is `lo` = its first four characters and `hi` = the others
 * and its length (so never 0, which marks a free slot). A longer key (none in eld's tables, but the
 * last n-gram of a word over 70 bytes is longer) is kept by its string.
 */
class NgramTable {
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly indexAt: Int32Array;
  private readonly mask: number;
  private readonly long = new Map<string, number>();

  /** `spans` holds, per key, the index of its first (slot, score) pair in `entries` and how many pairs. */
  constructor(
    keys: readonly string[],
    private readonly spans: readonly number[],
  ) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.lo = new Int32Array(size);
    this.hi = new Int32Array(size);
    this.indexAt = new Int32Array(size);
    keys.forEach((key, index) => {
      if (key.length > MAX_KEY_LENGTH || [...key].some((c) => c.charCodeAt(0) > 0xff)) {
        this.long.set(key, index);
        return;
      }
      let lo = 0;
      let hi = key.length << 16;
      for (let i = 0; i < key.length; i++) {
        if (i < 4) lo |= key.charCodeAt(i) << (8 * i);
        else hi |= key.charCodeAt(i) << (8 * (i - 4));
      }
      let slot = slotOf(lo, hi, this.mask);
      while (this.hi[slot] !== 0) slot = (slot + 1) & this.mask;
      this.lo[slot] = lo;
      this.hi[slot] = hi;
      this.indexAt[slot] = index;
    });
  }

  /** The n-gram's index, or -1. */
  find(lo: number, hi: number): number {
    for (let slot = slotOf(lo, hi, this.mask); ; slot = (slot + 1) & this.mask) {
      const h = this.hi[slot] as number;
      if (h === 0) return -1;
      if (h === hi && this.lo[slot] === lo) return this.indexAt[slot] as number;
    }
  }

  findLong(key: string): number {
    return this.long.get(key) ?? -1;
  }

  firstPair(index: number): number {
    return this.spans[2 * index] as number;
  }

  pairCount(index: number): number {
    return this.spans[2 * index + 1] as number;
  }
}

/**
 * The distinct n-grams of one text, by the same keys. A text gives at most one n-gram per byte it keeps
 * (384), so a table of 1,024 slots, each stamped with the text it holds a key of, is never full.
 */
class NgramSet {
  private readonly lo = new Int32Array(1024);
  private readonly hi = new Int32Array(1024);
  private readonly stamp = new Int32Array(1024);
  private current = 0;
  private readonly longs = new Set<string>();
  size = 0;

  clear(): void {
    this.current++;
    this.longs.clear();
    this.size = 0;
  }

  /** Adds the key; false when it was there. */
  add(lo: number, hi: number): boolean {
    let slot = slotOf(lo, hi, 1023);
    while (this.stamp[slot] === this.current) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) return false;
      slot = (slot + 1) & 1023;
    }
    this.stamp[slot] = this.current;
    this.lo[slot] = lo;
    this.hi[slot] = hi;
    this.size++;
    return true;
  }

  addLong(key: string): boolean {
    if (this.longs.has(key)) return false;
    this.longs.add(key);
    this.size++;
    return true;
  }
}

/** `languages:{0:'am',1:'ar',…}` of a table file, in index order. */
function tableLanguages(text: string): string[] {
  const block = /languages:\{([^}]*)\}/.exec(text)?.[1];
  if (!block) throw new Error('eld: no language list');
  const codes: string[] = [];
  for (const m of block.matchAll(/(\d+):'([a-z]{2,3})'/g)) codes[Number(m[1])] = m[2] as string;
  return codes;
}

/** eld's `src` folder, found the way Node finds the package (its `exports` do not list these files). */
function eldSourceDir(): string {
  for (const dir of require.resolve.paths('eld') ?? []) {
    const src = path.join(dir, 'eld', 'src');
    if (existsSync(path.join(src, 'ngrams'))) return src;
  }
  throw new Error('eld is not installed');
}

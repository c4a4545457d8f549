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
 * is read as text into one Int32Array and a Map of n-gram → offset, for the languages asked for only
 * (about 30 MB resident), and identifying an item's language takes 30-50 µs. The answers are eld's: a
 * spec compares them on a multilingual sample.
 *
 * The scheme, as eld's tables define it:
 * - The text (its first 1,000 characters) is cut into words at every run of non-letters, except a run
 *   ending in an apostrophe (`don't`, `l'`), and lower-cased.
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
/** A run of non-letters, unless it ends in an apostrophe (ASCII, backtick or U+2019). */
const SEPARATORS = /[^\p{L}]+(?<!['`\u2019])/gu;
const TABLE = /(?:'((?:[^'\\]|\\.)*)'|([^\s:{},']+)):\{([^}]*)\},?/y;

export class NgramLanguageModel {
  private constructor(
    /** Language code per slot of a score vector. */
    private readonly codes: readonly string[],
    /** Per slot: three quarters of the language's average scaled score. */
    private readonly reliableAt: Float64Array,
    /** N-gram → offset into `entries` × 64 + count of its (slot, score) pairs: a count is at most the 60 languages of eld's tables. */
    private readonly ngrams: Map<string, number>,
    /** (slot, score + SCORE_BASE) pairs. */
    private readonly entries: Int32Array,
    /** Byte → the character eld's tables write it as. */
    private readonly byteChars: readonly string[],
  ) {}

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
    const ngrams = new Map<string, number>();
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
      if (count > 0) ngrams.set(key, offset * 64 + count);
    }
    if (ngrams.size === 0) throw new Error('eld: empty n-gram table');
    return new NgramLanguageModel(codes, reliableAt, ngrams, Int32Array.from(pairs), dictionary);
  }

  get languages(): readonly string[] {
    return this.codes;
  }

  /** The most likely language of `text`, or null when no n-gram of it is known. */
  detect(text: string): NgramGuess | null {
    const grams = this.ngramsOf(text);
    const scores = new Float64Array(this.codes.length);
    for (const gram of grams) {
      const at = this.ngrams.get(gram);
      if (at === undefined) continue;
      const count = at % 64;
      const first = 2 * ((at - count) / 64);
      for (let i = first; i < first + 2 * count; i += 2) scores[this.entries[i] as number]! += this.entries[i + 1] as number;
    }
    let best = -1;
    let top = 0;
    for (let slot = 0; slot < scores.length; slot++) {
      if ((scores[slot] as number) > top) {
        top = scores[slot] as number;
        best = slot;
      }
    }
    if (best < 0) return null;
    const perNgram = top / grams.size;
    const scaled = perNgram / (perNgram + SCALE);
    return { language: this.codes[best] as string, reliable: grams.size >= 3 && scaled >= (this.reliableAt[best] as number) };
  }

  /** The distinct n-grams of `text`, as the tables write them. */
  private ngramsOf(text: string): Set<string> {
    const words = this.byteWords(text.slice(0, MAX_CHARS).replace(SEPARATORS, ' ').trim().toLowerCase());
    const grams = new Set<string>();
    for (const word of words) {
      const length = Math.min(word.length, MAX_WORD_BYTES);
      let j = 0;
      for (; j + 4 < length; j += 3) grams.add((j === 0 ? ' ' : '') + word.slice(j, j + 4));
      // The last n-gram runs to the end of the word, past the first 70 bytes of a longer one.
      grams.add(`${j === 0 ? ' ' : ''}${word.slice(length === 3 ? 0 : Math.max(0, length - 4))} `);
    }
    return grams;
  }

  /** The words of `text` as byte strings, up to the byte limits. */
  private byteWords(text: string): string[] {
    const words: string[] = [];
    const chars = this.byteChars;
    let word = '';
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        if (code === 32) {
          if (word !== '') words.push(word);
          word = '';
          if (bytes > CUT_AT_SPACE_AFTER_BYTES) return words;
        } else {
          word += text[i];
        }
        bytes += 1;
      } else if (code < 0x800) {
        word += (chars[0xc0 | (code >> 6)] as string) + chars[0x80 | (code & 0x3f)];
        bytes += 2;
      } else if (code < 0xd800 || code >= 0xe000) {
        word += (chars[0xe0 | (code >> 12)] as string) + chars[0x80 | ((code >> 6) & 0x3f)] + chars[0x80 | (code & 0x3f)];
        bytes += 3;
      } else {
        i += 1;
        code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
        word += (chars[0xf0 | (code >> 18)] as string) + chars[0x80 | ((code >> 12) & 0x3f)] + chars[0x80 | ((code >> 6) & 0x3f)] + chars[0x80 | (code & 0x3f)];
        bytes += 4;
      }
      if (bytes > CUT_AFTER_BYTES) break;
    }
    if (word !== '') words.push(word);
    return words;
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

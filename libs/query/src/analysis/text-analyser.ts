import { SpanCache } from '@parallax/domain';
import { stemCyrillic } from './cyrillic-stemmer.js';
import { foldWord } from './fold-text.js';
import { stemLatin } from './latin-stemmer.js';

/**
 * The one tokenizer of the project: the search index, the query compiler, the alert matcher and the
 * snippet highlighter all call it, so what is indexed and what is asked always agree.
 *
 * Chinese and Japanese runs (Han, Hiragana, Katakana) become overlapping character bigrams. Measured
 * on a Chinese news sample (20 query words × 8 sentences, see the report of this lib): ICU word
 * segmentation (`Intl.Segmenter`) found 95.8 % of the sentences that contain the query word, because
 * ICU cuts 北京冬奥会 as 北京|冬|奥会 and 冬奥 then never meets; bigrams found 100 % with no false
 * positive, for 1.5× the tokens. A query word becomes the phrase of its bigrams, which matches
 * exactly where the characters stand side by side, whatever a dictionary thinks the words are.
 */
export interface AnalysedToken {
  term: string;
  /** UTF-16 offsets of the source text the token came from, for highlighting. */
  start: number;
  end: number;
  /** Query side only: the token matches every indexed term it begins (a single Han character). */
  prefix?: boolean;
  /** The folded word before stemming (absent for CJK), which a prefix query completes. */
  folded?: string;
}

/**
 * `index` adds, at the end of each CJK run, the run's last character alone, so a one-character
 * query (俄) can match as a prefix wherever the character stands, even last in a run.
 */
export type AnalysisMode = 'index' | 'query';

/** Longer tokens are cut: a 5,000-character base64 blob is not a word anyone searches for. */
export const MAX_TOKEN_LENGTH = 64;

/** What {@link analyseText} takes for a word; the scanner below finds exactly these spans. */
export const WORD_RUN = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const CJK_SPLIT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]+/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]/u;
const APOSTROPHE = /['’ʼ]/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_WORD = /^[a-z]+$/;
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}\u0306]+$/u;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;
const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;

/** A code point's class for the scanner: bits, so that ʼ (a letter) can also be an apostrophe. */
const LEARNT = 1;
const IN_WORD = 2;
const CJK = 4;
const JOINS = 8;
/** Set by {@link classAt} on a code point beyond the BMP: it takes two code units. */
const ASTRAL = 16;

function classify(ch: string): number {
  return LEARNT | (WORD_CHARACTER.test(ch) ? IN_WORD : 0) | (CJK_CHAR.test(ch) ? CJK : 0) | (APOSTROPHE.test(ch) ? JOINS : 0);
}

/** Per BMP code unit, learnt on first sight (64 KB); ASCII is decided inline. */
const unitClass = new Uint8Array(0x10000);

/** The class of the code point at `i`. */
function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) {
    const lower = unit | 0x20;
    if ((unit >= 0x30 && unit <= 0x39) || (lower >= 0x61 && lower <= 0x7a)) return LEARNT | IN_WORD;
    return unit === 0x27 ? LEARNT | JOINS : LEARNT;
  }
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    // Beyond the BMP (a rare Han character, a mathematical letter, an emoji): asked of the patterns.
    return classify(text.slice(i, i + 2)) | ASTRAL;
  }
  let c = unitClass[unit] as number;
  if (c === 0) {
    // A lone surrogate is no letter: the patterns say so too.
    c = classify(String.fromCharCode(unit));
    unitClass[unit] = c;
  }
  return c;
}

const widthOf = (c: number): number => ((c & ASTRAL) !== 0 ? 2 : 1);

/**
 * Calls `visit` for each span of `text` that {@link WORD_RUN} matches, in order, telling whether it
 * holds an apostrophe or a CJK character (the words that need more than folding). The pattern's
 * matches, a match object each, were most of analysing: this reads code units, as the entity tagger's
 * word scanner does.
 */
export function forEachWordRun(text: string, visit: (start: number, end: number, plain: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = classAt(text, i);
    if ((c & IN_WORD) === 0) {
      i += widthOf(c);
      continue;
    }
    const start = i;
    let plain = true;
    for (;;) {
      // Letters, marks and digits…
      while ((c & IN_WORD) !== 0) {
        if ((c & (CJK | JOINS)) !== 0) plain = false;
        i += widthOf(c);
        if (i >= n) break;
        c = classAt(text, i);
      }
      // …and on past an apostrophe only when a letter, mark or digit follows it.
      if (i >= n || (c & JOINS) === 0) break;
      const after = i + widthOf(c);
      if (after >= n) break;
      const next = classAt(text, after);
      if ((next & IN_WORD) === 0) break;
      plain = false;
      i = after;
      c = next;
    }
    visit(start, i, plain);
  }
}

type TokenSink = (term: string, start: number, end: number, folded: string | undefined, prefix: boolean) => void;

function analyse(text: string, mode: AnalysisMode, emit: TokenSink): void {
  forEachWordRun(text, (start, end, plain) => {
    if (plain) {
      addWord(emit, text, start, end);
      return;
    }
    for (const part of splitApostrophes(text.slice(start, end), start)) {
      for (const piece of part.text.matchAll(CJK_SPLIT)) {
        const at = part.start + piece.index;
        if (CJK_CHAR.test(piece[0])) addCjk(emit, piece[0], at, mode);
        else addWord(emit, piece[0], 0, piece[0].length, at);
      }
    }
  });
}

export function analyseText(text: string, mode: AnalysisMode = 'index'): AnalysedToken[] {
  const tokens: AnalysedToken[] = [];
  analyse(text, mode, (term, start, end, folded, prefix) => {
    tokens.push(folded !== undefined ? { term, start, end, folded } : prefix ? { term, start, end, prefix } : { term, start, end });
  });
  return tokens;
}

/** The terms alone, in order: what goes into the index. */
export function analyseTerms(text: string | null | undefined, mode: AnalysisMode = 'index'): string[] {
  const terms: string[] = [];
  if (text) analyse(text, mode, (term) => terms.push(term));
  return terms;
}

/** Folds and stems one already-separated word; the same path every token takes. */
export function normaliseTerm(folded: string): string {
  const stemmed = LATIN_WORD.test(folded) ? stemLatin(folded) : CYRILLIC_WORD.test(folded) ? stemCyrillic(folded) : folded;
  return [...stemmed].slice(0, MAX_TOKEN_LENGTH).join('');
}

/**
 * An apostrophe between Cyrillic letters is part of a Ukrainian word (м'ясо, ім'я) and is dropped;
 * anywhere else it separates (l'Ukraine, Russia's), so the French article does not glue to the noun.
 */
function splitApostrophes(word: string, offset: number): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let current = '';
  let currentStart = offset;
  const chars = [...word];
  let pos = offset;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (APOSTROPHE.test(ch)) {
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      if (!(CYRILLIC_LETTER.test(before) && CYRILLIC_LETTER.test(after))) {
        if (current) parts.push({ text: current, start: currentStart });
        current = '';
        currentStart = pos + ch.length;
      }
      pos += ch.length;
      continue;
    }
    current += ch;
    pos += ch.length;
  }
  if (current) parts.push({ text: current, start: currentStart });
  return parts;
}

/**
 * Word frequencies are Zipfian, so a cache of analysed words saves most of the folding and
 * stemming work when indexing (measured: see the lib's report). Bounded: emptied when full.
 */
const wordCache = new SpanCache<{ term: string; folded: string }[]>(50_000);

/** Analyses the word `text.slice(start, end)`, which stands at `at` (by default `start`) in the text analysed. */
function addWord(emit: TokenSink, text: string, start: number, end: number, at = start): void {
  let analysed = wordCache.get(text, start, end);
  if (!analysed) {
    analysed = foldWord(text.slice(start, end))
      .split(NOT_WORD)
      .filter(Boolean)
      .map((piece) => ({ term: normaliseTerm(piece), folded: piece }));
    wordCache.set(text, start, end, analysed);
  }
  for (const a of analysed) emit(a.term, at, at + end - start, a.folded, false);
}

function addCjk(emit: TokenSink, run: string, start: number, mode: AnalysisMode): void {
  const chars: { ch: string; start: number; end: number }[] = [];
  let pos = start;
  for (const raw of run) {
    // NFKC turns half-width katakana (U+FF65–U+FF9F) into full-width, so both spellings meet;
    // other CJK characters are left as they are, NFKC would not change them.
    const code = raw.charCodeAt(0);
    chars.push({ ch: code >= 0xff65 && code <= 0xff9f ? raw.normalize('NFKC') : raw, start: pos, end: pos + raw.length });
    pos += raw.length;
  }
  const first = chars[0];
  const last = chars[chars.length - 1];
  if (!first || !last) return;
  if (chars.length === 1) {
    emit(first.ch, first.start, first.end, undefined, mode === 'query');
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    if (a && b) emit(a.ch + b.ch, a.start, b.end, undefined, false);
  }
  if (mode === 'index') emit(last.ch, last.start, last.end, undefined, false);
}

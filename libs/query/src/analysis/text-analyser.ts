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

const WORD_RUN = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const CJK_SPLIT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]+/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]/u;
const APOSTROPHE = /['’ʼ]/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_WORD = /^[a-z]+$/;
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}\u0306]+$/u;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;

export function analyseText(text: string, mode: AnalysisMode = 'index'): AnalysedToken[] {
  const tokens: AnalysedToken[] = [];
  for (const run of text.matchAll(WORD_RUN)) {
    const word = run[0];
    // Fast path for the common case: one word, no apostrophe, no CJK. A cached word is such a word (no
    // other is cached), and the cache answers sooner than the two tests.
    if (wordCache.has(word) || (!APOSTROPHE.test(word) && !CJK_CHAR.test(word))) {
      addWord(tokens, word, run.index);
      continue;
    }
    for (const part of splitApostrophes(word, run.index)) {
      for (const piece of part.text.matchAll(CJK_SPLIT)) {
        const start = part.start + piece.index;
        if (CJK_CHAR.test(piece[0])) addCjk(tokens, piece[0], start, mode);
        else addWord(tokens, piece[0], start);
      }
    }
  }
  return tokens;
}

/** The terms alone, in order: what goes into the index. */
export function analyseTerms(text: string | null | undefined, mode: AnalysisMode = 'index'): string[] {
  return text ? analyseText(text, mode).map((t) => t.term) : [];
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
const WORD_CACHE_SIZE = 50_000;
const wordCache = new Map<string, { term: string; folded: string }[]>();

function addWord(tokens: AnalysedToken[], word: string, start: number): void {
  const end = start + word.length;
  let analysed = wordCache.get(word);
  if (!analysed) {
    analysed = foldWord(word)
      .split(NOT_WORD)
      .filter(Boolean)
      .map((piece) => ({ term: normaliseTerm(piece), folded: piece }));
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    wordCache.set(word, analysed);
  }
  for (const a of analysed) tokens.push({ term: a.term, start, end, folded: a.folded });
}

function addCjk(tokens: AnalysedToken[], run: string, start: number, mode: AnalysisMode): void {
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
    tokens.push(mode === 'query' ? { term: first.ch, start: first.start, end: first.end, prefix: true } : { term: first.ch, start: first.start, end: first.end });
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    if (a && b) tokens.push({ term: a.ch + b.ch, start: a.start, end: b.end });
  }
  if (mode === 'index') tokens.push({ term: last.ch, start: last.start, end: last.end });
}

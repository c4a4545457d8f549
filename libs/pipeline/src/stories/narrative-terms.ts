import { isStopWord } from '@parallax/enrich';
import { analyseText } from '@parallax/query';

/** The terms of an item for outlet comparison, each beside the word of the text it came from. */
export interface NarrativeTerms {
  /** Analysed terms (folded, stemmed), then word bigrams as "stem stem". */
  terms: string[];
  /** Beside each term, the text it came from: "Quadrupled" for `quadrupl`, "fake news" for `fake news`. */
  surfaces: string[];
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]+/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]/u;
/** Only spaces between two words make a phrase; punctuation or a line break ends one. */
const PHRASE_GAP = /^[ \t\u00a0]+$/u;

interface Word {
  term: string;
  surface: string;
  start: number;
  end: number;
}

/**
 * Terms of an item's headline and standfirst as the comparison shows them. Words are libs/query's
 * analysed terms, so `quadrupled` and `quadruple` count as one, with their offsets kept to recover the
 * word as written. Chinese and Japanese runs are cut into dictionary words by `Intl.Segmenter` (ICU)
 * rather than the index's character bigrams, which read as fragments (交部 of 外交部). Function words
 * of the item's language are dropped, and two content words standing side by side also count as a
 * bigram ("fake news", "Winter Olympics").
 */
export function narrativeTerms(title: string, summary: string | null, language: string): NarrativeTerms {
  const text = summary ? `${title}\n${summary}` : title;
  const words: Word[] = [];
  for (const t of analyseText(text, 'query')) {
    if (t.folded === undefined || CJK_CHAR.test(t.term)) continue;
    words.push({ term: t.term, surface: text.slice(t.start, t.end), start: t.start, end: t.end });
  }
  const segmenter = new Intl.Segmenter(language === 'ja' ? 'ja' : 'zh', { granularity: 'word' });
  for (const run of text.matchAll(CJK_RUN)) {
    for (const s of segmenter.segment(run[0])) {
      if (!s.isWordLike) continue;
      const start = run.index + s.index;
      words.push({ term: s.segment, surface: s.segment, start, end: start + s.segment.length });
    }
  }
  words.sort((a, b) => a.start - b.start || a.end - b.end);

  const terms: string[] = [];
  const surfaces: string[] = [];
  const bigramTerms: string[] = [];
  const bigramSurfaces: string[] = [];
  let previous: Word | null = null;
  for (const w of words) {
    // A lone Han or kana character (冬, 曾, 称) is a fragment ICU could not place, not a term.
    const fragment = CJK_CHAR.test(w.term) && [...w.term].length < 2;
    if (fragment || isStopWord(w.surface, language) || isStopWord(w.term, language)) {
      previous = null;
      continue;
    }
    terms.push(w.term);
    surfaces.push(w.surface);
    if (previous && previous.end <= w.start && previous.term !== w.term) {
      const gap = text.slice(previous.end, w.start);
      const cjk = CJK_CHAR.test(w.term) && CJK_CHAR.test(previous.term);
      if (cjk ? gap === '' : PHRASE_GAP.test(gap)) {
        bigramTerms.push(`${previous.term} ${w.term}`);
        bigramSurfaces.push(cjk ? `${previous.surface}${w.surface}` : `${previous.surface} ${w.surface}`);
      }
    }
    previous = w;
  }
  return { terms: [...terms, ...bigramTerms], surfaces: [...surfaces, ...bigramSurfaces] };
}

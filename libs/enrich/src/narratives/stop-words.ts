import { CJK_FUNCTION_CHARS, STOP_WORDS } from './stop-words.data.js';

const LISTS = new Map(Object.entries(STOP_WORDS).map(([lang, words]) => [lang, new Set(words)]));
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]+$/u;
const LATIN = /^[\p{Script=Latin}\p{M}'’-]+$/u;
const CYRILLIC = /^[\p{Script=Cyrillic}\p{M}'’ʼ-]+$/u;
const DIGITS = /^[\p{N}.,:%-]+$/u;
/** Languages written in Latin letters whose lists apply to a Latin word in an item of that language. */
const LATIN_LANGUAGES = new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'pl']);

/**
 * Whether `word` (a surface form or an analysed term) is a function word for an item in `language`,
 * or otherwise no term an analyst would read: numbers, single letters, CJK particles.
 *
 * The item's own list decides: "die" is a German article but an English verb, "war" a German
 * auxiliary but an English noun. A Latin word in an item of a non-Latin language (an English quote in
 * a Russian article) is judged by the English list, a Cyrillic word by the Russian and Ukrainian ones.
 */
export function isStopWord(word: string, language: string): boolean {
  const w = word.normalize('NFKC').toLowerCase().replace(/’/gu, "'");
  if (w.length === 0 || DIGITS.test(w)) return true;
  if (CJK.test(w)) return [...w].every((ch) => CJK_FUNCTION_CHARS.has(ch));
  if ([...w].length < 2) return true;
  const own = LISTS.get(language);
  if (own?.has(w)) return true;
  if (LATIN.test(w) && !LATIN_LANGUAGES.has(language)) return LISTS.get('en')?.has(w) ?? false;
  if (CYRILLIC.test(w) && language !== 'ru' && language !== 'uk') return (LISTS.get('ru')?.has(w) || LISTS.get('uk')?.has(w)) ?? false;
  return false;
}

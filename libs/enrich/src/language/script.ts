/**
 * Writing-system shortcuts for language identification: some scripts name their language outright, which
 * is more reliable on a ten-character headline than any n-gram model.
 */
export type ScriptLanguage = 'zh' | 'ja' | 'ko' | 'ar' | 'fa' | 'he' | 'el' | 'th' | 'hy' | 'ka';

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
const ARABIC = /\p{Script=Arabic}/u;
/** Letters Persian uses and Arabic does not (پ چ ژ گ, Persian kaf and yeh). */
const PERSIAN_ONLY = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/u;
const UK_ONLY = /[іїєґІЇЄҐ]/u;
const RU_ONLY = /[ыэъёЫЭЪЁ]/u;
const LATIN_OR_CYRILLIC = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;

const SINGLE_SCRIPT: Array<[RegExp, ScriptLanguage]> = [
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Georgian}/u, 'ka'],
];

/**
 * The language a text's script implies, or null when the script is shared by many languages
 * (Latin, Cyrillic) and a statistical detector must decide. Kana anywhere means Japanese, because
 * Japanese prose mixes kana into Han text while Chinese never uses it.
 */
export function languageFromScript(text: string): ScriptLanguage | null {
  if (KANA.test(text)) return 'ja';
  if (HANGUL.test(text)) return 'ko';
  // Counting every Latin and Cyrillic letter is the dear part, and only Han or Arabic text needs the count.
  let latin: number | null = null;
  const latinLetters = (): number => (latin ??= countMatches(text, LATIN_OR_CYRILLIC));
  const han = countMatches(text, HAN);
  if (han > 0 && han >= latinLetters() / 4) return 'zh';
  const arabic = countMatches(text, ARABIC);
  if (arabic > 0 && arabic >= latinLetters()) return PERSIAN_ONLY.test(text) ? 'fa' : 'ar';
  if (latin === null ? LATIN_OR_CYRILLIC.test(text) : latin > 0) return null;
  for (const [re, lang] of SINGLE_SCRIPT) if (re.test(text)) return lang;
  return null;
}

/** Letters that only Ukrainian (і ї є ґ) or only Russian (ы э ъ ё) uses among the two. */
export function cyrillicHint(text: string): 'uk' | 'ru' | null {
  const uk = countMatches(text, UK_ONLY);
  const ru = countMatches(text, RU_ONLY);
  if (uk > ru) return 'uk';
  if (ru > uk) return 'ru';
  return null;
}

const globalCache = new Map<RegExp, RegExp>();

function countMatches(text: string, re: RegExp): number {
  let global = globalCache.get(re);
  if (!global) {
    global = new RegExp(re.source, 'gu');
    globalCache.set(re, global);
  }
  global.lastIndex = 0;
  let n = 0;
  while (global.exec(text) !== null) n++;
  return n;
}

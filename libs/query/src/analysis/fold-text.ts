/**
 * Character-level normalisation shared by indexing and querying: Unicode NFKC (UAX #15), case fold,
 * diacritics removed from Latin letters, and an East Slavic fold so Russian and Ukrainian spellings
 * of one name meet (Россия / Росія, Украина / Україна).
 */

/** Latin letters that carry no combining mark to strip but still have a plain-ASCII reading. */
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Ukrainian and Belarusian letters mapped to their nearest Russian counterpart, plus ё → е (Russian
 * texts write е for ё most of the time) and ы → и (Ukrainian и sounds like Russian ы).
 */
const CYRILLIC_FOLD: Record<string, string> = {
  ё: 'е',
  і: 'и',
  ї: 'и',
  є: 'е',
  ґ: 'г',
  ы: 'и',
  ў: 'у',
  ъ: 'ь',
};

const BREVE = '\u0306';
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const MARK = /\p{M}/u;

/**
 * Folds one word (no separators inside) to its comparison form. Marks are dropped after Latin and
 * Cyrillic base letters only: in Devanagari or Thai they are vowels, not accents. The breve stays
 * on Cyrillic so й and ў remain letters of their own.
 */
export function foldWord(word: string): string {
  const decomposed = word.normalize('NFKC').toLowerCase().normalize('NFD');
  let out = '';
  let base: 'latin' | 'cyrillic' | 'other' = 'other';
  for (const ch of decomposed) {
    if (MARK.test(ch)) {
      if (base === 'latin') continue;
      if (base === 'cyrillic' && ch !== BREVE) continue;
      out += ch;
      continue;
    }
    base = LATIN.test(ch) ? 'latin' : CYRILLIC.test(ch) ? 'cyrillic' : 'other';
    out += ch;
  }
  let folded = '';
  for (const ch of out.normalize('NFC')) {
    // Final sigma folds to sigma, as Unicode full case folding does (CaseFolding.txt).
    folded += LATIN_SPECIAL[ch] ?? CYRILLIC_FOLD[ch] ?? (ch === 'ς' ? 'σ' : ch);
  }
  return collapseDoubledLetters(folded);
}

/**
 * Doubled letters are spelt single in the neighbouring language often enough (Россия / Росія,
 * Russia / Rusia) that merging them buys recall at almost no cost in precision. Digits are kept:
 * 2022 is not 202.
 */
function collapseDoubledLetters(word: string): string {
  let out = '';
  let prev = '';
  for (const ch of word) {
    if (ch === prev && /\p{L}/u.test(ch)) continue;
    out += ch;
    prev = ch;
  }
  return out;
}

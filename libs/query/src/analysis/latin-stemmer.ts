/**
 * A light suffix stripper for Latin-script words (English, French, Spanish, German, Italian…),
 * written for this project. The language of a query is unknown, so one rule set serves every Latin
 * language: it removes plural and a few inflectional endings only, which is enough for
 * Olympics / Olympic, jeux / jeu, Spielen / Spiel, invaded / invading / invade to meet. Applied to
 * folded words (lower case, no diacritics, doubled letters merged).
 */
interface SuffixRule {
  suffix: string;
  replacement: string;
  /** Shortest stem the rule may leave, so short words survive (`red`, `bus`, `news` stays `new`). */
  minStem: number;
}

const RULES: readonly SuffixRule[] = [
  { suffix: 'ing', replacement: '', minStem: 4 }, // en gerund
  { suffix: 'ies', replacement: 'i', minStem: 3 }, // en plural of -y
  { suffix: 'aux', replacement: 'al', minStem: 3 }, // fr plural of -al (journaux)
  { suffix: 'es', replacement: '', minStem: 3 }, // en/fr/es plural
  { suffix: 'ed', replacement: '', minStem: 4 }, // en past
  { suffix: 'en', replacement: '', minStem: 4 }, // de plural and adjective ending
  { suffix: 'er', replacement: '', minStem: 5 }, // de plural/adjective (Chinesischer) and en agent
  { suffix: 's', replacement: '', minStem: 3 }, // plural in most Latin-script languages
  { suffix: 'e', replacement: '', minStem: 3 }, // fr feminine, de adjective
  { suffix: 'y', replacement: 'i', minStem: 3 }, // en -y / -ies
];

/** Endings before a final `s` that mark it as part of the stem (bus, crisis, this). */
const KEEP_BEFORE_S = new Set(['s', 'u', 'i']);

export function stemLatin(word: string): string {
  for (const rule of RULES) {
    if (!word.endsWith(rule.suffix)) continue;
    const stem = word.slice(0, word.length - rule.suffix.length);
    if (stem.length < rule.minStem) continue;
    if (rule.suffix === 's' && KEEP_BEFORE_S.has(stem.slice(-1))) continue;
    return stem + rule.replacement;
  }
  return word;
}

/** Every ending the Latin stemmer may strip, for completing a prefix query (see prefix-stems.ts). */
export const LATIN_ENDINGS: readonly string[] = RULES.map((r) => r.suffix);

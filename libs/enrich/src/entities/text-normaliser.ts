/**
 * Normalisation shared by aliases and text so that both compare equal: NFKC (full-width forms, ligatures),
 * lower case, ё → е, Latin diacritics dropped (headlines often lose accents: "Etats-Unis"), Arabic
 * letter variants unified and short vowels removed, Persian yeh/kaf mapped to the Arabic letters.
 */
export function foldWord(word: string): string {
  let w = word.normalize('NFKC').toLowerCase();
  if (/[\u00c0-\u024f]/u.test(w)) w = w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  if (/[ёЁ]/u.test(w)) w = w.replace(/ё/g, 'е');
  if (/[\u0600-\u06ff]/u.test(w)) w = foldArabic(w);
  return w.replace(/[’ʼ']/gu, '');
}

function foldArabic(w: string): string {
  return w
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, '') // harakat, dagger alif, tatweel
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/\u06cc/gu, 'ي')
    .replace(/\u06a9/gu, 'ك')
    .replace(/ى/gu, 'ي');
}

/** What case a word of an alias demands of the text (see GazetteerEntity.aliases). */
export type CaseRule = 'any' | 'initial' | 'upper' | 'acronym';

/** Languages whose copy may write an acronym in title case (Onu, Oms, Nato, Otan). */
const TITLE_CASE_ACRONYM_LANGS = new Set(['it', 'es', 'fr', 'pt']);

/** The case rule of an alias word as used in `lang`: an acronym of 3+ letters may be title-cased in some languages. */
export function caseRuleIn(aliasWord: string, lang: string): CaseRule {
  const rule = caseRuleOf(aliasWord);
  return rule === 'upper' && TITLE_CASE_ACRONYM_LANGS.has(lang) && [...aliasWord].length >= 3 ? 'acronym' : rule;
}

/** True when the alias has letters with case and all are lower case (chino, russa, китайск~): a common word in its language. */
export function isLowerCaseAlias(alias: string): boolean {
  const letters = [...alias].filter((c) => c.toLowerCase() !== c.toUpperCase());
  return letters.length > 0 && letters.every((c) => c === c.toLowerCase());
}

export function caseRuleOf(aliasWord: string): CaseRule {
  const letters = [...aliasWord].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length === 0) return 'any';
  const upper = letters.filter((c) => c === c.toUpperCase());
  if (upper.length === letters.length && letters.length >= 2) return 'upper';
  if (upper.length > 0 && letters[0] === letters[0]?.toUpperCase()) return 'initial';
  return 'any';
}

export function satisfiesCase(word: string, rule: CaseRule): boolean {
  if (rule === 'any') return true;
  if (rule === 'upper') return word === word.toUpperCase();
  // Italian, Spanish, French and Portuguese copy writes acronyms of three letters or more as names: Onu, Oms, Otan.
  if (rule === 'acronym') return word === word.toUpperCase() || word === word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  const first = word.charAt(0);
  return first === first.toUpperCase();
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]/u;

export function isCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** Arabic-script clitics written joined to the next word: wa-, fa-, bi-, li-, ka- and their pairs. */
export const ARABIC_PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'ولل', 'لل', 'وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];

import { OUTLET_ALIASES } from './outlet-aliases.data.js';

const LEADING_ARTICLE = /^(the|le|la|les|l'|der|die|das|el|il)\s+/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Acronyms (NYT, AP, FT) match only in capitals, or "ap" and "ft" would be found inside ordinary words. */
const ACRONYM = /^[A-Z/]{2,6}$/;

/** Folds a name or text for matching: compatibility forms, lower case, one kind of dash and space. */
export function foldForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[’‘`]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The key of an outlet in the alias table: folded, without a leading article. */
export function outletKey(name: string): string {
  return foldForMatch(name).replace(LEADING_ARTICLE, '');
}

export interface OutletMention {
  outlet: string;
  /** The name as it was found. */
  alias: string;
}

/**
 * Which of `outlets` the text names, by their own name (with or without its article) or a known alias in
 * any script. Latin and Cyrillic names must stand as whole words; a Cyrillic name may carry a short case
 * ending (Рейтер → агентства Рейтерс, Блумберга); Han and kana names match anywhere, since those
 * scripts do not separate words.
 */
export function findOutletMentions(text: string, outlets: readonly string[], extraAliases: Record<string, string[]> = {}): OutletMention[] {
  const folded = foldForMatch(text);
  const extra = new Map<string, string[]>();
  for (const [name, aliases] of Object.entries(extraAliases)) extra.set(outletKey(name), [...(extra.get(outletKey(name)) ?? []), ...aliases]);
  const found: OutletMention[] = [];
  for (const outlet of new Set(outlets)) {
    const key = outletKey(outlet);
    const names = [outlet, key, ...(OUTLET_ALIASES[key] ?? []), ...(extra.get(key) ?? [])];
    for (const name of names) {
      if (matches(text, folded, name)) {
        found.push({ outlet, alias: name });
        break;
      }
    }
  }
  return found;
}

function matches(text: string, folded: string, name: string): boolean {
  const trimmed = name.trim();
  if (trimmed.length < 2) return false;
  if (ACRONYM.test(trimmed)) return findWord(text, trimmed, 0);
  const needle = foldForMatch(trimmed);
  return findWord(folded, needle, CYRILLIC.test(needle) ? 3 : 0);
}

/** Finds `needle` with no word character just before it and at most `ending` word characters after it. */
function findWord(hay: string, needle: string, ending: number): boolean {
  const edgeStart = WORD_CHAR.test(needle[0] ?? '') && !isHanOrKana(needle[0] ?? '');
  const edgeEnd = WORD_CHAR.test(needle.at(-1) ?? '') && !isHanOrKana(needle.at(-1) ?? '');
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1] ?? '';
    if (edgeStart && i > 0 && WORD_CHAR.test(before) && !isHanOrKana(before)) continue;
    if (!edgeEnd) return true;
    let j = i + needle.length;
    let extra = 0;
    while (j < hay.length && WORD_CHAR.test(hay[j] ?? '') && !isHanOrKana(hay[j] ?? '')) {
      j += 1;
      extra += 1;
    }
    if (extra <= ending) return true;
  }
  return false;
}

function isHanOrKana(ch: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch);
}

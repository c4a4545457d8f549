/**
 * A light suffix stripper for Russian and Ukrainian nouns and adjectives, written for this project.
 * It runs on folded words (see fold-text.ts: і/ї → и, є → е, ы → и, ё → е, doubled letters merged),
 * so one ending list serves both languages and Россия, России, Россию, Росії, Росія all become `рос`.
 * Verbs are left alone: analysts search for names and places, which are nouns.
 */

/**
 * Case endings (folded spelling), longest first so `иями` wins over `ями` and `и`. The adjective
 * endings `ая`/`яя` are left out on purpose: they would cut Китая to `кит` while Китай, Китаю and
 * Китаем give `кита`; names matter more to a monitor than feminine adjectives.
 */
export const CYRILLIC_ENDINGS: readonly string[] = [
  'иями',
  'ями', 'ами', 'иях', 'иям', 'ием', 'ией', 'иею', 'ого', 'его', 'ому', 'ему', 'ими', 'ови', 'еви',
  'ях', 'ах', 'ям', 'ам', 'ою', 'ею', 'ов', 'ев', 'ив', 'ом', 'ем', 'ой', 'ей', 'ий',
  'ое', 'ее', 'ие', 'их', 'им', 'ую', 'юю', 'ия', 'ии', 'ию', 'ья', 'ье', 'ью', 'ьи',
  'а', 'я', 'о', 'е', 'и', 'у', 'ю', 'ь', 'й',
].sort((a, b) => b.length - a.length);

/** Shortest stem left behind: three letters keep рос (Россия) and кит (Китай) apart from noise. */
const MIN_STEM = 3;

export function stemCyrillic(word: string): string {
  for (const ending of CYRILLIC_ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) {
      return word.slice(0, word.length - ending.length);
    }
  }
  return word;
}

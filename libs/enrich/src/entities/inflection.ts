/**
 * Inflection-aware alias expansion. Slavic languages decline names (Россия, России, Россией; Росії,
 * Росією) and German adds a genitive -s (Syriens): an alias word expands into the forms the text may
 * use, and the tagger compares whole words. Over-generation is harmless, because a made-up form never
 * occurs in text.
 */

/** Generic case endings a stem may take (`Путин~`). */
const ENDINGS: Record<string, string[]> = {
  ru: ['', 'а', 'я', 'у', 'ю', 'ы', 'и', 'е', 'о', 'й', 'ой', 'ей', 'ом', 'ем', 'ью', 'ою', 'ею', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ов', 'ев', 'ий', 'ый', 'ая', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ых', 'их', 'ую', 'юю', 'ыми', 'ими'],
  uk: ['', 'а', 'я', 'у', 'ю', 'и', 'і', 'ї', 'е', 'є', 'о', 'й', 'ою', 'ею', 'єю', 'ом', 'ем', 'єм', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ів', 'їв', 'ий', 'ій', 'ого', 'ього', 'ому', 'ьому', 'им', 'ім', 'их', 'іх', 'ої', 'ьої', 'ими', 'іми', 'і'],
  be: ['', 'а', 'я', 'у', 'ю', 'ы', 'і', 'е', 'ай', 'ой', 'ам', 'ем', 'ым', 'ім', 'ых', 'іх', 'ага', 'аму'],
  pl: ['', 'a', 'y', 'i', 'ie', 'ę', 'ą', 'u', 'owi', 'em', 'om', 'ami', 'ach', 'ów', 'e', 'o', 'ego', 'emu', 'ym', 'im', 'ej', 'ich', 'ymi', 'imi', 'iego', 'iemu', 'iej'],
  cs: ['', 'a', 'y', 'i', 'e', 'ě', 'u', 'ou', 'em', 'ům', 'ami', 'ách', 'ech', 'ů', 'ého', 'ému', 'ým', 'ých', 'ými', 'á', 'é', 'í'],
  de: ['', 'e', 'en', 'er', 'es', 'em', 's'],
  fr: ['', 'e', 's', 'es'],
  es: ['', 'o', 'a', 'os', 'as', 'es'],
  it: ['', 'o', 'a', 'i', 'e'],
  pt: ['', 'o', 'a', 'os', 'as', 'es'],
  en: ['', 's', 'es'],
};

/** Languages whose ICU country names get automatic declension. */
const DECLINING = new Set(['ru', 'uk', 'be', 'pl', 'cs']);
const STEM_FINAL = /[аяйьоеыиіїєaeyoąęiu]$/u;
const ADJECTIVE_FINAL = /(ая|яя|ое|ее|ый|ий|ой|ые|ие|ій)$/u;

export function endingsFor(lang: string): string[] {
  return ENDINGS[lang] ?? [''];
}

/**
 * Expands one alias word written in the alias syntax: `Росси{я|и|ю}` and `Путин~`. The stem may carry a
 * brace group in the middle of a phrase too (`Ким Чен {Ын|Ына}`).
 */
export function expandWord(word: string, lang: string): string[] {
  const brace = /^(.*)\{([^}]*)\}(~?)$/u.exec(word);
  if (brace) {
    const [, stem = '', alternatives = '', tilde] = brace;
    const forms = alternatives.split('|').map((ending) => stem + ending);
    return tilde ? forms.flatMap((f) => endingsFor(lang).map((e) => f + e)) : forms;
  }
  if (word.endsWith('~')) {
    const stem = word.slice(0, -1);
    return endingsFor(lang).map((e) => stem + e);
  }
  return [word];
}

/**
 * Declined forms of a plain name (from ICU): for Slavic languages, drop a final vowel or soft sign and add
 * each case ending; for German, the genitive -s.
 */
export function declineName(word: string, lang: string): string[] {
  if (lang === 'de' && /[a-zäöü]$/u.test(word) && !/s$/u.test(word)) return [word, `${word}s`];
  if (!DECLINING.has(lang) || word.length < 4 || !/^\p{Lu}/u.test(word)) return [word];
  const stem = STEM_FINAL.test(word) ? word.slice(0, -1) : word;
  if (stem.length < 3) return [word];
  const stems = [stem];
  // Adjectives in a name end in two letters (Новая Зеландия → Новой Зеландии, Саудовская → Саудовской).
  if (ADJECTIVE_FINAL.test(word) && word.length >= 5) stems.push(word.slice(0, -2));
  // A fleeting vowel drops before an ending (Египет → Египта, Алжир keeps its vowel but gains nothing).
  const fleeting = /^(.*[^аеёиоуыэюяіїєaeiouy])[ео]([^аеёиоуыэюяіїєaeiouyйь])$/u.exec(stem);
  if (fleeting && stem === word) stems.push(`${fleeting[1] ?? ''}${fleeting[2] ?? ''}`);
  return [word, ...stems.flatMap((s) => endingsFor(lang).filter((e) => e !== '').map((e) => s + e))];
}

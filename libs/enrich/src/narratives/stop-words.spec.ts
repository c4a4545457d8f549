import { describe, expect, it } from 'vitest';
import { isStopWord } from './stop-words.js';

describe('isStopWord', () => {
  it('drops the function words the review found among distinctive terms, in each language', () => {
    for (const [w, lang] of [
      ['the', 'en'],
      ['A', 'en'],
      ['и', 'ru'],
      ['на', 'ru'],
      ['та', 'uk'],
      ['що', 'uk'],
      ['les', 'fr'],
      ['der', 'de'],
      ['los', 'es'],
      ['della', 'it'],
      ['pelo', 'pt'],
      ['się', 'pl'],
      ['في', 'ar'],
      ['的', 'zh'],
      ['了', 'zh'],
      ['です', 'ja'],
      ['2022', 'en'],
      ['x', 'en'],
    ] as const) {
      expect(isStopWord(w, lang), `${w} (${lang})`).toBe(true);
    }
  });

  it('keeps content words, and judges a word by the item’s language', () => {
    for (const [w, lang] of [
      ['quadrupled', 'en'],
      ['Olympics', 'en'],
      ['war', 'en'],
      ['Россия', 'ru'],
      ['外交部', 'zh'],
      ['假新闻', 'zh'],
      ['俄', 'zh'],
      ['die', 'en'],
    ] as const) {
      expect(isStopWord(w, lang), `${w} (${lang})`).toBe(false);
    }
    expect(isStopWord('die', 'de')).toBe(true);
    expect(isStopWord('war', 'de')).toBe(true);
  });

  it('judges an English quote in a Russian item by the English list, a Russian word in a Chinese item by the Russian one', () => {
    expect(isStopWord('the', 'ru')).toBe(true);
    expect(isStopWord('на', 'zh')).toBe(true);
    expect(isStopWord('Times', 'ru')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { analyseTerms, analyseText } from './text-analyser.js';
import { outletKey } from './outlet-key.js';

const one = (word: string): string => {
  const terms = analyseTerms(word);
  expect(terms).toHaveLength(1);
  return terms[0] ?? '';
};

describe('analyseText', () => {
  it('brings Russian and Ukrainian case forms of one name to one term', () => {
    const forms = ['Россия', 'России', 'Россию', 'Россией', 'Росії', 'Росія', 'Росією'];
    expect(new Set(forms.map(one)).size).toBe(1);
    expect(new Set(['Украина', 'Украины', 'Украину', 'Україна', 'України', 'Україні'].map(one)).size).toBe(1);
    expect(new Set(['Китай', 'Китая', 'Китаю', 'Китаем'].map(one)).size).toBe(1);
    expect(one('Россия')).not.toBe(one('Украина'));
  });

  it('folds ё to е but keeps й a letter of its own', () => {
    expect(one('ёлка')).toBe(one('елка'));
    expect(analyseTerms('йод')).toEqual([one('йод')]);
    expect(one('йод').startsWith('й')).toBe(true);
  });

  it('strips Latin diacritics and case, and meets common plural and verb endings', () => {
    expect(one('Pékin')).toBe(one('PEKIN'));
    expect(one('Olympics')).toBe(one('Olympic'));
    expect(one('olympiques')).toBe(one('olympique'));
    expect(one('invaded')).toBe(one('invading'));
    expect(one('invade')).toBe(one('invaded'));
    expect(one('Spielen')).toBe(one('Spiel'));
    expect(one('Straße')).toBe(one('strasse'));
    expect(one('bus')).toBe('bus');
  });

  it('cuts CJK runs into bigrams with the offsets of their characters', () => {
    const tokens = analyseText('中国要求俄罗斯。');
    expect(tokens.map((t) => t.term)).toEqual(['中国', '国要', '要求', '求俄', '俄罗', '罗斯', '斯']);
    expect(tokens[4]).toMatchObject({ start: 4, end: 6 });
  });

  it('marks a lone query character as a prefix and adds no trailing unigram to query runs', () => {
    expect(analyseText('俄', 'query')).toEqual([{ term: '俄', start: 0, end: 1, prefix: true }]);
    expect(analyseTerms('俄罗斯', 'query')).toEqual(['俄罗', '罗斯']);
  });

  it('separates mixed scripts and keeps digits whole', () => {
    expect(analyseTerms('iPhone手机 2022')).toEqual([one('iphone'), '手机', '机', '2022']);
    expect(analyseTerms('２０２２')).toEqual(['2022']);
  });

  it("keeps a Ukrainian apostrophe inside the word and splits the French elision", () => {
    expect(analyseTerms("ім'я")).toHaveLength(1);
    expect(analyseTerms("ім’я")).toEqual(analyseTerms("ім'я"));
    expect(analyseTerms("l'Ukraine")).toEqual(['l', one('Ukraine')]);
  });

  it('analyses a word the same whether or not its parts were seen before (the word cache)', () => {
    const fresh = analyseText("qu'Ukrainiens 俄乌冲突 Ukrainiens", 'query');
    analyseTerms('Ukrainiens qu 俄乌冲突');
    expect(analyseText("qu'Ukrainiens 俄乌冲突 Ukrainiens", 'query')).toEqual(fresh);
    expect(fresh.map((t) => t.term)).toEqual(['qu', one('Ukrainiens'), '俄乌', '乌冲', '冲突', one('Ukrainiens')]);
  });

  it('reports offsets into the original text', () => {
    const text = 'Le «Pékin» 2022';
    for (const t of analyseText(text)) expect(text.slice(t.start, t.end)).toMatch(/Pékin|Le|2022/);
  });
});

describe('outletKey', () => {
  it('ignores case, accents and punctuation but keeps the words apart', () => {
    expect(outletKey('New York Times')).toBe(outletKey('new  york-times'));
    expect(outletKey('Le Monde')).not.toBe(outletKey('Le Monde diplomatique'));
  });
});

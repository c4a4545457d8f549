import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageIdentifier, baseLanguage, countLetters } from './language-identifier.js';

let identifier: LanguageIdentifier;
beforeAll(async () => {
  identifier = await LanguageIdentifier.load();
});

describe('LanguageIdentifier', () => {
  it('uses script shortcuts', () => {
    expect(identifier.identify('外交部回应有关报道')).toBe('zh');
    expect(identifier.identify('中国外務省が報道を否定')).toBe('ja');
    expect(identifier.identify('유엔 총회 결의 채택')).toBe('ko');
    expect(identifier.identify('روسيا تنفي الاتهامات')).toBe('ar');
    expect(identifier.identify('وزارت خارجه چین گزارش را رد کرد')).toBe('fa');
  });

  it('detects Latin and Cyrillic headlines with the n-gram model', () => {
    expect(identifier.identify('Moscow rejects the newspaper report on troop movements')).toBe('en');
    expect(identifier.identify('Il governo respinge le sanzioni annunciate ieri')).toBe('it');
    expect(identifier.identify('Київ розраховує на діалог із партнерами')).toBe('uk');
    expect(identifier.identify('Кремль опроверг сообщения западных СМИ')).toBe('ru');
  });

  it('lets the declared language decide short or confusable text', () => {
    expect(identifier.identify('Moscou nega', { declared: 'pt-BR' })).toBe('pt');
    expect(identifier.identify('漢字', { declared: 'ja' })).toBe('ja');
    expect(identifier.identify('2024', { declared: 'de' })).toBe('de');
    expect(identifier.identify('2024')).toBe('und');
  });

  it('normalises declared tags', () => {
    expect(baseLanguage('zh-Hant-TW')).toBe('zh');
    expect(baseLanguage('rus')).toBe('ru');
    expect(baseLanguage('not a tag!')).toBeNull();
  });
});

describe('countLetters', () => {
  it('counts letters of any script, up to a bound', () => {
    expect(countLetters('2024 — 12:30', 25)).toBe(0);
    expect(countLetters('Кремль, 中国 and ٢ Ω', 25)).toBe(12);
    expect(countLetters('a'.repeat(100), 25)).toBe(25);
    expect(countLetters('abc', 25)).toBe(3);
  });
});

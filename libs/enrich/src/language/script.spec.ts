import { describe, expect, it } from 'vitest';
import { cyrillicHint, languageFromScript } from './script.js';

describe('languageFromScript', () => {
  it('names the language of a script that has one', () => {
    expect(languageFromScript('東京で会見、首相が発言')).toBe('ja');
    expect(languageFromScript('유엔 총회')).toBe('ko');
    expect(languageFromScript('外交部回应')).toBe('zh');
    expect(languageFromScript('روسيا تنفي')).toBe('ar');
    expect(languageFromScript('وزارت خارجه چین')).toBe('fa');
    expect(languageFromScript('Η κυβέρνηση διαψεύδει')).toBe('el');
    expect(languageFromScript('הממשלה מכחישה')).toBe('he');
  });

  it('weighs Han and Arabic against Latin and Cyrillic letters', () => {
    expect(languageFromScript('Xi Jinping 习近平 met officials in Moscow')).toBeNull();
    expect(languageFromScript('习近平会见 Putin')).toBe('zh');
    expect(languageFromScript('The word روسيا means Russia')).toBeNull();
    expect(languageFromScript('روسيا تنفي Russia')).toBe('ar');
  });

  it('leaves a script shared by many languages, or a mix with it, to the n-gram model', () => {
    expect(languageFromScript('Moscow rejects the report')).toBeNull();
    expect(languageFromScript('Кремль опроверг сообщения')).toBeNull();
    expect(languageFromScript('The Greek word Ω is a letter')).toBeNull();
    expect(languageFromScript('2024')).toBeNull();
  });
});

describe('cyrillicHint', () => {
  it('tells Ukrainian from Russian by the letters only one of them has', () => {
    expect(cyrillicHint('Київ і Європа')).toBe('uk');
    expect(cyrillicHint('Объявлены выборы')).toBe('ru');
    expect(cyrillicHint('Москва')).toBeNull();
  });
});

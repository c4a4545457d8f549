import { describe, expect, it } from 'vitest';
import { findOutletMentions, outletKey } from './outlet-mentions.js';

const OUTLETS = ['The New York Times', 'The Wall Street Journal', 'Reuters', 'Associated Press', 'Financial Times', 'Meduza'];
const named = (text: string, outlets = OUTLETS, extra?: Record<string, string[]>): string[] => findOutletMentions(text, outlets, extra).map((m) => m.outlet);

describe('findOutletMentions', () => {
  it('finds an outlet named in English, Chinese, Russian and French denials', () => {
    expect(named('We reject the report by the New York Times as groundless.')).toEqual(['The New York Times']);
    expect(named('据《纽约时报》报道，所谓中方要求俄方推迟行动纯属假新闻。')).toEqual(['The New York Times']);
    expect(named('Публикация The Wall Street Journal не соответствует действительности.')).toEqual(['The Wall Street Journal']);
    expect(named('Selon le New York Times, les responsables chinois auraient demandé…')).toEqual(['The New York Times']);
    expect(named('Статья в «Нью-Йорк таймс» — фейк')).toEqual(['The New York Times']);
    expect(named('据NYT报道')).toEqual(['The New York Times']);
  });

  it('lets Cyrillic names take a case ending and Latin names match case-insensitively', () => {
    expect(named('по данным агентства Рейтерс')).toEqual(['Reuters']);
    expect(named('as REUTERS reported')).toEqual(['Reuters']);
    expect(named('MEDUZA claims')).toEqual(['Meduza']);
  });

  it('does not find names inside other words, lower-case acronyms or a bare common word', () => {
    expect(named('The rap about Reutersville happened at the times square')).toEqual([]);
    expect(named('the ap and ft were mentioned in lower case')).toEqual([]);
    expect(named('According to AP and the FT, officials denied it')).toEqual(['Associated Press', 'Financial Times']);
  });

  it('uses aliases the caller adds for its own outlets', () => {
    expect(named('据东方观察网报道', ['Eastern Observer'], { 'Eastern Observer': ['东方观察网'] })).toEqual(['Eastern Observer']);
    expect(named('据东方观察网报道', ['Eastern Observer'])).toEqual([]);
  });

  it('folds an outlet name to its alias key', () => {
    expect(outletKey('  The   New York Times ')).toBe('new york times');
    expect(outletKey('Le Monde')).toBe('monde');
  });
});

import { describe, expect, it } from 'vitest';
import { narrativeTerms } from './narrative-terms.js';

const pairs = (r: { terms: string[]; surfaces: string[] }): [string, string][] => r.terms.map((t, n) => [t, r.surfaces[n] ?? '']);

describe('narrativeTerms', () => {
  it('keeps the word as written beside each stem and leaves out function words', () => {
    const r = narrativeTerms('Trade between the two quadrupled', 'A report of the Times', 'en');
    expect(r.terms).toHaveLength(r.surfaces.length);
    const unigrams = pairs(r).filter(([t]) => !t.includes(' '));
    expect(unigrams.map(([, s]) => s)).toEqual(['Trade', 'two', 'quadrupled', 'report', 'Times']);
    expect(unigrams.find(([, s]) => s === 'quadrupled')?.[0]).not.toBe('quadrupled');
  });

  it('makes bigrams of content words side by side, not across punctuation, lines or a function word', () => {
    const r = narrativeTerms('China calls report “pure fake news”', 'Fake news, says ministry', 'en');
    const bigrams = pairs(r).filter(([t]) => t.includes(' ')).map(([, s]) => s);
    expect(bigrams).toContain('fake news');
    expect(bigrams).toContain('Fake news');
    expect(bigrams).not.toContain('news Fake');
    expect(bigrams).not.toContain('report pure');
    expect(narrativeTerms('report of ministry', null, 'en').terms.filter((t) => t.includes(' '))).toEqual([]);
  });

  it('cuts Chinese into dictionary words and drops particles', () => {
    const r = narrativeTerms('外交部称有关报道是假新闻', null, 'zh');
    const words = pairs(r).filter(([t]) => !t.includes(' ')).map(([, s]) => s);
    expect(words).toContain('外交部');
    expect(words).not.toContain('是');
    expect(words.every((w) => w.length > 0)).toBe(true);
    expect(words).not.toContain('交部');
    expect(words.filter((w) => [...w].length < 2)).toEqual([]);
  });

  it('drops Russian prepositions and conjunctions', () => {
    const r = narrativeTerms('Китай и Россия на Олимпиаде', null, 'ru');
    const words = pairs(r).filter(([t]) => !t.includes(' ')).map(([, s]) => s);
    expect(words).toEqual(['Китай', 'Россия', 'Олимпиаде']);
  });
});

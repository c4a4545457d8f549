import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORD_PATTERN, forEachWord } from './word-scanner.js';

const scanned = (text: string): [number, number][] => {
  const spans: [number, number][] = [];
  forEachWord(text, (start, end) => spans.push([start, end]));
  return spans;
};
const matched = (text: string): [number, number][] => [...text.matchAll(WORD_PATTERN)].map((m) => [m.index, m.index + m[0].length]);

describe('forEachWord', () => {
  it('finds the words the pattern finds, script by script', () => {
    const text = 'Xi Jinping, 习近平 と会談。Путин заявил: «фейк»! Zełenski’s «non» — الصين، 러시아는 2026 r.² café ＡＢＣ Ⅻ ٣ 𝐀𝐁 𠀀 😀 x';
    expect(scanned(text)).toEqual(matched(text));
    expect(scanned(text).map(([a, b]) => text.slice(a, b))).toContain('Путин');
  });

  it('agrees with the pattern on every code unit of the Basic Multilingual Plane', () => {
    const disagree: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const text = `a${String.fromCharCode(unit)}b`;
      if (JSON.stringify(scanned(text)) !== JSON.stringify(matched(text))) disagree.push(unit);
    }
    expect(disagree).toEqual([]);
  });

  it('agrees with the pattern on mixed text, surrogate pairs and lone surrogates included', () => {
    const pool = [
      'a', 'Z', '7', ' ', '.', '’', "'", '-', '\n', 'é', 'ß', '\u0301', 'ж', 'Ї', 'ع', '\u064e', 'ש', 'क', '\u093f', 'ก', '한', '中', '々', 'あ', 'カ', 'ー',
      '\u00a0', '\u200d', '²', 'Ⅻ', '٣', 'Ａ', '𝐀', '𠀀', '😀', '\ud800', '\udc00',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scanned(text)).toEqual(matched(text));
      }),
      { numRuns: 2000 },
    );
  });
});

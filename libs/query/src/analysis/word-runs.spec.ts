import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORD_RUN, forEachWordRun } from './text-analyser.js';

/** A word needs more than folding when it holds an apostrophe or a Chinese or Japanese character. */
const NOT_PLAIN = /['’ʼ\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]/u;

const scanned = (text: string): [number, number, boolean][] => {
  const runs: [number, number, boolean][] = [];
  forEachWordRun(text, (start, end, plain) => runs.push([start, end, plain]));
  return runs;
};
const matched = (text: string): [number, number, boolean][] =>
  [...text.matchAll(WORD_RUN)].map((m) => [m.index, m.index + m[0].length, !NOT_PLAIN.test(m[0])]);

describe('forEachWordRun', () => {
  it('finds the words the pattern finds, apostrophes and scripts included', () => {
    const text = "l'Ukraine, ім’я, Russia's «фейк» ''x' y'' 俄乌冲突 ﾛｼｱ ʼokina ﾀ 2026 café 𠀀𝐀 😀 Ⅻ";
    expect(scanned(text)).toEqual(matched(text));
    expect(scanned(text).slice(0, 3)).toEqual([
      [0, 9, false],
      [11, 15, false],
      [17, 25, false],
    ]);
  });

  it('agrees with the pattern on every code unit of the Basic Multilingual Plane, alone and between letters', () => {
    const disagree: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      for (const text of [`a${ch}b`, `${ch}'${ch}`]) {
        if (JSON.stringify(scanned(text)) !== JSON.stringify(matched(text))) disagree.push(unit);
      }
    }
    expect(disagree).toEqual([]);
  });

  it('agrees with the pattern on mixed text, surrogate pairs and lone surrogates included', () => {
    const pool = [
      'a', 'Z', '7', ' ', '.', '’', "'", 'ʼ', '-', '\n', 'é', 'ß', '\u0301', 'ж', 'Ї', 'ع', '\u064e', 'क', '\u093f', 'ก', '한', '中', '々', 'あ', 'カ', 'ー', 'ﾛ',
      '\u00a0', '²', 'Ⅻ', '٣', 'Ａ', '𝐀', '𠀀', '😀', '\ud800', '\udc00',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scanned(text)).toEqual(matched(text));
      }),
      { numRuns: 3000 },
    );
  });
});

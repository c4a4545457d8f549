import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DETECTABLE_LANGUAGES } from './language-identifier.js';
import { NgramLanguageModel } from './ngram-model.js';

interface EldResult {
  language: string;
  isReliable(): boolean;
}
interface Eld {
  detect(text: string): EldResult;
  setLanguageSubset(languages: string[]): unknown;
}

/** The held-out sentences (14 languages, several scripts), one by one and run together into longer text. */
function sample(): string[] {
  const dir = path.resolve(__dirname, '../../test-data/held-out');
  const sentences = ['entities.jsonl', 'stance.jsonl'].flatMap((f) =>
    fs
      .readFileSync(path.join(dir, f), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  const texts = [...sentences];
  for (let i = 0; i + 2 < sentences.length; i += 3) texts.push(sentences.slice(i, i + 3).join('\n'));
  // Headline-length pieces, long runs past the byte limits, odd words.
  texts.push(...sentences.map((s) => s.slice(0, 24)));
  texts.push(sentences.slice(0, 40).join(' '));
  texts.push(`Pneumonoultramicroscopicsilicovolcanoconiosis${'x'.repeat(80)} is long; ${'Ж'.repeat(50)} too`);
  texts.push("don't l'Ukraine rock'n'roll 2024 — 12:30 «Кремль» 🇺🇦 𝒜𝒷 Ω");
  texts.push('', '2024', 'a', 'ab cd');
  return texts;
}

let model: NgramLanguageModel;
let eld: Eld;

beforeAll(async () => {
  model = await NgramLanguageModel.load(DETECTABLE_LANGUAGES);
  eld = ((await import('eld/medium')) as unknown as { eld: Eld & { newInstance(): Eld } }).eld.newInstance();
  eld.setLanguageSubset([...DETECTABLE_LANGUAGES]);
});

describe('NgramLanguageModel', () => {
  it('answers what eld answers with the same tables, reliability included', () => {
    const texts = sample();
    expect(texts.length).toBeGreaterThan(300);
    const differing = texts.filter((text) => {
      const ours = model.detect(text);
      const theirs = eld.detect(text);
      return (ours?.language ?? '') !== theirs.language || (ours !== null && ours.reliable !== theirs.isReliable());
    });
    expect(differing).toEqual([]);
  });

  it('answers what eld answers on random text: long and short words, repeated n-grams, every script', () => {
    const words = ['a', 'the', 'don\'t', 'l\'Ukraine', 'Кремль', 'заявил', 'є', 'Ω', 'ölçü', 'الصين', 'हिंदी', 'ไทย', '😀', '𝒜', 'x'.repeat(75), 'Ж'.repeat(40), '12:30', '—'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.constantFrom(' ', '  ', ', ', '\n'), (picked, gap) => {
        const text = picked.join(gap);
        const ours = model.detect(text);
        const theirs = eld.detect(text);
        expect(ours?.language ?? '').toBe(theirs.language);
        if (ours) expect(ours.reliable).toBe(theirs.isReliable());
      }),
      { numRuns: 500 },
    );
  });

  it('knows only the languages asked for', () => {
    // Those eld's table has: all but Indonesian, which it lacks.
    expect([...model.languages].sort()).toEqual(DETECTABLE_LANGUAGES.filter((l) => l !== 'id').sort());
    // Azerbaijani is in eld's table but not asked for: Turkish text stays Turkish.
    expect(model.detect('Dışişleri Bakanlığı açıklamayı yalanladı ve haberleri asılsız buldu')?.language).toBe('tr');
  });

  it('answers null when no n-gram of the text is known', () => {
    expect(model.detect('')).toBeNull();
    expect(model.detect('2024 — 12:30')).toBeNull();
  });
});

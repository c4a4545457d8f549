import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './required-literals.js';
import * as lexicon from './stance-lexicon.data.js';

const sorted = (set: string[] | null) => (set ? [...set].sort() : set);

describe('requiredLiterals', () => {
  it('reads literals, alternations and optional parts', () => {
    expect(requiredLiterals(/deny/u)).toEqual(['deny']);
    expect(sorted(requiredLiterals(/den(y|ies)|refut(e|ed)/u))).toEqual(['denies', 'deny', 'refute', 'refuted']);
    expect(sorted(requiredLiterals(/rumou?rs?/u))).toEqual(['rumor', 'rumors', 'rumour', 'rumours']);
    expect(requiredLiterals(/否认|驳斥/u)).toEqual(['否认', '驳斥']);
  });

  it('keeps the longest literal run around classes, repeats and assertions', () => {
    expect(requiredLiterals(/(^|[^\p{L}])(опроверг\p{L}*)/u)).toEqual(['опроверг']);
    expect(requiredLiterals(/(?<![\p{L}\p{N}_])no such \p{L}+ took place(?![\p{L}\p{N}_])/u)).toEqual([' took place']);
    expect(requiredLiterals(/\bweist\b[^.!?]*\bzurück/u)).toEqual(['zurück']);
    expect(requiredLiterals(/u\.?n\.?/u)?.sort()).toEqual(['u.n.', 'u.n', 'un.', 'un'].sort());
  });

  it('gives up where a match needs no literal or the syntax is not read', () => {
    expect(requiredLiterals(/\p{L}+/u)).toBeNull();
    expect(requiredLiterals(/deny|\p{L}+/u)).toBeNull();
    expect(sorted(requiredLiterals(/(fake )?news/u))).toEqual(['fake news', 'news']);
    expect(requiredLiterals(/(fake)?/u)).toBeNull();
    expect(requiredLiterals(/(a)\1/u)).toBeNull();
    expect(requiredLiterals(/deny/iu)).toBeNull();
    expect(requiredLiterals(/(?<verb>deny)/u)).toBeNull();
  });

  it('finds literals for every stance cue, so no cue list has to run all its patterns on every sentence', () => {
    for (const [name, patterns] of Object.entries(lexicon)) {
      for (const re of patterns as RegExp[]) expect(requiredLiterals(re), `${name}: ${re.source}`).not.toBeNull();
    }
  });

  it('never misses a match of a stance cue', () => {
    const texts = [
      'the ministry dismissed the reports as groundless fabrications.',
      'no such meeting took place, the u.n. spokesperson said.',
      'мид россии опроверг сообщения о переговорах. это фейк.',
      '外交部发言人否认了有关报道，称其纯属捏造。',
      'das außenministerium wies die vorwürfe als haltlos zurück.',
      'le porte-parole n\'a pas démenti les informations selon lesquelles',
      'نفت وزارة الخارجية التقارير ووصفتها بأنها كاذبة',
    ];
    for (const patterns of Object.values(lexicon) as RegExp[][]) {
      for (const re of patterns) {
        const literals = requiredLiterals(re) ?? [];
        for (const text of texts) if (re.test(text)) expect(literals.some((l) => text.includes(l)), `${re.source} on ${text}`).toBe(true);
      }
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CueList, literalAlternation } from './cue-list.js';

describe('CueList', () => {
  const list = new CueList([/(?<!\p{L})(reports?|claims?)(?!\p{L})/u, /\p{L}+ said/u, /allegations/u]);

  it('answers as running every pattern in order would', () => {
    expect(list.first('the reports were false')).toBe('reports');
    expect(list.first('allegations, claims')).toBe('claims');
    expect(list.first('nothing here')).toBeNull();
    // The middle pattern has no literal to test for, so it always runs.
    expect(list.first('officials said')).toBe('officials said');
  });

  it('replaces pattern by pattern, each seeing the text the previous one left', () => {
    const blanks = new CueList([/no comment/gu, /comment/gu]);
    const seen: string[] = [];
    const out = blanks.replaceEach('no comment, comment', (m, offset, text) => {
      seen.push(`${offset}:${text}`);
      return ' '.repeat(m.length);
    });
    expect(out).toBe('          ,        ');
    expect(seen).toEqual(['0:no comment, comment', '12:          , comment']);
    // A replacement can create a match for a later pattern: it is not skipped.
    expect(new CueList([/x/gu, /a b/gu]).replaceEach('axb', (m) => (m === 'x' ? ' ' : 'AB'))).toBe('AB');
  });

  it('finds the match that starts last across patterns', () => {
    const actors = new CueList([/ministry/gu, /analysts?/gu]);
    expect(actors.last('the ministry and analysts and the ministry again')).toEqual({ index: 34, text: 'ministry' });
    expect(actors.last('nobody')).toBeNull();
  });

  it('tests several lists in one scan', () => {
    const any = CueList.anyOf([new CueList([/deny/u]), new CueList([/(?<!\p{L})fake(?!\p{L})/u])]);
    expect(any('they deny it')).toBe(true);
    expect(any('this is fake')).toBe(true);
    // Literal present but no match: the test may pass, it is a filter, not a matcher.
    expect(any('fakery')).toBe(true);
    expect(any('nothing here')).toBe(false);
    // A list whose pattern needs no literal lets everything through.
    expect(CueList.anyOf([new CueList([/deny/u]), new CueList([/\p{L}+/u])])('nothing here')).toBe(true);
  });
});

describe('literalAlternation', () => {
  it('writes the literals as a trie, a literal that another begins with ending its branch', () => {
    expect(literalAlternation(['did not ', "did n't ", 'didnot ', 'deny', 'denies', 'de', 'a.b', 'x|y'])).toBe("(?:d(?:id(?: n(?:ot |'t )|not )|e)|a\\.b|x\\|y)");
  });

  it('matches wherever one of the literals occurs, and nowhere else', () => {
    const alphabet = ['a', 'b', 'n', "'", ' ', '.', '|', '(', 'ф', '假', '😀'];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (literals, text) => {
        const haystack = text.join('');
        expect(new RegExp(literalAlternation(literals), 'u').test(haystack)).toBe(literals.some((l) => haystack.includes(l)));
      }),
      { numRuns: 3000 },
    );
  });
});

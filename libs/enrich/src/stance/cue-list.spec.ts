import { describe, expect, it } from 'vitest';
import { CueList } from './cue-list.js';

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

import { DomainError } from '@parallax/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, type EntityResolver } from './query-parser.js';

const gazetteer: Record<string, string[]> = { china: ['Q148'], russia: ['Q159'], 'xi jinping': ['Q15031'], 中国: ['Q148'] };
const resolveEntity: EntityResolver = (name) => gazetteer[name.toLowerCase()] ?? [];

function syntaxErrorOf(q: string): DomainError {
  try {
    parseQuery(q, { resolveEntity });
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`"${q}" parsed`);
}

describe('parseQuery', () => {
  it('reads juxtaposition as AND, with OR binding looser', () => {
    expect(parseQuery('china russia OR ukraine')).toEqual({
      type: 'or',
      children: [
        { type: 'and', children: [
          { type: 'term', text: 'china', prefix: false, position: 0 },
          { type: 'term', text: 'russia', prefix: false, position: 6 },
        ] },
        { type: 'term', text: 'ukraine', prefix: false, position: 16 },
      ],
    });
  });

  it('reads phrases, prefixes, groups, negation and | as OR', () => {
    expect(parseQuery('"pure fake news" -denial NOT (olymp* | games)')).toEqual({
      type: 'and',
      children: [
        { type: 'phrase', text: 'pure fake news', position: 0 },
        { type: 'not', position: 17, child: { type: 'term', text: 'denial', prefix: false, position: 18 } },
        { type: 'not', position: 25, child: { type: 'or', children: [
          { type: 'term', text: 'olymp', prefix: true, position: 30 },
          { type: 'term', text: 'games', prefix: false, position: 39 },
        ] } },
      ],
    });
  });

  it('keeps lower-case or/and/not and inner hyphens as words', () => {
    expect(parseQuery('war or peace')).toMatchObject({ type: 'and', children: [{ text: 'war' }, { text: 'or' }, { text: 'peace' }] });
    expect(parseQuery('e-mail')).toEqual({ type: 'term', text: 'e-mail', prefix: false, position: 0 });
  });

  it('reads field filters and normalises their values', () => {
    expect(parseQuery('entity:Q148 entity:"Xi Jinping" entity:中国 outlet:"New York Times" lang:ZH-cn kind:Official source:12', { resolveEntity })).toEqual({
      type: 'and',
      children: [
        { type: 'field', field: 'entity', value: 'Q148', values: ['Q148'], position: 0 },
        { type: 'field', field: 'entity', value: 'Xi Jinping', values: ['Q15031'], position: 12 },
        { type: 'field', field: 'entity', value: '中国', values: ['Q148'], position: 32 },
        { type: 'field', field: 'outlet', value: 'New York Times', values: ['new_york_times'], position: 42 },
        { type: 'field', field: 'lang', value: 'ZH-cn', values: ['zh'], position: 66 },
        { type: 'field', field: 'kind', value: 'Official', values: ['official'], position: 77 },
        { type: 'field', field: 'source', value: '12', values: ['12'], position: 91 },
      ],
    });
  });

  it('treats an empty or blank query as everything, and a pasted URL as text', () => {
    expect(parseQuery('   ')).toEqual({ type: 'all' });
    expect(parseQuery('https://example.org/a')).toMatchObject({ type: 'term' });
  });

  it.each([
    ['"pure fake news', 'unclosed quote at 0', 0],
    ['china "pure fake', 'unclosed quote at 6', 6],
    ['china OR', 'expected a term after OR at 8', 8],
    ['china OR OR russia', 'expected a term after OR at 9', 9],
    ['china OR )', 'expected a term after OR at 9', 9],
    ['(china russia', 'unclosed parenthesis at 0', 0],
    ['china)', "unexpected ')' at 5", 5],
    ['()', 'expected a term inside () at 1', 1],
    ['china -', "expected a term after '-' at 7", 7],
    ['NOT', 'expected a term after NOT at 3', 3],
    ['OR china', 'expected a term before OR at 0', 0],
    ['foo:bar', "unknown field 'foo' at 0", 0],
    ['lang:', "expected a value after 'lang:' at 5", 5],
    ['lang:chinese', "invalid language 'chinese' at 5", 5],
    ['kind:blog', "invalid kind 'blog' at 5", 5],
    ['entity:Atlantis', "unknown entity 'Atlantis' at 7", 7],
    ['source:abc', "invalid source id 'abc' at 7", 7],
    ['*', "expected a word before '*' at 0", 0],
  ])('rejects %j with "%s"', (q, message, position) => {
    const e = syntaxErrorOf(q);
    expect(e.code).toBe('QUERY_SYNTAX');
    expect(e.message).toBe(message);
    expect(e.details).toMatchObject({ position, field: 'q' });
    expect(typeof e.details.expected).toBe('string');
  });

  it('enforces the length, depth and term limits', () => {
    expect(syntaxErrorOf('a'.repeat(1001)).details.position).toBe(1000);
    expect(() => parseQuery('a'.repeat(1000))).not.toThrow();
    expect(syntaxErrorOf('('.repeat(11) + 'a' + ')'.repeat(11)).message).toMatch(/nested deeper than 10/);
    expect(syntaxErrorOf('NOT '.repeat(11) + 'a').message).toMatch(/nested deeper than 10/);
    expect(syntaxErrorOf(Array.from({ length: 51 }, (_, i) => `w${i}`).join(' ')).message).toMatch(/more than 50 terms/);
  });

  it('either parses or throws a QUERY_SYNTAX DomainError, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom('a', 'Я', '中', ' ', '"', '(', ')', '-', '*', ':', '|', 'OR', 'NOT', 'AND', 'lang:', 'entity:', 'x:') }), (q) => {
        try {
          parseQuery(q, { resolveEntity });
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).code).toBe('QUERY_SYNTAX');
          const position = (e as DomainError).details.position ?? -1;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(q.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

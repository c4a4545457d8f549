import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@parallax/domain';
import { parseQuery } from './query-parser.js';

/** Cases per property: 1,000 in `npm test`, more in the nightly `npm run fuzz` (FUZZ_RUNS). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

/** Pieces analysts type, so random strings reach the parser's deeper rules, not only the lexer. */
const piece = fc.oneof(
  fc.constantFrom('OR', 'AND', 'NOT', '|', '-', '(', ')', '"', '*', ':', 'entity:', 'outlet:', 'lang:', 'kind:', 'Q148', ' ', '  ', '\t', '\n'),
  fc.constantFrom('China', 'Россия', '中俄', 'Україна', 'olympics', 'media', 'official', 'zh', 'New York Times'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const queryLike = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

const word = fc.constantFrom('china', 'russia', 'Россия', '中俄', 'olympics', 'denial', 'fake', 'news', 'kremlin');
const atom = fc.oneof(word, word.map((w) => `${w}*`), fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`), fc.constantFrom('entity:Q148', 'lang:zh', 'kind:official', 'outlet:"New York Times"'));
const validQuery: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('q'), tie('q')).map(([a, b]) => `${a} ${b}`),
    fc.tuple(tie('q'), tie('q')).map(([a, b]) => `${a} OR ${b}`),
    tie('q').map((a) => `-(${a})`),
    tie('q').map((a) => `(${a})`),
  ),
})).q;

describe('parseQuery (property)', () => {
  it('never throws anything but a QUERY_SYNTAX error with a position inside the input', () => {
    fc.assert(
      fc.property(fc.oneof(queryLike, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (input) => {
        try {
          const node = parseQuery(input);
          expect(node).toBeTypeOf('object');
        } catch (err) {
          expect(err).toBeInstanceOf(DomainError);
          const e = err as DomainError;
          expect(e.code).toBe('QUERY_SYNTAX');
          const position = e.details.position;
          expect(typeof position).toBe('number');
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(input.length);
          expect(String(e.details.expected ?? '').length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('parses every query built from the grammar (within the term and depth limits)', () => {
    fc.assert(
      fc.property(validQuery, (q) => {
        try {
          parseQuery(q);
        } catch (err) {
          // The only refusals a well-formed query may get are the documented limits.
          expect((err as DomainError).message).toMatch(/longer than|deeper than|more than|too many|nest/i);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

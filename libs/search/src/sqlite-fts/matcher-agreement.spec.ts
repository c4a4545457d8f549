import { DomainError } from '@parallax/domain';
import { bindQuery, matches, parseQuery, RuleIndex } from '@parallax/query';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, fixtureEntityResolver } from '../testing/multilingual-corpus.js';
import { SqliteFtsIndex } from './sqlite-fts.adapter.js';

/**
 * The alert matcher and the search index must agree: an alert fires for exactly the items a search
 * for its query lists. Checked on hand-picked queries and on random ones built from the corpus's
 * own words.
 */
const QUERIES = [
  'China', 'Россия', 'России', 'Росії', 'Україна', 'Китай', '俄罗斯', '俄', '冬奥', '"北京冬奥会"', '中俄 -普京',
  '"pure fake news"', 'fake news', 'Olympics -Norway', '-Olympics', 'Norway OR Kremlin', '(Norway | Kremlin) Olympics',
  'invad*', 'invas*', 'Olymp*', 'Олимп*', 'Росси*', 'entity:China lang:en', 'entity:Q212 -kind:official', 'outlet:"le monde"',
  'kind:official OR Kremlin', 'NOT (China OR Russia)', 'report', 'reporter', 'Jeux olympiques', 'Olympischen Spielen', '"New York Times"',
  'source:20 OR source:140', 'lang:zh 奥运', 'e-mail', '!!!', 'Pékin', 'PEKIN', 'Olympiade*', 'new york*',
];

const WORDS = [...new Set(CORPUS.flatMap((d) => `${d.title} ${d.summary ?? ''}`.split(/[\s,.:;!?()"«»–]+/u)).filter((w) => w.length > 1 && !/["()|*:]/.test(w) && !/^(OR|AND|NOT)$/.test(w) && !w.startsWith('-')))];

describe('matcher and SQLite FTS agree', () => {
  let index: SqliteFtsIndex;
  beforeAll(async () => {
    index = new SqliteFtsIndex({ path: ':memory:', resolveEntity: fixtureEntityResolver });
    await index.upsert([...CORPUS]);
  });
  afterAll(async () => {
    await index.close();
  });

  const compare = async (q: string): Promise<void> => {
    let ast;
    try {
      ast = parseQuery(q, { resolveEntity: fixtureEntityResolver });
    } catch (e) {
      // A query the parser refuses (too deep, too many terms) must be refused by the index too.
      expect(e).toBeInstanceOf(DomainError);
      await expect(index.search({ q, sort: 'newest', limit: 1, offset: 0 })).rejects.toMatchObject({ code: (e as DomainError).code });
      return;
    }
    const expected = CORPUS.filter((d) => matches(ast, d).matched).map((d) => d.id).sort((a, b) => a - b);
    const found = (await index.search({ q, sort: 'newest', limit: 200, offset: 0 })).hits.map((h) => h.id).sort((a, b) => a - b);
    expect(found, q).toEqual(expected);
  };

  it.each(QUERIES)('%s', async (q) => {
    await compare(q);
  });

  it('alert rules indexed together fire for exactly the hits of a search for each', async () => {
    const rules = new RuleIndex<string>();
    for (const q of QUERIES) {
      try {
        rules.set(q, bindQuery(parseQuery(q, { resolveEntity: fixtureEntityResolver })));
      } catch {
        // A query the parser refuses cannot be an alert rule either (the API answers 400).
      }
    }
    const fired = new Map<string, number[]>();
    for (const d of CORPUS) for (const hit of rules.match(d)) fired.set(hit.id, [...(fired.get(hit.id) ?? []), d.id]);
    for (const q of QUERIES) {
      let found: number[];
      try {
        found = (await index.search({ q, sort: 'newest', limit: 200, offset: 0 })).hits.map((h) => h.id);
      } catch {
        continue;
      }
      expect((fired.get(q) ?? []).sort((a, b) => a - b), q).toEqual(found.sort((a, b) => a - b));
    }
  });

  it('on random queries made of the corpus words', async () => {
    const word = fc.constantFrom(...WORDS);
    const atom = fc.oneof(
      word,
      word.map((w) => `${[...w].slice(0, Math.max(1, Math.ceil([...w].length / 2))).join('')}*`),
      fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(' ')}"`),
      fc.constantFrom('entity:Q148', 'entity:Q212', 'lang:en', 'lang:zh', 'kind:official', 'outlet:Reuters'),
    );
    const query = fc.letrec<{ q: string }>((tie) => ({
      // Each level adds at most two to the parser's nesting (a negation and a group): stay under its limit of 10.
      q: fc.oneof(
        { depthSize: 'small', maxDepth: 4 },
        atom,
        fc.tuple(tie('q'), tie('q')).map(([a, b]) => `${a} ${b}`),
        fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} OR ${b})`),
        tie('q').map((a) => `-(${a})`),
      ),
    })).q;
    await fc.assert(fc.asyncProperty(query, compare), { numRuns: 300 });
  });
});

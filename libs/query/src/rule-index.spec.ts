import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseTerms } from './analysis/text-analyser.js';
import { bindQuery } from './bound-query.js';
import { matches, type MatchableDocument } from './query-matcher.js';
import { parseQuery } from './query-parser.js';
import { RuleIndex } from './rule-index.js';

const resolveEntity = (name: string): string[] => ({ china: ['Q148'], russia: ['Q159'], ukraine: ['Q212'] })[name.toLowerCase()] ?? [];

const doc = (over: Partial<MatchableDocument>): MatchableDocument => ({
  title: '',
  summary: null,
  content: null,
  outlet: 'Meridian Times',
  kind: 'media',
  language: 'en',
  entities: [],
  sourceId: 1,
  ...over,
});

const DOCS: MatchableDocument[] = [
  doc({ title: 'Officials asked Moscow to delay invasion until after the Olympics', summary: 'Chinese officials told Russian counterparts to wait.', entities: [{ qid: 'Q148', name: 'China' }, { qid: 'Q159', name: 'Russia' }] }),
  doc({ title: 'Foreign ministry calls report pure fake news', kind: 'official', outlet: 'MFA', sourceId: 2, entities: [{ qid: 'Q148', name: 'China' }] }),
  doc({ title: 'В МИД назвали фейком сообщения о просьбе Китая', summary: 'Дипломаты отвергли публикацию о переговорах Китая и России.', language: 'ru', outlet: 'Вечерние новости', sourceId: 3, entities: [{ qid: 'Q159', name: 'Russia' }] }),
  doc({ title: '外交部：所谓推迟行动的报道纯属假新闻', summary: '有关中方要求俄罗斯在冬奥会后再采取行动的报道纯属假新闻。', language: 'zh', outlet: '环球快讯', sourceId: 4, kind: 'official' }),
  doc({ title: 'Storm closes harbour for a second day', summary: 'Ferries stay in port as the gale continues.', sourceId: 5 }),
  doc({ title: 'Ukraine says talks with Russia stalled', entities: [{ qid: 'Q212', name: 'Ukraine' }, { qid: 'Q159', name: 'Russia' }], language: 'en', sourceId: 6 }),
];

const WORDS = ['officials', 'Olympics', 'Olymp', 'invasion', 'invas', 'fake', 'news', 'report', 'Китая', 'России', 'Росси', '假新闻', '冬奥', 'storm', 'ferries', 'talks', 'Ukraine', 'harbour', 'delay'];

/** Brute force: every rule tested against every document by the matcher alone. */
function bruteForce(rules: Map<number, string>, d: MatchableDocument): number[] {
  return [...rules].filter(([, q]) => matches(parseQuery(q, { resolveEntity }), d).matched).map(([id]) => id).sort((a, b) => a - b);
}

function indexed(rules: Map<number, string>): RuleIndex<number> {
  const index = new RuleIndex<number>();
  for (const [id, q] of rules) index.set(id, bindQuery(parseQuery(q, { resolveEntity })));
  return index;
}

describe('RuleIndex', () => {
  it('finds exactly what the matcher finds, on hand-picked rules', () => {
    const rules = new Map(
      [
        'Olympics', 'Olymp*', '"fake news"', 'fake -news', '-storm', 'lang:ru', 'kind:official', 'entity:China', 'entity:China OR entity:Ukraine',
        'Китая', 'Росси*', '假新闻', 'outlet:"Meridian Times" delay', 'source:5', '(storm OR talks) -Ukraine', 'NOT (fake OR storm)', 'lang:zh 冬奥', '',
      ].map((q, i) => [i + 1, q]),
    );
    const index = indexed(rules);
    for (const d of DOCS) {
      expect(index.match(d).map((h) => h.id).sort((a, b) => a - b), d.title).toEqual(bruteForce(rules, d));
    }
  });

  it('tests a document only against the rules it can match, and always against pure negations', () => {
    const index = indexed(new Map([[1, 'storm'], [2, 'entity:Ukraine'], [3, '-storm'], [4, 'lang:en']]));
    expect([...index.candidates(DOCS[0]!)].sort()).toEqual([3, 4]);
    expect([...index.candidates(DOCS[4]!)].sort()).toEqual([1, 3, 4]);
    expect([...index.candidates(DOCS[5]!)].sort()).toEqual([2, 3, 4]);
  });

  it('forgets a deleted rule and replaces a changed one', () => {
    const index = indexed(new Map([[1, 'storm'], [2, 'Olymp*']]));
    index.delete(2);
    index.set(1, bindQuery(parseQuery('ferries')));
    expect(index.size).toBe(1);
    expect(index.match(DOCS[0]!)).toEqual([]);
    expect(index.match(DOCS[4]!)).toEqual([{ id: 1, reasons: ['ferries in text'] }]);
  });

  it('agrees with the matcher on random rule sets', () => {
    const atom = fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...WORDS).map((w) => `${w}*`),
      fc.constantFrom('entity:China', 'entity:Q159', 'lang:ru', 'kind:official', 'outlet:MFA', 'source:3'),
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
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 30 }), (qs) => {
        const rules = new Map(qs.map((q, i) => [i, q]));
        const index = indexed(rules);
        for (const d of DOCS) expect(index.match(d).map((h) => h.id).sort((a, b) => a - b)).toEqual(bruteForce(rules, d));
      }),
      { numRuns: 200 },
    );
  });

  it('learns document frequencies from the items it matches, and keeps them across clear()', () => {
    const index = indexed(new Map([[1, 'storm']]));
    for (let i = 0; i < 200; i++) index.match(DOCS[i % 2 === 0 ? 4 : 5]!);
    expect(index.documentCount).toBe(200);
    expect(index.share('t', analyseTerms('storm')[0]!)).toBeCloseTo(0.5, 1);
    expect(index.share('t', analyseTerms('ferries')[0]!)).toBeCloseTo(0.5, 1);
    expect(index.share('t', analyseTerms('Ukraine')[0]!)).toBeCloseTo(0.5, 1);
    expect(index.share('t', analyseTerms('Olympics')[0]!)).toBeLessThan(0.05);
    expect(index.share('l', 'en')).toBeGreaterThan(0.9);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.share('t', analyseTerms('storm')[0]!)).toBeCloseTo(0.5, 1);
  });

  it('agrees with the matcher while rules are re-filed as frequencies settle, and after deletes', () => {
    const text = fc.array(fc.constantFrom(...WORDS, 'the', 'news', 'report', 'the'), { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
    const document = fc.record({
      title: text,
      summary: fc.option(text, { nil: null }),
      entities: fc.subarray([{ qid: 'Q148', name: 'China' }, { qid: 'Q159', name: 'Russia' }, { qid: 'Q212', name: 'Ukraine' }]),
      language: fc.constantFrom('en', 'ru', 'zh-Hans'),
      kind: fc.constantFrom('media' as const, 'official' as const),
      sourceId: fc.integer({ min: 1, max: 4 }),
    });
    const rule = fc.oneof(
      fc.constantFrom(...WORDS, 'news', 'report', 'the'),
      fc.tuple(fc.constantFrom('news', 'report', 'the', 'fake'), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} ${b}`),
      fc.tuple(fc.constantFrom('news', 'the'), fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b, c]) => `${a} (${b} OR ${c}*)`),
      fc.constantFrom('lang:ru', 'kind:official -news', 'entity:China news', 'source:3 the', '"fake news"', 'Росси* news'),
    );
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 40 }), fc.array(document, { minLength: 150, maxLength: 300 }), (qs, ds) => {
        const rules = new Map(qs.map((q, i) => [i, q]));
        const index = indexed(rules);
        const docs = ds.map((d) => doc(d));
        docs.forEach((d, i) => {
          if (i === 100) {
            // Deleting and replacing rules after a re-filing (at 64 documents) must leave no stale posting.
            for (const id of [0, 1, 2]) {
              rules.delete(id);
              index.delete(id);
            }
            rules.set(1, 'news the');
            index.set(1, bindQuery(parseQuery('news the', { resolveEntity })));
          }
          expect(index.match(d).map((h) => h.id).sort((a, b) => a - b)).toEqual(bruteForce(rules, d));
        });
      }),
      { numRuns: 25 },
    );
  });
});

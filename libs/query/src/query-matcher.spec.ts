import type { SearchDocument } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import { bindQuery } from './bound-query.js';
import { highlightSnippet } from './highlight-snippet.js';
import { parseQuery } from './query-parser.js';
import { matches, matchesBound } from './query-matcher.js';

const doc: SearchDocument = {
  id: 7,
  sourceId: 3,
  title: 'Китай просив Росію не нападати на Україну',
  summary: 'Китайські посадовці просили не вторгатися до завершення Олімпійських ігор у Пекіні.',
  content: '中国要求俄罗斯推迟行动。 The New York Times reported it first.',
  url: null,
  outlet: 'Українська правда',
  kind: 'media',
  language: 'uk',
  publishedAt: '2022-03-03T15:00:00.000Z',
  entities: [{ qid: 'Q148', name: 'China' }, { qid: 'Q159', name: 'Russia' }],
  denial: false,
  mentionsDenial: false,
  storyId: null,
  duplicateOf: null,
};

const match = (q: string) => matches(parseQuery(q, { resolveEntity: (n) => (n === 'China' ? ['Q148'] : []) }), doc);

describe('matches', () => {
  it('matches inflected forms, CJK words and fields, and says why', () => {
    expect(match('России')).toEqual({ matched: true, reasons: ['России in title'] });
    expect(match('俄罗斯 entity:China')).toEqual({ matched: true, reasons: ['俄罗斯 in text', 'entity:China'] });
    expect(match('"new york times" lang:uk kind:media source:3 outlet:"українська правда"').matched).toBe(true);
  });

  it('respects phrases, negation, OR and prefixes', () => {
    expect(match('"times york new"').matched).toBe(false);
    expect(match('Китай -Пекін')).toEqual({ matched: false, reasons: [] });
    expect(match('Norway OR Україна').reasons).toEqual(['Україна in title']);
    expect(match('Олімп*').matched).toBe(true);
    expect(match('entity:Q7747').matched).toBe(false);
    expect(match('').matched).toBe(true);
  });

  it('does not let a phrase run from the title into the text', () => {
    expect(match('"Україну Китайські"').matched).toBe(false);
  });

  it('can test one bound query against many documents', () => {
    const bound = bindQuery(parseQuery('lang:uk'));
    expect(matchesBound(bound, doc).matched).toBe(true);
    expect(matchesBound(bound, { ...doc, language: 'ru' }).matched).toBe(false);
  });
});

describe('highlightSnippet', () => {
  it('marks matches found by the analyser and escapes the rest', () => {
    const bound = bindQuery(parseQuery('Пекін 俄罗斯 -Китай'));
    expect(highlightSnippet('Ігри у Пекіні <script>', bound)).toBe('Ігри у <mark>Пекіні</mark> &lt;script&gt;');
    expect(highlightSnippet('中国要求俄罗斯推迟', bound)).toBe('中国要求<mark>俄罗斯</mark>推迟');
    expect(highlightSnippet('Китай', bound)).toBeNull();
  });

  it('cuts a long text around the matches', () => {
    const text = `${'lorem ipsum '.repeat(50)}Beijing Olympics ${'dolor sit '.repeat(50)}`;
    const snippet = highlightSnippet(text, bindQuery(parseQuery('Olympics')), { maxChars: 120 }) ?? '';
    expect(snippet).toContain('<mark>Olympics</mark>');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(122);
  });
});

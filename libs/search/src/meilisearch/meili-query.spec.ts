import { analyseTerms, bindQuery, foldWord, parseQuery } from '@parallax/query';
import { describe, expect, it } from 'vitest';
import { fixtureEntityResolver } from '../testing/multilingual-corpus.js';
import { meiliTerms, meiliWord, toMeiliDocument } from './meili-document.js';
import { anyOfFilter, filterString, requestFilter, translateQuery } from './meili-query.js';
import { meiliSettings, settingsHash } from './meili-settings.js';

const translate = (q: string) => translateQuery(bindQuery(parseQuery(q, { resolveEntity: fixtureEntityResolver })));
const w = meiliWord;
/** The Meilisearch word of one query word: the analyser's term (folded, stemmed), then encoded. */
const t = (word: string): string => meiliWord(analyseTerms(word, 'query')[0] ?? '');

/** Reads one double-quoted Meilisearch filter string back: the value, and what follows it. */
function readFilterString(s: string): { value: string; rest: string } {
  if (s[0] !== '"') throw new Error(`not a string: ${s}`);
  let value = '';
  for (let i = 1; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') value += s[++i] ?? '';
    else if (ch === '"') return { value, rest: s.slice(i + 1) };
    else value += ch;
  }
  throw new Error(`unterminated: ${s}`);
}

describe('translateQuery', () => {
  it.each([
    ['', [{ q: '', filter: null, ranked: false }]],
    ['Olympics', [{ q: `"${t('Olympics')}"`, filter: null, ranked: true }]],
    ['"pure fake news"', [{ q: `"${t('pure')} ${t('fake')} ${t('news')}"`, filter: null, ranked: true }]],
    ['Olympics -Norway', [{ q: `"${t('Olympics')}" -"${t('Norway')}"`, filter: null, ranked: true }]],
    ['-Olympics', [{ q: `-"${t('Olympics')}"`, filter: null, ranked: false }]],
    ['Norway OR Kremlin', [{ q: `"${t('Norway')}"`, filter: null, ranked: true }, { q: `"${t('Kremlin')}"`, filter: null, ranked: true }]],
    ['(Norway OR Kremlin) Olympics', [{ q: `"${t('Norway')}" "${t('Olympics')}"`, filter: null, ranked: true }, { q: `"${t('Kremlin')}" "${t('Olympics')}"`, filter: null, ranked: true }]],
    ['NOT (Norway OR Kremlin)', [{ q: `-"${t('Norway')}" -"${t('Kremlin')}"`, filter: null, ranked: false }]],
    ['NOT (Norway Kremlin)', [{ q: `-"${t('Norway')}"`, filter: null, ranked: false }, { q: `-"${t('Kremlin')}"`, filter: null, ranked: false }]],
    ['invad*', [{ q: 'invad', filter: null, ranked: true }]],
    ['Kremlin invad*', [{ q: `"${t('Kremlin')}" invad`, filter: null, ranked: true }]],
    ['lang:ru', [{ q: '', filter: 'language = "ru"', ranked: false }]],
    ['entity:Putin lang:en', [{ q: '', filter: 'entityIds = "Q7747" AND language = "en"', ranked: false }]],
    ['kind:official -lang:zh', [{ q: '', filter: 'kind = "official" AND NOT language = "zh"', ranked: false }]],
    ['outlet:"Le Monde" source:20', [{ q: '', filter: 'outletKey = "le_monde" AND sourceId = "20"', ranked: false }]],
    ['outlet:"Le \'Monde\' [Paris]"', [{ q: '', filter: 'outletKey = "le_monde_paris"', ranked: false }]],
  ])('%s', (q, expected) => {
    expect(translate(q)).toEqual(expected);
  });

  it('spells non-ASCII terms as encoded words and Chinese words as phrases of bigrams', () => {
    expect(translate('России')).toEqual([{ q: `"${t('России')}"`, filter: null, ranked: true }]);
    expect(t('России')).toBe(t('Россия'));
    expect(translate('北京冬奥会')).toEqual([{ q: `"${['北京', '京冬', '冬奥', '奥会'].map(w).join(' ')}"`, filter: null, ranked: true }]);
    // A lone Han character completes to every bigram it begins: the one prefix word, last.
    expect(translate('俄 Kremlin')).toEqual([{ q: `"${t('Kremlin')}" ${w('俄')}`, filter: null, ranked: true }]);
  });

  it('keeps prefixes under encoding, so a prefix query finds longer words', () => {
    expect(w('россия').startsWith(w('росси'))).toBe(true);
    expect(w('冬奥').startsWith(w('冬'))).toBe(true);
    expect(w('россия')).toMatch(/^[a-z]+$/);
    expect(w('x'.repeat(300))).toHaveLength(249);
    expect(w('я'.repeat(64)).length).toBeLessThan(250);
  });

  it('finds the prefix alternatives of an inflected prefix, each its own search', () => {
    const alts = translate('Росси*');
    expect(alts.length).toBeGreaterThan(1);
    // The folded prefix completes longer words; the shorter stem of Россия is matched exactly.
    expect(alts[0]).toEqual({ q: w(foldWord('Росси')), filter: null, ranked: true });
    expect(alts.map((a) => a.q)).toContain(`"${t('Россия')}"`);
  });

  it('refuses what Meilisearch would silently cut: too many words or alternatives', () => {
    expect(() => translate('a b c d e f g h i j k')).toThrow(expect.objectContaining({ code: 'QUERY_SYNTAX', details: expect.objectContaining({ field: 'q' }) }));
    expect(() => translate('(a OR b) (c OR d) (e OR f) (g OR h) (i OR j)')).toThrow(expect.objectContaining({ code: 'QUERY_SYNTAX' }));
    expect(translate('(a OR b) (c OR d)')).toHaveLength(4);
  });
});

describe('filter values', () => {
  const hostile = ['Le "Monde"', 'Times] OR kind = "media', "O'Reilly \\ News", '" OR 1=1 OR "', 'a\\"b', '[]()', 'NOT x', '中央社 "臺灣"', ''];

  it.each(hostile)('keeps %j one string literal', (value) => {
    const literal = filterString(value);
    const read = readFilterString(literal);
    expect(read).toEqual({ value, rest: '' });
  });

  it('escapes request outlets and entities and ANDs the request filters', () => {
    const filter = requestFilter(
      { q: '', sort: 'newest', limit: 10, offset: 0, outlet: ['Le "Monde"', 'Times] OR kind = "media'], entity: ['q148', 'Q"159'], lang: ['zh-Hans'], kind: ['official'] },
      { from: '2022-03-03T00:00:00.000Z', to: null },
    );
    expect(filter).toBe(
      'entityIds = "Q148" AND entityIds = "Q\\"159" AND outletKey IN ["le_monde", "times_or_kind_media"] AND language = "zh" AND kind = "official" AND publishedAt >= 1646265600000',
    );
  });

  it('keeps an outlet name from the query inside one value', () => {
    const [alt] = translate('outlet:"Times] OR (kind = media"');
    expect(alt?.filter).toMatch(/^outletKey = "[^"\\]*"$/);
    expect(anyOfFilter('outlet', ['a"]', 'b'])).toBe('outlet IN ["a\\"]", "b"]');
  });
});

describe('settings and documents', () => {
  it('declares what the index searches, filters, sorts and facets', () => {
    const s = meiliSettings();
    expect(s.searchableAttributes).toEqual(['titleTerms', 'bodyTerms']);
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(['entityIds', 'outlet', 'outletKey', 'kind', 'language', 'publishedAt', 'storyId', 'denial', 'mentionsDenial', 'duplicateOf']),
    );
    expect(s.sortableAttributes).toContain('publishedAt');
    expect(s.rankingRules?.[0]).toBe('sort');
    expect(s.typoTolerance).toEqual({ enabled: false });
    expect(s.faceting?.maxValuesPerFacet).toBeGreaterThanOrEqual(100);
    expect(s.pagination?.maxTotalHits).toBeGreaterThanOrEqual(10_200);
    expect(s.localizedAttributes).toEqual([{ attributePatterns: ['titleTerms', 'bodyTerms'], locales: ['eng'] }]);
    expect(settingsHash()).toBe(settingsHash(meiliSettings()));
  });

  it('stores publishedAt as a number and the analysed text beside the raw text', () => {
    const doc = toMeiliDocument({
      id: 7, sourceId: 3, title: 'Китай и Россия', summary: '北京冬奥会', content: null, url: null, outlet: 'ТАСС', kind: 'media', language: 'ru-RU',
      publishedAt: '2022-03-03T09:30:00+01:00', entities: [{ qid: 'q148', name: 'Китай' }], denial: false, mentionsDenial: true, storyId: 4, duplicateOf: null,
    });
    expect(doc.publishedAt).toBe(Date.parse('2022-03-03T08:30:00Z'));
    expect(doc.publishedAtIso).toBe('2022-03-03T08:30:00.000Z');
    expect(doc.language).toBe('ru');
    expect(doc.entityIds).toEqual(['Q148']);
    expect(doc.entityFacet).toEqual(['Q148|Китай']);
    expect(doc.titleTerms).toBe(meiliTerms('Китай и Россия'));
    expect(doc.titleTerms).toMatch(/^[a-z ]+$/);
    expect(doc.bodyTerms.split(' ')).toContain(w('冬奥'));
  });
});

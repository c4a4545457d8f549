import { DomainError, type SearchRequest, type SearchResponse } from '@parallax/domain';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../search-index.port.js';
import { CORPUS } from './multilingual-corpus.js';

/**
 * The behaviour every SearchIndex adapter must show, run against the multilingual fixture corpus.
 * `factory` returns an index to test (empty or not: the suite clears it first), built with
 * `fixtureEntityResolver` so `entity:China` resolves. Run it from an adapter's spec:
 *
 *   describeSearchIndexContract('sqlite-fts', async () => new SqliteFtsIndex({ path, resolveEntity: fixtureEntityResolver }));
 */
export function describeSearchIndexContract(name: string, factory: () => Promise<SearchIndex>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let index: SearchIndex;

    const search = (q: string, extra: Partial<SearchRequest> = {}): Promise<SearchResponse> =>
      index.search({ q, sort: 'newest', limit: 200, offset: 0, facets: false, ...extra });
    const ids = async (q: string, extra: Partial<SearchRequest> = {}): Promise<number[]> =>
      (await search(q, extra)).hits.map((h) => h.id).sort((a, b) => a - b);
    const domainError = async (p: Promise<unknown>): Promise<DomainError> => {
      const e = await p.then(() => null, (err: unknown) => err);
      expect(e).toBeInstanceOf(DomainError);
      return e as DomainError;
    };

    beforeAll(async () => {
      index = await factory();
      await index.clear();
      await index.upsert([...CORPUS]);
    });
    afterAll(async () => {
      await index.close();
    });

    it('counts the documents and reports healthy', async () => {
      expect(await index.count()).toBe(CORPUS.length);
      expect((await index.health()).ok).toBe(true);
    });

    it('lists everything, newest first, for an empty query whatever the sort', async () => {
      const newest = [...CORPUS].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).map((d) => d.id);
      for (const sort of ['newest', 'relevance'] as const) {
        const r = await search('', { sort });
        expect(r.total).toBe(CORPUS.length);
        expect(r.hits.map((h) => h.id)).toEqual(newest);
      }
    });

    it('returns whole hits', async () => {
      const [hit] = (await search('"pure fake news"')).hits;
      const doc = CORPUS.find((d) => d.id === 2);
      expect(hit).toMatchObject({ id: 2, title: doc?.title, url: doc?.url, outlet: doc?.outlet, sourceId: doc?.sourceId, kind: 'official', language: 'en', denial: true, mentionsDenial: false, storyId: null, duplicateOf: null, entities: doc?.entities });
      expect(Date.parse(hit?.publishedAt ?? '')).toBe(Date.parse(doc?.publishedAt ?? ''));
    });

    it('finds Chinese words inside unsegmented text', async () => {
      expect(await ids('俄罗斯')).toEqual([4]);
      expect(await ids('冬奥')).toEqual([3, 4]);
      expect(await ids('奥运')).toEqual([3]);
      expect(await ids('中俄')).toEqual([3, 4]);
      expect(await ids('俄')).toEqual([3, 4]);
    });

    it('finds Russian and Ukrainian inflected forms from any form', async () => {
      expect(await ids('России')).toEqual([5, 6, 7]);
      expect(await ids('Россия')).toEqual([5, 6, 7]);
      expect(await ids('Росії')).toEqual([5, 6, 7]);
      expect(await ids('Україна')).toEqual([5, 7]);
      expect(await ids('Китай')).toEqual([5, 6, 7]);
    });

    it('matches phrases in order only', async () => {
      expect(await ids('"pure fake news"')).toEqual([2]);
      expect(await ids('"news fake pure"')).toEqual([]);
      expect(await ids('"北京冬奥会"')).toEqual([3, 4]);
    });

    it('combines with AND, OR, NOT, - and groups', async () => {
      expect(await ids('Olympics')).toEqual([1, 10, 15]);
      expect(await ids('Norway OR Kremlin')).toEqual([10, 13, 15]);
      expect(await ids('Norway | Kremlin')).toEqual([10, 13, 15]);
      expect(await ids('Olympics -Norway')).toEqual([1, 15]);
      expect(await ids('Olympics NOT Norway')).toEqual([1, 15]);
      expect(await ids('Olympics Kremlin')).toEqual([15]);
      expect(await ids('(Norway OR Kremlin) Olympics')).toEqual([10, 15]);
      const notOlympics = CORPUS.map((d) => d.id).filter((id) => ![1, 10, 15].includes(id));
      expect(await ids('-Olympics')).toEqual(notOlympics);
    });

    it('matches prefixes', async () => {
      expect(await ids('invad*')).toEqual([1]);
      expect(await ids('invas*')).toEqual([8, 9]);
      expect(await ids('Олимп*')).toEqual([5, 7]);
      expect(await ids('Росси*')).toEqual([5, 6, 7]);
      expect(await ids('Olymp*')).toEqual([1, 8, 9, 10, 15]);
    });

    it('filters by outlet, language, kind, date range and entity, from the request or the query', async () => {
      expect(await ids('', { outlet: ['Le Monde'] })).toEqual([8, 14]);
      expect(await ids('outlet:"le monde"')).toEqual([8, 14]);
      expect(await ids('', { lang: ['zh'] })).toEqual([3, 4]);
      expect(await ids('lang:ru')).toEqual([5, 6]);
      expect(await ids('', { kind: ['official'] })).toEqual([2, 3, 12]);
      expect(await ids('kind:official')).toEqual([2, 3, 12]);
      expect(await ids('', { from: '2022-03-03', to: '2022-03-03' })).toEqual([2, 3, 5, 7, 8]);
      expect(await ids('', { from: '2022-03-03T10:00:00Z' })).toEqual([5, 7, 8, 9, 12, 13]);
      expect(await ids('', { entity: ['Q212'] })).toEqual([1, 5, 7, 8, 9, 12]);
      expect(await ids('', { entity: ['Q148', 'Q159'] })).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 15]);
      expect(await ids('entity:Q7747')).toEqual([4, 6]);
      expect(await ids('entity:Putin')).toEqual([4, 6]);
      expect(await ids('entity:China lang:en')).toEqual([1, 2, 15]);
      expect(await ids('source:20')).toEqual([2]);
      expect(await ids('Olympics', { outlet: ['Reuters'], lang: ['en'] })).toEqual([15]);
    });

    it('counts facets with labels over the whole result set', async () => {
      const r = await search('', { facets: true, limit: 1 });
      expect(r.hits).toHaveLength(1);
      const facet = (f: keyof SearchResponse['facets'], value: string) => r.facets[f].find((b) => b.value === value);
      expect(facet('entity', 'Q148')).toEqual({ value: 'Q148', label: 'China', count: 10 });
      expect(facet('language', 'en')?.count).toBe(7);
      expect(facet('language', 'zh')?.count).toBe(2);
      expect(facet('kind', 'official')?.count).toBe(3);
      expect(facet('kind', 'media')?.count).toBe(12);
      expect(facet('outlet', 'Le Monde')).toMatchObject({ label: 'Le Monde', count: 2 });
      for (const f of ['entity', 'outlet', 'language', 'kind'] as const) {
        const counts = r.facets[f].map((b) => b.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      }
      const filtered = await search('lang:zh', { facets: true });
      expect(filtered.facets.language).toEqual([{ value: 'zh', label: 'zh', count: 2 }]);
    });

    it('draws a day histogram, and hours when the range is under three days', async () => {
      const days = (await search('', { facets: true })).histogram;
      expect(days.reduce((n, b) => n + b.count, 0)).toBe(CORPUS.length);
      expect(days[0]?.date).toBe('2022-01-20');
      expect(days[days.length - 1]?.date).toBe('2022-03-10');
      expect(days.find((b) => b.date === '2022-03-03')?.count).toBe(5);
      expect(days.every((b, i) => i === 0 || Date.parse(b.date) - Date.parse(days[i - 1]?.date ?? '') === 86_400_000)).toBe(true);

      const hours = (await search('', { facets: true, from: '2022-03-03', to: '2022-03-03' })).histogram;
      expect(hours).toHaveLength(24);
      expect(hours.reduce((n, b) => n + b.count, 0)).toBe(5);
      expect(hours.find((b) => b.date === '2022-03-03T08:00:00Z')?.count).toBe(1);
      expect(hours.find((b) => b.date === '2022-03-03T10:00:00Z')?.count).toBe(0);
    });

    it('highlights matches in snippets and escapes everything else', async () => {
      const snippetOf = async (q: string, id: number) => (await search(q)).hits.find((h) => h.id === id)?.snippet ?? '';
      expect(await snippetOf('России', 5)).toContain('<mark>Россию</mark>');
      expect(await snippetOf('俄罗斯', 4)).toContain('<mark>俄罗斯</mark>');
      expect(await snippetOf('Україна', 7)).toContain('<mark>Україну</mark>');
      const fake = await snippetOf('"fake news"', 2);
      expect(fake).toContain('<mark>fake</mark> <mark>news</mark>');
      expect(fake).toContain('&amp;');
      const crude = await snippetOf('crude', 11);
      expect(crude).toContain('<mark>crude</mark>');
      expect(crude).toContain('&lt;b&gt;and&lt;/b&gt;');
      expect(crude.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(await snippetOf('crude -Olympics', 11)).toContain('<mark>crude</mark>');
      expect(await snippetOf('-Olympics', 11)).not.toContain('<mark>');
    });

    it('pages through results with a stable total', async () => {
      const all = (await search('')).hits.map((h) => h.id);
      const pages: number[] = [];
      for (let offset = 0; offset < CORPUS.length; offset += 4) {
        const r = await search('', { limit: 4, offset });
        expect(r.total).toBe(CORPUS.length);
        pages.push(...r.hits.map((h) => h.id));
      }
      expect(pages).toEqual(all);
      expect((await search('', { limit: 0 })).hits).toEqual([]);
      expect((await search('', { offset: 100 })).hits).toEqual([]);
    });

    it('sorts by newest or by relevance with the title weighted', async () => {
      expect((await search('Olympics', { sort: 'newest' })).hits.map((h) => h.id)).toEqual([1, 15, 10].sort((a, b) => {
        const at = (id: number) => CORPUS.find((d) => d.id === id)?.publishedAt ?? '';
        return at(b).localeCompare(at(a));
      }));
      const relevance = (await search('report', { sort: 'relevance' })).hits.map((h) => h.id);
      expect(relevance).toHaveLength(4);
      expect(new Set(relevance.slice(0, 2))).toEqual(new Set([1, 8]));
    });

    it('answers hostile queries with results or a domain error, never anything else', async () => {
      const hostile = ['"', '""', 'NEAR(a b)', 'a NEAR/2 b', '"a" NEAR "b"', '*', 'a**', '^a', 'title:x', '{title}:a', 'a:b', "'; DROP TABLE search_doc; --",
        '\u0000', 'a AND', 'AND', '(((', ')))', '-', '--a', 'OR OR', 'entity:Q0', 'lang:"zh"', 'NOT NOT a', 'x'.repeat(1001), '中*', '"中 俄"*', 'rowid:1', 'a" OR "b', '\\"', '%', '_', 'x_all', 'meta:x_all'];
      for (const q of hostile) {
        const outcome = await search(q, { facets: true }).then((r) => r, (e: unknown) => e);
        if (outcome instanceof DomainError) expect(['QUERY_SYNTAX', 'VALIDATION']).toContain(outcome.code);
        else expect(outcome).toMatchObject({ total: expect.any(Number), hits: expect.any(Array) });
      }
      expect(await index.count()).toBe(CORPUS.length);
      expect(await ids('x_all')).toEqual([]);
    });

    it('rejects bad queries and requests with the field and the position', async () => {
      const syntax = await domainError(search('"unclosed'));
      expect(syntax.code).toBe('QUERY_SYNTAX');
      expect(syntax.details).toMatchObject({ field: 'q', position: 0 });
      expect((await domainError(search('', { from: 'yesterday' }))).details.field).toBe('from');
      expect((await domainError(search('', { limit: -1 }))).details.field).toBe('limit');
      expect((await domainError(search('', { offset: 1.5 }))).details.field).toBe('offset');
    });

    describe('changes', () => {
      let fresh: SearchIndex;
      beforeEach(async () => {
        fresh = await factory();
        await fresh.clear();
        await fresh.upsert([...CORPUS]);
      });
      afterEach(async () => {
        await fresh.close();
      });
      const freshIds = async (q: string) =>
        (await fresh.search({ q, sort: 'newest', limit: 200, offset: 0 })).hits.map((h) => h.id).sort((a, b) => a - b);

      it('replaces a document on upsert', async () => {
        const old = CORPUS.find((d) => d.id === 11);
        if (!old) throw new Error('fixture 11 missing');
        await fresh.upsert([{ ...old, title: 'Wheat prices fall', summary: 'Grain traders expect a good harvest.', language: 'fr', entities: [{ qid: 'Q142', name: 'France' }] }]);
        expect(await fresh.count()).toBe(CORPUS.length);
        expect(await freshIds('oil')).toEqual([]);
        expect(await freshIds('wheat')).toEqual([11]);
        expect(await freshIds('lang:fr wheat')).toEqual([11]);
        expect(await freshIds('entity:Q142')).toEqual([11]);
      });

      it('removes documents and ignores unknown ids', async () => {
        await fresh.remove([11, 999_999]);
        expect(await fresh.count()).toBe(CORPUS.length - 1);
        expect(await freshIds('Brent')).toEqual([]);
        expect(await freshIds('')).not.toContain(11);
      });

      it('clears everything', async () => {
        await fresh.clear();
        expect(await fresh.count()).toBe(0);
        expect((await fresh.search({ q: '', sort: 'newest', limit: 10, offset: 0, facets: true })).total).toBe(0);
      });
    });
  });
}

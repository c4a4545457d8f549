import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, type SearchDocument, type SearchRequest } from '@parallax/domain';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSearchIndexContract } from '../testing/search-index.contract.js';
import { CORPUS, fixtureEntityResolver } from '../testing/multilingual-corpus.js';
import { analyseTerms, documentFields } from '@parallax/query';
import { SqliteFtsIndex } from './sqlite-fts.adapter.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
describeSearchIndexContract('sqlite-fts', async () => new SqliteFtsIndex({ path: join(dir, `search-${n++}.db`), resolveEntity: fixtureEntityResolver }));

describe('SqliteFtsIndex', () => {
  it('keeps its documents in its own file across reopening, in WAL mode', async () => {
    const path = join(dir, 'reopen.db');
    const first = new SqliteFtsIndex({ path });
    await first.upsert([...CORPUS]);
    await first.close();
    const second = new SqliteFtsIndex({ path });
    expect(await second.count()).toBe(CORPUS.length);
    expect((await second.search({ q: 'России', sort: 'newest', limit: 10, offset: 0 })).total).toBe(3);
    await second.close();
  });

  it('refuses documents without a usable id or date, and keeps the batch out', async () => {
    const index = new SqliteFtsIndex({ path: ':memory:' });
    const good = CORPUS[0];
    if (!good) throw new Error('empty corpus');
    await expect(index.upsert([good, { ...good, id: 0 }])).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'id' } });
    await expect(index.upsert([good, { ...good, id: 99, publishedAt: 'soon' }])).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'publishedAt' } });
    expect(await index.count()).toBe(0);
    await index.close();
  });

  it('reports closed and refuses work after close', async () => {
    const index = new SqliteFtsIndex({ path: ':memory:' });
    await index.close();
    expect(await index.health()).toMatchObject({ ok: false });
    await expect(index.count()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('never lets a query string break the MATCH syntax or the SQL', async () => {
    const index = new SqliteFtsIndex({ path: ':memory:', resolveEntity: fixtureEntityResolver });
    await index.upsert([...CORPUS]);
    const unit = fc.constantFrom('a', 'Я', '中', ' ', '"', "'", '(', ')', '-', '*', ':', '|', '^', '+', '{', '}', ';', 'NEAR', 'OR', 'NOT', 'AND', 'title:', 'meta:', 'lang:', 'x_all', '\\', '\u0000');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, maxLength: 40 }), async (q) => {
        const outcome = await index.search({ q, sort: 'relevance', limit: 5, offset: 0 }).then((r) => r, (e: unknown) => e);
        if (outcome instanceof DomainError) expect(outcome.code).toBe('QUERY_SYNTAX');
        else expect(outcome).toMatchObject({ total: expect.any(Number) });
      }),
      { numRuns: 400 },
    );
    await index.close();
  });

  it('re-upserts a document whose text is unchanged with its new story, and rewrites one whose text changed', async () => {
    const index = new SqliteFtsIndex({ path: ':memory:' });
    const doc: SearchDocument = {
      id: 7,
      sourceId: 1,
      title: 'Harbour strike enters third week',
      summary: 'Dockers demand pay rise',
      content: null,
      url: 'https://news.example/strike',
      outlet: 'Example News',
      kind: 'media',
      language: 'en',
      publishedAt: '2024-03-01T08:00:00.000Z',
      entities: [{ qid: 'Q148', name: 'China' }],
      denial: false,
      mentionsDenial: false,
      storyId: null,
      duplicateOf: null,
    };
    const find = async (q: string) => (await index.search({ q, sort: 'newest', limit: 5, offset: 0 })).hits;
    await index.upsert([doc]);
    await index.upsert([{ ...doc, storyId: 42, duplicateOf: 3 }]);
    expect((await find('dockers')).map((h) => [h.id, h.storyId, h.duplicateOf])).toEqual([[7, 42, 3]]);
    expect((await find('entity:Q148')).map((h) => h.id)).toEqual([7]);
    await index.upsert([{ ...doc, storyId: 42, title: 'Harbour strike ends', summary: 'Dockers accept offer', entities: [] }]);
    expect(await find('demand')).toEqual([]);
    expect(await find('entity:Q148')).toEqual([]);
    expect((await find('offer')).map((h) => [h.id, h.storyId, h.title])).toEqual([[7, 42, 'Harbour strike ends']]);
    expect(await index.count()).toBe(1);
    await index.close();
  });

  it('indexes the analysed fields a document brings as the ones it would work out, and never stores them', async () => {
    const base = CORPUS[0]!;
    const fresh = new SqliteFtsIndex({ path: ':memory:', resolveEntity: fixtureEntityResolver });
    const given = new SqliteFtsIndex({ path: ':memory:', resolveEntity: fixtureEntityResolver });
    await fresh.upsert([...CORPUS]);
    await given.upsert(CORPUS.map((d) => ({ ...d, analysed: documentFields(d) })));
    for (const q of ['China', '"foreign ministry"', '假新闻', 'Китая', `"${base.title.split(' ').slice(0, 2).join(' ')}"`]) {
      const request: SearchRequest = { q, sort: 'relevance', limit: 20, offset: 0 };
      expect((await given.search(request)).hits.map((h) => h.id)).toEqual((await fresh.search(request)).hits.map((h) => h.id));
    }
    // Fields given are trusted: they are what is matched (here, a word absent from the text).
    await given.upsert([{ ...base, storyId: null, analysed: { title: analyseTerms('zzyzx'), body: [] }, title: `${base.title} (updated)` }]);
    expect((await given.search({ q: 'zzyzx', sort: 'newest', limit: 5, offset: 0 })).hits.map((h) => h.id)).toEqual([base.id]);
    expect(JSON.stringify((await given.search({ q: 'zzyzx', sort: 'newest', limit: 5, offset: 0 })).hits[0])).not.toContain('analysed');
    await fresh.close();
    await given.close();
  });

  it('samples facets above its limit but still counts the total exactly', async () => {
    const index = new SqliteFtsIndex({ path: ':memory:', facetSampleLimit: 5 });
    await index.upsert([...CORPUS]);
    const r = await index.search({ q: '', sort: 'newest', limit: 1, offset: 0, facets: true });
    expect(r.total).toBe(CORPUS.length);
    expect(r.facets.kind.reduce((s, b) => s + b.count, 0)).toBe(5);
    await index.close();
  });

  describe('broad queries (more matches than exactMatchLimit)', () => {
    // 400 documents stored out of date order (ids do not follow publishedAt), 'common' in 3 of 4.
    const docs: SearchDocument[] = Array.from({ length: 400 }, (_, i) => ({
      id: i + 1,
      sourceId: 1 + (i % 3),
      title: i % 5 === 0 ? `common headline ${i}` : `headline ${i}`,
      summary: `${i % 4 === 3 ? 'rare' : 'common'} words in summary number ${i}`,
      content: null,
      url: null,
      outlet: `Outlet ${i % 3}`,
      kind: 'media',
      language: i % 2 ? 'en' : 'fr',
      publishedAt: new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 400) * 3_600_000).toISOString(),
      entities: i % 3 === 0 ? [{ qid: 'Q148', name: 'China' }] : [],
      denial: false,
      mentionsDenial: false,
      storyId: null,
      duplicateOf: null,
    }));
    const exact = new SqliteFtsIndex({ path: ':memory:' });
    const bounded = new SqliteFtsIndex({ path: ':memory:', exactMatchLimit: 20, relevanceCandidates: 30, facetSampleLimit: 25 });
    afterAll(async () => {
      await exact.close();
      await bounded.close();
    });
    const both = async (req: Partial<SearchRequest>) => {
      if ((await exact.count()) === 0) {
        await exact.upsert(docs);
        await bounded.upsert(docs);
      }
      const full: SearchRequest = { q: 'common', sort: 'newest', limit: 20, offset: 0, facets: true, ...req };
      return { e: await exact.search(full), b: await bounded.search(full) };
    };

    it('finds the same newest page, through time slices, at any offset and with filters', async () => {
      for (const req of [{}, { offset: 150 }, { lang: ['en'] }, { entity: ['Q148'], from: '2024-01-03', to: '2024-01-10' }, { q: 'common -rare', limit: 50, offset: 40 }]) {
        const { e, b } = await both(req);
        expect(b.hits.map((h) => h.id)).toEqual(e.hits.map((h) => h.id));
        expect(b.hits.length).toBeGreaterThan(0);
      }
    });

    it('flags the estimated total and the sampled facets', async () => {
      const { e, b } = await both({});
      expect(e.totalApproximate).toBeUndefined();
      expect(b.totalApproximate).toBe(true);
      expect(b.total).toBeGreaterThan(20);
      expect(b.total).toBeLessThanOrEqual(docs.length);
      expect(b.facetsApproximate).toBe(true);
      expect(b.facets.kind.reduce((n, f) => n + f.count, 0)).toBe(25);
    });

    it('ranks by relevance among matching candidates only', async () => {
      const { e, b } = await both({ sort: 'relevance' });
      const matching = new Set(docs.filter((d) => d.title.startsWith('common') || d.summary?.startsWith('common')).map((d) => d.id));
      expect(e.total).toBe(matching.size);
      expect(b.hits).toHaveLength(20);
      for (const h of b.hits) expect(matching.has(h.id)).toBe(true);
      // Titles holding the term come first, as bm25's title weight puts them.
      const titled = b.hits.map((h) => h.title.startsWith('common'));
      expect(titled.indexOf(false) === -1 || titled.slice(titled.indexOf(false)).every((t) => !t)).toBe(true);
    });

    it('lists a query matching most documents newest first for relevance too', async () => {
      const { e } = await both({});
      const recency = new SqliteFtsIndex({ path: ':memory:', exactMatchLimit: 20, bm25DoclistLimit: 100 });
      await recency.upsert(docs);
      const r = await recency.search({ q: 'common', sort: 'relevance', limit: 20, offset: 0 });
      expect(r.hits.map((h) => h.id)).toEqual(e.hits.map((h) => h.id));
      await recency.close();
    });

    it('answers an entity and a date range from the entity rows as FTS5 does', async () => {
      const req = { q: '', entity: ['Q148'], from: '2024-01-02', to: '2024-01-12', limit: 50 };
      const { e } = await both(req);
      // The same filter written in the query goes through FTS5 (here on its broad, time-sliced path).
      const narrow = new SqliteFtsIndex({ path: ':memory:', exactMatchLimit: 2 });
      await narrow.upsert(docs);
      const viaFts = await narrow.search({ sort: 'newest', offset: 0, facets: false, ...req, q: 'entity:Q148', entity: [] });
      expect(e.total).toBeGreaterThan(2);
      expect(e.hits.map((h) => h.id)).toEqual(viaFts.hits.map((h) => h.id));
      expect(e.hits.every((h) => h.entities.some((x) => x.qid === 'Q148'))).toBe(true);
      await narrow.close();
    });
  });
});

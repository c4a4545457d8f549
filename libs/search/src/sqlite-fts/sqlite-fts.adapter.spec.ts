import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@parallax/domain';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSearchIndexContract } from '../testing/search-index.contract.js';
import { CORPUS, fixtureEntityResolver } from '../testing/multilingual-corpus.js';
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

  it('samples facets above its limit but still counts the total exactly', async () => {
    const index = new SqliteFtsIndex({ path: ':memory:', facetSampleLimit: 5 });
    await index.upsert([...CORPUS]);
    const r = await index.search({ q: '', sort: 'newest', limit: 1, offset: 0, facets: true });
    expect(r.total).toBe(CORPUS.length);
    expect(r.facets.kind.reduce((s, b) => s + b.count, 0)).toBe(5);
    await index.close();
  });
});

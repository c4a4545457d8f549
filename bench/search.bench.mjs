#!/usr/bin/env node
// Search benchmark (issue 8, figure 2): the fixed query mix against the embedded engine on a cached
// corpus of N items, with and without facets and histogram, beside the bare FTS5 query of the same
// terms (the engine's own cost: the ceiling). Prints one JSON object.
//   node bench/search.bench.mjs --size 100000 [--runs 15] [--adapter file.cjs]
// `--adapter` measures another build of the adapter (a CommonJS file exporting SqliteFtsIndex, e.g. a
// previous commit's transpiled), for before/after figures on the same corpus.
import path from 'node:path';
import Database from 'better-sqlite3';
import { ENTITIES, percentiles, round } from './lib/corpus.mjs';
import { ensureSearchCorpus } from './lib/search-corpus.mjs';
import { arg, require, root } from './lib/workspace.mjs';

const { compileMatch } = require('@parallax/search');
const { bindQuery, parseQuery } = require('@parallax/query');

const size = Number(arg('size', 100_000));
const { SqliteFtsIndex } = arg('adapter') ? require(path.resolve(arg('adapter'))) : require('@parallax/search');
const runs = Number(arg('runs', 15));
const log = (m) => process.stderr.write(`[search ${size}] ${m}\n`);

/** The issue's query mix. `bare` is the FTS5 statement an engine without our planning would run. */
export const QUERY_MIX = [
  { name: 'rare term', req: { q: 'olympics', sort: 'relevance' } },
  { name: 'common term, relevance', req: { q: 'said', sort: 'relevance' } },
  { name: 'common term, newest', req: { q: 'said', sort: 'newest' } },
  { name: 'phrase', req: { q: '"foreign ministry"', sort: 'relevance' } },
  { name: 'OR', req: { q: 'sanctions OR embargo', sort: 'relevance' } },
  { name: 'entity + date range', req: { q: '', entity: ['Q148'], from: '2025-03-01', to: '2025-03-31', sort: 'newest' } },
  { name: 'Chinese term', req: { q: '外交部', sort: 'relevance' } },
];

const resolveEntity = (n) => ENTITIES.filter((e) => e.name.toLowerCase() === n.toLowerCase() || e.qid === n.toUpperCase()).map((e) => e.qid);

function bareStatement(db, req) {
  // The ceiling: FTS5 alone, page of 20 by its own rank (relevance) or rowid (newest), no count,
  // no filters table, no facets. An entity filter is the meta token; the date range has no FTS5 form.
  const text = compileMatch(bindQuery(parseQuery(req.q, { resolveEntity })));
  const entity = (req.entity ?? []).map((q) => `(meta : "e_${q.toLowerCase()}")`);
  const match = [text, ...entity].filter(Boolean).join(' AND ');
  const order = req.sort === 'relevance' && text ? 'rank' : 'rowid DESC';
  const stmt = db.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY ${order} LIMIT 20`);
  return () => stmt.all(match);
}

const stats = percentiles;

async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const corpus = await ensureSearchCorpus({ root, require, size, log });
log(`corpus ready (${corpus.built.store || corpus.built.index ? `built in ${round(corpus.seconds)} s` : 'cached'})`);
const openStarted = performance.now();
const index = new SqliteFtsIndex({ path: path.join(corpus.dir, 'search.db'), resolveEntity });
const openMs = performance.now() - openStarted;
const bare = new Database(path.join(corpus.dir, 'search.db'), { readonly: true });
const count = await index.count();

const queries = [];
for (const { name, req } of QUERY_MIX) {
  const base = { limit: 20, offset: 0, ...req };
  const bareRun = bareStatement(bare, base);
  const sample = await index.search({ ...base, facets: true });
  // One warm-up each, so the first run's page-cache misses do not count against one query.
  bareRun();
  await index.search({ ...base, facets: false });
  const t = { bare: [], plain: [], facets: [] };
  for (let r = 0; r < runs; r++) {
    t.bare.push(await time(() => bareRun()));
    t.plain.push(await time(() => index.search({ ...base, facets: false })));
    t.facets.push(await time(() => index.search({ ...base, facets: true })));
  }
  const q = {
    name,
    request: req,
    total: sample.total,
    facetsApproximate: sample.facetsApproximate ?? false,
    bareFts5Ms: stats(t.bare),
    searchMs: stats(t.plain),
    searchWithFacetsMs: stats(t.facets),
  };
  q.ratioP95 = { search: round(q.bareFts5Ms.p95 / q.searchMs.p95, 2), withFacets: round(q.bareFts5Ms.p95 / q.searchWithFacetsMs.p95, 2) };
  log(`${name}: total ${q.total}, p95 ${q.searchMs.p95} ms, with facets ${q.searchWithFacetsMs.p95} ms, bare FTS5 ${q.bareFts5Ms.p95} ms`);
  queries.push(q);
}
await index.close();
bare.close();
const worstP95 = Math.max(...queries.map((q) => Math.max(q.searchMs.p95, q.searchWithFacetsMs.p95)));
console.log(
  JSON.stringify({
    size: count,
    runsPerQuery: runs,
    adapter: arg('adapter') ?? null,
    corpus: { built: corpus.built, buildSeconds: round(corpus.seconds) },
    indexOpenMs: round(openMs, 1),
    queries,
    worstP95Ms: worstP95,
    target: { p95Ms: 50 },
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
  }),
);

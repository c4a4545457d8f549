#!/usr/bin/env node
// Start-up with a full archive (issue 8, figure 4): time to open the Runtime (store, index, enricher,
// near-duplicate window, alert rules) on a corpus directory, and to answer its first search.
//   node bench/startup.bench.mjs --dir bench/.cache/corpus-1000000
import path from 'node:path';
import { round } from './lib/corpus.mjs';
import { arg, require, root } from './lib/workspace.mjs';

const { Runtime, silentLogger } = require('@parallax/pipeline');
const dir = arg('dir');

let t = performance.now();
const runtime = await Runtime.open({ dataDir: dir, seedDir: path.join(root, 'seed'), allowPrivateSources: false, pollConcurrency: 8, meiliUrl: null, perHostGapMs: 0, logger: silentLogger });
const runtimeOpenMs = performance.now() - t;
t = performance.now();
const first = await runtime.index.search({ q: 'said', sort: 'relevance', limit: 20, offset: 0, facets: true });
const firstSearchMs = performance.now() - t;
const items = runtime.store.items.count();
await runtime.close();
console.log(JSON.stringify({ items, runtimeOpenMs: round(runtimeOpenMs), firstSearchMs: round(firstSearchMs), firstSearchTotal: first.total, peakRssMb: round(process.resourceUsage().maxRSS / 1024) }));

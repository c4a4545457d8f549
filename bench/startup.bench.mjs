#!/usr/bin/env node
// Start-up with a full archive (issue 8, figure 4): time to open the Runtime (store, index, enricher,
// near-duplicate window, alert rules) on a corpus directory, and to answer its first search.
//   node bench/startup.bench.mjs --dir bench/.cache/corpus-1000000
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './lib/corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'apps/api/package.json'));
const { Runtime, silentLogger } = require('@parallax/pipeline');
const dir = process.argv[process.argv.indexOf('--dir') + 1];

let t = performance.now();
const runtime = await Runtime.open({ dataDir: dir, seedDir: path.join(root, 'seed'), allowPrivateSources: false, pollConcurrency: 8, meiliUrl: null, perHostGapMs: 0, logger: silentLogger });
const runtimeOpenMs = performance.now() - t;
t = performance.now();
const first = await runtime.index.search({ q: 'said', sort: 'relevance', limit: 20, offset: 0, facets: true });
const firstSearchMs = performance.now() - t;
const items = runtime.store.items.count();
await runtime.close();
console.log(JSON.stringify({ items, runtimeOpenMs: round(runtimeOpenMs), firstSearchMs: round(firstSearchMs), firstSearchTotal: first.total, peakRssMb: round(process.resourceUsage().maxRSS / 1024) }));

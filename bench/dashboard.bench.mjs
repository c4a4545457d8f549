#!/usr/bin/env node
// Dashboard benchmark (issue 8, extended as the dashboard landed): in Debian's Chromium (headless,
// driven by playwright-core), the time from pressing Enter in the search box to the results on screen,
// over the cached corpus of N items served by the built API (`apps/api/dist/main.js`, as `npm start`
// runs it), beside the API's own answer to the same request (the ceiling: the page cannot show results
// before they arrive). Prints one JSON object; `{ skipped }` when there is no Chromium.
//   node bench/dashboard.bench.mjs --size 100000 --runs 5
/* global localStorage -- in the function run in the page */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { percentiles, round } from './lib/corpus.mjs';
import { ensureSearchCorpus } from './lib/search-corpus.mjs';
import { arg, require, root } from './lib/workspace.mjs';
import { enterToResults } from '../apps/dashboard/e2e/support/enter-to-results.mjs';

const SIZE = Number(arg('size', 100_000));
const RUNS = Number(arg('runs', 5));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TOKEN = 'bench-dashboard-token-0123456789';
const log = (m) => process.stderr.write(`[dashboard] ${m}\n`);

/** The search bench's mix, as an analyst types it (the entity + date range query is the search page's facets, not typed). */
const QUERIES = [
  { name: 'rare term', q: 'olympics' },
  { name: 'common term', q: 'said' },
  { name: 'phrase', q: '"foreign ministry"' },
  { name: 'OR', q: 'sanctions OR embargo' },
  { name: 'Chinese term', q: '外交部' },
];

if (!fs.existsSync(CHROMIUM)) {
  console.log(JSON.stringify({ skipped: `no Chromium at ${CHROMIUM} (apt install chromium, or set CHROMIUM)` }));
  process.exit(0);
}
const { chromium } = require('playwright-core');

// The API writes to its data directory (migrations, settings): it gets a copy of the cached corpus.
const corpus = await ensureSearchCorpus({ root, require, size: SIZE, log });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-dashboard-'));
for (const f of fs.readdirSync(corpus.dir)) if (f.endsWith('.db') || f.endsWith('.db-wal')) fs.copyFileSync(path.join(corpus.dir, f), path.join(dataDir, f));

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MONITOR_DATA_DIR: dataDir, MONITOR_SEED: 'none', MONITOR_SCHEDULER: 'false', MONITOR_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
const headers = { authorization: `Bearer ${TOKEN}` };
for (let waited = 0; ; waited += 200) {
  const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
  if (up) break;
  if (waited > 60_000 || api.exitCode !== null) throw new Error('the API did not start');
  await new Promise((r) => setTimeout(r, 200));
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  viewport: { width: 1366, height: 768 },
});

/** The request the page makes, timed from here: what the API alone takes. */
async function apiMs(q) {
  const t = performance.now();
  const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&sort=relevance&limit=20&offset=0&facets=true`, { headers });
  await res.json();
  return performance.now() - t;
}

const samples = new Map(QUERIES.map((x) => [x.name, { page: [], api: [] }]));
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await page.addInitScript((t) => localStorage.setItem('parallax.apiToken', t), TOKEN);
  for (let run = 0; run <= RUNS; run++) {
    // A fresh page each round, so no answer comes from the page's query cache; round 0 warms up.
    await page.goto(`${base}/`);
    await page.getByRole('searchbox', { name: 'Query' }).waitFor();
    // A first query, not counted, settles the page (its first answer, the chart's code) as in a session under way.
    await enterToResults(page, 'the');
    for (const { name, q } of QUERIES) {
      const ms = await enterToResults(page, q);
      const a = await apiMs(q);
      if (run > 0) {
        samples.get(name).page.push(ms);
        samples.get(name).api.push(a);
      }
    }
  }
} finally {
  // Whatever happened, neither the browser nor the API outlives the bench.
  await browser.close().catch(() => undefined);
  if (api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const queries = QUERIES.map(({ name, q }) => {
  const s = samples.get(name);
  const p = percentiles(s.page);
  const a = percentiles(s.api);
  log(`${name}: Enter → results p50 ${p.p50} ms, p95 ${p.p95} ms; API alone p50 ${a.p50} ms`);
  return { name, q, enterToResultsMs: p, apiMs: a };
});
const all = percentiles([...samples.values()].flatMap((s) => s.page));
const allApi = percentiles([...samples.values()].flatMap((s) => s.api));
console.log(JSON.stringify({ size: SIZE, runsPerQuery: RUNS, browser: CHROMIUM, queries, enterToResultsMs: all, apiMs: allApi, apiShareOfPage: round(allApi.p50 / all.p50, 3) }));

#!/usr/bin/env node
// `npm run bench [-- --quick]` (issue 8): every figure beside its ceiling or target, as ratios, because
// these machines are shared and noisy. Each part runs in its own process (so its peak memory is its
// own) and prints JSON; this runner writes bench/results/<date>.json and <date>.md.
//   --quick   under 2 minutes: small feed farm, 1,000 unchanged feeds, search at 100k only, fewer alert rules
//   --only ingest,search,alerts,dashboard,footprint   run some parts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { round } from './lib/corpus.mjs';
import { ensureSearchCorpus } from './lib/search-corpus.mjs';
import { arg, require, root } from './lib/workspace.mjs';

const quick = process.argv.includes('--quick');
const only = arg('only') ? new Set(arg('only').split(',')) : null;
const wanted = (part) => !only || only.has(part);
const log = (m) => process.stderr.write(`[bench] ${m}\n`);

/** Runs one part in a child process and parses the JSON it prints last. */
function part(name, script, args, env = {}) {
  log(`${name}…`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bench', script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = round((performance.now() - started) / 1000);
  if (r.status !== 0) return { error: `exit ${r.status}`, seconds };
  const out = r.stdout.trim();
  try {
    return { ...JSON.parse(out.slice(out.lastIndexOf('\n{') + 1)), seconds };
  } catch {
    return { error: 'no JSON output', seconds };
  }
}

const results = { date: new Date().toISOString(), mode: quick ? 'quick' : 'full', machine: machine() };

if (wanted('ingest')) {
  results.ingest = quick
    ? part('ingest', 'ingest.bench.mjs', ['--feeds', '40', '--items', '5', '--not-modified-feeds', '1000'])
    : part('ingest', 'ingest.bench.mjs', ['--feeds', '1000', '--items', '5', '--not-modified-feeds', '10000']);
}
if (wanted('search')) {
  results.search = (quick ? [100_000] : [100_000, 1_000_000]).map((size) => part(`search ${size}`, 'search.bench.mjs', ['--size', String(size), '--runs', quick ? '5' : '20']));
}
if (wanted('alerts')) {
  results.alerts = part('alerts', 'alerts.bench.mjs', [], quick ? { BENCH_RULES: '2000', BENCH_ITEMS: '2000', BENCH_SAMPLES: '50' } : {});
}
if (wanted('dashboard')) {
  results.dashboard = part('dashboard', 'dashboard.bench.mjs', ['--size', '100000', '--runs', quick ? '2' : '5']);
}
if (wanted('footprint')) {
  const size = quick ? 100_000 : 1_000_000;
  const corpus = await ensureSearchCorpus({ root, require, size, log });
  // A corpus cached before a store migration is migrated here, so that start-up measures opening, not migrating.
  require('@parallax/store').Store.open(path.join(corpus.dir, 'parallax.db')).close();
  const bytes = (f) => ['', '-wal'].reduce((n, s) => n + (fs.existsSync(f + s) ? fs.statSync(f + s).size : 0), 0);
  const storeBytes = bytes(path.join(corpus.dir, 'parallax.db'));
  const indexBytes = bytes(path.join(corpus.dir, 'search.db'));
  const startup = part('start-up', 'startup.bench.mjs', ['--dir', corpus.dir]);
  results.footprint = {
    items: size,
    storeBytesPerItem: Math.round(storeBytes / size),
    indexBytesPerItem: Math.round(indexBytes / size),
    bytesPerItem: Math.round((storeBytes + indexBytes) / size),
    startup,
  };
}
results.summary = summary(results);

const day = results.date.slice(0, 10);
const dir = path.join(root, 'bench/results');
fs.mkdirSync(dir, { recursive: true });
// A partial run (--only) never overwrites the day's full results.
const suffix = [quick ? 'quick' : null, only ? [...only].sort().join('-') : null].filter(Boolean).join('-');
const base = path.join(dir, suffix ? `${day}-${suffix}` : day);
fs.writeFileSync(`${base}.json`, JSON.stringify(results, null, 2) + '\n');
fs.writeFileSync(`${base}.md`, markdown(results));
log(`wrote ${path.relative(root, base)}.json and .md`);
process.stdout.write(markdown(results));

function machine() {
  const os = require('node:os');
  return { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((x) => round(x, 2)) };
}

/** Each figure beside its target: [figure, measured, target, ratio (measured / target or ceiling), met]. */
function summary(r) {
  const rows = [];
  const add = (figure, measured, target, ratio, met) => rows.push({ figure, measured, target, ratio: ratio === null ? null : round(ratio, 3), met });
  const i = r.ingest;
  if (i && !i.error) {
    add('ingest, items/s end to end', i.endToEnd.itemsPerSecond, '≥ 1,000', i.endToEnd.itemsPerSecond / 1000, i.endToEnd.itemsPerSecond >= 1000);
    // Runs before 2026-11-29 measured the ceiling once, before the first pass.
    const around = i.bareParse.aroundFirstPass;
    const ceiling = around ? `${around.itemsPerSecond} items/s (the bare parse ${around.before} before the pass, ${around.after} after)` : `${i.bareParse.itemsPerSecond} items/s`;
    add('ingest vs bare parse (ceiling)', `${i.endToEnd.itemsPerSecond} / ${ceiling}`, '≥ 50%', i.ratioToBareParse, i.ratioToBareParse >= 0.5);
    add('ingest vs rss-parser', `${i.endToEnd.itemsPerSecond} / ${i.rssParser.itemsPerSecond} items/s`, '—', i.ratioToRssParser, null);
    if (i.warm) {
      add(
        'ingest once warm (a second month of new feeds into the first), items/s',
        `${i.warm.itemsPerSecond} (${Math.round(i.warmRatioToBareParse * 1000) / 10}% of the bare parse); main thread ${i.warm.cpuSecondsByThread?.main ?? '?'} s CPU`,
        '≥ 1,000',
        i.warm.itemsPerSecond / 1000,
        i.warm.itemsPerSecond >= 1000,
      );
    }
    const c = i.changedFeeds;
    if (c) {
      add(
        `re-poll of ${c.feeds.toLocaleString('en')} changed feeds (each 1 new item of ${c.entriesRead / c.feeds})`,
        `${c.feedsPerSecond} feeds/s (${c.seconds} s; ${c.items} new items of ${c.entriesRead} entries fetched); ${c.cpuSeconds} s CPU, main thread ${c.cpuSecondsByThread?.main ?? '?'} s`,
        '—',
        null,
        null,
      );
    }
    add(
      'ingest, where the time goes',
      `${i.endToEnd.ingestThreads} preparation thread(s); main thread busy ${Math.round(i.endToEnd.mainThreadBusy * 100)}%; ${i.endToEnd.cpuSeconds} s CPU for ${i.endToEnd.items} items` +
        (i.endToEnd.cpuSecondsByThread ? ` (main thread ${i.endToEnd.cpuSecondsByThread.main} s; the others ${i.endToEnd.cpuSecondsByThread.others.join(', ')} s)` : ''),
      '—',
      null,
      null,
    );
    const wait = i.endToEnd.apiWaitMs;
    if (wait) add('a request during ingest waits (p50 / p95 / p99, max)', `${wait.p50} / ${wait.p95} / ${wait.p99} ms, max ${wait.max} ms`, '—', null, null);
    const per10k = (i.notModifiedPass.seconds * 10_000) / Math.max(1, i.notModifiedPass.feeds);
    add(`304 pass, ${i.notModifiedPass.feeds} unchanged feeds`, `${i.notModifiedPass.seconds} s (${i.notModifiedPass.feedsPerSecond} feeds/s)`, '10,000 in < 60 s', 60 / per10k, per10k < 60);
    const afterFirst = i.endToEnd.peakRssMb ? `; ${i.endToEnd.peakRssMb} MB after the first ${i.endToEnd.items.toLocaleString('en')} items` : '';
    const withChanged = i.peakRssWithChangedFeedsMb ? `; ${i.peakRssWithChangedFeedsMb} MB with the changed feeds' pass after them` : '';
    add('ingest peak RSS (both ingest passes and the 304 pass)', `${i.peakRssMb} MB${afterFirst}${withChanged}`, '< 1 GB', 1024 / i.peakRssMb, i.peakRssMb < 1024);
  }
  for (const s of r.search ?? []) {
    if (s.error) continue;
    for (const q of s.queries) {
      const worst = Math.max(q.searchMs.p95, q.searchWithFacetsMs.p95);
      add(`search ${s.size.toLocaleString('en')}: ${q.name} (p95, plain / with facets)`, `${q.searchMs.p95} / ${q.searchWithFacetsMs.p95} ms (bare FTS5 ${q.bareFts5Ms.p95} ms)`, '< 50 ms', 50 / worst, worst < 50);
    }
    add(`search ${s.size.toLocaleString('en')}: peak RSS`, `${s.peakRssMb} MB`, '< 1 GB', 1024 / s.peakRssMb, s.peakRssMb < 1024);
  }
  const a = r.alerts;
  if (a && !a.error) {
    add('alert latency, stored → SSE (median)', `${a.storedToSseMs.median} ms (p95 ${a.storedToSseMs.p95})`, '< 100 ms', 100 / a.storedToSseMs.median, a.storedToSseMs.median < 100);
    const analysing = a.matcherAnalysingItself ? `; ${a.matcherAnalysingItself.itemsPerSecond} analysing each item itself` : '';
    add(`alert matching, ${a.rules} rules (whole matcher, stress mix)`, `${a.matcherWithSqlite.itemsPerSecond} items/s${analysing}`, '≥ 5,000 items/s', a.matcherWithSqlite.itemsPerSecond / 5000, a.matcherWithSqlite.itemsPerSecond >= 5000);
    add(`alert rule index alone, ${a.rules} rules`, `${a.ruleIndex.itemsPerSecond} items/s`, '—', null, null);
    const live = a.matcherWithSqlite.liveDeliveries;
    if (live) add('alert live-stream deliveries of those matches', `${live.delivered} in ${live.ms} ms (${live.perSecond}/s)`, '—', null, null);
  }
  const d = r.dashboard;
  if (d && !d.error && !d.skipped) {
    // The ceiling is the API's own answer to the page's request: the page cannot show results sooner.
    add(
      `dashboard: Enter → results on screen, ${d.size.toLocaleString('en')} items (median / p95)`,
      `${d.enterToResultsMs.p50} / ${d.enterToResultsMs.p95} ms (the API alone ${d.apiMs.p50} / ${d.apiMs.p95} ms)`,
      '—',
      d.apiShareOfPage,
      null,
    );
  } else if (d?.skipped) {
    add('dashboard: Enter → results on screen', `skipped: ${d.skipped}`, '—', null, null);
  }
  const f = r.footprint;
  if (f) {
    add(`bytes on disk per item at ${f.items.toLocaleString('en')}`, `${f.bytesPerItem} B (store ${f.storeBytesPerItem}, index ${f.indexBytesPerItem})`, '—', null, null);
    if (!f.startup.error) {
      add(`start-up with ${f.items.toLocaleString('en')} items`, `${f.startup.runtimeOpenMs} ms to open, ${f.startup.firstSearchMs} ms first search`, '—', null, null);
      add(`start-up peak RSS with ${f.items.toLocaleString('en')} items`, `${f.startup.peakRssMb} MB`, '< 1 GB', 1024 / f.startup.peakRssMb, f.startup.peakRssMb < 1024);
    }
  }
  return rows;
}

function markdown(r) {
  const lines = [
    `# Benchmark ${r.date} (${r.mode})`,
    '',
    `Node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, load average at start ${r.machine.loadAverage.join(' / ')}.`,
    'Ratio: measured against its target or ceiling (above 1 is better).',
    '',
    '| figure | measured | target | ratio | met |',
    '| --- | --- | --- | --- | --- |',
    ...r.summary.map((row) => `| ${row.figure} | ${row.measured} | ${row.target} | ${row.ratio ?? '—'} | ${row.met === null ? '—' : row.met ? 'yes' : '**no**'} |`),
    '',
  ];
  for (const s of r.search ?? []) {
    if (s.error) continue;
    lines.push(`## Search at ${s.size.toLocaleString('en')} items (${s.runsPerQuery} runs each)`, '', '| query | matches | plain p50/p95/p99 ms | with facets p50/p95/p99 ms | bare FTS5 p50/p95/p99 ms |', '| --- | --- | --- | --- | --- |');
    for (const q of s.queries) {
      const f = (m) => `${m.p50} / ${m.p95} / ${m.p99}`;
      lines.push(`| ${q.name} | ${q.total.toLocaleString('en')}${q.facetsApproximate ? ' (facets sampled)' : ''} | ${f(q.searchMs)} | ${f(q.searchWithFacetsMs)} | ${f(q.bareFts5Ms)} |`);
    }
    lines.push('');
  }
  for (const [name, value] of Object.entries({ ingest: r.ingest, alerts: r.alerts, dashboard: r.dashboard, footprint: r.footprint })) {
    if (value?.error) lines.push(`${name}: failed (${value.error})`, '');
  }
  return lines.join('\n');
}

// Throughput of the enrich step, in CPU time per item: Enricher.enrich as a whole, then as ingest runs it
// (enrichWithHeadlineKeys: the story headline keys from the same pass of the tagger), then each stage
// (language, entities, stance) and the headline keys on their own (storyHeadlineKeys: text without an
// enrichment), so that a regression shows where.
// Two corpora: the dev sets' texts (title + a longer summary, real words that hit the lexicons) or the
// ingest benchmark's synthetic items (bench/lib/corpus.mjs: made-up words, so mostly misses).
// Run after `node scripts/ensure-built.mjs`:
//   node libs/enrich/bench/tag-throughput.mjs [--corpus dev|synthetic] [--items 10000] [--rounds 3] [--dev-sets DIR]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { Enricher, EntityTagger, LanguageIdentifier, detectStance, storyHeadlineKeys } = await import('../dist/index.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const CORPUS = arg('corpus', 'dev');
const N = Number(arg('items', 10_000));
const ROUNDS = Number(arg('rounds', 3));

// CPU time rather than wall time: on a shared machine the wall clock includes waiting for a core.
const cpuMs = (f) => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

async function devItems() {
  const dir = arg('dev-sets', join(here, '../../../../shared/dev-sets'));
  const texts = ['entities.jsonl', 'stance.jsonl'].flatMap((f) =>
    readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)),
  );
  return Array.from({ length: N }, (_, i) => {
    const a = texts[i % texts.length];
    const b = texts[(i * 7 + 3) % texts.length];
    return { title: a.text, summary: `${b.text} ${a.text}`, declaredLanguage: i % 2 ? a.lang : null, sourceKind: a.source_kind ?? 'media' };
  });
}

async function syntheticItems() {
  const { LANGUAGES, createTextModel, syntheticItem } = await import('../../../bench/lib/corpus.mjs');
  const model = createTextModel();
  // As bench/ingest.bench.mjs builds its feeds: five items a feed, the feed declaring a language of its own.
  return Array.from({ length: N }, (_, i) => {
    const g = syntheticItem(model, i, { seed: 7, count: N, start: Date.parse('2026-01-01T00:00:00Z'), spanMs: 30 * 86_400_000 });
    return { title: g.title, summary: g.summary, contentText: g.content, declaredLanguage: LANGUAGES[Math.floor(i / 5) % LANGUAGES.length], sourceKind: 'media' };
  });
}

const items = CORPUS === 'synthetic' ? await syntheticItems() : await devItems();
const texts = items.map((it) => [it.title, it.summary, it.contentText].filter((s) => !!s && s.trim().length > 0).join('\n'));
const headlines = items.map((it) => (it.summary ? `${it.title}\n${it.summary}` : it.title));

const setupStart = process.cpuUsage();
const enricher = await Enricher.create();
const setupCpu = process.cpuUsage(setupStart);
const setup = (setupCpu.user + setupCpu.system) / 1000;
const languages = await LanguageIdentifier.load();
const tagger = new EntityTagger();
// The first call of storyHeadlineKeys builds its tagger unless something built it before: reported apart.
const firstHeadlineKeys = cpuMs(() => storyHeadlineKeys('warm-up'));

const langs = items.map((it, i) => languages.identify(texts[i], { declared: it.declaredLanguage ?? null }));
const stages = {
  enrich: () => {
    for (const it of items) enricher.enrich(it);
  },
  withHeadline: () => {
    for (const it of items) enricher.enrichWithHeadlineKeys(it);
  },
  language: () => {
    for (let i = 0; i < items.length; i++) languages.identify(texts[i], { declared: items[i].declaredLanguage ?? null });
  },
  entities: () => {
    for (let i = 0; i < items.length; i++) tagger.tag(texts[i], langs[i] === 'und' ? undefined : langs[i]);
  },
  stance: () => {
    for (let i = 0; i < items.length; i++) detectStance(texts[i], { lang: langs[i], sourceKind: items[i].sourceKind });
  },
  headlineKeys: () => {
    for (let i = 0; i < items.length; i++) storyHeadlineKeys(headlines[i], langs[i] === 'und' ? undefined : langs[i]);
  },
};
const best = {};
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, run] of Object.entries(stages)) best[name] = Math.min(best[name] ?? Infinity, cpuMs(run));
}
const perItem = (ms) => `${((ms * 1000) / items.length).toFixed(0)} µs`;
console.log(`${CORPUS} corpus, ${items.length} items, best of ${ROUNDS} rounds, CPU time per item:`);
console.log(`  setup: Enricher.create ${setup.toFixed(0)} ms; first storyHeadlineKeys call ${firstHeadlineKeys.toFixed(0)} ms`);
for (const [name, ms] of Object.entries(best)) console.log(`  ${name.padEnd(12)} ${perItem(ms).padStart(8)}  (${(items.length / (ms / 1000)).toFixed(0)} items/s on one core)`);

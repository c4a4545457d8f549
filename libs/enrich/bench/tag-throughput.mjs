// Throughput of the enrich step: builds 10,000 items from the dev sets' texts (title + a longer summary)
// and times Enricher.enrich on one core. Run after `npx tsc -b libs/enrich`:
//   node libs/enrich/bench/tag-throughput.mjs [/work/shared/dev-sets]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const { Enricher } = await import('../dist/index.js');
const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/dev-sets');
const texts = ['entities.jsonl', 'stance.jsonl'].flatMap((f) =>
  readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)),
);
const t0 = performance.now();
const enricher = await Enricher.create();
const setup = performance.now() - t0;
const items = Array.from({ length: 10_000 }, (_, i) => {
  const a = texts[i % texts.length];
  const b = texts[(i * 7 + 3) % texts.length];
  return { title: a.text, summary: `${b.text} ${a.text}`, declaredLanguage: i % 2 ? a.lang : null, sourceKind: a.source_kind ?? 'media' };
});
const t1 = performance.now();
const cpu0 = process.cpuUsage();
let entities = 0;
for (const item of items) entities += enricher.enrich(item).entities.length;
const secs = (performance.now() - t1) / 1000;
// CPU time as well as wall time: on a shared machine the wall clock includes waiting for a core.
const cpu = process.cpuUsage(cpu0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
console.log(`setup ${setup.toFixed(0)} ms; 10000 items in ${secs.toFixed(2)} s (${(10_000 / secs).toFixed(0)} items/s), ${cpuSecs.toFixed(2)} s CPU, ${entities} entity refs`);

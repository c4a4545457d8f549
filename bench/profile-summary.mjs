#!/usr/bin/env node
// Where a CPU profile's time went, for the ingest work of issue 8: self time by file, then inclusive
// time by function (filtered by a regular expression), or the call tree under one function.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/ingest.bench.mjs --feeds 1000 --items 5
//   node bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--filter 'libs/'] [--under '^place '] [--depth 2]
// A profile per thread is written (the preparation threads too); the largest is the main thread.
import fs from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
// The profile is the one argument that is neither an option nor an option's value.
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!file) {
  process.stderr.write('usage: profile-summary.mjs <file.cpuprofile> [--filter REGEX] [--under REGEX] [--depth N]\n');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfTime = new Map();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const where = (n) => n.callFrame.url.replace(/^.*\/node_modules\//, 'npm:').replace(/^file:\/\/.*?\/(libs|apps|bench)\//, '$1/');
const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
let total = 0;
for (const t of selfTime.values()) total += t;
const top = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${ms(v)} ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');

const under = option('under', null);
if (under) {
  // The call tree below every node whose name matches, merged by path.
  const re = new RegExp(under);
  const inclusive = new Map();
  const sum = (n) => {
    if (inclusive.has(n.id)) return inclusive.get(n.id);
    let t = selfTime.get(n.id) ?? 0;
    for (const c of n.children ?? []) t += sum(byId.get(c));
    inclusive.set(n.id, t);
    return t;
  };
  const depth = Number(option('depth', 2));
  const paths = new Map();
  const walk = (n, d, prefix) => {
    if (d > depth) return;
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      const key = `${prefix} > ${(child.callFrame.functionName || '(anonymous)')}`;
      paths.set(key, (paths.get(key) ?? 0) + sum(child));
      walk(child, d + 1, key);
    }
  };
  for (const n of profile.nodes.filter((x) => re.test(name(x)))) {
    const key = n.callFrame.functionName || '(anonymous)';
    paths.set(key, (paths.get(key) ?? 0) + sum(n));
    walk(n, 1, key);
  }
  console.log([...paths].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => `${ms(v)}  ${k}`).join('\n'));
} else {
  const byFile = new Map();
  const inclusive = new Map();
  const filter = new RegExp(option('filter', '.'));
  for (const [id, t] of selfTime) {
    const n = byId.get(id);
    byFile.set(where(n) || n.callFrame.functionName, (byFile.get(where(n) || n.callFrame.functionName) ?? 0) + t);
    // Each function once per sample, however deep it recurses.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at));
      if (seen.has(key)) continue;
      seen.add(key);
      if (filter.test(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    }
  }
  console.log(`total ${ms(total)}\n--- self time by file\n${top(byFile, 20)}\n--- inclusive time by function\n${top(inclusive, 40)}`);
}

#!/usr/bin/env node
// Builds the TypeScript workspace (and the dashboard) when a source file is newer than its build output,
// so `npm start` and `npm run cli` work straight after `npm ci` and stay fast afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const newest = (dir) => {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
};
const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);

const packages = ['libs/domain', 'libs/query', 'libs/ingest', 'libs/enrich', 'libs/store', 'libs/search', 'libs/pipeline', 'apps/api', 'apps/cli'];
const stale = packages.some((p) => newest(path.join(root, p, 'src')) > mtime(path.join(root, p, 'dist', 'tsconfig.tsbuildinfo')));
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (stale) {
  process.stderr.write('parallax: building the workspace (first run or sources changed)…\n');
  run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json']);
}
const dash = path.join(root, 'apps/dashboard');
if (process.argv.includes('--dashboard') && fs.existsSync(path.join(dash, 'vite.config.ts'))) {
  if (Math.max(newest(path.join(dash, 'src')), mtime(path.join(dash, 'index.html'))) > mtime(path.join(dash, 'dist', 'index.html'))) {
    process.stderr.write('parallax: building the dashboard…\n');
    run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', dash]);
  }
}

#!/usr/bin/env node
// Builds the TypeScript workspace (and, with --dashboard, the dashboard) when a source file is newer than
// the last build, so `npm start` and `npm run cli` work straight after `npm ci` and stay fast afterwards.
// Concurrent invocations (the conformance check runs the CLI in parallel) build once: a lock directory
// serialises builders and the others wait, then see a fresh stamp.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'node_modules', '.cache', 'parallax');
const packages = ['libs/domain', 'libs/query', 'libs/ingest', 'libs/enrich', 'libs/store', 'libs/search', 'libs/pipeline', 'apps/api', 'apps/cli'];

/** Newest mtime of the files a build compiles (tests and test helpers are not built). */
const newest = (dir) => {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'testing') t = Math.max(t, newest(p));
    } else if (!/\.(spec|test)\.tsx?$/.test(e.name)) {
      t = Math.max(t, fs.statSync(p).mtimeMs);
    }
  }
  return t;
};
const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function withLock(fn) {
  fs.mkdirSync(cache, { recursive: true });
  const lock = path.join(cache, 'build.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A builder that died leaves its lock behind: take over after ten minutes.
      if (Date.now() > deadline || Date.now() - mtime(lock) > 10 * 60_000) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function ensure(name, sourcesNewest, build) {
  const stamp = path.join(cache, `${name}.stamp`);
  if (sourcesNewest() <= mtime(stamp)) return;
  withLock(() => {
    const started = Date.now();
    if (sourcesNewest() <= mtime(stamp)) return; // another process built it while we waited
    build();
    fs.writeFileSync(stamp, '');
    fs.utimesSync(stamp, new Date(started), new Date(started));
  });
}

const workspaceNewest = () => Math.max(...packages.map((p) => Math.max(newest(path.join(root, p, 'src')), mtime(path.join(root, p, 'package.json')))));
ensure('workspace', workspaceNewest, () => {
  process.stderr.write('parallax: building the workspace (first run or sources changed)…\n');
  run([path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json']);
});

const dash = path.join(root, 'apps/dashboard');
if (process.argv.includes('--dashboard') && fs.existsSync(path.join(dash, 'vite.config.ts'))) {
  // The dashboard bundles libs/domain (schemas, types, error texts): a change there rebuilds it too.
  const dashNewest = () =>
    Math.max(
      newest(path.join(dash, 'src')),
      newest(path.join(root, 'libs/domain/src')),
      mtime(path.join(dash, 'index.html')),
      mtime(path.join(dash, 'vite.config.ts')),
      mtime(path.join(dash, 'dist', 'index.html')) === 0 ? Infinity : 0,
    );
  ensure('dashboard', dashNewest, () => {
    process.stderr.write('parallax: building the dashboard…\n');
    run([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', dash, '--logLevel', 'warn']);
  });
}

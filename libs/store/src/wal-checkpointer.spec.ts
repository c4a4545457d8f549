import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.js';
import type { WalCheckpointer as WalCheckpointerClass } from './wal-checkpointer.js';

// The thread script runs compiled: this test drives the built module (scripts/ensure-built.mjs builds it
// from these sources), as the runtime does.
const ROOT = path.resolve(__dirname, '../../..');

let WalCheckpointer: typeof WalCheckpointerClass;
let BACKSTOP: number;
beforeAll(() => {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, not the aliased source
  const compiled = require(path.join(ROOT, 'libs/store/dist/wal-checkpointer.js')) as typeof import('./wal-checkpointer.js');
  WalCheckpointer = compiled.WalCheckpointer;
  BACKSTOP = compiled.BACKSTOP_AUTOCHECKPOINT_PAGES;
}, 300_000);

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Commits 200 transactions of about 4 pages each, letting other threads run between them; returns the log's size. */
async function ingest(db: Db, file: string): Promise<number> {
  db.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const put = db.prepare('INSERT INTO notes (text) VALUES (?)');
  for (let t = 0; t < 200; t++) {
    db.transaction(() => {
      for (let i = 0; i < 4; i++) put.run('x'.repeat(3000));
    })();
    await tick();
  }
  return fs.statSync(`${file}-wal`).size;
}

describe('WalCheckpointer', () => {
  it('keeps a busy write-ahead log short from its own thread, with the data intact', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-wal-'));
    const alone = path.join(dir, 'alone.db');
    const helped = path.join(dir, 'helped.db');
    const errors: string[] = [];
    // Both connections leave checkpoints to their backstop, as the runtime's do beside the thread.
    const a = openDatabase(alone);
    const b = openDatabase(helped);
    for (const db of [a, b]) db.pragma(`wal_autocheckpoint = ${BACKSTOP}`);
    const checkpointer = new WalCheckpointer([helped], { intervalMs: 10, onError: (file, err) => errors.push(`${file}: ${err}`) });
    const withoutThread = await ingest(a, alone);
    const withThread = await ingest(b, helped);
    await checkpointer.stop();
    // About 800 pages were written: alone the log holds them all; checkpointed, it restarts from its beginning.
    expect(withoutThread).toBeGreaterThan(800 * 4096);
    expect(withThread).toBeLessThan(withoutThread / 4);
    expect(errors).toEqual([]);
    a.close();
    b.close();
    const reopened = openDatabase(helped);
    expect(reopened.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(800);
    reopened.close();
  });

  it('holds a process that has nothing else to do until the thread has stopped', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-wal-'));
    const file = path.join(dir, 'idle.db');
    openDatabase(file).close();
    // The thread does not keep a process alive; a caller awaiting stop() with nothing else pending must still see it settle.
    const script = `
      const { WalCheckpointer } = require(${JSON.stringify(path.join(ROOT, 'libs/store/dist/wal-checkpointer.js'))});
      const checkpointer = new WalCheckpointer([${JSON.stringify(file)}]);
      setTimeout(async () => { await checkpointer.stop(); console.log('stopped'); }, 200);`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('stopped');
  });

  it('reports a thread that could not start, and stops without waiting for it', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-wal-'));
    const errors: string[] = [];
    const checkpointer = new WalCheckpointer([path.join(dir, 'missing.db')], { onError: (file, err) => errors.push(`${file}: ${err}`) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await checkpointer.stop();
    expect(errors).toEqual([expect.stringContaining('(thread)')]);
  });
});

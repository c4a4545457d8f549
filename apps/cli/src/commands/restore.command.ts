import fs from 'node:fs';
import path from 'node:path';
import { loadEnvironment } from '@parallax/pipeline';
import { liveServerLock, SERVER_LOCK_FILE, Store, toSearchDocument } from '@parallax/store';
import type { CliCommand } from './command.js';
import { openRuntime, progressPrinter } from './runtime.js';

const SEARCH_FILES = ['search.db', 'search.db-wal', 'search.db-shm'];

/**
 * `restore <file>`: replaces the store with a backup and rebuilds the search index from it. Refuses while a
 * server runs on the data directory (its lock names a live process): the server would keep writing to the
 * file being replaced. The store it replaces is kept beside it (`parallax.db.before-restore-<time>`).
 */
export const restoreCommand: CliCommand = {
  async run(args) {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) throw new Error('usage: restore <backup-file>');
    const backup = path.resolve(file);
    if (!fs.existsSync(backup)) throw new Error(`${backup} does not exist`);
    const env = loadEnvironment();
    const live = liveServerLock(env.dataDir);
    if (live) {
      process.stderr.write(
        `refusing to restore: a server (pid ${live.pid}, started ${live.startedAt}) is running on ${env.dataDir}.\n` +
          `Stop it first (SIGTERM lets it finish its work), run restore again, then start it.\n`,
      );
      return 3;
    }
    fs.mkdirSync(env.dataDir, { recursive: true });
    const lockFile = path.join(env.dataDir, SERVER_LOCK_FILE);
    // Held for the whole restore, so a server started meanwhile stops at its own lock check.
    fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }) + '\n');
    try {
      const target = Store.fileIn(env.dataDir);
      const staged = `${target}.restoring`;
      fs.copyFileSync(backup, staged);
      // Opening migrates an older backup to the current schema; the check refuses a damaged one.
      const copy = Store.open(staged);
      let items: number;
      try {
        const check = copy.db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') throw new Error(`${backup} failed its integrity check: ${String(check)}`);
        items = copy.items.count();
        copy.db.pragma('journal_mode = DELETE');
      } catch (err) {
        copy.close();
        fs.rmSync(staged, { force: true });
        throw err instanceof Error && /not a database|malformed/i.test(err.message) ? new Error(`${backup} is not a Parallax backup: ${err.message}`) : err;
      }
      copy.close();
      let keptAs: string | null = null;
      if (fs.existsSync(target)) {
        keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(target, keptAs);
      }
      for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
      fs.renameSync(staged, target);
      for (const f of SEARCH_FILES) fs.rmSync(path.join(env.dataDir, f), { force: true });
      const indexed = await reindex();
      process.stdout.write(JSON.stringify({ restored: backup, items, indexed, previousStore: keptAs }) + '\n');
      return 0;
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
  },
};

async function reindex(): Promise<number> {
  const runtime = await openRuntime();
  try {
    const total = runtime.store.items.count();
    const printer = progressPrinter('reindex');
    // An external engine (Meilisearch) still holds the old documents: start it empty too.
    await runtime.index.clear();
    let done = 0;
    for (const batch of runtime.store.items.iterate(1000)) {
      await runtime.index.upsert(batch.map(toSearchDocument));
      done += batch.length;
      printer(done, total);
    }
    return done;
  } finally {
    await runtime.close();
  }
}

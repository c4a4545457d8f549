import fs from 'node:fs';
import path from 'node:path';
import { loadEnvironment } from '@parallax/pipeline';
import { Store } from '@parallax/store';
import type { CliCommand } from './command.js';
import { progressPrinter } from './runtime.js';

/**
 * `backup <file> [--force]`: a consistent copy of the store while the server keeps running, with SQLite's
 * online backup API (sqlite3_backup_*), which copies page by page and restarts if a writer changes a page
 * it already copied. The search index is not copied: `restore` rebuilds it from the store.
 */
export const backupCommand: CliCommand = {
  async run(args) {
    const dest = args.find((a) => !a.startsWith('--'));
    if (!dest) throw new Error('usage: backup <file> [--force]');
    const env = loadEnvironment();
    const source = Store.fileIn(env.dataDir);
    if (!fs.existsSync(source)) throw new Error(`no store to back up: ${source} does not exist (MONITOR_DATA_DIR=${env.dataDir})`);
    const target = path.resolve(dest);
    if (fs.existsSync(target) && !args.includes('--force')) throw new Error(`${target} exists: choose another file or pass --force`);
    const partial = `${target}.partial`;
    fs.rmSync(partial, { force: true });
    const store = Store.open(source);
    try {
      const printer = progressPrinter('backup');
      await store.db.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          printer(totalPages - remainingPages, totalPages);
          return 256;
        },
      });
    } finally {
      store.close();
    }
    // Checked before it replaces anything: a backup that does not open is no backup.
    const copy = Store.open(partial);
    let summary: { items: number; sources: number };
    try {
      const check = copy.db.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${String(check)}`);
      summary = { items: copy.items.count(), sources: copy.sources.list().length };
      // One self-contained file: fold the WAL in, so the copy needs no -wal/-shm companions.
      copy.db.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
    process.stdout.write(JSON.stringify({ backup: target, bytes: fs.statSync(target).size, ...summary }) + '\n');
    return 0;
  },
};

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file that is the source of truth, and brings its schema up to date.
 * WAL lets the API read while the scheduler writes; `synchronous = NORMAL` is durable across application
 * crashes in WAL mode (a power loss may roll back the last transactions, never corrupt the file).
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): ingest touches items, their outbox rows, the term
  // frequencies and the source rows in every transaction, and with the default those pages are read
  // back from the file again and again.
  db.pragma('cache_size = -65536');
  // Temporary files in memory. Ingest stores each item in a savepoint inside its poll's, inside a group
  // commit's transaction (libs/pipeline GroupCommit), and every page a savepoint changes is first copied
  // to a sub-journal: a temporary file by default in this build (SQLITE_TEMP_STORE=1), written and read
  // back through system calls, a quarter of storing an item. Nothing run on this connection sorts or
  // materialises more than a few thousand rows (the big sorts are the search index's, on its own connection).
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

/** Applies every migration not yet recorded, each in its own transaction. */
export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  let count = 0;
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    count++;
  }
  return count;
}

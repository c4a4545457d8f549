import path from 'node:path';
import { openDatabase, type Db } from './database.js';
import { EntityRepository } from './entity.repository.js';
import { ItemRepository } from './item.repository.js';
import { OutboxRepository } from './outbox.repository.js';
import { SourceRepository } from './source.repository.js';

/** The SQLite store: one file, the source of truth, reached only through its repositories. */
export class Store {
  readonly sources: SourceRepository;
  readonly items: ItemRepository;
  readonly outbox: OutboxRepository;
  readonly entities: EntityRepository;

  constructor(readonly db: Db) {
    this.sources = new SourceRepository(db);
    this.items = new ItemRepository(db);
    this.outbox = new OutboxRepository(db);
    this.entities = new EntityRepository(db);
  }

  static open(file: string): Store {
    return new Store(openDatabase(file));
  }

  /** The store file inside a data directory. */
  static fileIn(dataDir: string): string {
    return path.join(dataDir, 'parallax.db');
  }

  /** A cheap query that fails if the file is unreadable or locked beyond the busy timeout. */
  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  getSetting(key: string): string | null {
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

import type Database from 'better-sqlite3';
import type { Db } from './database.js';

/**
 * The statements of one repository, each prepared once on first use: SQLite compiles a statement in
 * tens of microseconds, which on the ingest path (several statements per item) cost more than running
 * them. A statement is keyed by its SQL text, so the text must be a constant (parameters bound, never
 * spliced in).
 */
export class PreparedStatements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {}

  /** A statement that returns no rows (INSERT, UPDATE, DELETE). */
  write(sql: string): Database.Statement {
    return this.prepare(sql);
  }

  /** The statement returning rows as objects. */
  rows(sql: string): Database.Statement {
    return this.prepare(sql).pluck(false);
  }

  /** The statement returning the first column of each row only. */
  column(sql: string): Database.Statement {
    return this.prepare(sql).pluck(true);
  }

  private prepare(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}

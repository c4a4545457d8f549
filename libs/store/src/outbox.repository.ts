import type { Db } from './database.js';
import { PreparedStatements } from './prepared-statements.js';

/** Outbox topic: the item `ref_id` must be (re)written to the search index. */
export const OUTBOX_INDEX_TOPIC = 'index';
/** Outbox topic: the item `ref_id` was deleted and must leave the search index. */
export const OUTBOX_UNINDEX_TOPIC = 'unindex';
/** Outbox topic: the new item `ref_id` must be tested against the alert rules (libs/pipeline AlertMatcher). */
export const OUTBOX_MATCH_TOPIC = 'match';

export interface OutboxEntry {
  id: number;
  topic: string;
  refId: number;
  attempts: number;
}

/**
 * The transactional outbox. Rows are written in the same transaction as the change they describe and
 * deleted only after the consumer has finished with them, so delivery is at least once; consumers are
 * idempotent (an upsert by item id).
 */
export class OutboxRepository {
  private readonly sql: PreparedStatements;

  constructor(private readonly db: Db) {
    this.sql = new PreparedStatements(db);
  }

  enqueue(topic: string, refIds: number[], now = new Date()): void {
    const stmt = this.sql.write('INSERT INTO outbox (topic, ref_id, created_at, available_at) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const id of refIds) stmt.run(topic, id, now.toISOString(), now.toISOString());
    })();
  }

  /**
   * Entries due now, longest due first. Each topic is read in the order of the `outbox_due` index
   * (topic, available_at, id), so a backlog of a million entries costs what is taken, not a sort of
   * all of them on every call (as `ORDER BY id` over several topics did).
   */
  due(topics: string[], limit: number, now = new Date()): OutboxEntry[] {
    if (topics.length === 0) return [];
    const one = `SELECT id, topic, ref_id AS refId, attempts, available_at FROM outbox WHERE topic = ? AND available_at <= @now ORDER BY available_at, id LIMIT @limit`;
    const sql =
      topics.length === 1
        ? one
        : `${topics.map(() => `SELECT * FROM (${one})`).join(' UNION ALL ')} ORDER BY available_at, id LIMIT @limit`;
    const rows = this.sql.rows(sql).all(...topics, { now: now.toISOString(), limit }) as (OutboxEntry & { available_at?: string })[];
    return rows.map(({ id, topic, refId, attempts }) => ({ id, topic, refId, attempts }));
  }

  ack(ids: number[]): void {
    if (ids.length) this.sql.write('DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
  }

  /**
   * The index entries waiting for `refIds`. Read in one transaction with those items' rows, they
   * are the entries a consumer working from the rows has done when it is through (the index entry an
   * item's placement queues while its first is still waiting), so it can ack them all. Their ids, not
   * an id bound: rowids are reused once the newest rows are deleted, and only the consumer itself
   * deletes these entries meanwhile.
   */
  indexEntriesWaitingFor(refIds: number[]): number[] {
    if (refIds.length === 0) return [];
    // The topic is written out, not bound: only then may SQLite use the partial index outbox_ref.
    return this.sql
      .column(`SELECT id FROM outbox WHERE topic = '${OUTBOX_INDEX_TOPIC}' AND ref_id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(refIds)) as number[];
  }

  /** Puts entries back for a later attempt, with exponential backoff capped at 10 minutes. */
  retryLater(ids: number[], error: string, now = new Date()): void {
    const stmt = this.sql.write(
      `UPDATE outbox SET attempts = attempts + 1, last_error = ?,
         available_at = strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+' || min(600, 1 << min(attempts, 10)) || ' seconds')
       WHERE id = ?`,
    );
    this.db.transaction(() => {
      for (const id of ids) stmt.run(error.slice(0, 1000), now.toISOString(), id);
    })();
  }

  pending(topics?: string[]): number {
    if (!topics) return this.sql.column('SELECT COUNT(*) FROM outbox').get() as number;
    return this.sql.column('SELECT COUNT(*) FROM outbox WHERE topic IN (SELECT value FROM json_each(?))').get(JSON.stringify(topics)) as number;
  }

  lastError(topics: string[]): string | null {
    return (
      (this.db
        .prepare('SELECT last_error FROM outbox WHERE topic IN (SELECT value FROM json_each(?)) AND last_error IS NOT NULL ORDER BY id LIMIT 1')
        .pluck()
        .get(JSON.stringify(topics)) as string | undefined) ?? null
    );
  }
}

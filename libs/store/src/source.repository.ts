import type { CreateSource, HtmlSelectors, PollLogEntry, PollResult, Source, SourceStatus, UpdateSource } from '@parallax/domain';
import { DomainError } from '@parallax/domain';
import type { Db } from './database.js';
import { PreparedStatements } from './prepared-statements.js';
import { OUTBOX_UNINDEX_TOPIC } from './outbox.repository.js';

interface SourceRow {
  id: number;
  name: string;
  url: string;
  kind: Source['kind'];
  type: Source['type'];
  language: string | null;
  country: string | null;
  poll_interval_seconds: number;
  enabled: number;
  selectors_json: string | null;
  tags_json: string;
  demo: number;
  created_at: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_status: SourceStatus;
  last_error: string | null;
  last_new_item_at: string | null;
  consecutive_failures: number;
  next_poll_at: string | null;
  usual_gap_seconds: number | null;
  item_count: number;
}

/** A source plus what the fetcher needs to make a conditional request. */
export interface SourceWithValidators extends Source {
  etag: string | null;
  lastModified: string | null;
}

/** Silence: no new item for this many times the source's usual gap between items. */
const SILENT_AFTER_GAPS = 3;

/** A source's row holds its item count (migration 10 keeps it with triggers): reading a source costs the same whatever its history. */
const SELECT = 'SELECT s.* FROM sources s';

export class SourceRepository {
  private readonly sql: PreparedStatements;

  constructor(private readonly db: Db) {
    this.sql = new PreparedStatements(db);
  }

  list(): SourceWithValidators[] {
    return (this.db.prepare(`${SELECT} ORDER BY s.name COLLATE NOCASE`).all() as SourceRow[]).map(toSource);
  }

  get(id: number): SourceWithValidators {
    const row = this.sql.rows(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `source ${id} does not exist`, { field: 'id' });
    return toSource(row);
  }

  findByUrl(url: string): SourceWithValidators | null {
    const row = this.db.prepare(`${SELECT} WHERE s.url = ?`).get(url) as SourceRow | undefined;
    return row ? toSource(row) : null;
  }

  create(input: CreateSource & { demo?: boolean }, now = new Date()): SourceWithValidators {
    requireSelectors(input);
    if (this.findByUrl(input.url)) throw new DomainError('CONFLICT', `a source with this URL already exists`, { field: 'url' });
    const r = this.db
      .prepare(
        `INSERT INTO sources (name, url, kind, type, language, country, poll_interval_seconds, enabled, selectors_json, tags_json, demo, created_at, next_poll_at)
         VALUES (@name, @url, @kind, @type, @language, @country, @poll, @enabled, @selectors, @tags, @demo, @now, @now)`,
      )
      .run({ ...settingsRow(input), demo: input.demo ? 1 : 0, now: now.toISOString() });
    return this.get(Number(r.lastInsertRowid));
  }

  update(id: number, patch: UpdateSource): SourceWithValidators {
    const current = this.get(id);
    const next = { ...current, ...stripUndefined(patch) };
    requireSelectors(next);
    if (patch.url && patch.url !== current.url && this.findByUrl(patch.url)) {
      throw new DomainError('CONFLICT', 'a source with this URL already exists', { field: 'url' });
    }
    this.db
      .prepare(
        `UPDATE sources SET name=@name, url=@url, kind=@kind, type=@type, language=@language, country=@country,
           poll_interval_seconds=@poll, enabled=@enabled, selectors_json=@selectors, tags_json=@tags,
           -- a new URL invalidates the validators of the old one
           etag = CASE WHEN url = @url THEN etag ELSE NULL END,
           last_modified = CASE WHEN url = @url THEN last_modified ELSE NULL END,
           last_status = CASE WHEN @enabled = 0 THEN 'paused' WHEN last_status = 'paused' THEN 'new' ELSE last_status END
         WHERE id=@id`,
      )
      .run({ ...settingsRow(next), id });
    return this.get(id);
  }

  /**
   * Deletes the source and, by cascade, its items and poll log, and queues the items' removal from the
   * search index in the same transaction. Returns the ids of the items removed.
   */
  delete(id: number, now = new Date()): number[] {
    this.get(id);
    return this.db.transaction(() => {
      const itemIds = this.db.prepare('SELECT id FROM items WHERE source_id = ?').pluck().all(id) as number[];
      this.db.prepare('DELETE FROM sources WHERE id = ?').run(id);
      const enqueue = this.db.prepare('INSERT INTO outbox (topic, ref_id, created_at, available_at) VALUES (?, ?, ?, ?)');
      for (const itemId of itemIds) enqueue.run(OUTBOX_UNINDEX_TOPIC, itemId, now.toISOString(), now.toISOString());
      return itemIds;
    })();
  }

  demoSourceIds(): number[] {
    return this.db.prepare('SELECT id FROM sources WHERE demo = 1').pluck().all() as number[];
  }

  /** The enabled sources whose poll is due at `now`, longest due first, with their URLs (the poll scheduler spreads them over hosts). */
  due(now: Date): { id: number; url: string }[] {
    return this.sql
      .rows('SELECT id, url FROM sources WHERE enabled = 1 AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at')
      .all(now.toISOString()) as { id: number; url: string }[];
  }

  /**
   * Records one poll: the poll log line and the source's health, in one transaction.
   * `validators` are stored only from a 200 answer (a 304 keeps the old ones, RFC 9111 §4.3.4).
   */
  recordPoll(
    sourceId: number,
    result: PollResult & { startedAt: Date; httpStatus: number | null; nextPollAt: Date; validators?: { etag: string | null; lastModified: string | null } },
  ): void {
    const status: PollLogEntry['status'] = result.error ? 'error' : result.unchanged ? 'unchanged' : 'ok';
    this.db.transaction(() => {
      this.sql
        .write(
          `INSERT INTO poll_log (source_id, started_at, status, http_status, duration_ms, fetched, new_items, duplicates, errors, error)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sourceId, result.startedAt.toISOString(), status, result.httpStatus, Math.round(result.durationMs), result.fetched, result.new, result.duplicates, result.errors, result.error);
      this.sql
        .write(
          `UPDATE sources SET last_polled_at = @at, last_status = @status, last_error = @error,
             consecutive_failures = CASE WHEN @failed THEN consecutive_failures + 1 ELSE 0 END,
             next_poll_at = @next,
             last_new_item_at = CASE WHEN @newItems > 0 THEN @at ELSE last_new_item_at END,
             etag = CASE WHEN @setValidators THEN @etag ELSE etag END,
             last_modified = CASE WHEN @setValidators THEN @lastModified ELSE last_modified END
           WHERE id = @id`,
        )
        .run({
          id: sourceId,
          at: result.startedAt.toISOString(),
          status,
          error: result.error,
          failed: result.error ? 1 : 0,
          next: result.nextPollAt.toISOString(),
          newItems: result.new,
          setValidators: result.validators ? 1 : 0,
          etag: result.validators?.etag ?? null,
          lastModified: result.validators?.lastModified ?? null,
        });
      if (result.new > 0) this.refreshUsualGap(sourceId);
    })();
  }

  pollLog(sourceId: number, limit = 50): PollLogEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM poll_log WHERE source_id = ? ORDER BY id DESC LIMIT ?')
      .all(sourceId, limit) as {
      id: number;
      source_id: number;
      started_at: string;
      status: PollLogEntry['status'];
      http_status: number | null;
      duration_ms: number;
      fetched: number;
      new_items: number;
      duplicates: number;
      errors: number;
      error: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      sourceId: r.source_id,
      startedAt: r.started_at,
      status: r.status,
      httpStatus: r.http_status,
      durationMs: r.duration_ms,
      fetched: r.fetched,
      new: r.new_items,
      duplicates: r.duplicates,
      errors: r.errors,
      error: r.error,
      unchanged: r.status === 'unchanged',
    }));
  }

  /** Items per day over the last `days` days, oldest first: the sparkline of the sources table. */
  dailyCounts(sourceId: number, days: number, now = new Date()): { date: string; count: number }[] {
    const from = new Date(now.getTime() - (days - 1) * 86_400_000);
    const rows = this.db
      .prepare(`SELECT substr(fetched_at, 1, 10) AS d, COUNT(*) AS n FROM items WHERE source_id = ? AND fetched_at >= ? GROUP BY d`)
      .all(sourceId, from.toISOString().slice(0, 10)) as { d: string; n: number }[];
    const byDay = new Map(rows.map((r) => [r.d, r.n]));
    return Array.from({ length: days }, (_, i) => {
      const date = new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10);
      return { date, count: byDay.get(date) ?? 0 };
    });
  }

  /**
   * Items per day over the last `days` days for every source, oldest first, in one grouped query: the
   * sources table draws a sparkline per row, and a query per source would grow with the table.
   */
  dailyCountsAll(days: number, now = new Date()): Map<number, { date: string; count: number }[]> {
    const from = new Date(now.getTime() - (days - 1) * 86_400_000);
    const dates = Array.from({ length: days }, (_, i) => new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10));
    const rows = this.db
      // Grouped by day first, so SQLite answers from the covering index on (fetched_at, source_id).
      .prepare(`SELECT source_id AS s, substr(fetched_at, 1, 10) AS d, COUNT(*) AS n FROM items WHERE fetched_at >= ? GROUP BY d, source_id`)
      .all(from.toISOString().slice(0, 10)) as { s: number; d: string; n: number }[];
    const counts = new Map<string, number>(rows.map((r) => [`${r.s}:${r.d}`, r.n]));
    const ids = this.db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[];
    return new Map(ids.map((id) => [id, dates.map((date) => ({ date, count: counts.get(`${id}:${date}`) ?? 0 }))]));
  }

  /** Median gap between the publication times of the source's last 20 items. */
  private refreshUsualGap(sourceId: number): void {
    const times = (this.sql.column('SELECT sort_at FROM items WHERE source_id = ? ORDER BY sort_at DESC LIMIT 20').all(sourceId) as string[]).map((t) =>
      Date.parse(t),
    );
    const gaps = times
      .slice(1)
      .map((t, i) => ((times[i] ?? t) - t) / 1000)
      .filter((g) => g > 0)
      .sort((a, b) => a - b);
    const median = gaps.length >= 3 ? gaps[Math.floor(gaps.length / 2)] : undefined;
    this.sql.write('UPDATE sources SET usual_gap_seconds = ? WHERE id = ?').run(median === undefined ? null : Math.round(median), sourceId);
  }
}

/** An html source is read through its selectors: without them there is nothing to read. */
function requireSelectors(s: Pick<CreateSource, 'type' | 'selectors'>): void {
  if (s.type === 'html' && !s.selectors) {
    throw new DomainError('VALIDATION', 'an html source needs selectors (at least list and link)', { field: 'selectors' });
  }
}

/** The analyst-set columns of a source, as bound parameters of its INSERT and UPDATE. */
function settingsRow(s: CreateSource) {
  return {
    name: s.name,
    url: s.url,
    kind: s.kind,
    type: s.type,
    language: s.language ?? null,
    country: s.country?.toUpperCase() ?? null,
    poll: s.pollIntervalSeconds,
    enabled: s.enabled ? 1 : 0,
    selectors: s.selectors ? JSON.stringify(s.selectors) : null,
    tags: JSON.stringify(s.tags ?? []),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toSource(r: SourceRow): SourceWithValidators {
  let status = r.last_status;
  // A source that answers fine but has published nothing for three of its usual gaps is silent, which is
  // not the same as broken: the analyst should look at the outlet, not at the feed URL.
  if (status === 'ok' || status === 'unchanged') {
    const lastNew = r.last_new_item_at ? Date.parse(r.last_new_item_at) : null;
    if (lastNew !== null && r.usual_gap_seconds && Date.now() - lastNew > SILENT_AFTER_GAPS * Math.max(r.usual_gap_seconds, r.poll_interval_seconds) * 1000) {
      status = 'silent';
    }
  }
  if (!r.enabled) status = 'paused';
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    kind: r.kind,
    type: r.type,
    language: r.language,
    country: r.country,
    pollIntervalSeconds: r.poll_interval_seconds,
    enabled: r.enabled === 1,
    selectors: r.selectors_json ? (JSON.parse(r.selectors_json) as HtmlSelectors) : null,
    tags: JSON.parse(r.tags_json) as string[],
    demo: r.demo === 1,
    createdAt: r.created_at,
    lastPolledAt: r.last_polled_at,
    lastStatus: status,
    lastError: r.last_error,
    lastNewItemAt: r.last_new_item_at,
    itemCount: r.item_count,
    consecutiveFailures: r.consecutive_failures,
    nextPollAt: r.next_poll_at,
    etag: r.etag,
    lastModified: r.last_modified,
  };
}

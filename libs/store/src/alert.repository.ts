import type {
  AlertChannel,
  AlertChannels,
  AlertDelivery,
  AlertMatch,
  AlertMessage,
  AlertMode,
  DeliveryAttempt,
  DeliveryStatus,
  DenialRule,
  SpikeRule,
} from '@parallax/domain';
import { DomainError } from '@parallax/domain';
import type { Db } from './database.js';
import { PreparedStatements } from './prepared-statements.js';

/** An alert as stored: the API adds its feed URL. */
export interface AlertRecord {
  id: number;
  owner: string;
  name: string;
  query: string;
  mode: AlertMode;
  channels: AlertChannels;
  webhookSecret: string;
  feedToken: string;
  muted: boolean;
  snoozedUntil: string | null;
  denial: DenialRule | null;
  spike: SpikeRule | null;
  createdAt: string;
  updatedAt: string;
  lastDigestAt: string | null;
  lastSpikeAt: string | null;
}

export type NewAlert = Omit<AlertRecord, 'id' | 'createdAt' | 'updatedAt' | 'lastDigestAt' | 'lastSpikeAt'>;
export type AlertPatch = Partial<Pick<AlertRecord, 'name' | 'query' | 'mode' | 'channels' | 'muted' | 'snoozedUntil' | 'denial' | 'spike'>>;

/** A match to record: the alert, the item and why it matched. */
export interface NewMatch {
  alertId: number;
  itemId: number;
  reason: string;
}

/** A delivery to queue; `key` is unique, so queueing one twice is a no-op. */
export interface NewDelivery {
  key: string;
  alertId: number;
  channel: AlertChannel;
  message: AlertMessage;
}

/** A pending delivery ready to send. */
export interface DueDelivery {
  id: number;
  key: string;
  alertId: number;
  channel: AlertChannel;
  attempts: number;
  createdAt: string;
  message: AlertMessage;
}

interface AlertRow {
  id: number;
  owner: string;
  name: string;
  query: string;
  mode: AlertMode;
  webhook_url: string | null;
  email: string | null;
  webhook_secret: string;
  feed_token: string;
  muted: number;
  snoozed_until: string | null;
  denial_json: string | null;
  spike_json: string | null;
  created_at: string;
  updated_at: string;
  last_digest_at: string | null;
  last_spike_at: string | null;
}

interface DeliveryRow {
  id: number;
  key: string;
  alert_id: number;
  channel: AlertChannel;
  kind: AlertDelivery['kind'];
  item_ids_json: string;
  payload_json: string;
  status: DeliveryStatus;
  attempts: number;
  created_at: string;
  next_attempt_at: string | null;
  delivered_at: string | null;
  last_error: string | null;
}

const MATCH_SELECT = `SELECT m.item_id AS itemId, i.title, i.url, s.name AS outlet, i.language, i.sort_at AS publishedAt, m.matched_at AS matchedAt, m.reason
  FROM alert_matches m JOIN items i ON i.id = m.item_id JOIN sources s ON s.id = i.source_id`;

/** What became of a delivery attempt: delivered, to be retried at a time, or failed for good. */
export type AttemptOutcome = { status: 'delivered' } | { status: 'retry'; nextAttemptAt: Date } | { status: 'failed' };

/**
 * Keyword alerts: the rules, the match log and the delivery outbox. A match, its deliveries and the ack of
 * the `match` outbox entry are written in one transaction, so a crash leaves either all or none of them;
 * a delivery is marked delivered only after its receiver acknowledged it.
 */
export class AlertRepository {
  private readonly sql: PreparedStatements;

  constructor(private readonly db: Db) {
    this.sql = new PreparedStatements(db);
  }

  list(owner?: string): AlertRecord[] {
    const rows = (owner === undefined
      ? this.db.prepare('SELECT * FROM alerts ORDER BY id').all()
      : this.db.prepare('SELECT * FROM alerts WHERE owner = ? ORDER BY id').all(owner)) as AlertRow[];
    return rows.map(toAlert);
  }

  get(id: number): AlertRecord {
    const row = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `alert ${id} does not exist`, { field: 'id' });
    return toAlert(row);
  }

  create(a: NewAlert, now = new Date()): AlertRecord {
    const r = this.db
      .prepare(
        `INSERT INTO alerts (owner, name, query, mode, webhook_url, email, webhook_secret, feed_token, muted, snoozed_until, denial_json, spike_json, created_at, updated_at)
         VALUES (@owner, @name, @query, @mode, @webhookUrl, @email, @webhookSecret, @feedToken, @muted, @snoozedUntil, @denial, @spike, @now, @now)`,
      )
      .run({ ...toParams(a), owner: a.owner, webhookSecret: a.webhookSecret, feedToken: a.feedToken, now: now.toISOString() });
    return this.get(Number(r.lastInsertRowid));
  }

  update(id: number, patch: AlertPatch, now = new Date()): AlertRecord {
    const current = this.get(id);
    const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as AlertRecord;
    this.db
      .prepare(
        `UPDATE alerts SET name = @name, query = @query, mode = @mode, webhook_url = @webhookUrl, email = @email, muted = @muted,
           snoozed_until = @snoozedUntil, denial_json = @denial, spike_json = @spike, updated_at = @now,
           -- a digest alert switched on starts its periods now, not at the alert's creation
           last_digest_at = CASE WHEN mode <> @mode THEN @now ELSE last_digest_at END
         WHERE id = @id`,
      )
      .run({ ...toParams(next), id, now: now.toISOString() });
    return this.get(id);
  }

  delete(id: number): void {
    this.get(id);
    this.db.prepare('DELETE FROM alerts WHERE id = ?').run(id);
  }

  /**
   * Records the matches of a batch of items and queues their deliveries, then acks the outbox entries
   * that asked for the matching: all in one transaction. Matches and deliveries already recorded are left
   * as they are, so a batch replayed after a crash adds nothing twice.
   */
  recordMatches(outboxIds: number[], matches: NewMatch[], deliveries: NewDelivery[], now = new Date()): void {
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const m of matches) this.sql.write('INSERT OR IGNORE INTO alert_matches (alert_id, item_id, matched_at, reason) VALUES (?, ?, ?, ?)').run(m.alertId, m.itemId, at, m.reason);
      this.queue(deliveries, at);
      for (const id of outboxIds) this.sql.write('DELETE FROM outbox WHERE id = ?').run(id);
    })();
  }

  /**
   * Queues a digest and moves the alert's digest mark to the period's end, in one transaction: a crash
   * before the commit repeats the period on restart, after it never does.
   */
  recordDigest(alertId: number, periodEnd: string, deliveries: NewDelivery[], now = new Date()): void {
    this.db.transaction(() => {
      this.queue(deliveries, now.toISOString());
      this.db.prepare('UPDATE alerts SET last_digest_at = ? WHERE id = ?').run(periodEnd, alertId);
    })();
  }

  /**
   * Queues a spike notice and remembers when it fired (`at`): the rule waits an hour before it fires
   * again, and the notice's key holds the clock hour, so neither a restart nor a race repeats it.
   */
  recordSpike(alertId: number, at: string, deliveries: NewDelivery[], now = new Date()): void {
    this.db.transaction(() => {
      this.queue(deliveries, now.toISOString());
      this.db.prepare('UPDATE alerts SET last_spike_at = ? WHERE id = ?').run(at, alertId);
    })();
  }

  private queue(deliveries: NewDelivery[], at: string): void {
    const stmt = this.sql.write(
      `INSERT OR IGNORE INTO alert_deliveries (key, alert_id, channel, kind, item_ids_json, payload_json, created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const d of deliveries) {
      stmt.run(d.key, d.alertId, d.channel, d.message.kind, JSON.stringify(d.message.matches.map((m) => m.itemId)), JSON.stringify(d.message), at, at);
    }
  }

  /** The match log of an alert, newest first. */
  matches(alertId: number, limit: number, offset: number): { items: AlertMatch[]; total: number } {
    const items = this.db.prepare(`${MATCH_SELECT} WHERE m.alert_id = ? ORDER BY m.matched_at DESC, m.id DESC LIMIT ? OFFSET ?`).all(alertId, limit, offset) as AlertMatch[];
    const total = this.db.prepare('SELECT COUNT(*) FROM alert_matches WHERE alert_id = ?').pluck().get(alertId) as number;
    return { items, total };
  }

  /** Matches with `from <= matchedAt < to`, oldest first (a digest period). */
  matchesBetween(alertId: number, from: string, to: string, limit = 1000): AlertMatch[] {
    return this.db.prepare(`${MATCH_SELECT} WHERE m.alert_id = ? AND m.matched_at >= ? AND m.matched_at < ? ORDER BY m.matched_at, m.id LIMIT ?`).all(alertId, from, to, limit) as AlertMatch[];
  }

  countMatches(alertId: number, from: string, to: string): number {
    return this.db.prepare('SELECT COUNT(*) FROM alert_matches WHERE alert_id = ? AND matched_at >= ? AND matched_at < ?').pluck().get(alertId, from, to) as number;
  }

  match(alertId: number, itemId: number): AlertMatch | null {
    return (this.db.prepare(`${MATCH_SELECT} WHERE m.alert_id = ? AND m.item_id = ?`).get(alertId, itemId) as AlertMatch | undefined) ?? null;
  }

  /**
   * Pending deliveries of the channel whose next attempt is due, longest due first, then in the order
   * they were queued (a fresh delivery is due when it is queued).
   */
  dueDeliveries(channel: AlertChannel, limit: number, now = new Date()): DueDelivery[] {
    // Asked after every batch of matches, per channel: a statement prepared once. In the order of the
    // index `alert_deliveries_due` (channel, next_attempt_at, then id), so a backlog costs what is taken:
    // `ORDER BY id` sorted every due row of the channel on every call.
    const rows = this.sql
      .rows(`SELECT * FROM alert_deliveries WHERE status = 'pending' AND channel = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`)
      .all(channel, now.toISOString(), limit) as DeliveryRow[];
    return rows.map((r) => ({ id: r.id, key: r.key, alertId: r.alert_id, channel: r.channel, attempts: r.attempts, createdAt: r.created_at, message: JSON.parse(r.payload_json) as AlertMessage }));
  }

  /** When the next pending delivery of the channel falls due, or null when none is pending. */
  nextDueAt(channel: AlertChannel): string | null {
    return (this.db.prepare(`SELECT MIN(next_attempt_at) FROM alert_deliveries WHERE status = 'pending' AND channel = ?`).pluck().get(channel) as string | null) ?? null;
  }

  /**
   * Logs one attempt. `outcome` is `delivered` (the receiver acknowledged), `retry` at `nextAttemptAt`,
   * or `failed` for good (retries exhausted, or the alert lost the channel).
   */
  recordAttempt(id: number, attempt: DeliveryAttempt, outcome: AttemptOutcome): void {
    this.recordAttempts([{ id, attempt, outcome }]);
  }

  /**
   * Logs many attempts in one transaction: the live stream delivers hundreds at a time, and a commit
   * each cost more than the matching that queued them.
   */
  recordAttempts(attempts: readonly { id: number; attempt: DeliveryAttempt; outcome: AttemptOutcome }[]): void {
    const log = this.sql.write('INSERT INTO alert_delivery_attempts (delivery_id, attempted_at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?)');
    const update = this.sql.write(
      `UPDATE alert_deliveries SET attempts = attempts + 1, status = @status, last_error = @error,
         next_attempt_at = @next, delivered_at = CASE WHEN @status = 'delivered' THEN @at ELSE delivered_at END
       WHERE id = @id`,
    );
    this.db.transaction(() => {
      for (const { id, attempt, outcome } of attempts) {
        log.run(id, attempt.attemptedAt, attempt.statusCode, attempt.error?.slice(0, 1000) ?? null, Math.round(attempt.durationMs));
        update.run({
          id,
          status: outcome.status === 'retry' ? 'pending' : outcome.status,
          error: attempt.error?.slice(0, 1000) ?? null,
          next: outcome.status === 'retry' ? outcome.nextAttemptAt.toISOString() : null,
          at: attempt.attemptedAt,
        });
      }
    })();
  }

  /** The delivery log of an alert, newest first, with every attempt. */
  deliveries(alertId: number, limit = 100): AlertDelivery[] {
    const rows = this.db.prepare('SELECT * FROM alert_deliveries WHERE alert_id = ? ORDER BY id DESC LIMIT ?').all(alertId, limit) as DeliveryRow[];
    const attempts = this.db.prepare(
      'SELECT attempted_at AS attemptedAt, status_code AS statusCode, error, duration_ms AS durationMs FROM alert_delivery_attempts WHERE delivery_id = ? ORDER BY id',
    );
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      alertId: r.alert_id,
      channel: r.channel,
      kind: r.kind,
      itemIds: JSON.parse(r.item_ids_json) as number[],
      status: r.status,
      attempts: attempts.all(r.id) as DeliveryAttempt[],
      createdAt: r.created_at,
      nextAttemptAt: r.next_attempt_at,
      deliveredAt: r.delivered_at,
      lastError: r.last_error,
    }));
  }
}

function toParams(a: Pick<AlertRecord, 'name' | 'query' | 'mode' | 'channels' | 'muted' | 'snoozedUntil' | 'denial' | 'spike'>) {
  return {
    name: a.name,
    query: a.query,
    mode: a.mode,
    webhookUrl: a.channels.webhookUrl ?? null,
    email: a.channels.email ?? null,
    muted: a.muted ? 1 : 0,
    snoozedUntil: a.snoozedUntil,
    denial: a.denial ? JSON.stringify(a.denial) : null,
    spike: a.spike ? JSON.stringify(a.spike) : null,
  };
}

function toAlert(r: AlertRow): AlertRecord {
  return {
    id: r.id,
    owner: r.owner,
    name: r.name,
    query: r.query,
    mode: r.mode,
    channels: { ...(r.webhook_url ? { webhookUrl: r.webhook_url } : {}), ...(r.email ? { email: r.email } : {}) },
    webhookSecret: r.webhook_secret,
    feedToken: r.feed_token,
    muted: r.muted === 1,
    snoozedUntil: r.snoozed_until,
    denial: r.denial_json ? (JSON.parse(r.denial_json) as DenialRule) : null,
    spike: r.spike_json ? (JSON.parse(r.spike_json) as SpikeRule) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastDigestAt: r.last_digest_at,
    lastSpikeAt: r.last_spike_at,
  };
}

import { randomBytes } from 'node:crypto';
import type { CreateAlert, UpdateAlert } from '@parallax/domain';
import type { EntityResolver } from '@parallax/query';
import { AlertRepository, type AlertRecord, type Store } from '@parallax/store';
import type { Logger } from '../logger.js';
import type { AnalysedFieldsCache } from '../preparation/analysed-fields-cache.js';
import type { PipelineEvents } from '../pipeline-events.js';
import { AlertDeliverer } from './alert-deliverer.js';
import { AlertDigests } from './alert-digests.js';
import { AlertMatcher } from './alert-matcher.js';
import { compileAlertRule } from './alert-rule.js';
import { EmailSender } from './email-sender.js';
import type { RetrySchedule } from './retry-schedule.js';
import { WebhookSender } from './webhook-sender.js';

export interface AlertsOptions {
  store: Store;
  events: PipelineEvents;
  logger: Logger;
  resolveEntity: EntityResolver;
  allowPrivate: boolean;
  smtpUrl: string | null;
  retrySchedule?: RetrySchedule;
  analysed?: AnalysedFieldsCache;
}

/** Accounts come later (DESIGN.md): every alert belongs to the admin for now. */
export const DEFAULT_ALERT_OWNER = 'admin';

/**
 * Keyword alerts as one unit: the rules (CRUD), the matcher draining the `match` outbox, the
 * deliverers draining the delivery outbox, digests and spikes. New items kick the matcher at once (the
 * `item` event), and `tick` drives retries and digests on the scheduler's clock.
 */
export class Alerts {
  readonly repo: AlertRepository;
  readonly matcher: AlertMatcher;
  readonly deliverer: AlertDeliverer;
  readonly digests: AlertDigests;
  private scheduled = false;
  private closed = false;
  private readonly onItem = () => this.kick();

  constructor(private readonly o: AlertsOptions) {
    this.repo = new AlertRepository(o.store.db);
    const email = o.smtpUrl ? new EmailSender(o.smtpUrl) : null;
    this.matcher = new AlertMatcher({
      store: o.store,
      repo: this.repo,
      resolveEntity: o.resolveEntity,
      logger: o.logger,
      emailEnabled: email !== null,
      analysed: o.analysed,
    });
    this.deliverer = new AlertDeliverer({
      repo: this.repo,
      events: o.events,
      logger: o.logger,
      webhook: new WebhookSender({ allowPrivate: o.allowPrivate }),
      email,
      retrySchedule: o.retrySchedule,
    });
    this.digests = new AlertDigests(this.repo, email !== null);
    o.events.on('item', this.onItem);
  }

  list(owner = DEFAULT_ALERT_OWNER): AlertRecord[] {
    return this.repo.list(owner);
  }

  get(id: number): AlertRecord {
    return this.repo.get(id);
  }

  /** Creates an alert after compiling its rule (a bad query is a 400 with its position, nothing saved). */
  create(input: CreateAlert, owner = DEFAULT_ALERT_OWNER): AlertRecord {
    const rule = { query: input.query, denial: input.denial ?? null };
    compileAlertRule(rule, this.o.resolveEntity);
    const created = this.repo.create({
      owner,
      name: input.name,
      query: input.query,
      mode: input.mode,
      channels: input.channels,
      muted: input.muted,
      snoozedUntil: input.snoozedUntil ?? null,
      denial: input.denial ?? null,
      spike: input.spike ?? null,
      webhookSecret: randomBytes(32).toString('hex'),
      feedToken: randomBytes(24).toString('base64url'),
    });
    this.matcher.refile(created.id, created);
    return created;
  }

  update(id: number, patch: UpdateAlert): AlertRecord {
    const current = this.repo.get(id);
    compileAlertRule({ query: patch.query ?? current.query, denial: patch.denial === undefined ? current.denial : patch.denial }, this.o.resolveEntity);
    const updated = this.repo.update(id, patch);
    this.matcher.refile(id, updated);
    return updated;
  }

  delete(id: number): void {
    this.repo.delete(id);
    this.matcher.refile(id, null);
  }

  /** Matches what is queued and delivers what is due, soon but not now: many new items share one run. */
  kick(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  /** One turn of the clock: match what is queued, queue the digests that are due, deliver what is due. */
  async tick(now = new Date()): Promise<void> {
    if (this.closed) return;
    await this.matcher.drain();
    if (this.closed) return;
    this.digests.tick(now);
    await this.deliverer.drain();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.o.events.off('item', this.onItem);
    await this.matcher.drain();
    await this.deliverer.close();
  }

  private async run(): Promise<void> {
    try {
      await this.matcher.drain();
      if (!this.closed) await this.deliverer.drain();
    } catch (err) {
      this.o.logger.error({ err: String(err) }, 'alert matching failed');
    }
  }
}

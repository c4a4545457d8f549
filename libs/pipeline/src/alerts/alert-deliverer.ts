import type { AlertChannel, DeliveryAttempt } from '@parallax/domain';
import type { AlertRepository, DueDelivery } from '@parallax/store';
import { yieldToEventLoop } from '../batch-pacer.js';
import type { Logger } from '../logger.js';
import type { PipelineEvents } from '../pipeline-events.js';
import type { EmailSender } from './email-sender.js';
import { DELIVERY_GIVE_UP_MS, defaultRetrySchedule, type RetrySchedule } from './retry-schedule.js';
import type { WebhookSender } from './webhook-sender.js';

export interface AlertDelivererOptions {
  repo: AlertRepository;
  events: PipelineEvents;
  logger: Logger;
  webhook: WebhookSender;
  /** Null when SMTP_URL is not set: e-mail deliveries are then not queued at all. */
  email: EmailSender | null;
  retrySchedule?: RetrySchedule;
  giveUpAfterMs?: number;
  now?: () => Date;
}

const CHANNELS: AlertChannel[] = ['sse', 'webhook', 'email'];
/** Webhook and e-mail deliveries sent at once: a hanging receiver holds up only its own slot. */
const BATCH = 20;

type Sent = { statusCode: number | null; error: string | null; durationMs: number } | { lost: string };

/**
 * Drains the delivery outbox, channel by channel. A delivery is marked delivered only after the
 * receiver acknowledged it (2xx, SMTP 250); failures are retried on the backoff schedule for 24 h.
 * The live stream is best effort: the event is emitted and the delivery marked delivered, since the
 * match log is the durable record. A restart resumes every pending delivery.
 */
export class AlertDeliverer {
  private readonly running = new Map<AlertChannel, Promise<void>>();
  private readonly again = new Set<AlertChannel>();
  private closed = false;
  retrySchedule: RetrySchedule;
  private readonly now: () => Date;

  constructor(private readonly o: AlertDelivererOptions) {
    this.retrySchedule = o.retrySchedule ?? defaultRetrySchedule;
    this.now = o.now ?? (() => new Date());
  }

  /** Drains every channel; concurrent calls join the run under way (and make it go round once more). */
  drain(): Promise<void> {
    return Promise.all(CHANNELS.map((c) => this.drainChannel(c))).then(() => undefined);
  }

  /** Stops taking new work and aborts requests under way; their deliveries stay pending for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.o.webhook.abortAll();
    await Promise.allSettled(this.running.values());
    this.o.email?.close();
  }

  private drainChannel(channel: AlertChannel): Promise<void> {
    const current = this.running.get(channel);
    if (current) {
      this.again.add(channel);
      return current;
    }
    const run = (async () => {
      do {
        this.again.delete(channel);
        await this.drainOnce(channel);
      } while (this.again.has(channel) && !this.closed);
    })()
      .catch((err: unknown) => this.o.logger.error({ channel, err: String(err) }, 'alert delivery failed'))
      .finally(() => this.running.delete(channel));
    this.running.set(channel, run);
    return run;
  }

  private async drainOnce(channel: AlertChannel): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const due = this.o.repo.dueDeliveries(channel, channel === 'sse' ? 500 : BATCH, this.now());
      if (due.length === 0) return;
      if (channel === 'sse') {
        this.deliverLive(due);
        await yieldToEventLoop();
        continue;
      }
      await Promise.all(due.map((d) => this.deliverRemote(d)));
    }
  }

  /** Emits each message on the live stream, then marks the lot delivered in one transaction. */
  private deliverLive(due: readonly DueDelivery[]): void {
    const attemptedAt = this.now().toISOString();
    for (const d of due) this.o.events.emit('alert', d.message);
    this.o.repo.recordAttempts(due.map((d) => ({ id: d.id, attempt: { attemptedAt, statusCode: null, error: null, durationMs: 0 }, outcome: { status: 'delivered' } })));
  }

  private async deliverRemote(d: DueDelivery): Promise<void> {
    const attemptedAt = this.now().toISOString();
    const sent = await this.send(d);
    if (this.closed && !('lost' in sent) && sent.error?.includes('abort')) return;
    const attempt: DeliveryAttempt =
      'lost' in sent ? { attemptedAt, statusCode: null, error: sent.lost, durationMs: 0 } : { attemptedAt, statusCode: sent.statusCode, error: sent.error, durationMs: sent.durationMs };
    const log = { alertId: d.alertId, deliveryKey: d.key, channel: d.channel, attempt: d.attempts + 1, statusCode: attempt.statusCode };
    if ('lost' in sent) {
      this.o.repo.recordAttempt(d.id, attempt, { status: 'failed' });
      this.o.logger.warn({ ...log, err: sent.lost }, 'alert delivery dropped');
    } else if (sent.error === null) {
      this.o.repo.recordAttempt(d.id, attempt, { status: 'delivered' });
      this.o.logger.debug(log, 'alert delivered');
    } else {
      const next = new Date(this.now().getTime() + this.retrySchedule(d.attempts + 1));
      const giveUp = next.getTime() - Date.parse(d.createdAt) > (this.o.giveUpAfterMs ?? DELIVERY_GIVE_UP_MS);
      this.o.repo.recordAttempt(d.id, attempt, giveUp ? { status: 'failed' } : { status: 'retry', nextAttemptAt: next });
      this.o.logger.warn({ ...log, err: sent.error, retryAt: giveUp ? null : next.toISOString() }, giveUp ? 'alert delivery failed for good' : 'alert delivery failed; will retry');
    }
  }

  private async send(d: DueDelivery): Promise<Sent> {
    let alert;
    try {
      alert = this.o.repo.get(d.alertId);
    } catch {
      return { lost: 'the alert was deleted' };
    }
    if (d.channel === 'webhook') {
      if (!alert.channels.webhookUrl) return { lost: 'the alert no longer has a webhook' };
      return this.o.webhook.send({ url: alert.channels.webhookUrl, secret: alert.webhookSecret, body: JSON.stringify(d.message), deliveryKey: d.key, event: d.message.kind });
    }
    if (!alert.channels.email) return { lost: 'the alert no longer has an e-mail address' };
    if (!this.o.email) return { lost: 'SMTP_URL is not set' };
    return this.o.email.send(alert.channels.email, d.message);
  }
}

import type { AlertRecord, AlertRepository } from '@parallax/store';
import { channelsOf, deliveriesFor, isSnoozed } from './alert-message.js';

const PERIOD_MS = { hourly: 3_600_000, daily: 86_400_000 } as const;
/** Matches listed in one digest message; the rest are counted in the feed and the match log. */
const MAX_DIGEST_MATCHES = 500;

/**
 * Digest alerts: on each scheduler tick, every hourly or daily alert whose period (UTC) has ended gets
 * one message listing the period's matches. The end of the last period digested is stored with the
 * digest's deliveries, so a restart neither skips a period (it is digested late) nor repeats one.
 */
export class AlertDigests {
  constructor(
    private readonly repo: AlertRepository,
    private readonly emailEnabled: boolean,
  ) {}

  /** Returns the number of digests queued. */
  tick(now: Date): number {
    let queued = 0;
    for (const alert of this.repo.list()) {
      if (alert.mode === 'instant' || alert.spike) continue;
      if (this.digest(alert, now)) queued++;
    }
    return queued;
  }

  private digest(alert: AlertRecord, now: Date): boolean {
    if (alert.mode === 'instant') return false;
    const period = PERIOD_MS[alert.mode];
    const boundary = new Date(Math.floor(now.getTime() / period) * period).toISOString();
    const from = alert.lastDigestAt ?? alert.createdAt;
    if (boundary <= from) return false;
    const matches = alert.muted || isSnoozed(alert, now) ? [] : this.repo.matchesBetween(alert.id, from, boundary, MAX_DIGEST_MATCHES);
    // Periods follow the clock given; the queue follows the wall clock, so a digest is due as soon as it is queued.
    const queuedAt = new Date();
    const at = queuedAt.toISOString();
    const deliveries =
      matches.length === 0
        ? []
        : deliveriesFor(alert, channelsOf(alert, this.emailEnabled), `${alert.id}:digest:${boundary}`, {
            kind: 'digest',
            item: matches[0] ?? null,
            matches,
            period: { from, to: boundary },
            spike: null,
            createdAt: at,
          });
    this.repo.recordDigest(alert.id, boundary, deliveries, queuedAt);
    return deliveries.length > 0;
  }
}

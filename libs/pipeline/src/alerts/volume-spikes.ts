import type { AlertRecord, AlertRepository } from '@parallax/store';
import { channelsOf, deliveriesFor, isSnoozed } from './alert-message.js';

const HOUR_MS = 3_600_000;
/** The baseline window: the past 14 days before the last hour. */
const BASELINE_HOURS = 14 * 24;

/**
 * "Volume spike" rules: the matches of the last hour against the hourly baseline of the 14 days
 * before it, both from the match log. Fires at most once per hour per rule (the last notice's time is
 * stored with the notice, and the key holds the hour, so neither a restart nor a race repeats it).
 */
export class VolumeSpikes {
  constructor(
    private readonly repo: AlertRepository,
    private readonly emailEnabled: boolean,
  ) {}

  check(alert: AlertRecord, now: Date): boolean {
    const spike = alert.spike;
    if (!spike || alert.muted) return false;
    if (alert.lastSpikeAt && now.getTime() - Date.parse(alert.lastSpikeAt) < HOUR_MS) return false;
    const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
    const end = new Date(now.getTime() + 1).toISOString();
    const lastHour = this.repo.countMatches(alert.id, hourAgo, end);
    if (lastHour < spike.minMatches) return false;
    const baselineFrom = new Date(now.getTime() - (BASELINE_HOURS + 1) * HOUR_MS).toISOString();
    const baseline = this.repo.countMatches(alert.id, baselineFrom, hourAgo) / BASELINE_HOURS;
    if (lastHour <= spike.factor * baseline) return false;
    const at = now.toISOString();
    const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS).toISOString();
    const deliveries = isSnoozed(alert, now)
      ? []
      : deliveriesFor(alert, channelsOf(alert, this.emailEnabled), `${alert.id}:spike:${hour}`, {
          kind: 'spike',
          item: null,
          matches: this.repo.matchesBetween(alert.id, hourAgo, end, 50),
          period: { from: hourAgo, to: at },
          spike: { lastHour, baseline },
          createdAt: at,
        });
    this.repo.recordSpike(alert.id, at, deliveries, now);
    return true;
  }
}

import type { AlertChannel, AlertMatch, AlertMessage, SearchDocument } from '@parallax/domain';
import type { AlertRecord, NewDelivery } from '@parallax/store';

/** The channels an alert is delivered to: always the live stream, plus its webhook and e-mail. */
export function channelsOf(alert: AlertRecord, emailEnabled: boolean): AlertChannel[] {
  const out: AlertChannel[] = ['sse'];
  if (alert.channels.webhookUrl) out.push('webhook');
  if (alert.channels.email && emailEnabled) out.push('email');
  return out;
}

/** The match log's view of an item (from its search document, whose time is the item's `sortAt`), before the match row exists. */
export function matchOf(doc: SearchDocument, reason: string, matchedAt: string): AlertMatch {
  return { itemId: doc.id, title: doc.title, url: doc.url, outlet: doc.outlet, language: doc.language, publishedAt: doc.publishedAt, matchedAt, reason };
}

/** One delivery per channel of one message; `keyBase` + `:channel` is the idempotency key. */
export function deliveriesFor(
  alert: AlertRecord,
  channels: AlertChannel[],
  keyBase: string,
  body: Omit<AlertMessage, 'key' | 'alertId' | 'alertName' | 'query'>,
): NewDelivery[] {
  return channels.map((channel) => {
    const key = `${keyBase}:${channel}`;
    return { key, alertId: alert.id, channel, message: { key, alertId: alert.id, alertName: alert.name, query: alert.query, ...body } };
  });
}

/** Muted alerts match nothing; snoozed ones log their matches but deliver nothing until the snooze ends. */
export function isSnoozed(alert: AlertRecord, now: Date): boolean {
  return alert.snoozedUntil !== null && Date.parse(alert.snoozedUntil) > now.getTime();
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateAlertSchema, type Item } from '@parallax/domain';
import { Store } from '@parallax/store';
import { silentLogger } from '../logger.js';
import { PipelineEvents } from '../pipeline-events.js';
import { Alerts } from './alerts.js';

let dir: string;
let store: Store;
let alerts: Alerts;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-alerts-'));
  store = Store.open(Store.fileIn(dir));
  alerts = new Alerts({ store, events: new PipelineEvents(), logger: silentLogger, resolveEntity: () => [], allowPrivate: false, smtpUrl: null });
});
afterEach(async () => {
  await alerts.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function storedItem(title: string): Item {
  const source = store.sources.create({ name: 'Example Times', url: `https://example.org/${encodeURIComponent(title)}.xml`, kind: 'media', type: 'feed', pollIntervalSeconds: 600, enabled: true });
  const outcome = store.items.insertIfNew({
    sourceId: source.id, guid: title, url: null, title, summary: null, contentText: null, contentHtml: null, author: null,
    publishedAt: '2026-03-01T10:00:00.000Z', fetchedAt: '2026-03-01T10:05:00.000Z', language: 'en', entities: [], denial: false,
    mentionsDenial: false, contentHash: title, simhash: '0000000000000000', duplicateOf: null,
  });
  if (outcome.status !== 'new') throw new Error('not stored');
  return store.items.get(outcome.id);
}

describe('Alerts', () => {
  it('re-files only the alert saved: created, changed, muted and deleted rules match as they now read', () => {
    const create = (name: string, query: string) => alerts.create(CreateAlertSchema.parse({ name, query }));
    const sanctions = create('Sanctions', 'sanctions');
    const olympics = create('Olympics', 'olympics');
    create('Embargo', 'embargo');
    const item = storedItem('New sanctions announced');
    const matching = () => alerts.matcher.test(item).map((h) => h.alertId).sort((a, b) => a - b);
    expect(matching()).toEqual([sanctions.id]);

    alerts.update(olympics.id, { query: 'sanctions OR olympics' });
    expect(matching()).toEqual([sanctions.id, olympics.id]);
    alerts.update(sanctions.id, { muted: true });
    expect(matching()).toEqual([olympics.id]);
    alerts.delete(olympics.id);
    expect(matching()).toEqual([]);
    alerts.update(sanctions.id, { muted: false });
    const again = create('Sanctions again', '"sanctions announced"');
    expect(matching()).toEqual([sanctions.id, again.id]);
    // A full rebuild from the store agrees with the rules re-filed one by one.
    alerts.matcher.reload();
    expect(matching()).toEqual([sanctions.id, again.id]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SpikeRule } from '@parallax/domain';
import { AlertRepository, Store } from '@parallax/store';
import { silentLogger } from '../logger.js';
import { AlertMatcher } from './alert-matcher.js';

const HOUR_MS = 3_600_000;
const NOW = Date.parse('2026-03-15T12:30:00.000Z');

let dir: string;
let store: Store;
let repo: AlertRepository;
/** The matcher's clock: matches are logged at this time. */
let clock: number;
let sourceId: number;
let n = 0;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-spikes-'));
  store = Store.open(Store.fileIn(dir));
  repo = new AlertRepository(store.db);
  sourceId = store.sources.create({ name: 'Example Times', url: 'https://example.org/feed.xml', kind: 'media', type: 'feed', pollIntervalSeconds: 600, enabled: true }).id;
  clock = NOW;
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function spikeAlert(name: string, query: string, spike: SpikeRule, muted = false): number {
  return repo.create({ owner: 'admin', name, query, mode: 'instant', channels: {}, muted, snoozedUntil: null, denial: null, spike, webhookSecret: 's', feedToken: `t-${name}` }).id;
}

/** Stores an item fetched at `at` (its match outbox row falls due then). */
function arrive(title: string, at: number): void {
  n += 1;
  const iso = new Date(at).toISOString();
  store.items.insertIfNew({
    sourceId, guid: `g${n}`, url: null, title, summary: null, contentText: null, contentHtml: null, author: null,
    publishedAt: iso, fetchedAt: iso, language: 'en', entities: [], denial: false, mentionsDenial: false,
    contentHash: `h${n}`, simhash: '0000000000000000', duplicateOf: null,
  });
}

/** Items arriving at `at`, matched by a matcher whose clock reads `at`. */
async function matchAt(at: number, titles: string[]): Promise<void> {
  clock = at;
  for (const t of titles) arrive(t, at);
  await matcher().drain();
}

let current: AlertMatcher | null = null;
function matcher(): AlertMatcher {
  current ??= new AlertMatcher({ store, repo, resolveEntity: () => [], logger: silentLogger, emailEnabled: false, now: () => new Date(clock) });
  return current;
}
afterEach(() => {
  current = null;
});

const spikeNotices = (alertId: number) =>
  repo.dueDeliveries('sse', 100, new Date(NOW + 24 * HOUR_MS)).filter((d) => d.alertId === alertId && d.message.kind === 'spike');

describe('VolumeSpikes', () => {
  it('fires once when the last hour beats the 14-day hourly baseline by the factor, with the matches of that hour', async () => {
    const surge = spikeAlert('Olympics surge', 'olympics', { factor: 3, minMatches: 4 });
    const quiet = spikeAlert('Olympics, needs 20', 'olympics', { factor: 3, minMatches: 20 });
    const muted = spikeAlert('Olympics, muted', 'olympics', { factor: 3, minMatches: 4 }, true);
    // 4 in an hour is 134 times the baseline below: not the 500 times this rule asks for.
    const steep = spikeAlert('Olympics, 500 times', 'olympics', { factor: 500, minMatches: 4 });
    // The baseline: one matching item a day for the last ten days (10 / 336 an hour), and news the rules ignore.
    for (let d = 10; d >= 1; d--) await matchAt(NOW - d * 24 * HOUR_MS, [`Olympics preparations, day ${d}`, `Markets close higher, day ${d}`]);
    expect(spikeNotices(surge)).toEqual([]);

    // Three in the last hour: above the baseline, below minMatches.
    await matchAt(NOW - 50 * 60_000, ['Olympics: opening ceremony tonight', 'Olympics: first medals', 'Olympics: a record']);
    expect(spikeNotices(surge)).toEqual([]);
    // A fourth: the spike.
    await matchAt(NOW, ['Olympics: boycott talk grows']);
    const [notice, ...more] = spikeNotices(surge);
    expect(more).toEqual([]);
    expect(notice?.message.spike?.lastHour).toBe(4);
    expect(notice?.message.spike?.baseline).toBeCloseTo(10 / 336, 6);
    expect(notice?.message.matches.map((m) => m.title).sort()).toEqual(['Olympics: a record', 'Olympics: boycott talk grows', 'Olympics: first medals', 'Olympics: opening ceremony tonight']);
    expect(notice?.key).toBe(`${surge}:spike:2026-03-15T12:00:00.000Z:sse`);
    expect(repo.get(surge).lastSpikeAt).toBe(new Date(NOW).toISOString());

    // More in the same hour: no second notice; a rule short of its minimum or muted never fires.
    await matchAt(NOW + 10 * 60_000, ['Olympics: more boycott talk', 'Olympics: ministers meet']);
    expect(spikeNotices(surge)).toHaveLength(1);
    expect(spikeNotices(quiet)).toEqual([]);
    expect(spikeNotices(muted)).toEqual([]);
    expect(spikeNotices(steep)).toEqual([]);

    // An hour on, the surge continues: a new notice for the new hour.
    await matchAt(NOW + 70 * 60_000, ['Olympics: day two', 'Olympics: skating', 'Olympics: curling', 'Olympics: slalom']);
    expect(spikeNotices(surge).map((d) => d.key)).toEqual([`${surge}:spike:2026-03-15T12:00:00.000Z:sse`, `${surge}:spike:2026-03-15T13:00:00.000Z:sse`]);
  });
});

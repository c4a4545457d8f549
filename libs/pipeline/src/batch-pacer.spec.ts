import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteFtsIndex } from '@parallax/search';
import { Store } from '@parallax/store';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchPacer } from './batch-pacer.js';
import { IndexFeeder } from './index-feeder.js';
import type { Logger } from './logger.js';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('BatchPacer', () => {
  it('sizes batches to the budget from what entries cost lately, within its bounds', () => {
    const pacer = new BatchPacer(200, 20);
    // Nothing known yet: a modest first batch.
    expect(pacer.size()).toBe(50);
    pacer.record(50, 100); // 2 ms an entry
    expect(pacer.size()).toBe(10);
    pacer.record(10, 1); // much cheaper now: the average moves towards it
    expect(pacer.size()).toBeGreaterThan(10);
    for (let i = 0; i < 20; i++) pacer.record(100, 1);
    expect(pacer.size()).toBe(200);
    for (let i = 0; i < 20; i++) pacer.record(10, 1000);
    expect(pacer.size()).toBe(10);
    // A maximum below the minimum wins.
    expect(new BatchPacer(3).size()).toBe(3);
    const tiny = new BatchPacer(3);
    tiny.record(3, 3000);
    expect(tiny.size()).toBe(3);
  });

  it('times the batch it runs, failures included', () => {
    const pacer = new BatchPacer(1000, 20);
    expect(() =>
      pacer.run(10, () => {
        const until = performance.now() + 20;
        while (performance.now() < until);
        throw new Error('batch failed');
      }),
    ).toThrow('batch failed');
    // 10 entries took at least 20 ms: at most 10 fit the budget.
    expect(pacer.size()).toBeLessThanOrEqual(10);
  });
});

describe('a paced drain', () => {
  let dir = '';
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets the event loop run between the batches of a backlog, and indexes all of it', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-pacer-'));
    const store = Store.open(path.join(dir, 'parallax.db'));
    const index = new SqliteFtsIndex({ path: path.join(dir, 'search.db'), resolveEntity: () => [] });
    const source = store.sources.create({ name: 'Wire', url: 'https://wire.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    store.items.transaction(() => {
      for (let i = 0; i < 300; i++) {
        store.items.insertIfNew({
          guid: `g${i}`, url: `https://wire.example/${i}`, title: `Harbour report ${i}`, summary: 'Talks resumed at the harbour.', contentText: null, contentHtml: null,
          author: null, publishedAt: '2026-03-01T10:00:00.000Z', language: 'en', entities: [], denial: false, mentionsDenial: false, sourceId: source.id,
          fetchedAt: '2026-03-01T10:05:00.000Z', contentHash: `h${i}`, simhash: '0000000000000000', duplicateOf: null,
        });
      }
    });
    const feeder = new IndexFeeder(store, index, quiet);
    // A request that arrives while the backlog is written: before pacing it waited for all 300 items.
    let servedDuring = false;
    let drained = false;
    setTimeout(() => {
      servedDuring = !drained;
    }, 0);
    expect(await feeder.drain()).toBe(300);
    drained = true;
    expect(servedDuring).toBe(true);
    expect(await index.count()).toBe(300);
    expect(feeder.pending()).toBe(0);
    await index.close();
    store.close();
  });
});

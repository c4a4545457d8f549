import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateSourceSchema } from '@parallax/domain';
import type { NewItem } from './item.repository.js';
import { Store } from './store.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-daily-'));
  store = Store.open(Store.fileIn(dir));
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const source = (url: string) => store.sources.create(CreateSourceSchema.parse({ name: url, url }));
const item = (sourceId: number, n: number, fetchedAt: string): NewItem => ({
  sourceId,
  guid: `g${sourceId}-${n}`,
  url: `https://example.org/${sourceId}/${n}`,
  title: `Report ${n}`,
  summary: null,
  contentText: `Body ${sourceId} ${n}`,
  contentHtml: null,
  author: null,
  publishedAt: fetchedAt,
  fetchedAt,
  language: 'en',
  entities: [],
  denial: false,
  mentionsDenial: false,
  contentHash: `h${sourceId}-${n}`,
  simhash: '0000000000000001',
  duplicateOf: null,
});

describe('SourceRepository.dailyCountsAll', () => {
  it('gives every source the same series as dailyCounts, zeros included, from one grouped query', () => {
    const now = new Date('2022-02-14T12:00:00.000Z');
    const a = source('https://a.example.org/feed.xml');
    const b = source('https://b.example.org/feed.xml');
    const quiet = source('https://c.example.org/feed.xml');
    const times = ['2022-02-14T09:00:00.000Z', '2022-02-14T10:00:00.000Z', '2022-02-10T08:00:00.000Z', '2022-01-20T08:00:00.000Z'];
    times.forEach((t, i) => store.items.insertIfNew(item(a.id, i, t)));
    store.items.insertIfNew(item(b.id, 0, '2022-02-01T08:00:00.000Z'));

    const all = store.sources.dailyCountsAll(14, now);
    expect([...all.keys()]).toEqual([a.id, b.id, quiet.id]);
    for (const s of [a, b, quiet]) expect(all.get(s.id)).toEqual(store.sources.dailyCounts(s.id, 14, now));
    const seriesA = all.get(a.id) ?? [];
    expect(seriesA).toHaveLength(14);
    expect(seriesA[0]?.date).toBe('2022-02-01');
    expect(seriesA.at(-1)).toEqual({ date: '2022-02-14', count: 2 });
    // The January item is outside the window.
    expect(seriesA.reduce((n, d) => n + d.count, 0)).toBe(3);
    expect(all.get(b.id)?.[0]).toEqual({ date: '2022-02-01', count: 1 });
    expect(all.get(quiet.id)?.every((d) => d.count === 0)).toBe(true);
  });
});

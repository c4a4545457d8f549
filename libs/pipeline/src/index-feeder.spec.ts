import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SearchDocument } from '@parallax/domain';
import { SqliteFtsIndex } from '@parallax/search';
import { OUTBOX_INDEX_TOPIC, OUTBOX_MATCH_TOPIC, OUTBOX_STORY_TOPIC, Store, StoryRepository } from '@parallax/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexFeeder } from './index-feeder.js';
import type { Logger } from './logger.js';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let dir = '';
let store: Store;
let index: SqliteFtsIndex;
let stories: StoryRepository;
let sourceId = 0;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-feeder-'));
  store = Store.open(path.join(dir, 'parallax.db'));
  index = new SqliteFtsIndex({ path: path.join(dir, 'search.db'), resolveEntity: () => [] });
  stories = new StoryRepository(store.db);
  sourceId = store.sources.create({ name: 'Wire', url: 'https://wire.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true }).id;
});

afterEach(async () => {
  await index.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function storeItem(i: number): number {
  const outcome = store.items.insertIfNew({
    guid: `g${i}`, url: `https://wire.example/${i}`, title: `Harbour talks resume, report ${i}`, summary: 'Talks resumed at the harbour.', contentText: null, contentHtml: null,
    author: null, publishedAt: '2026-03-01T10:00:00.000Z', language: 'en', entities: [], denial: false, mentionsDenial: false, sourceId,
    fetchedAt: '2026-03-01T10:05:00.000Z', contentHash: `h${i}`, simhash: '0000000000000000', duplicateOf: null,
  });
  if (outcome.status !== 'new') throw new Error('expected a new item');
  return outcome.id;
}

/** Places the item in a new story, as StoryAssigner does: the placement queues the item for indexing again. */
function place(itemId: number): number {
  const storyId = stories.createStory('Harbour talks', '2026-03-01T10:00:00.000Z');
  stories.assign([{ itemId, storyId, at: '2026-03-01T10:00:00.000Z' }]);
  return storyId;
}

/** The real index, counting what it is asked to write, and optionally holding each write until `release`. */
function watched(hold = false) {
  const written: number[] = [];
  let release: () => void = () => {};
  const upsert = async (docs: SearchDocument[]): Promise<void> => {
    written.push(...docs.map((d) => d.id));
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    await index.upsert(docs);
  };
  return { index: Object.assign(Object.create(index) as SqliteFtsIndex, { upsert }), written, release: () => release() };
}

async function storyShownFor(id: number): Promise<number | null | undefined> {
  const res = await index.search({ q: 'harbour', sort: 'newest', limit: 50, offset: 0 });
  return res.hits.find((h) => h.id === id)?.storyId;
}

describe('IndexFeeder', () => {
  it('writes an item placed before its first entry was drained once, with its story, and leaves no entry behind', async () => {
    const id = storeItem(1);
    const storyId = place(id);
    expect(store.outbox.pending([OUTBOX_INDEX_TOPIC])).toBe(2);
    const w = watched();
    // One entry per batch, so the placement's entry is not simply read with the first.
    const feeder = new IndexFeeder(store, w.index, quiet, { batchSize: 1 });
    await feeder.drain();
    expect(w.written).toEqual([id]);
    expect(feeder.pending()).toBe(0);
    expect(await storyShownFor(id)).toBe(storyId);
  });

  it('keeps the entry of a placement made while the item was being written, so the story still reaches search', async () => {
    const id = storeItem(2);
    const w = watched(true);
    const feeder = new IndexFeeder(store, w.index, quiet, { batchSize: 1 });
    const drained = feeder.drain();
    // The feeder has read the row (no story yet) and waits on the index; the item is placed meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(w.written).toEqual([id]);
    // The newest entries (the item's match and story entries) are done first, so the placement's entry
    // takes a rowid that was already there when the feeder read: SQLite reuses the highest rowids.
    const newest = (topic: string): number => store.outbox.due([topic], 1)[0]?.id ?? 0;
    const matchEntry = newest(OUTBOX_MATCH_TOPIC);
    store.outbox.ack([matchEntry, newest(OUTBOX_STORY_TOPIC)]);
    const storyId = place(id);
    expect(store.outbox.due([OUTBOX_INDEX_TOPIC], 10).map((e) => e.id)).toContain(matchEntry);
    w.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    w.release();
    await drained;
    expect(w.written).toEqual([id, id]);
    expect(feeder.pending()).toBe(0);
    expect(await storyShownFor(id)).toBe(storyId);
  });

  it('does not take out of search a new item that was given the id of one removed before the removal was drained', async () => {
    const feeder = new IndexFeeder(store, index, quiet);
    const old = storeItem(1);
    await feeder.drain();
    // The source goes with its item, its removal queued; the feeder has not run yet when the next item
    // is stored, and SQLite gives that item the removed one's id.
    const other = store.sources.create({ name: 'Paper', url: 'https://paper.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true }).id;
    store.sources.delete(sourceId);
    sourceId = other;
    const fresh = storeItem(2);
    expect(fresh).toBe(old);
    await feeder.drain();
    const res = await index.search({ q: 'harbour', sort: 'newest', limit: 50, offset: 0 });
    expect(res.hits.map((h) => [h.id, h.title])).toEqual([[fresh, 'Harbour talks resume, report 2']]);
    expect(feeder.pending()).toBe(0);
  });
});

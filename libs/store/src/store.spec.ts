import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateSourceSchema } from '@parallax/domain';
import { AlertRepository } from './alert.repository.js';
import { OUTBOX_INDEX_TOPIC, OUTBOX_MATCH_TOPIC } from './outbox.repository.js';
import { type NewItem, storedItem, toSearchDocument } from './item.repository.js';
import { Store } from './store.js';
import { StoryRepository } from './story.repository.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-store-'));
  store = Store.open(Store.fileIn(dir));
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const source = (url = 'https://example.org/feed.xml') => store.sources.create(CreateSourceSchema.parse({ name: 'Example Times', url }));

const item = (sourceId: number, over: Partial<NewItem> = {}): NewItem => ({
  sourceId,
  guid: 'g1',
  url: 'https://example.org/a',
  title: 'Olympics diplomacy',
  summary: 'A report',
  contentText: 'Body text',
  contentHtml: '<p>Body text</p>',
  author: null,
  publishedAt: '2022-02-03T10:00:00.000Z',
  fetchedAt: '2022-02-03T11:00:00.000Z',
  language: 'en',
  entities: [{ qid: 'Q148', name: 'China' }],
  denial: false,
  mentionsDenial: false,
  contentHash: 'h1',
  simhash: '0000000000000001',
  duplicateOf: null,
  ...over,
});

describe('Store', () => {
  it('migrates once and reopens an existing file', () => {
    source();
    store.close();
    store = Store.open(Store.fileIn(dir));
    expect(store.sources.list()).toHaveLength(1);
  });

  it('carries the story terms of a version-5 file (one row per term) into the item (migration 6)', () => {
    const s = source();
    const { id } = store.items.insertIfNew(item(s.id)) as { id: number };
    // Back to version 5: terms in their own table.
    store.db.exec(`ALTER TABLE items DROP COLUMN story_terms_json;
      CREATE TABLE item_terms (term TEXT NOT NULL, item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE, PRIMARY KEY (term, item_id)) WITHOUT ROWID;
      DELETE FROM schema_migrations WHERE version = 6;`);
    store.db.prepare('INSERT INTO item_terms (term, item_id) VALUES (?, ?), (?, ?)').run('olymp', id, '~Q148', id);
    store.close();
    store = Store.open(Store.fileIn(dir));
    expect(new StoryRepository(store.db).item(id)?.terms.sort()).toEqual(['olymp', '~Q148'].sort());
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'item_terms'").pluck().get()).toBe(0);
  });

  it('counts the items of a version-9 file\'s sources when it opens it (migration 10)', () => {
    const [a, b] = [source('https://example.org/a.xml'), source('https://example.org/b.xml')];
    store.items.insertIfNew(item(a.id));
    store.items.insertIfNew(item(a.id, { guid: 'g2', url: 'https://example.org/b', contentHash: 'h2' }));
    // Back to version 9: no count and no triggers.
    store.db.exec(`DROP TRIGGER items_count_insert; DROP TRIGGER items_count_delete; DROP TRIGGER items_count_move;
      ALTER TABLE sources DROP COLUMN item_count; DELETE FROM schema_migrations WHERE version = 10;`);
    store.close();
    store = Store.open(Store.fileIn(dir));
    expect([a, b].map((s) => store.sources.get(s.id).itemCount)).toEqual([2, 0]);
    store.sources.delete(a.id);
    store.items.insertIfNew(item(b.id, { guid: 'g3', url: 'https://example.org/c', contentHash: 'h3' }));
    expect(store.sources.list().map((s) => s.itemCount)).toEqual([1]);
  });

  it('refuses a second source with the same URL, naming the field', () => {
    source();
    expect(() => source()).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { field: 'url' } }));
  });

  it('stores an item with its outbox entry in one step and recognises re-polls by guid, URL and content', () => {
    const s = source();
    const first = store.items.insertIfNew(item(s.id));
    expect(first.status).toBe('new');
    expect(store.outbox.due([OUTBOX_INDEX_TOPIC], 10)).toHaveLength(1);
    expect(store.items.insertIfNew(item(s.id))).toMatchObject({ status: 'duplicate', reason: 'guid' });
    expect(store.items.insertIfNew(item(s.id, { guid: 'g2' }))).toMatchObject({ status: 'duplicate', reason: 'url' });
    expect(store.items.insertIfNew(item(s.id, { guid: 'g3', url: 'https://example.org/b' }))).toMatchObject({ status: 'duplicate', reason: 'content' });
    expect(store.items.count()).toBe(1);
    expect(store.outbox.pending([OUTBOX_INDEX_TOPIC])).toBe(1);
    expect(store.outbox.pending([OUTBOX_MATCH_TOPIC])).toBe(1);
    expect(store.sources.get(s.id).itemCount).toBe(1);
  });

  it('builds a stored item as reading it back would', () => {
    const s = source();
    for (const over of [{}, { guid: 'g2', url: null, publishedAt: null, contentHash: 'h2', duplicateOf: 1 }, { guid: 'g3', url: 'https://example.org/c', publishedAt: '2030-01-01T00:00:00.000Z', contentHash: 'h3', denial: true, entities: [] }]) {
      const written = item(s.id, over);
      const outcome = store.items.insertIfNew(written);
      if (outcome.status !== 'new') throw new Error('expected a new item');
      expect(storedItem(outcome.id, written, s)).toEqual(store.items.get(outcome.id));
    }
  });

  it('reads items as search documents as it makes them of whole items, in the order asked, without the deleted', () => {
    const s = source();
    const ids: number[] = [];
    for (const over of [{}, { guid: 'g2', url: null, summary: null, contentText: null, publishedAt: null, contentHash: 'h2', duplicateOf: 1 }, { guid: 'g3', url: 'https://example.org/c', contentHash: 'h3', denial: true, mentionsDenial: true, entities: [] }]) {
      const outcome = store.items.insertIfNew(item(s.id, over));
      if (outcome.status !== 'new') throw new Error('expected a new item');
      ids.push(outcome.id);
    }
    new StoryRepository(store.db).assign([{ itemId: ids[2]!, storyId: new StoryRepository(store.db).createStory('Olympics', '2022-02-03T10:00:00.000Z'), at: '2022-02-03T10:00:00.000Z' }]);
    const asked = [ids[2]!, 999, ids[0]!, ids[1]!];
    expect(store.items.searchDocuments(asked)).toEqual(store.items.getMany(asked).map(toSearchDocument));
    expect(store.items.searchDocuments(asked).map((d) => d.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(store.items.searchDocuments(asked)[0]?.storyId).not.toBeNull();
    expect(store.items.searchDocuments([])).toEqual([]);
  });

  it('finds the original of a syndicated copy in another source', () => {
    const a = source();
    const b = source('https://other.example/rss');
    const first = store.items.insertIfNew(item(a.id));
    expect(store.items.findOriginal({ sourceId: b.id, url: null, contentHash: 'h1' })).toBe(first.status === 'new' ? first.id : -1);
    expect(store.items.findOriginal({ sourceId: a.id, url: null, contentHash: 'h1' })).toBeNull();
  });

  it('records polls: validators from a 200 kept across a 304, failures counted, log written', () => {
    const s = source();
    const base = { fetched: 3, new: 3, duplicates: 0, errors: 0, unchanged: false, error: null, durationMs: 12, httpStatus: 200 };
    store.sources.recordPoll(s.id, { ...base, startedAt: new Date(), nextPollAt: new Date(), validators: { etag: '"v1"', lastModified: null } });
    store.sources.recordPoll(s.id, { ...base, fetched: 0, new: 0, unchanged: true, httpStatus: 304, startedAt: new Date(), nextPollAt: new Date() });
    expect(store.sources.get(s.id)).toMatchObject({ etag: '"v1"', lastStatus: 'unchanged', consecutiveFailures: 0 });
    store.sources.recordPoll(s.id, { ...base, error: 'timeout', httpStatus: null, startedAt: new Date(), nextPollAt: new Date() });
    store.sources.recordPoll(s.id, { ...base, error: 'timeout', httpStatus: null, startedAt: new Date(), nextPollAt: new Date() });
    expect(store.sources.get(s.id)).toMatchObject({ lastStatus: 'error', lastError: 'timeout', consecutiveFailures: 2 });
    expect(store.sources.pollLog(s.id).map((l) => l.status)).toEqual(['error', 'error', 'unchanged', 'ok']);
  });

  it('keeps each source\'s item count with its items, and lists the due ones longest due first', () => {
    const a = source('https://example.org/a.xml');
    const b = source('https://example.org/b.xml');
    const c = source('https://example.org/c.xml');
    store.items.insertIfNew(item(a.id));
    store.items.insertIfNew(item(a.id, { guid: 'g2', url: 'https://example.org/b', contentHash: 'h2' }));
    store.items.insertIfNew(item(b.id, { guid: 'g3', url: 'https://example.org/c', contentHash: 'h3' }));
    // A duplicate is not stored, so not counted.
    store.items.insertIfNew(item(a.id));
    expect([a, b, c].map((s) => store.sources.get(s.id).itemCount)).toEqual([2, 1, 0]);
    store.db.prepare('DELETE FROM items WHERE guid = ?').run('g2');
    store.db.prepare('UPDATE items SET source_id = ? WHERE guid = ?').run(c.id, 'g3');
    const counts = new Map(store.sources.list().map((s) => [s.id, s.itemCount]));
    expect([a, b, c].map((s) => counts.get(s.id))).toEqual([1, 0, 1]);
    store.sources.recordPoll(a.id, { fetched: 1, new: 1, duplicates: 0, errors: 0, unchanged: false, error: null, durationMs: 5, httpStatus: 200, startedAt: new Date(), nextPollAt: new Date(Date.now() - 60_000), validators: { etag: '"a1"', lastModified: null } });

    // b is due later than a (a new source is due from its creation), c is not due, and a paused source never is.
    store.sources.recordPoll(c.id, { fetched: 0, new: 0, duplicates: 0, errors: 0, unchanged: true, error: null, durationMs: 5, httpStatus: 304, startedAt: new Date(), nextPollAt: new Date(Date.now() + 3_600_000) });
    const paused = store.sources.update(source('https://example.org/d.xml').id, { enabled: false });
    const dueIds = (now: Date): number[] => store.sources.due(now).map((s) => s.id);
    expect(dueIds(new Date())).toEqual([a.id, b.id]);
    expect(dueIds(new Date(Date.now() + 7_200_000))).toEqual([a.id, b.id, c.id]);
    expect(dueIds(new Date(Date.now() + 7_200_000))).not.toContain(paused.id);
    expect(store.sources.due(new Date()).map((s) => s.url)).toEqual([a.url, b.url]);
  });

  it('flags a source that answers but has published nothing for three usual gaps as silent, not broken', () => {
    const s = source();
    const hour = 3_600_000;
    const start = Date.now() - 30 * 24 * hour;
    // Six items an hour apart, a month ago: the usual gap is one hour.
    for (let i = 0; i < 6; i++) {
      const at = new Date(start + i * hour).toISOString();
      store.items.insertIfNew(item(s.id, { guid: `g${i}`, url: `https://example.org/${i}`, contentHash: `h${i}`, publishedAt: at, fetchedAt: at }));
    }
    const poll = { fetched: 6, new: 6, duplicates: 0, errors: 0, unchanged: false, error: null, durationMs: 5, httpStatus: 200, nextPollAt: new Date() };
    store.sources.recordPoll(s.id, { ...poll, startedAt: new Date(start + 6 * hour) });
    store.sources.recordPoll(s.id, { ...poll, new: 0, unchanged: true, startedAt: new Date() });
    expect(store.sources.get(s.id).lastStatus).toBe('silent');
    // A fresh item ends the silence.
    store.sources.recordPoll(s.id, { ...poll, new: 1, startedAt: new Date() });
    expect(store.sources.get(s.id).lastStatus).toBe('ok');
  });

  it('deleting a source removes its items and reports their ids', () => {
    const s = source();
    const r = store.items.insertIfNew(item(s.id));
    expect(store.sources.delete(s.id)).toEqual([r.status === 'new' ? r.id : -1]);
    expect(store.items.count()).toBe(0);
  });

  it('outbox retries later with backoff and acks', () => {
    const s = source();
    store.items.insertIfNew(item(s.id));
    const [entry] = store.outbox.due([OUTBOX_INDEX_TOPIC], 10);
    store.outbox.retryLater([entry!.id], 'index down');
    expect(store.outbox.due([OUTBOX_INDEX_TOPIC], 10)).toHaveLength(0);
    expect(store.outbox.due([OUTBOX_INDEX_TOPIC], 10, new Date(Date.now() + 5000))).toHaveLength(1);
    expect(store.outbox.lastError([OUTBOX_INDEX_TOPIC])).toBe('index down');
    store.outbox.ack([entry!.id]);
    expect(store.outbox.pending([OUTBOX_INDEX_TOPIC])).toBe(0);
  });

  it('gives due entries of several topics longest due first, leaving out those not due and other topics', () => {
    const t = (s: number) => new Date(Date.parse('2026-03-01T00:00:00Z') + s * 1000);
    store.outbox.enqueue('unindex', [7], t(2));
    store.outbox.enqueue(OUTBOX_INDEX_TOPIC, [1, 2], t(1));
    store.outbox.enqueue(OUTBOX_MATCH_TOPIC, [9], t(0));
    store.outbox.enqueue(OUTBOX_INDEX_TOPIC, [3], t(3));
    const [first] = store.outbox.due([OUTBOX_INDEX_TOPIC], 1, t(10));
    store.outbox.retryLater([first!.id], 'index down', t(10));
    const due = store.outbox.due([OUTBOX_INDEX_TOPIC, 'unindex'], 10, t(10));
    expect(due.map((e) => [e.topic, e.refId])).toEqual([
      [OUTBOX_INDEX_TOPIC, 2],
      ['unindex', 7],
      [OUTBOX_INDEX_TOPIC, 3],
    ]);
    expect(store.outbox.due([OUTBOX_INDEX_TOPIC, 'unindex'], 2, t(10))).toHaveLength(2);
    expect(store.outbox.due([], 10, t(10))).toEqual([]);
  });

  it('gives due deliveries longest due first, then as queued, in the order of their index (a backlog is not sorted)', () => {
    const alerts = new AlertRepository(store.db);
    const alertId = alerts.create({ owner: 'admin', name: 'Ports', query: 'port', mode: 'instant', channels: {}, muted: false, snoozedUntil: null, denial: null, spike: null, webhookSecret: 's', feedToken: 't' }).id;
    const message = (key: string) => ({ key, kind: 'match' as const, alertId, alertName: 'Ports', query: 'port', item: null, matches: [], period: null, spike: null, createdAt: '2026-11-29T10:00:00.000Z' });
    const queue = (keys: string[], at: string) =>
      alerts.recordMatches([], [], keys.map((key) => ({ key, alertId, channel: 'sse' as const, message: message(key) })), new Date(at));
    queue(['a', 'b'], '2026-11-29T10:00:00.000Z');
    queue(['c'], '2026-11-29T10:01:00.000Z');
    queue(['d'], '2026-11-29T10:30:00.000Z');
    const [a] = alerts.dueDeliveries('sse', 1, new Date('2026-11-29T10:00:00.000Z'));
    // The first delivery failed and waits until 10:02: the one queued at 10:01 is due before it.
    alerts.recordAttempt(a?.id ?? -1, { attemptedAt: '2026-11-29T10:00:00.000Z', statusCode: null, error: 'offline', durationMs: 0 }, { status: 'retry', nextAttemptAt: new Date('2026-11-29T10:02:00.000Z') });
    expect(alerts.dueDeliveries('sse', 10, new Date('2026-11-29T10:05:00.000Z')).map((d) => d.key)).toEqual(['b', 'c', 'a']);
    expect(alerts.dueDeliveries('sse', 2, new Date('2026-11-29T11:00:00.000Z')).map((d) => d.key)).toEqual(['b', 'c']);
    expect(alerts.dueDeliveries('webhook', 10, new Date('2026-11-29T11:00:00.000Z'))).toEqual([]);
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM alert_deliveries WHERE status = 'pending' AND channel = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`).all('sse', 'z', 1) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING INDEX alert_deliveries_due/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('finds the index entries waiting for items through a partial index that holds no other topic', () => {
    store.outbox.enqueue(OUTBOX_INDEX_TOPIC, [1, 2, 1]);
    store.outbox.enqueue(OUTBOX_MATCH_TOPIC, [1, 2]);
    store.outbox.enqueue('unindex', [1]);
    const ids = store.outbox.indexEntriesWaitingFor([1, 3]);
    const topicsOf = (list: number[]): string[] => list.map((id) => store.db.prepare('SELECT topic FROM outbox WHERE id = ?').pluck().get(id) as string);
    expect(topicsOf(ids)).toEqual([OUTBOX_INDEX_TOPIC, OUTBOX_INDEX_TOPIC]);
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE topic = '${OUTBOX_INDEX_TOPIC}' AND ref_id IN (SELECT value FROM json_each(?))`).all('[1]') as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX outbox_ref/);
    // The match and story entries of an item are not in it (a partial index), so storing an item writes one entry there, not three.
    expect(store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'outbox_ref'").pluck().get()).toMatch(/WHERE topic = 'index'/);
  });

  it('finds the official denials of a stretch of time through their own index, not the whole stretch', () => {
    const ministry = store.sources.create(CreateSourceSchema.parse({ name: 'Ministry', url: 'https://mfa.example/feed.xml', kind: 'official' }));
    const media = source();
    const put = (sourceId: number, n: number, day: string, denial: boolean) => {
      const o = store.items.insertIfNew(item(sourceId, { guid: `g${n}`, url: `https://x.example/${n}`, contentHash: `h${n}`, publishedAt: `${day}T10:00:00.000Z`, fetchedAt: `${day}T11:00:00.000Z`, denial }));
      return o.status === 'new' ? o.id : 0;
    };
    const early = put(ministry.id, 1, '2022-02-01', true);
    const late = put(ministry.id, 2, '2022-02-20', true);
    put(media.id, 3, '2022-02-02', true); // a denial reported by the media is not an official denial
    put(ministry.id, 4, '2022-02-03', false);
    const repo = new StoryRepository(store.db);
    expect(repo.denialIdsBetween('2022-01-31T00:00:00.000Z', '2022-02-10T00:00:00.000Z', 10)).toEqual([early]);
    expect(repo.denialIdsBetween('2022-01-31T00:00:00.000Z', '2022-03-01T00:00:00.000Z', 10)).toEqual([early, late]);
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN SELECT i.id FROM items i JOIN sources s ON s.id = i.source_id WHERE i.denial = 1 AND s.kind = 'official' AND i.sort_at BETWEEN ? AND ? ORDER BY i.sort_at LIMIT ?`)
      .all('a', 'b', 1) as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' | ')).toMatch(/USING INDEX items_denials/);
  });

  it('counts term frequencies per batch and folds them without changing a total; a re-clustering replaces both', () => {
    const repo = new StoryRepository(store.db);
    expect(repo.addCounts(0, [])).toBeNull();
    repo.addCounts(2, [['Q148', 2], ['olympics', 1], ['boycott', 1]]);
    repo.addCounts(1, [['Q159', 1], ['olympics', 1]]);
    const before = repo.termStats();
    expect(before).toEqual({ documents: 3, frequencies: { Q148: 2, olympics: 2, boycott: 1, Q159: 1 } });
    expect(repo.unfoldedTotals()).toMatchObject({ documents: 3, counts: new Map([['Q148', 2], ['olympics', 2], ['boycott', 1], ['Q159', 1]]) });
    repo.foldStats();
    expect(repo.unfoldedTotals()).toEqual({ documents: 0, counts: new Map(), lastBatch: null });
    expect(repo.termStats()).toEqual(before);
    // Totals the caller kept: a batch counted after them stays for the next fold.
    const kept = repo.addCounts(1, [['olympics', 1]]);
    repo.addCounts(1, [['boycott', 1]]);
    repo.foldStats({ documents: 1, counts: new Map([['olympics', 1]]), lastBatch: kept });
    expect(repo.unfoldedTotals()).toMatchObject({ documents: 1, counts: new Map([['boycott', 1]]) });
    expect(repo.termStats()).toEqual({ documents: 5, frequencies: { ...before.frequencies, olympics: 3, boycott: 2 } });
    repo.replaceStats(1, { Q30: 1 });
    expect(repo.termStats()).toEqual({ documents: 1, frequencies: { Q30: 1 } });
  });
});

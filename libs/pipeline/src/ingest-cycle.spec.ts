import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateSourceSchema } from '@parallax/domain';
import { Enricher } from '@parallax/enrich';
import { IngestCycle } from './ingest-cycle.js';
import { silentLogger } from './logger.js';
import { PipelineEvents } from './pipeline-events.js';
import type { ReadDocument } from './preparation/entry-preparation.js';
import { InlinePreparer } from './preparation/entry-preparer.js';
import { Runtime } from './runtime.js';

const ROOT = path.resolve(__dirname, '../../..');

/** A wire story long enough for near-duplicate detection, with the dateline each outlet writes its own way. */
const story = (dateline: string): string =>
  `${dateline} - The foreign ministry rejected on Tuesday a report that troops had massed near the border, calling it pure fiction. ` +
  'A spokeswoman told reporters the drills announced last month were routine and had ended on schedule, and that no units had moved since. ' +
  'Officials said observers from three neighbouring countries had been invited to watch the final exercise.';

const harbour = (dateline: string): string =>
  `${dateline} - The port authority said grain ships left the harbour on Wednesday under the corridor agreement, the first since the storm. ` +
  'Insurers had raised their rates after two vessels were damaged last week, and three shipping lines said they would wait for naval escorts. ' +
  'The authority expects twelve departures before the end of the month if the weather holds and the mines are cleared.';

const summit = (dateline: string): string =>
  `${dateline} - Leaders ended the summit on Thursday without a statement on the pipeline, after two days of talks that ran past midnight. ` +
  'Diplomats said the question of transit fees had divided the delegations, and that a working group would report back before the autumn. ' +
  'The host said the meeting had nonetheless agreed on power links across the border and on a fund for the flooded regions.';

function feed(name: string, guid: string, link: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title><link>http://outlet.test/</link>
<item><title>Ministry rejects report of troops at the border</title><link>${link}</link><guid>${guid}</guid>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description>${body}</description></item></channel></rss>`;
}

const feeds: Record<string, string> = {
  '/wire.xml': feed('Wire', 'wire-1', 'http://wire.test/1', story('GENEVA (Wire)')),
  '/paper.xml': feed('Paper', 'paper-1', 'http://paper.test/1', story('Geneva, March 3 (Paper)')),
  '/agency.xml': feed('Agency', 'agency-1', 'http://agency.test/1', story('GENEVA, March 3 (Agency)')),
  '/poisoned.xml': feed('Poisoned', 'poison-1', 'http://poisoned.test/1', harbour('ODESA (Poisoned)')),
  '/harbour.xml': feed('Harbour', 'harbour-1', 'http://harbour.test/1', harbour('Odesa, March 4 (Harbour)')),
  '/summit.xml': feed('Summit', 'summit-1', 'http://summit.test/1', summit('BRUSSELS (Summit)')),
  '/summit-day.xml': feed('Summit day', 'summit-2', 'http://summit-day.test/1', summit('Brussels, March 6 (Summit day)')),
  '/summit-weeks.xml': feed('Summit weeks', 'summit-3', 'http://summit-weeks.test/1', summit('Brussels, March 21 (Summit weeks)')),
  '/flaky.xml': feed('Flaky', 'flaky-1', 'http://flaky.test/1', 'Ports reopen after the storm.'),
};

/** A feed whose entries the test changes between polls: one with a guid, one told by its (relative) link. */
function rolling(entries: string[]): string {
  const items = entries.map((e) =>
    e.startsWith('/')
      ? `<item><title>Linked ${e}</title><link>${e}</link><description>Told by its link ${e}</description></item>`
      : `<item><title>Entry ${e}</title><guid isPermaLink="false">${e}</guid><description>&lt;p&gt;Entry &lt;b&gt;${e}&lt;/b&gt;&lt;/p&gt;</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Rolling</title>${items.join('')}</channel></rss>`;
}

let dir: string;
let server: http.Server;
let base: string;
let runtime: Runtime;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = feeds[req.url ?? ''];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-cycle-'));
  runtime = await Runtime.open({ dataDir: dir, seedDir: path.join(ROOT, 'seed'), allowPrivateSources: true, pollConcurrency: 1, meiliUrl: null, perHostGapMs: 0, logger: silentLogger, ingestThreads: 0 });
});

afterAll(async () => {
  await runtime?.close();
  server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('IngestCycle and syndicated copies', () => {
  it('marks a near-identical copy from another source, and stores a copy whose original was deleted as an original', async () => {
    const itemsOf = (sourceId: number) => runtime.store.db.prepare('SELECT id, duplicate_of AS duplicateOf FROM items WHERE source_id = ?').all(sourceId) as { id: number; duplicateOf: number | null }[];
    const add = (name: string, feedPath: string) => runtime.store.sources.create(CreateSourceSchema.parse({ name, url: `${base}${feedPath}` }));
    const wire = add('Wire', '/wire.xml');
    expect(await runtime.cycle.poll(wire.id)).toMatchObject({ new: 1, errors: 0 });
    const [original] = itemsOf(wire.id);

    // While the original is there, the paper's copy points at it.
    const paper = add('Paper', '/paper.xml');
    // A source added last keeps the deleted sources' ids from being given again (SQLite reuses the largest).
    add('Unpolled', '/none.xml');
    expect(await runtime.cycle.poll(paper.id)).toMatchObject({ new: 1, errors: 0 });
    const [copy] = itemsOf(paper.id);
    expect(copy?.duplicateOf).toBe(original?.id);

    // The wire and the paper go, with their items (as the API deletes a source). A copy that comes later
    // must still be stored: its original is gone, so it is an original itself.
    runtime.events.emit('removed', [...runtime.store.sources.delete(wire.id), ...runtime.store.sources.delete(paper.id)]);
    const agency = add('Agency', '/agency.xml');
    expect(await runtime.cycle.poll(agency.id)).toMatchObject({ new: 1, errors: 0 });
    expect(itemsOf(agency.id)).toEqual([expect.objectContaining({ duplicateOf: null })]);
  });

  it('forgets the fingerprints of items whose transaction failed: their ids are given to the next items', async () => {
    const itemsOf = (sourceId: number) => runtime.store.db.prepare('SELECT id, duplicate_of AS duplicateOf FROM items WHERE source_id = ?').all(sourceId) as { id: number; duplicateOf: number | null }[];
    const add = (name: string, feedPath: string) => runtime.store.sources.create(CreateSourceSchema.parse({ name, url: `${base}${feedPath}` }));
    // A row that breaks a deferred foreign key whenever the poisoned item is stored: its commit fails, as a full disk would fail it.
    runtime.store.db.exec(`CREATE TABLE poison (ref INTEGER REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER poison_item AFTER INSERT ON items WHEN NEW.guid = 'poison-1' BEGIN INSERT INTO poison (ref) VALUES (-1); END;`);
    const poisoned = add('Poisoned', '/poisoned.xml');
    add('Unpolled too', '/none-2.xml');
    const failed = await runtime.cycle.poll(poisoned.id);
    expect(failed.error).toMatch(/FOREIGN KEY/);
    expect(itemsOf(poisoned.id)).toEqual([]);
    // The copy takes the id the rolled-back item had; it must not be taken for a copy of that item.
    const copy = add('Harbour', '/harbour.xml');
    expect(await runtime.cycle.poll(copy.id)).toMatchObject({ new: 1, errors: 0 });
    expect(itemsOf(copy.id)).toEqual([expect.objectContaining({ duplicateOf: null })]);
    runtime.store.db.exec('DROP TRIGGER poison_item; DROP TABLE poison;');
  });

  it('compares a copy with the originals of the last two weeks only, however long the server has run', async () => {
    const itemsOf = (sourceId: number) => runtime.store.db.prepare('SELECT id, duplicate_of AS duplicateOf FROM items WHERE source_id = ?').all(sourceId) as { id: number; duplicateOf: number | null }[];
    const add = (name: string, feedPath: string) => runtime.store.sources.create(CreateSourceSchema.parse({ name, url: `${base}${feedPath}` }));
    // A cycle of its own (it reads the last two weeks' originals from the store), with a clock the test moves on.
    let now = Date.now();
    const enricher = await Enricher.create();
    const cycle = new IngestCycle({
      store: runtime.store, preparer: new InlinePreparer(() => enricher), events: new PipelineEvents(), logger: silentLogger, allowPrivate: true, now: () => new Date(now),
    });
    const original = add('Summit', '/summit.xml');
    expect(await cycle.poll(original.id)).toMatchObject({ new: 1, errors: 0 });
    const [first] = itemsOf(original.id);
    now += 86_400_000;
    const nextDay = add('Summit day', '/summit-day.xml');
    await cycle.poll(nextDay.id);
    expect(itemsOf(nextDay.id)).toEqual([expect.objectContaining({ duplicateOf: first?.id })]);
    now += 15 * 86_400_000;
    const weeksOn = add('Summit weeks', '/summit-weeks.xml');
    await cycle.poll(weeksOn.id);
    expect(itemsOf(weeksOn.id)).toEqual([expect.objectContaining({ duplicateOf: null })]);
  });
});

describe('IngestCycle on a re-poll', () => {
  /** The runtime's store with a cycle of its own, whose reads the test sees (the real reader, recorded). */
  const cycleSeeingReads = async (onRead: () => void = () => {}) => {
    const enricher = await Enricher.create();
    const inline = new InlinePreparer(() => enricher);
    const reads: ReadDocument[] = [];
    const preparer = Object.assign(Object.create(inline) as InlinePreparer, {
      read: async (...args: Parameters<InlinePreparer['read']>) => {
        const read = await inline.read(...args);
        reads.push(read);
        onRead();
        return read;
      },
    });
    const cycle = new IngestCycle({ store: runtime.store, preparer, events: runtime.events, logger: silentLogger, allowPrivate: true });
    return { cycle, reads };
  };
  const add = (name: string, feedPath: string) => runtime.store.sources.create(CreateSourceSchema.parse({ name, url: `${base}${feedPath}` }));

  it('leaves the entries its last poll found or stored unread, and counts them as it always did', async () => {
    const { cycle, reads } = await cycleSeeingReads();
    const source = add('Rolling', '/rolling.xml');
    feeds['/rolling.xml'] = rolling(['a', 'b', '/c']);
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 3, new: 3, duplicates: 0, errors: 0 });
    feeds['/rolling.xml'] = rolling(['d', 'a', 'b', '/c']);
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 4, new: 1, duplicates: 3, errors: 0 });
    expect(reads[1]?.known.sort()).toEqual(['a', 'b', `${base}/c`]);
    expect(reads[1]?.entries.map((e) => e.ok && e.item.guid)).toEqual(['d']);
    // An entry that left the feed is forgotten; one that comes back is found in the store, then remembered.
    feeds['/rolling.xml'] = rolling(['e', 'd', 'b']);
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 3, new: 1, duplicates: 2 });
    feeds['/rolling.xml'] = rolling(['e', 'd', 'a']);
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 3, new: 0, duplicates: 3 });
    expect(reads[3]?.known.sort()).toEqual(['d', 'e']);
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 3, new: 0, duplicates: 3 });
    expect(reads[4]?.known.sort()).toEqual(['a', 'd', 'e']);
    const guids = runtime.store.db.prepare('SELECT guid FROM items WHERE source_id = ? ORDER BY guid').pluck().all(source.id);
    expect(guids).toEqual(['a', 'b', 'd', 'e', `${base}/c`]);

    // After a restart (a new cycle on the same store), the source starts from its latest guids in the store.
    const restarted = await cycleSeeingReads();
    expect(await restarted.cycle.poll(source.id)).toMatchObject({ fetched: 3, new: 0, duplicates: 3 });
    expect(restarted.reads[0]?.known.sort()).toEqual(['a', 'd', 'e']);
  });

  /** Deletes a source as the API does, and adds its feed again: the new source takes the freed id (the largest). */
  const deleteAndAddAgain = (source: { id: number; name: string; url: string }) => {
    runtime.events.emit('removed', runtime.store.sources.delete(source.id));
    const again = runtime.store.sources.create(CreateSourceSchema.parse({ name: source.name, url: source.url }));
    expect(again.id).toBe(source.id);
    return again;
  };

  it("forgets what it learnt when items are removed: a deleted source's id goes to the next source", async () => {
    const { cycle, reads } = await cycleSeeingReads();
    const source = add('Rolling again', '/rolling-again.xml');
    feeds['/rolling-again.xml'] = rolling(['h', 'i']);
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 2, new: 2 });
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 2, new: 0, duplicates: 2 });
    expect(reads[1]?.known.sort()).toEqual(['h', 'i']);
    const again = deleteAndAddAgain(source);
    expect(await cycle.poll(again.id)).toMatchObject({ fetched: 2, new: 2, duplicates: 0 });
    expect(reads[2]?.known).toEqual([]);
  });

  it('learns nothing from a poll during which items were removed', async () => {
    let during: (() => void) | null = null;
    const { cycle, reads } = await cycleSeeingReads(() => {
      during?.();
      during = null;
    });
    const source = add('Rolling too', '/rolling-too.xml');
    feeds['/rolling-too.xml'] = rolling(['f', 'g']);
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 2, new: 2 });
    // The second poll reads f and g as known; meanwhile the source is deleted and its feed added again.
    let again: { id: number } | null = null;
    during = () => {
      again = deleteAndAddAgain(source);
    };
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 2, new: 0, duplicates: 2 });
    expect(reads[1]?.known.sort()).toEqual(['f', 'g']);
    // Had that poll learnt f and g, the new source (the same id) would never store them.
    expect(await cycle.poll((again as { id: number } | null)?.id ?? -1)).toMatchObject({ fetched: 2, new: 2 });
    expect(reads[2]?.known).toEqual([]);
  });

  it('learns nothing from a poll whose items were rolled back: they are read and stored on the next', async () => {
    const { cycle, reads } = await cycleSeeingReads();
    runtime.store.db.exec(`CREATE TABLE poison (ref INTEGER REFERENCES items(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER poison_item AFTER INSERT ON items WHEN NEW.guid = 'flaky-1' BEGIN INSERT INTO poison (ref) VALUES (-1); END;`);
    const source = add('Flaky', '/flaky.xml');
    expect((await cycle.poll(source.id)).error).toMatch(/FOREIGN KEY/);
    runtime.store.db.exec('DROP TRIGGER poison_item; DROP TABLE poison;');
    expect(await cycle.poll(source.id)).toMatchObject({ fetched: 1, new: 1, errors: 0 });
    expect(reads[1]?.known).toEqual([]);
  });
});

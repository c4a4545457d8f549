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
};

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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_INDEX_TOPIC, OUTBOX_UNINDEX_TOPIC, Store } from '@parallax/store';
import { waitFor, WebhookReceiver } from './alerts-receivers.js';
import { FeedFarm, rss } from './feed-farm.js';
import { buildServer, freePort, ServerProcess } from './server-process.js';

const TOKEN = 'crash-ingest-admin-token-0123456789';
const KILLS = 20;
const FEEDS = 8;
/** New items per feed before each start: the feeds keep growing, so every run has fresh work in flight. */
const PER_ROUND = 10;
const WORDS = ['harbour', 'ministry', 'summit', 'pipeline', 'election', 'drought', 'tariff', 'satellite', 'vaccine', 'glacier', 'currency', 'embassy', 'railway', 'festival', 'refinery', 'archive'];

/** A small seeded PRNG (mulberry32), so a failing run can be replayed from the seed it prints. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}



interface ServedItem {
  feed: number;
  guid: string;
  title: string;
}

let dataDir: string;
let farm: FeedFarm;
let hooks: WebhookReceiver;
let server: ServerProcess;
const served: ServedItem[] = [];

/** Item n of feed f: distinct words, so no two items are near-duplicates of each other. */
function itemOf(f: number, n: number): ServedItem & { description: string } {
  const w = (k: number) => WORDS[(f * 7 + n * (k + 3) + k) % WORDS.length]!;
  const reactor = n % 3 === 0 ? 'Reactor ' : '';
  return {
    feed: f,
    guid: `urn:crash:${f}:${n}`,
    title: `${reactor}${w(0)} ${w(1)} report ${f}-${n}`,
    description: `Dispatch ${f * 1000 + n}: the ${w(2)} and the ${w(3)} (${f}.${n}.${(f * 31 + n * 17) % 97}) ${w(4)} ${n * n}.`,
  };
}

function grow(round: number): void {
  for (let f = 0; f < FEEDS; f++) {
    const items = Array.from({ length: (round + 1) * PER_ROUND }, (_, n) => itemOf(f, n));
    farm.set(`/feed-${f}.xml`, {
      body: rss(`Crash Feed ${f}`, items.map((i) => ({ title: i.title, link: `http://crash.example/${f}/${i.guid.split(':').pop()}`, guid: i.guid, date: new Date(Date.UTC(2026, 0, 1, 0, 0, 0) + (f * 1000 + items.indexOf(i)) * 60_000).toUTCString(), description: i.description }))),
      contentType: 'application/rss+xml',
    });
    for (let n = round * PER_ROUND; n < (round + 1) * PER_ROUND; n++) served.push(itemOf(f, n));
  }
}

beforeAll(async () => {
  const built = buildServer();
  expect(built.ok, built.output).toBe(true);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-crash-ingest-'));
  farm = await new FeedFarm().start();
  hooks = await new WebhookReceiver().start();
  server = new ServerProcess(await freePort(), dataDir, TOKEN);
  // The build waits for any other builder (one at a time, scripts/ensure-built.mjs).
}, 900_000);

afterAll(async () => {
  await server?.kill('SIGKILL');
  await Promise.all([farm?.stop(), hooks?.stop()]);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety under a busy ingest', () => {
  it(`SIGKILL at random points ${KILLS} times: every served item stored once, every alert delivered and acknowledged once, the index equal to the store`, async () => {
    const seed = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);
    const random = prng(seed);
    process.stdout.write(`crash-ingest seed ${seed} (CRASH_SEED=${seed} replays it)\n`);

    hooks.plan('/hook', [200]);
    grow(0);
    await server.start();
    const alert = (await (await server.api('/api/alerts', { method: 'POST', json: { name: 'Reactor', query: 'reactor', channels: { webhookUrl: `${hooks.url}/hook` } } })).json()) as { id: number };
    const sources: number[] = [];
    for (let f = 0; f < FEEDS; f++) {
      const s = (await (await server.api('/api/sources', { method: 'POST', json: { name: `Crash Feed ${f}`, url: `${farm.url}/feed-${f}.xml` } })).json()) as { id: number };
      sources.push(s.id);
    }

    const killedAt: number[] = [];
    for (let round = 0; round < KILLS; round++) {
      if (round > 0) {
        grow(round);
        await server.start();
      }
      // Every source polled at once; the kill lands anywhere in fetch, store, index, match or delivery.
      for (const id of sources) void server.api(`/api/sources/${id}/poll`, { method: 'POST' }).catch(() => null);
      const delay = Math.floor(random() * 1500);
      killedAt.push(delay);
      await new Promise((r) => setTimeout(r, delay));
      await server.kill('SIGKILL');
    }

    // The last start: poll once more to completion and let the outboxes drain.
    await server.start();
    for (const id of sources) expect((await server.api(`/api/sources/${id}/poll`, { method: 'POST' })).status).toBe(200);
    await waitFor(
      async () => {
        const health = (await (await server.api('/api/health')).json()) as { checks?: { search?: { pendingIndexing?: number } } };
        return health.checks?.search?.pendingIndexing === 0;
      },
      'the index outbox to drain',
      60_000,
    );
    const expectedMatches = served.filter((i) => i.title.startsWith('Reactor')).length;
    await waitFor(
      async () => {
        const { items } = (await (await server.api(`/api/alerts/${alert.id}/deliveries`)).json()) as { items: { channel: string; status: string }[] };
        const webhook = items.filter((d) => d.channel === 'webhook');
        return webhook.length > 0 && webhook.every((d) => d.status === 'delivered') ? webhook : null;
      },
      'every webhook delivery acknowledged',
      60_000,
    );

    // The search index, page by page, against the store.
    const indexed = new Set<number>();
    for (let offset = 0; ; offset += 100) {
      const page = (await (await server.api(`/api/search?sort=newest&limit=100&offset=${offset}`)).json()) as { total: number; hits: { id: number }[] };
      for (const h of page.hits) indexed.add(h.id);
      if (page.hits.length < 100) break;
    }
    await server.kill('SIGTERM');

    const store = Store.open(Store.fileIn(dataDir));
    try {
      const rows = store.db.prepare('SELECT id, guid, title FROM items').all() as { id: number; guid: string; title: string }[];
      const perGuid = new Map<string, number>();
      for (const r of rows) perGuid.set(r.guid, (perGuid.get(r.guid) ?? 0) + 1);
      const duplicated = [...perGuid].filter(([, n]) => n > 1).map(([g]) => g);
      const lost = served.filter((i) => !perGuid.has(i.guid)).map((i) => i.guid);
      const unexpected = rows.filter((r) => !served.some((s) => s.guid === r.guid));
      expect({ lost, duplicated, unexpected: unexpected.length }).toEqual({ lost: [], duplicated: [], unexpected: 0 });
      expect(rows).toHaveLength(served.length);

      // Index consistent with the store once the outbox has drained.
      expect(store.db.prepare('SELECT count(*) FROM outbox WHERE topic IN (?, ?)').pluck().get(OUTBOX_INDEX_TOPIC, OUTBOX_UNINDEX_TOPIC)).toBe(0);
      expect([...indexed].sort((a, b) => a - b)).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));

      // Alerts: one match per matching item, each carried by a webhook delivery that was acknowledged exactly once.
      const matches = store.db.prepare('SELECT item_id FROM alert_matches WHERE alert_id = ?').pluck().all(alert.id) as number[];
      expect(matches).toHaveLength(expectedMatches);
      const deliveries = store.db
        .prepare("SELECT id, key, status, item_ids_json FROM alert_deliveries WHERE alert_id = ? AND channel = 'webhook'")
        .all(alert.id) as { id: number; key: string; status: string; item_ids_json: string }[];
      const carried = deliveries.flatMap((d) => JSON.parse(d.item_ids_json) as number[]);
      expect(carried.sort((a, b) => a - b)).toEqual([...matches].sort((a, b) => a - b));
      expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
      const acks = store.db
        .prepare("SELECT delivery_id, count(*) AS n FROM alert_delivery_attempts WHERE status_code BETWEEN 200 AND 299 AND delivery_id IN (SELECT id FROM alert_deliveries WHERE alert_id = ? AND channel = 'webhook') GROUP BY delivery_id")
        .all(alert.id) as { delivery_id: number; n: number }[];
      expect(acks).toHaveLength(deliveries.length);
      expect(acks.filter((a) => a.n !== 1)).toEqual([]);
      // The receiver saw every delivery (at least once: a request cut off by a kill is sent again, same key).
      const receivedKeys = hooks.at('/hook').map((r) => String(r.headers['x-parallax-delivery']));
      for (const d of deliveries) expect(receivedKeys).toContain(d.key);
      const resent = receivedKeys.length - new Set(receivedKeys).size;
      process.stdout.write(
        `crash-ingest: ${KILLS} kills at ${killedAt.join(',')} ms; ${served.length} items served, ${rows.length} stored, 0 lost, 0 duplicated; ` +
          `${indexed.size} indexed; ${matches.length} matches, ${deliveries.length} webhook deliveries acknowledged once each, ${resent} resent after a kill\n`,
      );
    } finally {
      store.close();
    }
  }, 900_000);
});

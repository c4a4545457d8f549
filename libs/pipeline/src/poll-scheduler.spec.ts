import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateSourceSchema } from '@parallax/domain';
import { silentLogger } from './logger.js';
import { Runtime } from './runtime.js';

const ROOT = path.resolve(__dirname, '../../..');
const EMPTY_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://outlet.test/</link></channel></rss>';
/** The slow host's answer time: far longer than a handful of loopback polls of empty feeds. */
const SLOW_MS = 400;

let dir: string;
let runtime: Runtime;
const servers: http.Server[] = [];

async function serve(delayMs: number): Promise<string> {
  const server = http.createServer((_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(EMPTY_FEED), delayMs);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-polls-'));
  runtime = await Runtime.open({ dataDir: dir, seedDir: path.join(ROOT, 'seed'), allowPrivateSources: true, pollConcurrency: 2, meiliUrl: null, perHostGapMs: 0, logger: silentLogger, ingestThreads: 0 });
});

afterAll(async () => {
  await runtime?.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('PollScheduler', () => {
  it('polls the feeds of other hosts while one host is slow, instead of queueing workers behind it', async () => {
    // The slow host's six feeds are due first. Were the two workers handed sources in due order, both of
    // them would wait for that host (one request at a time per host) and the fast feeds would come after
    // most of the slow ones.
    const slow = await serve(SLOW_MS);
    const fast = await serve(0);
    const add = (name: string, url: string): number => runtime.store.sources.create(CreateSourceSchema.parse({ name, url })).id;
    const slowIds = Array.from({ length: 6 }, (_, i) => add(`Slow ${i}`, `${slow}/feed/${i}.xml`));
    const fastIds = Array.from({ length: 8 }, (_, i) => add(`Fast ${i}`, `${fast}/feed/${i}.xml`));
    const finished: number[] = [];
    runtime.events.on('source', ({ sourceId }) => finished.push(sourceId));

    expect(await runtime.scheduler.tick()).toBe(14);

    expect(new Set(finished)).toEqual(new Set([...slowIds, ...fastIds]));
    // Every fast feed was polled before the first slow answer came.
    const firstSlow = finished.findIndex((id) => slowIds.includes(id));
    expect(finished.slice(0, firstSlow).sort((a, b) => a - b)).toEqual(fastIds);
    // And the slow host was polled one request at a time, its feeds in due order.
    expect(finished.filter((id) => slowIds.includes(id))).toEqual(slowIds);
  }, 30_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDelivery } from '@parallax/domain';
import { waitFor, WebhookReceiver } from './alerts-receivers.js';
import { FeedFarm, rss } from './feed-farm.js';
import { buildServer, freePort, ServerProcess } from './server-process.js';

const TOKEN = 'crash-test-admin-token-0123456789';



let dataDir: string;
let farm: FeedFarm;
let hooks: WebhookReceiver;
let server: ServerProcess;

beforeAll(async () => {
  // The child runs the built server: build it first (tsc -b, a no-op when up to date).
  const built = buildServer();
  expect(built.ok, built.output).toBe(true);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-crash-'));
  farm = await new FeedFarm().start();
  hooks = await new WebhookReceiver().start();
  server = new ServerProcess(await freePort(), dataDir, TOKEN);
}, 240_000);

afterAll(async () => {
  await server?.kill('SIGTERM');
  await Promise.all([farm?.stop(), hooks?.stop()]);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('alerts survive a crash', () => {
  it('SIGKILL between match and delivery, then a restart, delivers the alert: one acknowledged delivery', async () => {
    // The receiver takes the first request and never answers: the delivery is in flight when the process dies.
    hooks.plan('/hook', ['hang']);
    await server.start();
    const alert = (await (await server.api('/api/alerts', { method: 'POST', json: { name: 'Crash', query: 'reactor', channels: { webhookUrl: `${hooks.url}/hook` } } })).json()) as { id: number };
    farm.set('/feed.xml', {
      body: rss('Grid Weekly', [{ title: 'Reactor restarts after inspection', link: 'http://grid.example/reactor', date: new Date().toUTCString(), description: 'The unit is back on the grid.' }]),
      contentType: 'application/rss+xml',
    });
    const source = (await (await server.api('/api/sources', { method: 'POST', json: { name: 'Grid Weekly', url: `${farm.url}/feed.xml` } })).json()) as { id: number };
    expect(((await (await server.api(`/api/sources/${source.id}/poll`, { method: 'POST' })).json()) as { new: number }).new).toBe(1);
    await waitFor(() => hooks.at('/hook').length === 1, 'the webhook request');

    await server.kill('SIGKILL');
    hooks.plan('/hook', [200]);
    await server.start();

    const delivered = await waitFor(async () => {
      const { items } = (await (await server.api(`/api/alerts/${alert.id}/deliveries`)).json()) as { items: AlertDelivery[] };
      const webhook = items.filter((d) => d.channel === 'webhook');
      return webhook.length === 1 && webhook[0]!.status === 'delivered' ? webhook : null;
    }, 'the delivery after the restart');
    expect(delivered[0]!.attempts.map((a) => a.statusCode)).toEqual([200]);
    const received = hooks.at('/hook');
    // At least once: the request cut off by the crash is sent again, under the same idempotency key.
    expect(received.map((r) => r.answered)).toEqual(['hang', 200]);
    expect(received[1]!.headers['x-parallax-delivery']).toBe(received[0]!.headers['x-parallax-delivery']);
    const matches = (await (await server.api(`/api/alerts/${alert.id}/matches`)).json()) as { total: number };
    expect(matches.total).toBe(1);

    // A second restart sends nothing that was acknowledged.
    await server.kill('SIGTERM');
    await server.start();
    await new Promise((r) => setTimeout(r, 1500));
    expect(hooks.at('/hook')).toHaveLength(2);
  });
});

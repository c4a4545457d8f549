import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDelivery } from '@parallax/domain';
import { waitFor, WebhookReceiver } from './alerts-receivers.js';
import { FeedFarm, rss } from './feed-farm.js';

const ROOT = path.resolve(__dirname, '../../..');
const TOKEN = 'crash-test-admin-token-0123456789';

/** A port free now: the server must listen on a known port so that a restart keeps its URL. */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** The real server, built, as a child process: what a crash kills. */
class Server {
  private child: ChildProcess | null = null;
  output = '';
  constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        MONITOR_DATA_DIR: this.dataDir,
        MONITOR_ADMIN_TOKEN: TOKEN,
        MONITOR_SEED: 'none',
        MONITOR_SCHEDULER: 'false',
        MONITOR_ALLOW_PRIVATE_SOURCES: 'true',
        MONITOR_PER_HOST_GAP_MS: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    this.child.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
    await waitFor(async () => (await fetch(`${this.url}/api/health`).catch(() => null))?.ok, `the server to start:\n${this.output}`, 30_000);
  }

  api(p: string, init: { method?: string; json?: unknown } = {}): Promise<Response> {
    return fetch(this.url + p, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${TOKEN}`, ...(init.json ? { 'content-type': 'application/json' } : {}) },
      body: init.json ? JSON.stringify(init.json) : undefined,
    });
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}

let dataDir: string;
let farm: FeedFarm;
let hooks: WebhookReceiver;
let server: Server;

beforeAll(async () => {
  // The child runs the built server: build it first (tsc -b, a no-op when up to date).
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-crash-'));
  farm = await new FeedFarm().start();
  hooks = await new WebhookReceiver().start();
  server = new Server(await freePort(), dataDir);
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

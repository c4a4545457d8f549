import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Store } from '@parallax/store';
import { pollCommand } from './poll.command.js';

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Loopback desk</title>
  <item><title>China and Russia hold talks on grain exports</title><guid>a</guid><description>Ministers met in Beijing.</description></item>
  <item><title>外交部：有关报道纯属假新闻</title><guid>b</guid><description>中国外交部发言人表示有关报道纯属捏造。</description></item>
</channel></rss>`;

let dataDir: string;
let server: http.Server;
const saved = { ...process.env };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-poll-cli-'));
  server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, { MONITOR_DATA_DIR: dataDir, MONITOR_SEED: 'none', MONITOR_ALLOW_PRIVATE_SOURCES: 'true', LOG_LEVEL: 'warn' });
});
afterAll(() => {
  process.env = saved;
  server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('cli poll --once', () => {
  it('polls every enabled source, also one whose next poll is hours away', async () => {
    const store = Store.open(Store.fileIn(dataDir));
    const source = store.sources.create({ name: 'Loopback desk', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`, kind: 'media', type: 'feed', pollIntervalSeconds: 3600, enabled: true });
    // As after a poll a moment ago: the next one is due in an hour.
    store.db.prepare('UPDATE sources SET next_poll_at = ? WHERE id = ?').run(new Date(Date.now() + 3_600_000).toISOString(), source.id);
    store.close();
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
    try {
      expect(await pollCommand.run(['--once'])).toBe(0);
    } finally {
      write.mockRestore();
    }
    expect(JSON.parse(out.join(''))).toEqual({ polled: 1, failed: [], items: 2 });
  });

  it('refuses an option it does not know instead of starting to poll', async () => {
    await expect(pollCommand.run(['--help'])).rejects.toThrow(/usage: poll .*unknown option: --help/);
  });
});

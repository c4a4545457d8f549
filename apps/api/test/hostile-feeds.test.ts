import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';
import { FeedFarm, rss } from './feed-farm.js';

// Hostile sources, end to end: each must become a source error (or inert content), never a crash,
// and the app must keep serving and polling other sources afterwards.
let app: TestApp;
let farm: FeedFarm;

const good = rss('Good Feed', [{ title: 'Still here', link: 'http://good.example/1', date: 'Mon, 07 Feb 2022 09:00:00 GMT', description: 'A normal item.' }]);

beforeAll(async () => {
  farm = await new FeedFarm().start();
  farm.set('/good.xml', { body: good, contentType: 'application/rss+xml' });
  farm.set('/not-a-feed.xml', { body: 'this is not XML at all <<<', contentType: 'application/xml' });
  farm.set('/html.xml', { body: '<!doctype html><html><body><p>A web page</p></body></html>', contentType: 'text/html' });
  farm.set('/laughs.xml', {
    body: `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Laughs</title><item><title>Boom &f; &xxe;</title><link>http://laughs.example/1</link><description>&f;</description></item></channel></rss>`,
    contentType: 'application/rss+xml',
  });
  farm.set('/script.xml', {
    body: rss('Scripts', [
      {
        title: 'Payload <script>alert(1)</script>',
        link: 'javascript:alert(1)',
        guid: 'script-1',
        date: 'Mon, 07 Feb 2022 09:00:00 GMT',
        description: '<p onclick="alert(2)">Hi</p><img src=x onerror="alert(3)"><a href="javascript:alert(4)">x</a><script>window.pwned=1</script><iframe src="http://evil.example"></iframe>',
      },
    ]),
    contentType: 'application/rss+xml',
  });
  farm.handle('/bomb.xml', (_req, res) => {
    // 64 MiB of zeros gzip to ~64 KiB: the decompressed-size cap (1 MiB here) must stop it.
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)));
  });
  farm.handle('/huge.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const push = () => {
      while (sent < 100 && res.write(chunk)) sent++;
      if (sent < 100) res.once('drain', push);
      else res.end();
    };
    res.on('error', () => {});
    push();
  });
  farm.handle('/drip.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => res.write('<'), 100);
    res.on('close', () => clearInterval(timer));
  });
  farm.handle('/loop.xml', (_req, res) => res.writeHead(302, { location: '/loop.xml' }).end());
  farm.handle('/limited.xml', (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
  app = await startTestApp({ MONITOR_FETCH_TIMEOUT_MS: '1500', MONITOR_FETCH_MAX_BYTES: String(1024 * 1024) });
});

afterAll(async () => {
  await app?.close();
  await farm?.stop();
});

async function addAndPoll(path: string): Promise<{ id: number; poll: { new: number; errors: number; error: string | null } }> {
  const res = await app.api('/api/sources', { method: 'POST', json: { name: path, url: farm.url + path } });
  const { id } = (await res.json()) as { id: number };
  const poll = (await (await app.api(`/api/sources/${id}/poll`, { method: 'POST' })).json()) as { new: number; errors: number; error: string | null };
  return { id, poll };
}

describe('hostile feeds become source errors, never crashes', () => {
  it.each([
    ['/not-a-feed.xml', /not a feed|XML/i],
    ['/html.xml', /html/i],
    ['/bomb.xml', /large|size|limit/i],
    ['/huge.xml', /large|size|limit/i],
    ['/drip.xml', /within 1500 ms/],
    ['/loop.xml', /redirect/i],
    ['/limited.xml', /429|rate/i],
  ])('%s is recorded as a source error', async (path, message) => {
    const { id, poll } = await addAndPoll(path);
    expect(poll.errors).toBe(1);
    expect(poll.error).toMatch(message);
    const source = (await (await app.api(`/api/sources/${id}`)).json()) as { lastStatus: string; lastError: string; consecutiveFailures: number; nextPollAt: string };
    expect(source).toMatchObject({ lastStatus: 'error', consecutiveFailures: 1 });
    const log = (await (await app.api(`/api/sources/${id}/polls`)).json()) as { status: string; error: string }[];
    expect(log[0]).toMatchObject({ status: 'error' });
  });

  it('honours Retry-After: the next poll of a rate-limited source waits at least that long', async () => {
    const sources = (await (await app.api('/api/sources')).json()) as { name: string; nextPollAt: string; lastPolledAt: string }[];
    const limited = sources.find((s) => s.name === '/limited.xml')!;
    expect(Date.parse(limited.nextPollAt) - Date.parse(limited.lastPolledAt)).toBeGreaterThanOrEqual(3600 * 1000);
  });

  it('keeps DTD entities inert (billion laughs, external entity)', async () => {
    const { id, poll } = await addAndPoll('/laughs.xml');
    expect(poll.errors).toBe(0);
    const hits = (await (await app.api(`/api/search?q=&limit=50`)).json()) as { hits: { id: number; sourceId: number }[] };
    const item = hits.hits.find((h) => h.sourceId === id)!;
    const whole = (await (await app.api(`/api/items/${item.id}`)).json()) as { title: string; summary: string | null };
    expect(whole.title.length).toBeLessThan(100);
    expect(JSON.stringify(whole)).not.toMatch(/lollol|root:/);
  });

  it('stores script, event-handler and javascript: payloads inert', async () => {
    const { id, poll } = await addAndPoll('/script.xml');
    expect(poll.new).toBe(1);
    const hits = (await (await app.api(`/api/search?q=&limit=50`)).json()) as { hits: { id: number; sourceId: number }[] };
    const item = (await (await app.api(`/api/items/${hits.hits.find((h) => h.sourceId === id)!.id}`)).json()) as {
      url: string | null;
      contentHtml: string | null;
      summary: string | null;
    };
    expect(item.url ?? '').not.toMatch(/javascript:/i);
    const html = (item.contentHtml ?? '') + (item.summary ?? '');
    expect(html).not.toMatch(/<script|javascript:|\son\w+\s*=|<iframe/i);
  });

  it('still polls a good source and answers health afterwards', async () => {
    const { poll } = await addAndPoll('/good.xml');
    expect(poll).toMatchObject({ new: 1, errors: 0 });
    expect((await fetch(app.url + '/api/health')).status).toBe(200);
  });
});

import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { brotliCompressSync, constants, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from './fetch-limits.js';
import { FetchError } from './fetch-error.js';
import { fetchResource } from './fetch-resource.js';
import { startLoopbackServer, type LoopbackServer } from './testing/loopback-server.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';
const open: LoopbackServer[] = [];

async function serve(handler: Parameters<typeof startLoopbackServer>[0], host?: string): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler, host);
  open.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

/** Streams `total` zero bytes in 64 KiB chunks, honouring backpressure. */
function zeros(total: number): Readable {
  const chunk = Buffer.alloc(64 * 1024);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

async function gzipStream(source: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source.pipe(createGzip({ level: 9 }))) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Peak resident-set growth while `work` runs, sampled every few milliseconds. */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe('fetchResource over loopback', () => {
  it('returns the body, headers and the address it came from, with a User-Agent naming Parallax', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Fri, 04 Feb 2022 08:00:00 GMT' });
      res.end(FEED);
    });
    const r = await fetchResource(`${server.origin}/feed.xml`, { allowPrivate: true });
    expect(r).toMatchObject({ status: 200, notModified: false, contentType: 'application/rss+xml; charset=utf-8', etag: '"v1"', lastModified: 'Fri, 04 Feb 2022 08:00:00 GMT', remoteAddress: '127.0.0.1', finalUrl: `${server.origin}/feed.xml` });
    expect(r.body.toString('utf8')).toBe(FEED);
    expect(server.requests[0]?.headers['user-agent']).toMatch(/Parallax/);
    expect(server.requests[0]?.headers['accept-encoding']).toContain('br');
  });

  it('sends If-None-Match and reads a 304 as not modified', async () => {
    const server = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { etag: '"v1"' }).end(FEED);
    });
    const first = await fetchResource(server.origin, { allowPrivate: true });
    const second = await fetchResource(server.origin, { allowPrivate: true, etag: first.etag });
    expect(first.notModified).toBe(false);
    expect(second).toMatchObject({ status: 304, notModified: true, etag: '"v1"' });
    expect(second.body.length).toBe(0);
  });

  it('sends If-Modified-Since and reads a 304 as not modified', async () => {
    const stamp = 'Fri, 04 Feb 2022 08:00:00 GMT';
    const server = await serve((req, res) => {
      if (req.headers['if-modified-since'] === stamp) return void res.writeHead(304).end();
      res.writeHead(200, { 'last-modified': stamp }).end(FEED);
    });
    const first = await fetchResource(server.origin, { allowPrivate: true });
    const second = await fetchResource(server.origin, { allowPrivate: true, lastModified: first.lastModified });
    expect(second).toMatchObject({ notModified: true, lastModified: stamp });
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('follows five redirects, resolving relative Locations, and refuses the sixth', async () => {
    const server = await serve((req, res) => {
      const m = /^\/hop\/(\d+)\/(\d+)$/.exec(req.url ?? '');
      if (!m) return void res.writeHead(404).end();
      const [at, total] = [Number(m[1]), Number(m[2])];
      if (at < total) return void res.writeHead(at % 2 ? 301 : 307, { location: `../${at + 1}/${total}` }).end();
      res.writeHead(200).end(`arrived after ${at}`);
    });
    const five = await fetchResource(`${server.origin}/hop/0/5`, { allowPrivate: true });
    expect(five.finalUrl).toBe(`${server.origin}/hop/5/5`);
    expect(five.redirects).toHaveLength(6);
    expect(five.body.toString()).toBe('arrived after 5');
    const six = await failure(fetchResource(`${server.origin}/hop/0/6`, { allowPrivate: true }));
    expect(six.reason).toBe('too_many_redirects');
    expect(six.code).toBe('FETCH_FAILED');
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    const server = await serve((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    expect((await failure(fetchResource(server.origin, { allowPrivate: true }))).reason).toBe('bad_url');
  });

  it('refuses loopback when private addresses are not allowed, without sending a request', async () => {
    const server = await serve((_req, res) => res.end(FEED));
    const literal = await failure(fetchResource(`${server.origin}/feed`));
    expect(literal.reason).toBe('private_address');
    expect(literal.message).toMatch(/loopback/);
    const byName = await failure(fetchResource(`http://localhost:${server.port}/feed`));
    expect(byName.reason).toBe('private_address');
    const mapped = await failure(fetchResource(`http://[::ffff:127.0.0.1]:${server.port}/feed`));
    expect(mapped.reason).toBe('private_address');
    expect(mapped.message).toMatch(/IPv4-mapped/);
    expect(server.requests).toHaveLength(0);
  });

  it('checks the address of every redirect hop with the address policy', async () => {
    // Offline there is no public first hop, so this test declares 127.0.0.1 "public" through the
    // policy hook and keeps every other address refused; the rest of 127.0.0.0/8 is loopback too.
    const onlyFirstHop = (address: string): string | null => (address === '127.0.0.1' ? null : `test policy refuses ${address}`);
    const inside = await serve((_req, res) => res.end('secret'), '127.0.0.2');
    const outside = await serve((_req, res) => res.writeHead(302, { location: `${inside.origin}/admin` }).end());
    const refused = await failure(fetchResource(`${outside.origin}/go`, { addressPolicy: onlyFirstHop }));
    expect(refused).toMatchObject({ reason: 'private_address', url: `${inside.origin}/admin` });
    expect(outside.requests).toHaveLength(1);
    expect(inside.requests).toHaveLength(0);
    const allowed = await fetchResource(`${outside.origin}/go`, { allowPrivate: true });
    expect(allowed.body.toString()).toBe('secret');
  });

  it('cuts off a server that drips one byte every 100 ms at the total deadline', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const drip = setInterval(() => res.write('x'), 100);
      res.on('close', () => clearInterval(drip));
    });
    const err = await failure(fetchResource(server.origin, { allowPrivate: true, timeoutMs: 800 }));
    expect(err.reason).toBe('timeout');
  });

  it('cuts off a server that never answers', async () => {
    const server = await serve(() => undefined);
    const err = await failure(fetchResource(server.origin, { allowPrivate: true, timeoutMs: 300 }));
    expect(err.reason).toBe('timeout');
  });

  it('stops a nested gzip bomb (a few KB inflating to 1 GiB) at the cap with bounded memory', async () => {
    // One gzip member of 64 MiB of zeros, repeated 16 times (concatenated members are one valid gzip
    // stream, RFC 1952 §2.2): 1 GiB inflated. Gzipped again it is a few KB on the wire.
    const member = await gzipStream(zeros(64 * 1024 * 1024));
    const inner = Buffer.concat(Array<Buffer>(16).fill(member));
    const outer = gzipSync(inner, { level: 9 });
    expect(outer.length).toBeLessThan(16 * 1024);
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip, gzip' }).end(outer));
    let err: FetchError | undefined;
    const growth = await peakRssGrowth(async () => {
      err = await failure(fetchResource(server.origin, { allowPrivate: true }));
    });
    expect(err?.reason).toBe('too_large');
    expect(err?.message).toMatch(/decompressed body exceeds the 10485760 byte limit/);
    expect(growth).toBeLessThan(DEFAULT_MAX_BYTES * 4);
  });

  it('stops a single-layer gzip bomb at a configured cap', async () => {
    const member = await gzipStream(zeros(64 * 1024 * 1024));
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(member));
    const err = await failure(fetchResource(server.origin, { allowPrivate: true, maxBytes: 1024 * 1024 }));
    expect(err.reason).toBe('too_large');
  });

  it.each([
    ['deflate', () => deflateSync(Buffer.alloc(64 * 1024 * 1024))],
    ['deflate', () => deflateRawSync(Buffer.alloc(64 * 1024 * 1024))],
    ['br', () => brotliCompressSync(Buffer.alloc(64 * 1024 * 1024), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })],
  ] as const)('stops a %s bomb at the cap', async (coding, make) => {
    const bomb = make();
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': coding }).end(bomb));
    const err = await failure(fetchResource(server.origin, { allowPrivate: true, maxBytes: 1024 * 1024 }));
    expect(err.reason).toBe('too_large');
  });

  it('stops a 100 MB plain body at the cap with bounded memory', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      zeros(100 * 1024 * 1024).pipe(res);
    });
    let err: FetchError | undefined;
    const growth = await peakRssGrowth(async () => {
      err = await failure(fetchResource(server.origin, { allowPrivate: true }));
    });
    expect(err?.reason).toBe('too_large');
    expect(growth).toBeLessThan(DEFAULT_MAX_BYTES * 4);
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) });
      res.write('x');
    });
    const err = await failure(fetchResource(server.origin, { allowPrivate: true }));
    expect(err.reason).toBe('too_large');
  });

  it('caps the compressed size separately', async () => {
    const body = gzipSync(randomBytes(4000));
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(body));
    const err = await failure(fetchResource(server.origin, { allowPrivate: true, maxCompressedBytes: 1000 }));
    expect(err.reason).toBe('too_large');
    expect(err.message).toMatch(/compressed body exceeds the 1000 byte limit/);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ] as const)('decodes Content-Encoding %s (%o)', async (coding, compress) => {
    const text = `${FEED} 中俄 Россия ${'padding '.repeat(5000)}`;
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': coding }).end(compress(Buffer.from(text))));
    const r = await fetchResource(server.origin, { allowPrivate: true });
    expect(r.body.toString('utf8')).toBe(text);
  });

  it.each([
    ['gzip', 'gzip', (b: Buffer) => gzipSync(b, { level: 1 })],
    ['deflate', 'zlib', (b: Buffer) => deflateSync(b, { level: 1 })],
    ['deflate', 'raw', (b: Buffer) => deflateRawSync(b, { level: 1 })],
    ['br', 'brotli', (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })],
  ] as const)('decodes a big %s body (%s, over 256 KiB encoded: decoded on the thread pool) and stops its bomb at the cap', async (coding, _format, compress) => {
    // Random bytes do not compress: the encoded body stays over the size decoded on the calling thread.
    const noise = randomBytes(400 * 1024);
    const big = Buffer.concat([noise, Buffer.from(FEED)]);
    const bomb = Buffer.concat([noise, Buffer.alloc(64 * 1024 * 1024)]);
    const bodies = new Map([
      ['/big', compress(big)],
      ['/bomb', compress(bomb)],
    ]);
    expect(bodies.get('/big')?.length).toBeGreaterThan(256 * 1024);
    const server = await serve((req, res) => res.writeHead(200, { 'content-encoding': coding }).end(bodies.get(req.url ?? '')));
    const r = await fetchResource(`${server.origin}/big`, { allowPrivate: true });
    expect(r.body.equals(big)).toBe(true);
    const err = await failure(fetchResource(`${server.origin}/bomb`, { allowPrivate: true, maxBytes: 1024 * 1024 }));
    expect(err.reason).toBe('too_large');
    expect(err.message).toMatch(/decompressed body exceeds the 1048576 byte limit/);
  });

  it('reports a body cut short by the connection as a connection error, plain or gzipped', async () => {
    const server = await serve((req, res) => {
      const gz = req.url === '/gz';
      const body = gz ? gzipSync(Buffer.from(FEED.repeat(50))) : Buffer.from(FEED.repeat(50));
      res.writeHead(200, { 'content-length': String(body.length), ...(gz ? { 'content-encoding': 'gzip' } : {}) });
      res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
    });
    for (const path of ['/plain', '/gz']) {
      const err = await failure(fetchResource(`${server.origin}${path}`, { allowPrivate: true }));
      expect(err.reason).toBe('connection');
      expect(err.message).toMatch(/closed before the whole body arrived|aborted/);
    }
  });

  describe('kept-alive connections', () => {
    const connections = (server: LoopbackServer): number => new Set(server.requests.map((r) => r.socket)).size;

    it('reuse one connection for the fetches of a host, after a 200 and after a 304', async () => {
      const server = await serve((req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
        res.writeHead(200, { etag: '"v1"' }).end(FEED);
      });
      expect((await fetchResource(`${server.origin}/a`, { allowPrivate: true })).body.toString()).toBe(FEED);
      expect((await fetchResource(`${server.origin}/b`, { allowPrivate: true, etag: '"v1"' })).notModified).toBe(true);
      expect((await fetchResource(`${server.origin}/c`, { allowPrivate: true })).body.toString()).toBe(FEED);
      expect(server.requests).toHaveLength(3);
      expect(connections(server)).toBe(1);
    });

    it('are not shared with a fetch under rules of its own (an address policy)', async () => {
      const server = await serve((_req, res) => res.end(FEED));
      await fetchResource(server.origin, { allowPrivate: true });
      await fetchResource(server.origin, { addressPolicy: () => null });
      await fetchResource(server.origin, { addressPolicy: () => null });
      expect(connections(server)).toBe(3);
    });

    it('send a request again on a new connection when the server had closed the kept one', async () => {
      // The server drops a connection when a second request arrives on it, as one does whose idle timeout
      // passed while the request was on its way.
      const seen = new WeakSet<object>();
      const server = await serve((req, res) => {
        if (seen.has(req.socket)) return void req.socket.destroy();
        seen.add(req.socket);
        res.end(FEED);
      });
      for (let i = 0; i < 3; i++) expect((await fetchResource(server.origin, { allowPrivate: true })).body.toString()).toBe(FEED);
      expect(server.requests).toHaveLength(5);
      expect(connections(server)).toBe(3);
    });

    it('do not time out on the connect deadline: they are connected already', async () => {
      const server = await serve((_req, res) => setTimeout(() => res.end(FEED), 150));
      for (let i = 0; i < 2; i++) expect((await fetchResource(server.origin, { allowPrivate: true, connectTimeoutMs: 100 })).body.toString()).toBe(FEED);
      expect(connections(server)).toBe(1);
    });
  });

  it('reads an empty body labelled gzip as empty', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '0' }).end());
    const r = await fetchResource(server.origin, { allowPrivate: true });
    expect(r.body.length).toBe(0);
  });

  it('reports an unknown Content-Encoding and a corrupt body as bad responses', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/zstd') return void res.writeHead(200, { 'content-encoding': 'zstd' }).end('x');
      res.writeHead(200, { 'content-encoding': 'gzip' }).end('this is not gzip');
    });
    expect((await failure(fetchResource(`${server.origin}/zstd`, { allowPrivate: true }))).reason).toBe('bad_response');
    expect((await failure(fetchResource(`${server.origin}/bad`, { allowPrivate: true }))).reason).toBe('bad_response');
  });

  it('surfaces Retry-After on 429 (delta-seconds) and 503 (HTTP-date)', async () => {
    const later = new Date(Date.now() + 3_600_000).toUTCString();
    const server = await serve((req, res) => {
      if (req.url === '/429') return void res.writeHead(429, { 'retry-after': '120' }).end();
      res.writeHead(503, { 'retry-after': later }).end();
    });
    const tooMany = await failure(fetchResource(`${server.origin}/429`, { allowPrivate: true }));
    expect(tooMany).toMatchObject({ reason: 'rate_limited', status: 429, retryAfterMs: 120_000 });
    const unavailable = await failure(fetchResource(`${server.origin}/503`, { allowPrivate: true }));
    expect(unavailable).toMatchObject({ reason: 'rate_limited', status: 503 });
    expect(unavailable.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(unavailable.retryAfterMs).toBeLessThanOrEqual(3_600_000);
  });

  it('reports other statuses, refused connections, bad URLs and a caller abort by reason', async () => {
    const server = await serve((_req, res) => res.writeHead(404).end('gone'));
    expect(await failure(fetchResource(server.origin, { allowPrivate: true }))).toMatchObject({ reason: 'http_status', status: 404 });
    const closed = await startLoopbackServer(() => undefined);
    await closed.close();
    expect((await failure(fetchResource(closed.origin, { allowPrivate: true }))).reason).toBe('connection');
    expect((await failure(fetchResource('ftp://example.org/feed'))).reason).toBe('bad_url');
    expect((await failure(fetchResource('not a url'))).reason).toBe('bad_url');
    const hanging = await serve(() => undefined);
    const controller = new AbortController();
    const pending = fetchResource(hanging.origin, { allowPrivate: true, signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).reason).toBe('aborted');
  });
});

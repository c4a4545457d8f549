import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/** One document served by the feed farm. */
export interface FarmFeed {
  body: string;
  contentType: string;
  /** Encode the body in this charset (iconv-lite name) instead of UTF-8. */
  encoding?: string;
  etag?: string;
}

/**
 * A loopback HTTP server serving feeds, with ETag support and hit counters: the "internet" of the
 * integration tests. Feeds can be replaced while it runs to simulate new items.
 */
export class FeedFarm {
  readonly hits = new Map<string, number>();
  readonly conditionalHits = new Map<string, number>();
  private readonly feeds = new Map<string, FarmFeed>();
  private readonly handlers = new Map<string, http.RequestListener>();
  private server: http.Server | null = null;
  url = '';

  set(path: string, feed: FarmFeed): void {
    this.feeds.set(path, feed);
  }

  /** Serves `path` with a hand-written handler: a hostile server (drip, bomb, redirect loop…). */
  handle(path: string, handler: http.RequestListener): void {
    this.handlers.set(path, handler);
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      const handler = this.handlers.get(path);
      if (handler) {
        handler(req, res);
        return;
      }
      const feed = this.feeds.get(path);
      if (!feed) {
        res.writeHead(404).end('not found');
        return;
      }
      if (feed.etag && req.headers['if-none-match'] === feed.etag) {
        this.conditionalHits.set(path, (this.conditionalHits.get(path) ?? 0) + 1);
        res.writeHead(304, { etag: feed.etag }).end();
        return;
      }
      const body = feed.encoding ? iconv.encode(feed.body, feed.encoding) : Buffer.from(feed.body, 'utf8');
      res.writeHead(200, { 'content-type': feed.contentType, ...(feed.etag ? { etag: feed.etag } : {}) });
      res.end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function rss(
  title: string,
  items: { title: string; link: string; guid?: string; date: string; description: string }[],
  language = 'en',
  encoding = 'utf-8',
): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>http://example.org/</link><language>${language}</language>
${items
  .map(
    (i) =>
      `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid>${esc(i.guid ?? i.link)}</guid><pubDate>${i.date}</pubDate><description>${esc(i.description)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

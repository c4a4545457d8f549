import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedEntry {
  guid: string;
  title: string;
  link: string;
  /** The item's HTML, in both <description> and <content:encoded> (escaped once, as RSS 2.0 carries HTML). */
  html: string;
  publishedAt: Date;
}

export interface LoopbackFeed {
  /** URL of the RSS 2.0 feed. */
  feedUrl: string;
  /** URL of an HTML page that announces the feed (<link rel="alternate">), for feed discovery. */
  pageUrl: string;
  /** Replaces what the feed serves from the next request on. */
  setEntries(entries: FeedEntry[]): void;
  close(): Promise<void>;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An RSS 2.0 feed on 127.0.0.1, port 0: the outside world of the browser tests, on loopback only. */
export async function startLoopbackFeed(title: string, language: string, entries: FeedEntry[] = []): Promise<LoopbackFeed> {
  let current = entries;
  const server = http.createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>${escapeXml(title)}</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>${escapeXml(title)}</body></html>`);
      return;
    }
    if (req.url !== '/feed.xml') {
      res.writeHead(404).end();
      return;
    }
    const items = current
      .map(
        (e) =>
          `<item><guid isPermaLink="false">${escapeXml(e.guid)}</guid><title>${escapeXml(e.title)}</title><link>${escapeXml(e.link)}</link>` +
          `<pubDate>${e.publishedAt.toUTCString()}</pubDate><description>${escapeXml(e.html)}</description><content:encoded>${escapeXml(e.html)}</content:encoded></item>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeXml(title)}</title><link>http://127.0.0.1/</link><language>${language}</language>${items}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    feedUrl: `${base}/feed.xml`,
    pageUrl: `${base}/`,
    setEntries: (next) => {
      current = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

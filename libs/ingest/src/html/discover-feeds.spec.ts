import { describe, expect, it } from 'vitest';
import { discoverFeeds } from './discover-feeds.js';

describe('discoverFeeds', () => {
  it('finds RSS, Atom and JSON feeds advertised with rel=alternate, resolving relative hrefs', () => {
    const html = `<html><head>
      <link rel="stylesheet" type="text/css" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title=" Latest  news " href="/rss/news.xml">
      <link rel="Alternate feed" type="application/atom+xml; charset=utf-8" href="atom.xml">
      <link rel="alternate" type="application/feed+json" href="https://cdn.example.net/feed.json">
      <link rel="alternate" type="application/rss+xml" href="/rss/news.xml">
      <link rel="alternate" hreflang="fr" type="text/html" href="/fr/">
      <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
    </head><body></body></html>`;
    expect(discoverFeeds(html, 'https://news.example.org/world/index.html')).toEqual([
      { url: 'https://news.example.org/rss/news.xml', title: 'Latest news', type: 'application/rss+xml', format: 'rss' },
      { url: 'https://news.example.org/world/atom.xml', title: null, type: 'application/atom+xml', format: 'atom' },
      { url: 'https://cdn.example.net/feed.json', title: null, type: 'application/feed+json', format: 'json' },
    ]);
  });

  it('finds nothing on a page without feed links', () => {
    expect(discoverFeeds('<p>no head</p>', 'https://example.org/')).toEqual([]);
  });
});

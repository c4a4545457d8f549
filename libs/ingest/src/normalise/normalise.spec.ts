import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.js';
import { htmlToText } from './html-to-text.js';
import { repairMojibake } from './mojibake.js';
import { normaliseEntry } from './normalise-entry.js';
import { sanitiseHtml } from './sanitise-html.js';

describe('sanitiseHtml', () => {
  it('drops scripts, handlers, frames, forms and dangerous URLs', () => {
    const dirty = `<p onclick="steal()" style="x">Hi<script>alert(1)</script><style>p{}</style></p>
<iframe src="https://evil.example"></iframe><object data="x"></object><form><input name="q"></form>
<a href="javascript:alert(1)">js</a><img src="data:image/png;base64,AAAA" onerror="x()">`;
    const clean = sanitiseHtml(dirty);
    expect(clean).not.toMatch(/script|style|iframe|object|form|input|onclick|onerror|javascript:|data:/i);
    expect(clean).toContain('<p>Hi</p>');
  });

  it('resolves relative URLs and marks links noopener noreferrer nofollow', () => {
    const clean = sanitiseHtml('<a href="/story?id=1">story</a><img src="pic.jpg" alt="圖">', 'https://news.example/world/index.html');
    expect(clean).toBe('<a href="https://news.example/story?id=1" rel="noopener noreferrer nofollow">story</a><img src="https://news.example/world/pic.jpg" alt="圖" />');
  });
});

describe('htmlToText', () => {
  it('strips tags, decodes references and keeps words apart at block boundaries', () => {
    expect(htmlToText('<p>Заявление&nbsp;МИД</p><p>Китай &amp; Россия</p><script>x()</script>')).toBe('Заявление\u00a0МИД Китай & Россия');
  });
});

describe('repairMojibake', () => {
  it('reads C1 controls as windows-1252 punctuation', () => {
    expect(repairMojibake('don\u0092t \u0093quote\u0094')).toBe('don’t “quote”');
  });

  it('undoes UTF-8 that was read as windows-1252', () => {
    expect(repairMojibake('wait\u00e2\u20ac\u00a6 caf\u00c3\u00a9')).toBe('wait… café');
  });

  it('leaves genuine Latin-1 text alone', () => {
    expect(repairMojibake('Ça coûte 5 € à Zürich')).toBe('Ça coûte 5 € à Zürich');
  });
});

describe('canonicalUrl', () => {
  it('lower-cases scheme and host, drops default port, fragment and tracking parameters, sorts the rest', () => {
    expect(canonicalUrl('HTTPS://News.Example:443/a/b?utm_source=x&z=1&fbclid=y&a=2&gclid=g&ocid=o#top')).toBe('https://news.example/a/b?a=2&z=1');
  });

  it('keeps a path-only query when every parameter was tracking', () => {
    expect(canonicalUrl('http://news.example:80/story?utm_medium=rss&mc_cid=1')).toBe('http://news.example/story');
  });

  it('resolves against a base and rejects what is not http(s)', () => {
    expect(canonicalUrl('/x?b=1&a=2', 'https://news.example/feed')).toBe('https://news.example/x?a=2&b=1');
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
  });
});

describe('normaliseEntry', () => {
  const ctx = { feedUrl: 'https://news.example/feed.xml', fetchedAt: '2022-02-05T00:00:00.000Z' };
  const entry = { title: null, link: null, guid: null, publishedAt: null, author: null, summary: null, content: null };

  it('builds the domain item with plain text, sanitised HTML and a canonical URL', () => {
    const item = normaliseEntry(
      {
        ...entry,
        title: ' 外交部：纯属假新闻 ',
        link: '/world/a?utm_source=rss',
        guid: 'id-1',
        // As the parsers hand them over: sanitised, relative links left for normalisation.
        summary: sanitiseHtml('<p>Spokesman &amp; embassy</p>'),
        content: sanitiseHtml('<p>Body<script>x()</script> <a href="more.html">more</a><img src="/i/1.jpg"></p>'),
        publishedAt: '2022-02-04T08:00:00.000Z',
      },
      ctx,
    );
    expect(item).toEqual({
      guid: 'id-1',
      url: 'https://news.example/world/a',
      title: '外交部：纯属假新闻',
      summary: 'Spokesman & embassy',
      contentText: 'Body more',
      // Resolved against the item's page (its relative link against the feed), not the feed.
      contentHtml: '<p>Body <a href="https://news.example/world/more.html" rel="noopener noreferrer nofollow">more</a><img src="https://news.example/i/1.jpg" /></p>',
      author: null,
      publishedAt: '2022-02-04T08:00:00.000Z',
    });
  });

  it('falls back to the canonical link, then to a stable digest, for the guid', () => {
    expect(normaliseEntry({ ...entry, title: 'T', link: 'https://news.example/b#c' }, ctx)?.guid).toBe('https://news.example/b');
    const a = normaliseEntry({ ...entry, title: 'Без ссылки', publishedAt: '2022-02-04T08:00:00.000Z' }, ctx);
    const b = normaliseEntry({ ...entry, title: 'Без ссылки', publishedAt: '2022-02-04T08:00:00.000Z' }, ctx);
    const other = normaliseEntry({ ...entry, title: 'Другая', publishedAt: '2022-02-04T08:00:00.000Z' }, ctx);
    expect(a?.guid).toMatch(/^urn:sha256:[0-9a-f]{32}$/);
    expect(a?.guid).toBe(b?.guid);
    expect(a?.guid).not.toBe(other?.guid);
  });

  it('titles an untitled entry from its text and drops an entry with nothing in it', () => {
    expect(normaliseEntry({ ...entry, content: sanitiseHtml('<p>Only a body</p>') }, ctx)?.title).toBe('Only a body');
    expect(normaliseEntry(entry, ctx)).toBeNull();
  });
});

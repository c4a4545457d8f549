import { DomainError } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.js';

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(
    `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Mid-Day Wire</title><link>https://wire.example/</link><language>en-gb</language>
    <item>
      <title>Ministry calls report &lt;em&gt;pure fake news&lt;/em&gt;</title>
      <link>/world/denial</link>
      <guid isPermaLink="false">wire-1234</guid>
      <pubDate>Fri, 04 Feb 2022 08:00:00 +0800</pubDate>
      <dc:creator>Li Wei</dc:creator>
      <description>The spokesman &amp; the embassy &eacute;chos.</description>
      <c:encoded><![CDATA[<p onclick="x()">Full <b>text</b><script>alert(1)</script></p>]]></c:encoded>
    </item>
    <item><guid>https://wire.example/2</guid><author>desk@wire.example (Wire Desk)</author></item>
  </channel>
</rss>`,
    { baseUrl: 'https://wire.example/feed.xml' },
  );

  it('reads the channel', () => {
    expect(feed.feed).toEqual({ title: 'Mid-Day Wire', link: 'https://wire.example/', language: 'en-gb' });
  });

  it('reads an item: plain-text title, resolved link, UTC date, sanitised content', () => {
    const [item] = feed.items;
    expect(item).toMatchObject({
      title: 'Ministry calls report pure fake news',
      link: 'https://wire.example/world/denial',
      guid: 'wire-1234',
      publishedAt: '2022-02-04T00:00:00.000Z',
      author: 'Li Wei',
      summary: 'The spokesman &amp; the embassy échos.',
    });
    expect(item?.content).toBe('<p>Full <b>text</b></p>');
  });

  it('uses a permalink guid as the link and takes the name from "email (name)"', () => {
    expect(feed.items[1]).toMatchObject({ link: 'https://wire.example/2', guid: 'https://wire.example/2', author: 'Wire Desk', title: null });
  });
});

describe('parseFeed: Atom', () => {
  it('reads Atom 1.0 text constructs, alternate links, xml:base and keeps ids unnormalised', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN" xml:base="https://news.example/zh/">
  <title type="html">外交部 &lt;b&gt;新闻&lt;/b&gt;</title>
  <link rel="self" href="feed.atom"/><link href="index.html"/>
  <author><name>发言人</name></author>
  <entry>
    <id>HTTP://News.Example/A#1</id>
    <title type="text">1 &lt; 2</title>
    <link rel="enclosure" href="a.mp3"/><link rel="alternate" type="text/html" href="a.html"/>
    <updated>2022-02-04T10:00:00+08:00</updated><published>2022-02-04T09:00:00+08:00</published>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>纯属<b>假新闻</b></p></div></summary>
    <content type="text/plain" mode="base64">5Lit5L+E</content>
  </entry>
</feed>`);
    expect(feed.feed).toEqual({ title: '外交部 新闻', link: 'https://news.example/zh/index.html', language: 'zh-CN' });
    expect(feed.items[0]).toEqual({
      title: '1 < 2',
      link: 'https://news.example/zh/a.html',
      guid: 'HTTP://News.Example/A#1',
      publishedAt: '2022-02-04T01:00:00.000Z',
      author: '发言人',
      summary: '<p>纯属<b>假新闻</b></p>',
      content: '中俄',
    });
  });

  it('reads Atom 0.3 escaped content and issued dates', () => {
    const feed = parseFeed(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry>
  <title mode="escaped" type="text/html">A &amp;amp; B</title>
  <issued>2004-01-01T00:00:00Z</issued>
  <content mode="escaped" type="text/html">&lt;p&gt;Body&lt;/p&gt;</content>
</entry></feed>`);
    expect(feed.items[0]).toMatchObject({ title: 'A & B', publishedAt: '2004-01-01T00:00:00.000Z', content: '<p>Body</p>' });
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('takes items beside the channel and rdf:about as the guid', () => {
    const feed = parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://ria.example/"><title>Новости</title><link>https://ria.example/</link><dc:language>ru</dc:language></channel>
  <item rdf:about="https://ria.example/1"><title>Китай и Россия</title><link>https://ria.example/1</link><dc:date>2022-02-04T12:00:00+03:00</dc:date></item>
</rdf:RDF>`);
    expect(feed.feed).toEqual({ title: 'Новости', link: 'https://ria.example/', language: 'ru' });
    expect(feed.items[0]).toMatchObject({ title: 'Китай и Россия', guid: 'https://ria.example/1', publishedAt: '2022-02-04T09:00:00.000Z' });
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads JSON Feed 1.1', () => {
    const feed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Kyiv Desk',
        home_page_url: 'https://kyiv.example/',
        language: 'uk',
        authors: [{ name: 'Редакція' }],
        items: [{ id: 42, url: '/n/42', title: 'Заява МЗС', content_html: '<p>Текст<iframe src="x"></iframe></p>', date_published: '2022-02-04T08:00:00Z' }],
      }),
      { baseUrl: 'https://kyiv.example/feed.json' },
    );
    expect(feed.feed).toEqual({ title: 'Kyiv Desk', link: 'https://kyiv.example/', language: 'uk' });
    expect(feed.items[0]).toEqual({
      title: 'Заява МЗС',
      link: 'https://kyiv.example/n/42',
      guid: '42',
      publishedAt: '2022-02-04T08:00:00.000Z',
      author: 'Редакція',
      summary: null,
      content: '<p>Текст</p>',
    });
  });
});

describe('parseFeed: entries the caller holds', () => {
  const rss = `<rss version="2.0"><channel><title>T</title>
    <item><title>One</title><guid isPermaLink="false">one</guid><link>/1</link><description>&lt;b&gt;first&lt;/b&gt;</description></item>
    <item><title>Two</title><link>/2</link><description>second</description></item>
    <item><title>Three</title><guid>https://feed.example/3</guid><description>third</description></item>
  </channel></rss>`;
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
    <entry><id>tag:feed.example,2026:one</id><title>One</title><link href="/1"/><summary>first</summary></entry>
    <entry><id>tag:feed.example,2026:two</id><title>Two</title><link href="/2"/><content type="html">&lt;p&gt;second&lt;/p&gt;</content></entry>
  </feed>`;
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'T',
    items: [
      { id: 1, url: '/1', title: 'One', content_html: '<p>first</p>' },
      { id: 'two', url: '/2', title: 'Two', content_text: 'second' },
    ],
  });

  it('leaves out the entries isKnown holds, asked with the guid and link the entry would have', () => {
    for (const text of [rss, atom, json]) {
      const baseUrl = 'https://feed.example/feed';
      const whole = parseFeed(text, { baseUrl });
      const asked: { guid: string | null; link: string | null }[] = [];
      const known = (e: { guid: string | null; link: string | null }): boolean => {
        asked.push({ guid: e.guid, link: e.link });
        return e.link === 'https://feed.example/2';
      };
      const part = parseFeed(text, { baseUrl, isKnown: known });
      expect(asked).toEqual(whole.items.map((e) => ({ guid: e.guid, link: e.link })));
      expect(part.items).toEqual(whole.items.filter((e) => e.link !== 'https://feed.example/2'));
      expect(part.items.length).toBe(whole.items.length - 1);
      expect(part.feed).toEqual(whole.feed);
    }
  });
});

describe('parseFeed: hostile and broken documents', () => {
  it('never expands entities declared in a DOCTYPE (billion laughs)', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title></item></channel></rss>`;
    const feed = parseFeed(lol);
    expect(feed.feed.title).toBe('&lol3;');
    expect(feed.items).toHaveLength(1);
  });

  it('never resolves external entities (XXE)', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&secret;</title></channel></rss>`;
    expect(parseFeed(xxe).feed.title).toBe('&secret;');
  });

  it('recovers from unescaped ampersands and unclosed tags', () => {
    const feed = parseFeed(`<rss version="2.0"><channel><title>AT&T News</title>
<item><title>Q&A</title><link>http://x.example/get?a=1&b=2</link><description><p>open paragraph</description></item>
</channel></rss>`);
    expect(feed.feed.title).toBe('AT&T News');
    expect(feed.items[0]).toMatchObject({ title: 'Q&A', link: 'http://x.example/get?a=1&b=2' });
    expect(feed.items[0]?.summary).toContain('open paragraph');
  });

  it('matches namespaces by URI, not by prefix', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:x="http://purl.org/dc/elements/1.1/" xmlns:dc="urn:not-dublin-core">
<channel><item><dc:creator>Wrong</dc:creator><x:creator>Right</x:creator><x:date>2022-02-04</x:date></item></channel></rss>`);
    expect(feed.items[0]).toMatchObject({ author: 'Right', publishedAt: '2022-02-04T00:00:00.000Z' });
  });

  it('refuses a document that is no feed', () => {
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(DomainError);
    expect(() => parseFeed('plain text')).toThrow(DomainError);
    expect(() => parseFeed('{"not":"a feed"}')).toThrow(/JSON Feed/);
  });
});

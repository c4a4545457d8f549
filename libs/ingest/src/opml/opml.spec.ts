import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OpmlError } from './opml-error.js';
import type { OpmlSource } from './opml.types.js';
import { parseOpml } from './parse-opml.js';
import { toOpml } from './to-opml.js';

const READER_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a feed reader -->
<opml version="1.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="Top" type="rss" xmlUrl="https://top.example/feed" />
    <outline text="News" title="News">
      <outline text="Asia">
        <outline text="Xinhua &amp; co" title="Xinhua English" type="rss" xmlURL="http://www.xinhuanet.com/english/rss/worldrss.xml" htmlUrl="http://www.xinhuanet.com/english/" language="en"/>
        <outline title="SCMP" xmlUrl="https://www.scmp.com/rss/91/feed" category="/Asia/HK"/>
      </outline>
      <outline text="Meduza" xmlUrl="https://meduza.io/rss/all" language="ru"></outline>
    </outline>
    <outline text="empty folder"/>
  </body>
</opml>`;

describe('parseOpml', () => {
  it('flattens nested outlines, taking the category from the nearest folder', () => {
    const outlines = parseOpml(READER_EXPORT);
    expect(outlines.map((o) => [o.text, o.url, o.category, o.language])).toEqual([
      ['Top', 'https://top.example/feed', null, null],
      ['Xinhua & co', 'http://www.xinhuanet.com/english/rss/worldrss.xml', 'Asia', 'en'],
      ['SCMP', 'https://www.scmp.com/rss/91/feed', '/Asia/HK', null],
      ['Meduza', 'https://meduza.io/rss/all', 'News', 'ru'],
    ]);
    expect(outlines[1]).toMatchObject({ title: 'Xinhua English', htmlUrl: 'http://www.xinhuanet.com/english/', type: 'rss', kind: null, sourceType: 'feed', selectors: null });
  });

  it('reads our own attributes', () => {
    const text = `<opml version="2.0" xmlns:parallax="http://parallax.invalid/ns/opml/1"><body>
      <outline text="MFA China" type="link" htmlUrl="https://www.mfa.gov.cn/web/fyrbt_673021/" parallax:kind="official" parallax:type="html"
        parallax:country="CN" parallax:pollIntervalSeconds="1800" parallax:selectors="{&quot;list&quot;:&quot;ul.list1 li&quot;,&quot;link&quot;:&quot;a&quot;}"/>
    </body></opml>`;
    expect(parseOpml(text)).toEqual([
      {
        text: 'MFA China',
        title: null,
        xmlUrl: null,
        htmlUrl: 'https://www.mfa.gov.cn/web/fyrbt_673021/',
        url: 'https://www.mfa.gov.cn/web/fyrbt_673021/',
        type: 'link',
        language: null,
        category: null,
        kind: 'official',
        sourceType: 'html',
        country: 'CN',
        pollIntervalSeconds: 1800,
        selectors: { list: 'ul.list1 li', link: 'a' },
      },
    ]);
  });

  it.each([
    ['<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><opml><body/></opml>', /internal subset/],
    ['<opml><body><outline text="&b;" xmlUrl="https://x.example/"/></body></opml>', /undefined entity &b;/],
    ['<opml><body><outline text="AT&T" xmlUrl="https://x.example/"/></body></opml>', /"&" must start an entity reference/],
    ['<opml><body><outline text="x" xmlUrl="https://x.example/"></body></opml>', /line 1, column \d+: expected <\/outline> \(opened at line 1\) but found <\/body>/],
    ['<opml>\n<body>\n<outline text="x"/>\n', /<body> opened at line 2 is never closed/],
    ['<opml><body><outline text=x/></body></opml>', /must be quoted/],
    ['<opml><body><outline text="a" text="b"/></body></opml>', /appears twice/],
    ['<opml><body/></opml><opml/>', /second root element/],
    ['', /no root element/],
    ['just text', /text before the root element/],
    ['<rss version="2.0"><channel/></rss>', /root element is <rss>, expected <opml> \(this is a feed/],
    ['<opml><head/></opml>', /no <body>/],
    ['<opml><body><outline text="x" xmlUrl="https://x.example/" parallax:kind="blog"/></body></opml>', /parallax:kind="blog" must be one of media, official/],
    ['<opml><body><outline text="x" xmlUrl="https://x.example/" parallax:selectors="{nope"/></body></opml>', /parallax:selectors is not valid JSON/],
    ['<opml><body><outline text="x" xmlUrl="https://x.example/" parallax:selectors="{&quot;list&quot;:&quot;&quot;}"/></body></opml>', /parallax:selectors: list/],
  ])('refuses malformed input %#', (text, message) => {
    let err: unknown;
    try {
      parseOpml(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OpmlError);
    expect((err as OpmlError).code).toBe('VALIDATION');
    expect((err as OpmlError).message).toMatch(message);
  });
});

describe('toOpml', () => {
  const sources: OpmlSource[] = [
    { name: 'UN News', url: 'https://news.un.org/feed/subscribe/en/news/all/rss.xml', kind: 'media', type: 'feed', language: 'en' },
    { name: 'МИД России — "заявления" & <комментарии>', url: 'https://mid.ru/ru/press_service/?a=1&b=2', kind: 'official', type: 'html', language: 'ru', country: 'RU', category: 'Officials', pollIntervalSeconds: 1800, selectors: { list: 'div.news > a', link: 'a', date: '.date' } },
    { name: '外交部\tline\nbreak', url: 'https://www.mfa.gov.cn/rss.xml', kind: 'official', type: 'feed', language: 'zh', category: 'Officials', htmlUrl: 'https://www.mfa.gov.cn/' },
  ];

  it('writes OPML 2.0 with escaped attributes, folders per category, and reads back what it wrote', () => {
    const text = toOpml(sources, { dateCreated: new Date('2022-02-04T08:00:00Z') });
    expect(text).toContain('<opml version="2.0" xmlns:parallax="http://parallax.invalid/ns/opml/1">');
    expect(text).toContain('<dateCreated>Fri, 04 Feb 2022 08:00:00 GMT</dateCreated>');
    expect(text).toContain('text="МИД России — &quot;заявления&quot; &amp; &lt;комментарии&gt;"');
    expect(text).toContain('<outline text="Officials">');
    const back = parseOpml(text);
    expect(
      back.map((o) => ({ name: o.text, url: o.url, kind: o.kind, type: o.sourceType, language: o.language, country: o.country, category: o.category, pollIntervalSeconds: o.pollIntervalSeconds, selectors: o.selectors })),
    ).toEqual([
      { name: 'UN News', url: sources[0]?.url, kind: 'media', type: 'feed', language: 'en', country: null, category: null, pollIntervalSeconds: null, selectors: null },
      { name: sources[1]?.name, url: sources[1]?.url, kind: 'official', type: 'html', language: 'ru', country: 'RU', category: 'Officials', pollIntervalSeconds: 1800, selectors: sources[1]?.selectors },
      { name: sources[2]?.name, url: sources[2]?.url, kind: 'official', type: 'feed', language: 'zh', country: null, category: 'Officials', pollIntervalSeconds: null, selectors: null },
    ]);
    expect(back[2]?.htmlUrl).toBe('https://www.mfa.gov.cn/');
  });

  it('round-trips any name and URL text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.webUrl(), (name, url) => {
        fc.pre(name.trim() !== '');
        const [back] = parseOpml(toOpml([{ name, url }]));
        expect(back?.text).toBe(name.trim());
        expect(back?.url).toBe(url.trim());
      }),
    );
  });

  it('answers any input with sources or an OpmlError, never another failure', () => {
    const pieces = fc.constantFrom('<opml>', '</opml>', '<body>', '</body>', '<outline text="a" xmlUrl="https://a.example/">', '</outline>', '<outline/>', '&amp;', '&x;', '<!DOCTYPE x [', ']>', '<?xml?>', '<!--', '-->', '"', "'", '=', ' ', 'text', '<', '>', '/>');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        try {
          expect(Array.isArray(parseOpml(parts.join('')))).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(OpmlError);
        }
      }),
    );
  });
});

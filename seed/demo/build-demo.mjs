#!/usr/bin/env node
// Builds the demo workspace: writes every fixture feed under ./feeds and the manifest
// ./demo.sources.json from the invented corpus in ./corpus. Run once after editing the corpus
// (`node seed/demo/build-demo.mjs`); the output is committed so start-up needs no build.
// Output is deterministic: the same corpus gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { outlets } from './corpus/index.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const feedsDir = join(here, 'feeds');

/** XML-escapes text for element content and attribute values. */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The item's instant: the corpus gives local wall time plus the outlet's UTC offset. */
function instant(outlet, item) {
  return new Date(`2022-${item.day}T${item.time}:00${item.tz ?? outlet.tz}`);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

/** RFC 822 date-time as RSS 2.0 wants it, in the outlet's own offset (e.g. `+0800`). */
function rfc822(outlet, item) {
  const offset = item.tz ?? outlet.tz;
  const minutes = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(instant(outlet, item).getTime() + minutes * 60_000);
  return `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00 ${offset.replace(':', '')}`;
}

/** RFC 3339 in the outlet's own offset, as Atom (RFC 4287 §3.3) and JSON Feed want it. */
const rfc3339 = (outlet, item) => `2022-${item.day}T${item.time}:00${item.tz ?? outlet.tz}`;

const itemUrl = (outlet, item) => `${outlet.link}${item.path ?? `news/2022/${item.day.replace('-', '/')}/${item.slug}`}`;
const html = (item) => (item.paragraphs ?? []).map((p) => (p.startsWith('<') ? p : `<p>${esc(p)}</p>`)).join('\n');

function rss2(o) {
  const items = o.items
    .map((it) => {
      const content = it.paragraphs ? `\n      <content:encoded><![CDATA[${html(it)}]]></content:encoded>` : '';
      const author = it.author ? `\n      <dc:creator>${esc(it.author)}</dc:creator>` : '';
      const category = it.category ? `\n      <category>${esc(it.category)}</category>` : '';
      return `    <item>
      <title>${esc(it.title)}</title>
      <link>${esc(itemUrl(o, it))}</link>
      <guid isPermaLink="false">${esc(`${o.id}-${it.day}-${it.slug}`)}</guid>
      <pubDate>${rfc822(o, it)}</pubDate>${author}${category}
      <description>${esc(it.summary)}</description>${content}
    </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="${o.encoding ?? 'UTF-8'}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${esc(o.name)}</title>
    <link>${esc(o.link)}</link>
    <description>${esc(o.description)}</description>
    <language>${o.languageTag ?? o.language}</language>
    <lastBuildDate>${rfc822(o, o.items[0])}</lastBuildDate>
${items}
  </channel>
</rss>
`;
}

function atom(o) {
  const entries = o.items
    .map((it) => {
      const content = it.paragraphs ? `\n    <content type="html">${esc(html(it))}</content>` : '';
      const author = it.author ? `\n    <author><name>${esc(it.author)}</name></author>` : '';
      return `  <entry>
    <title>${esc(it.title)}</title>
    <link rel="alternate" type="text/html" href="${esc(itemUrl(o, it))}"/>
    <id>tag:${new URL(o.link).hostname},2022:${it.day}:${it.slug}</id>
    <published>${rfc3339(o, it)}</published>
    <updated>${rfc3339(o, it)}</updated>${author}
    <summary type="text">${esc(it.summary)}</summary>${content}
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${o.languageTag ?? o.language}">
  <title>${esc(o.name)}</title>
  <subtitle>${esc(o.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${esc(o.link)}"/>
  <link rel="self" type="application/atom+xml" href="${esc(`${o.link}feed.atom`)}"/>
  <id>${esc(o.link)}</id>
  <updated>${rfc3339(o, o.items[0])}</updated>
${entries}
</feed>
`;
}

/** RSS 1.0 (RDF Site Summary): items listed in the channel's rdf:Seq and given as siblings of it. */
function rdf(o) {
  const seq = o.items.map((it) => `        <rdf:li rdf:resource="${esc(itemUrl(o, it))}"/>`).join('\n');
  const items = o.items
    .map((it) => {
      const content = it.paragraphs ? `\n    <content:encoded><![CDATA[${html(it)}]]></content:encoded>` : '';
      const author = it.author ? `\n    <dc:creator>${esc(it.author)}</dc:creator>` : '';
      return `  <item rdf:about="${esc(itemUrl(o, it))}">
    <title>${esc(it.title)}</title>
    <link>${esc(itemUrl(o, it))}</link>
    <description>${esc(it.summary)}</description>
    <dc:date>${rfc3339(o, it)}</dc:date>${author}${content}
  </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="${esc(`${o.link}index.rdf`)}">
    <title>${esc(o.name)}</title>
    <link>${esc(o.link)}</link>
    <description>${esc(o.description)}</description>
    <dc:language>${o.languageTag ?? o.language}</dc:language>
    <items>
      <rdf:Seq>
${seq}
      </rdf:Seq>
    </items>
  </channel>
${items}
</rdf:RDF>
`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
function jsonFeed(o) {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: o.name,
    home_page_url: o.link,
    feed_url: `${o.link}feed.json`,
    description: o.description,
    language: o.languageTag ?? o.language,
    items: o.items.map((it) => ({
      id: `${o.id}-${it.day}-${it.slug}`,
      url: itemUrl(o, it),
      title: it.title,
      summary: it.summary,
      ...(it.paragraphs ? { content_html: html(it) } : { content_text: it.summary }),
      date_published: rfc3339(o, it),
      ...(it.author ? { authors: [{ name: it.author }] } : {}),
      ...(it.category ? { tags: [it.category] } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A statement listing page with no feed: read with the CSS selectors given in the manifest. */
function statementPage(o) {
  const rows = o.items
    .map(
      (it) => `      <li class="statement">
        <span class="date">2022-${it.day}</span>
        <a class="title" href="/${esc(it.path ?? `eng/statements/2022${it.day.replace('-', '')}-${it.slug}.html`)}">${esc(it.title)}</a>
        <p class="lead">${esc(it.summary)}</p>
      </li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${o.languageTag ?? o.language}">
<head>
  <meta charset="utf-8">
  <title>${esc(o.name)}</title>
</head>
<body>
  <header><nav><a href="/eng/">Home</a> | <a href="/eng/statements/">Statements</a> | <a href="/eng/visa/">Consular services</a></nav></header>
  <main>
    <h1>${esc(o.description)}</h1>
    <ul class="statement-list">
${rows}
    </ul>
    <div class="pager"><a href="/eng/statements/?page=2">Next page</a></div>
  </main>
  <footer>Demo fixture: invented statements, not an official website.</footer>
</body>
</html>
`;
}

const formats = {
  rss2: { render: rss2, ext: 'rss.xml', type: 'application/rss+xml' },
  atom: { render: atom, ext: 'atom.xml', type: 'application/atom+xml' },
  rdf: { render: rdf, ext: 'rdf.xml', type: 'application/rdf+xml' },
  json: { render: jsonFeed, ext: 'feed.json', type: 'application/feed+json' },
  html: { render: statementPage, ext: 'html', type: 'text/html' },
};

/** Encodes the document; refuses characters the legacy charset cannot hold rather than write '?'. */
function encode(text, encoding) {
  if (!encoding || encoding.toUpperCase() === 'UTF-8') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text) throw new Error(`text not representable in ${encoding}`);
  return bytes;
}

mkdirSync(feedsDir, { recursive: true });
const manifest = [];
let total = 0;
for (const o of outlets) {
  const format = formats[o.format];
  // Newest first, as feeds list them.
  o.items.sort((a, b) => instant(o, b) - instant(o, a));
  const file = `feeds/${o.id}.${format.ext}`;
  writeFileSync(join(here, file), encode(format.render(o), o.encoding));
  total += o.items.length;
  manifest.push({
    name: o.name,
    file,
    // The GBK feed declares its charset only in the XML prolog, to exercise that path (RFC 7303 §3.2).
    contentType: o.contentType ?? `${format.type}; charset=${o.encoding ?? 'utf-8'}`,
    kind: o.kind,
    type: o.format === 'html' ? 'html' : 'feed',
    language: o.language,
    country: o.country,
    pollIntervalSeconds: 3600,
    ...(o.selectors ? { selectors: o.selectors } : {}),
    demo: true,
    itemCount: o.items.length,
  });
}
writeFileSync(join(here, 'demo.sources.json'), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`wrote ${manifest.length} feeds, ${total} items\n`);

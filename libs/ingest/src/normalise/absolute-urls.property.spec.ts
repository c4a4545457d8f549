import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SanitisedHtml } from '@parallax/domain';
import { absoluteUrls } from './absolute-urls.js';
import { sanitiseHtml } from './sanitise-html.js';
import { executableConstructs } from './testing/executable-constructs.js';

/** Cases per property: 1,000 in `npm test`, more in the nightly `npm run fuzz` (FUZZ_RUNS). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

const tag = fc.constantFrom('a', 'A', 'img', 'abbr', 'p', 'div', 'span', 'b', 'blockquote', 'q', 'table', 'td', 'script', 'style', 'iframe', 'svg', 'textarea', 'br', 'hr');
const attrName = fc.constantFrom('href', 'HREF', 'src', 'alt', 'title', 'cite', 'rel', 'onerror', 'style', 'width', 'data-href', 'xlink:href');
const attrValue = fc.oneof(
  fc.constantFrom(
    '/relative?a=1&b=2', 'page.html#x', '../up/é ü.jpg', '?q="x"', 'https://example.org/a.png', 'HTTPS://Example.ORG/A', 'mailto:a@b.c', '//evil.example/x.js',
    'javascript:alert(1)', ' jav&#x61;script:alert(1)', 'data:text/html,x', 'a&amp;b', 'x" onerror="alert(1)', 'a>b<c', 'href="x"', 'http://[::1', '  spaced  ', '&lt;&gt;&quot;',
  ),
  fc.string({ maxLength: 12 }),
);
const attr = fc.tuple(attrName, attrValue, fc.constantFrom('"', "'", '')).map(([n, v, q]) => (q ? ` ${n}=${q}${v}${q}` : ` ${n}=${v.replace(/[\s>]/g, '')}`));
const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 10 }),
    fc.constantFrom('<!--', '-->', '</', '<', '>', '&', '&amp;', '"', ' href="/x" ', '<a', '<img'),
    fc.tuple(tag, fc.array(attr, { maxLength: 4 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean()).map(([t, as, kids, close]) => `<${t}${as.join('')}>${kids.join('')}${close ? `</${t}>` : ''}`),
  ),
})).node;
const html = fc.array(element, { maxLength: 6 }).map((parts) => parts.join(''));
/** The entry's xml:base, as the parser sanitises with it. */
const itemBase = fc.constantFrom(undefined, 'https://feeds.example/world/', 'http://example.org/a/b.html');
/** The item's link or the feed's URL, as normalisation resolves against it: some are no http(s) base at all. */
const linkBase = fc.constantFrom('https://news.example/world/article.html?id=1', 'http://example.org/', 'file:///etc/', 'javascript:alert(1)', 'demo:/feeds/world.xml', 'mailto:x@y.z', 'https://xn--fiqs8s.example/路径/');

describe('absoluteUrls (property)', () => {
  it('gives what a second sanitising pass with the base gave, wherever that pass changed nothing but the URLs', () => {
    // The sanitiser is not quite idempotent on broken nesting (`<p><iframe><p>` gives `<p><p></p></p>`,
    // which a second pass reads as three paragraphs): there the two differ in structure, not in safety.
    fc.assert(
      fc.property(html, itemBase, linkBase, (input, base, link) => {
        // As the parsers hand it over (htmlOf): sanitised against the entry's xml:base, trimmed.
        const parsed = sanitiseHtml(input, base).trim() as SanitisedHtml;
        fc.pre(sanitiseHtml(parsed).trim() === parsed);
        expect(absoluteUrls(parsed, link)).toBe(sanitiseHtml(parsed, link).trim());
      }),
      { numRuns: RUNS },
    );
  });

  it('never turns sanitised hostile input into an executable construct, whatever the base', () => {
    fc.assert(
      fc.property(html, itemBase, linkBase, (input, base, link) => {
        expect(executableConstructs(absoluteUrls(sanitiseHtml(input, base), link))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('resolves links and image sources, escaped as attributes, and leaves the rest as it is', () => {
    const parsed = sanitiseHtml('<p>a &amp; b <a href="/x?a=1&amp;b=&quot;2&quot;" title="/t">l</a> <img src="i.jpg" alt="/i"> <blockquote cite="/c">q</blockquote></p>');
    expect(absoluteUrls(parsed, 'https://news.example/world/a.html')).toBe(
      '<p>a &amp; b <a href="https://news.example/x?a=1&amp;b=%222%22" title="/t" rel="noopener noreferrer nofollow">l</a> <img src="https://news.example/world/i.jpg" alt="/i" /> </p><blockquote cite="/c">q</blockquote><p></p>',
    );
  });
});

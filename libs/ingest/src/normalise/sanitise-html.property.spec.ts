import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitiseHtml } from './sanitise-html.js';
import { executableConstructs } from './testing/executable-constructs.js';

/** Cases per property: 1,000 in `npm test`, more in the nightly `npm run fuzz` (FUZZ_RUNS). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

const tag = fc.constantFrom('script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'a', 'img', 'p', 'div', 'span', 'b', 'table', 'td', 'base', 'meta', 'link', 'template', 'noscript', 'textarea', 'title', 'xmp', 'SCRIPT', 'ScRiPt');
const attrName = fc.constantFrom('href', 'src', 'onerror', 'onclick', 'OnLoad', 'style', 'srcdoc', 'formaction', 'xlink:href', 'action', 'data', 'class', 'title', 'alt', 'cite', 'background', 'poster');
const attrValue = fc.oneof(
  fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'jav&#x61;script:alert(1)', '&#106;avascript:x', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', '//evil.example/x.js', 'https://example.org/a.png', '/relative', 'mailto:a@b.c', 'alert(1)', 'x" onerror="alert(1)'),
  fc.string({ maxLength: 12 }),
);
const attr = fc.tuple(attrName, attrValue, fc.constantFrom('"', "'", '')).map(([n, v, q]) => (q ? ` ${n}=${q}${v}${q}` : ` ${n}=${v.replace(/\s/g, '')}`));
const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 10 }),
    fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '</', '<', '>', '&lt;script&gt;', '<scr<script>ipt>', '"', "'", '`'),
    fc.tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean()).map(([t, as, kids, close]) => `<${t}${as.join('')}>${kids.join('')}${close ? `</${t}>` : ''}`),
  ),
})).node;
const hostileHtml = fc.array(element, { maxLength: 6 }).map((parts) => parts.join(''));

describe('sanitiseHtml (property)', () => {
  it('has a detector that sees what a browser would run (so the properties below can fail)', () => {
    expect(executableConstructs('<script>x</script><a href=" jav&#x61;script:alert(1)">a</a><img src=x onerror=alert(1)><p style="x">')).toEqual([
      'element <script>',
      'href=javascript:',
      'attribute onerror',
      'attribute style',
    ]);
  });

  it('never throws, and its output never contains an executable construct', () => {
    fc.assert(
      fc.property(fc.oneof(hostileHtml, fc.string({ maxLength: 200 })), fc.constantFrom(undefined, 'https://example.org/news/'), (html, base) => {
        const out = sanitiseHtml(html, base);
        expect(executableConstructs(out)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('stays safe when its own output is sanitised again (no construct reassembled from fragments)', () => {
    fc.assert(
      fc.property(hostileHtml, (html) => {
        const once = sanitiseHtml(html);
        expect(executableConstructs(sanitiseHtml(once))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

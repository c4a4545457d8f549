import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { sanitiseHtml } from './sanitise-html.js';

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

const ALLOWED = new Set(['a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul']);
const URL_ATTRS = new Set(['href', 'src', 'cite']);

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

/** Every executable construct a browser would act on, found by parsing the output like a browser would. */
function executableConstructs(html: string): string[] {
  const found: string[] = [];
  const visit = (n: Node) => {
    if (n.type === 'script' || n.type === 'style' || n.type === 'tag') {
      const name = (n.name ?? '').toLowerCase();
      if (!ALLOWED.has(name)) found.push(`element <${name}>`);
      for (const [k, v] of Object.entries(n.attribs ?? {})) {
        if (/^on/i.test(k) || k === 'style' || k === 'srcdoc' || k === 'formaction') found.push(`attribute ${k}`);
        if (URL_ATTRS.has(k)) {
          // What the browser would resolve: decoded entities, stripped controls and whitespace.
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec([...v].filter((c) => c.charCodeAt(0) > 0x20).join(''))?.[1]?.toLowerCase();
          if (scheme && !['http', 'https', 'mailto'].includes(scheme)) found.push(`${k}=${scheme}:`);
          if (v.trim().startsWith('//')) found.push(`${k} protocol-relative`);
        }
      }
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(parseDocument(html, { decodeEntities: true }) as unknown as Node);
  return found;
}

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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDocument, type DocumentKind } from './decode-document.js';

/** Cases per property: 1,000 in `npm test`, more in the nightly `npm run fuzz` (FUZZ_RUNS). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

const kind = fc.constantFrom<DocumentKind>('xml', 'html', 'json');
const contentType = fc.oneof(
  fc.constant(null),
  fc.constantFrom('text/xml', 'application/rss+xml; charset=utf-8', 'text/html; charset=gb2312', 'text/html; charset=windows-1251', 'text/xml; charset=KOI8-R', 'text/html; charset=big5', 'application/json; charset=utf-16le', 'text/html; charset="shift_jis"', 'text/html; charset=x-unknown-thing', 'text/html; charset='),
  fc.string({ maxLength: 40 }).map((s) => `text/html; charset=${s}`),
);
/** Byte soup with the openings the decoder looks at: BOMs, XML prologs, meta charsets. */
const prefix = fc.constantFrom(
  [],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [...Buffer.from('<?xml version="1.0" encoding="gbk"?>')],
  [...Buffer.from('<?xml version="1.0" encoding="')],
  [...Buffer.from('<meta charset="windows-1251">')],
  [...Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=')],
);
const bytes = fc.tuple(prefix, fc.uint8Array({ maxLength: 400 })).map(([p, b]) => Buffer.concat([Buffer.from(p), Buffer.from(b)]));

describe('decodeDocument (property)', () => {
  it('never throws on any bytes, header and kind; always names the encoding it used', () => {
    fc.assert(
      fc.property(bytes, contentType, kind, (b, ct, k) => {
        const out = decodeDocument(b, ct, k);
        expect(typeof out.text).toBe('string');
        expect(out.encoding.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives back any UTF-8 text unchanged when nothing says otherwise', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !s.startsWith('\uFEFF') && !/charset|encoding/i.test(s) && !s.includes('\u0000')), kind, (text, k) => {
        expect(decodeDocument(Buffer.from(text, 'utf8'), null, k).text).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});

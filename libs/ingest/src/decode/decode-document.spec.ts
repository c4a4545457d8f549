import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from './decode-document.js';

const rss = (title: string, decl = '') => `<?xml version="1.0"${decl}?>\n<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

describe('decodeDocument', () => {
  it('lets a UTF-8 byte order mark win over every declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss('Привет', ' encoding="windows-1251"'))]);
    expect(decodeDocument(bytes, 'text/xml; charset=koi8-r', 'xml')).toMatchObject({ encoding: 'utf-8' });
    expect(decodeDocument(bytes, null, 'xml').text).toContain('<title>Привет</title>');
  });

  it('reads UTF-16 with a BOM in either byte order', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rss('Київ'), 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(rss('Київ'), 'utf-16be')]);
    expect(decodeDocument(le, null, 'xml').text).toContain('Київ');
    expect(decodeDocument(be, null, 'xml').text).toContain('Київ');
  });

  it('reads UTF-16 without a BOM when the prolog declares it', () => {
    const bytes = iconv.encode(rss('北京', ' encoding="UTF-16"'), 'utf-16be');
    expect(decodeDocument(bytes, null, 'xml')).toMatchObject({ encoding: 'utf-16be' });
    expect(decodeDocument(bytes, null, 'xml').text).toContain('北京');
  });

  it('decodes GBK Chinese declared as gb2312 with the GB18030 decoder', () => {
    // 镕 is outside GB2312 but inside GBK: feeds labelled gb2312 routinely contain such characters.
    const bytes = iconv.encode(rss('外交部发言人朱镕基', ' encoding="gb2312"'), 'gbk');
    expect(decodeDocument(bytes, null, 'xml')).toEqual({ text: expect.stringContaining('外交部发言人朱镕基'), encoding: 'gbk' });
  });

  it('prefers the HTTP charset over the XML declaration (RFC 7303 §3)', () => {
    const bytes = iconv.encode(rss('Москва', ' encoding="iso-8859-1"'), 'windows-1251');
    expect(decodeDocument(bytes, 'application/rss+xml; charset="windows-1251"', 'xml').text).toContain('Москва');
  });

  it('maps iso-8859-1 to windows-1252, so 0x80–0x9F are punctuation, not C1 controls', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><t>'), Buffer.from([0x93, 0x41, 0x94, 0x20, 0x80]), Buffer.from('</t>')]);
    expect(decodeDocument(bytes, null, 'xml').text).toContain('“A” €');
  });

  it('sniffs undeclared KOI8-R and windows-1251 Russian apart', () => {
    const text = rss('Министерство иностранных дел опровергло сообщение о переговорах');
    expect(decodeDocument(iconv.encode(text, 'koi8-r'), null, 'xml')).toMatchObject({ encoding: 'koi8-r' });
    expect(decodeDocument(iconv.encode(text, 'windows-1251'), null, 'xml')).toMatchObject({ encoding: 'windows-1251' });
  });

  it('sniffs undeclared GBK, EUC-KR and Shift_JIS', () => {
    expect(decodeDocument(iconv.encode(rss('外交部称该报道纯属假新闻'), 'gbk'), null, 'xml').encoding).toBe('gbk');
    expect(decodeDocument(iconv.encode(rss('외교부는 보도를 부인했다'), 'euc-kr'), null, 'xml').encoding).toBe('euc-kr');
    expect(decodeDocument(iconv.encode(rss('外務省はその報道を否定した'), 'shift_jis'), null, 'xml').encoding).toBe('shift_jis');
  });

  it('takes valid UTF-8 as UTF-8 when nothing is declared', () => {
    expect(decodeDocument(Buffer.from(rss('中俄 Китай')), 'text/xml', 'xml')).toMatchObject({ encoding: 'utf-8', text: expect.stringContaining('中俄 Китай') });
  });

  it('finds an HTML meta charset', () => {
    const html = `<html><head><meta charset="windows-1251"><title>Новости</title></head></html>`;
    expect(decodeDocument(iconv.encode(html, 'windows-1251'), 'text/html', 'html').text).toContain('Новости');
  });

  it('ignores an unknown charset label and falls back to the next source', () => {
    expect(decodeDocument(Buffer.from(rss('café')), 'text/xml; charset=x-no-such-thing', 'xml').text).toContain('café');
  });
});

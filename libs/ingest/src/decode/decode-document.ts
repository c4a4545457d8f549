import { isUtf8 } from 'node:buffer';
import { encodingForLabel } from './charset-label.js';
import { sniffLegacyEncoding } from './charset-sniff.js';
import { decodeText } from './decode-text.js';

export type DocumentKind = 'xml' | 'html' | 'json';

export interface DecodedDocument {
  text: string;
  /** Canonical WHATWG name of the encoding used. */
  encoding: string;
}

/**
 * Turns fetched bytes into text. The order follows RFC 7303 §3 (XML media types) and the WHATWG
 * encoding sniffing algorithm: a byte order mark wins, then the HTTP `charset` parameter (it
 * overrides the XML declaration), then the document's own declaration (XML `encoding=`, HTML
 * `<meta charset>`), then a guess: valid UTF-8 is UTF-8, anything else goes to the legacy sniffer.
 * JSON is UTF-8 unless a BOM or the header says otherwise (RFC 8259 §8.1).
 */
export function decodeDocument(bytes: Buffer, contentType: string | null, kind: DocumentKind): DecodedDocument {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: decodeText(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };

  const fromHeader = charsetParameter(contentType);
  if (fromHeader) return decodeAs(bytes, fromHeader);

  if (kind !== 'json') {
    const declared = kind === 'xml' ? xmlDeclaredEncoding(bytes) : htmlDeclaredEncoding(bytes);
    // A document that declares UTF-8 but is not (a common server-side mistake) gets sniffed instead.
    if (declared && !(declared === 'utf-8' && !isUtf8(bytes))) return decodeAs(bytes, declared);
    const utf16 = utf16ByPattern(bytes);
    if (utf16) return decodeAs(bytes, utf16);
  }

  if (isUtf8(bytes)) return { text: decodeText(bytes, 'utf-8'), encoding: 'utf-8' };
  const guessed = sniffLegacyEncoding(bytes);
  return { text: decodeText(bytes, guessed), encoding: guessed };
}

function decodeAs(bytes: Buffer, encoding: string): DecodedDocument {
  // A UTF-16 label without a BOM says nothing about byte order: read it from the first characters.
  const actual = encoding === 'utf-16le' || encoding === 'utf-16be' ? (utf16ByPattern(bytes) ?? encoding) : encoding;
  return { text: decodeText(bytes, actual), encoding: actual };
}

function byteOrderMark(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The `charset` parameter of a Content-Type value (RFC 9110 §8.3.1), mapped to a known encoding. */
export function charsetParameter(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]+)/i.exec(contentType);
  const label = m ? (m[2] ?? m[1]) : undefined;
  return label ? encodingForLabel(label) : null;
}

/**
 * UTF-16 without a BOM, recognised by an ASCII character (the `<` of a prolog or root) paired with a
 * zero byte: XML 1.0 Appendix F.
 */
function utf16ByPattern(bytes: Buffer): string | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x00 && bytes[1] !== 0x00 && bytes[2] === 0x00 && bytes[3] !== 0x00) return 'utf-16be';
  if (bytes[0] !== 0x00 && bytes[1] === 0x00 && bytes[2] !== 0x00 && bytes[3] === 0x00) return 'utf-16le';
  return null;
}

/** The `encoding` pseudo-attribute of the XML declaration (XML 1.0 §4.3.3). */
function xmlDeclaredEncoding(bytes: Buffer): string | null {
  const utf16 = utf16ByPattern(bytes);
  const head = utf16 ? decodeText(bytes.subarray(0, 400), utf16) : bytes.subarray(0, 200).toString('latin1');
  const m = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  const declared = m?.[1] ? encodingForLabel(m[1]) : null;
  if (!declared) return utf16;
  // A UTF-16 label in a document whose bytes are ASCII-compatible cannot be right (WHATWG treats it as UTF-8).
  if ((declared === 'utf-16le' || declared === 'utf-16be') && !utf16) return 'utf-8';
  if (utf16 && declared !== 'utf-16le' && declared !== 'utf-16be') return utf16;
  return declared;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the first 1024 bytes (HTML §13.2.3.2). */
function htmlDeclaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(tag);
    if (direct?.[1]) {
      const encoding = encodingForLabel(direct[1]);
      if (encoding) return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
    }
  }
  return null;
}

import iconv from 'iconv-lite';
import { codecFor } from './charset-label.js';

/**
 * Decodes bytes in a canonical WHATWG encoding (see charset-label.ts). iconv-lite is used rather than
 * TextDecoder because Node 20's TextDecoder maps windows-1252 bytes 0x80–0x9F to C1 controls
 * (nodejs/node#56542); ISO-2022-JP, which iconv-lite lacks, is stateful 7-bit and goes to TextDecoder.
 */
export function decodeText(bytes: Buffer, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (encoding === 'iso-2022-jp') return new TextDecoder('iso-2022-jp').decode(bytes);
  return iconv.decode(bytes, codecFor(encoding), { stripBOM: false });
}

import iconv from 'iconv-lite';

/**
 * Repairs the two encoding accidents feeds show most often:
 *
 * - C1 control characters U+0080–U+009F where windows-1252 punctuation was meant (a windows-1252 byte
 *   copied into a UTF-8 or ISO-8859-1 document as is: `don\x92t`). HTML5 reads `&#146;` the same way
 *   (HTML Living Standard, "numeric character reference end state"); this does it for raw characters.
 * - UTF-8 read as windows-1252 and re-encoded (`â€¦` for `…`): a run that is a well-formed UTF-8
 *   sequence once written back as windows-1252 bytes is decoded as UTF-8.
 */
export function repairMojibake(text: string): string {
  let out = text;
  if (/[\u0080-\u009f]/.test(out)) {
    out = out.replace(/[\u0080-\u009f]/g, (c) => iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252'));
  }
  if (/[\u00c2-\u00f4]/.test(out)) out = out.replace(DOUBLE_ENCODED, redecode);
  return out;
}

/** A windows-1252 character that stands for a byte 0x80–0xBF, i.e. a UTF-8 continuation byte. */
const CONT = '[\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178]';
const DOUBLE_ENCODED = new RegExp(`[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`, 'g');

function redecode(run: string): string {
  const bytes = iconv.encode(run, 'windows-1252');
  const decoded = bytes.toString('utf8');
  // Only a clean round trip counts: one replacement character means these were genuine Latin-1 letters.
  return decoded.includes('\ufffd') || [...decoded].length !== 1 ? run : decoded;
}

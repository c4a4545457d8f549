import { decodeText } from './decode-text.js';

/**
 * Guesses the legacy encoding of bytes that declare none and are not valid UTF-8. A cheap structural
 * heuristic, not a statistical detector: each candidate is decoded and judged by what its own script
 * should look like once decoded.
 *
 * - Japanese text is full of kana (EUC-JP row 0xA4, Shift_JIS lead 0x82); Chinese and Korean are not.
 * - Korean in EUC-KR decodes to Hangul syllables almost only; Chinese read as EUC-KR gives Hanja and
 *   invalid sequences.
 * - GB2312 text keeps both bytes of a pair in 0xA1–0xFE; Big5 uses trail bytes 0x40–0x7E as well.
 * - Single-byte Cyrillic: Russian prose is mostly lower case with ~40% vowels, which tells KOI8-R
 *   (lower case at 0xC0–0xDF) from windows-1251 (lower case at 0xE0–0xFF), and both from Hebrew.
 * - Thai (TIS-620) text is mostly consonants 0xA1–0xCE; Hebrew (windows-1255) letters sit at 0xE0–0xFA.
 * - Isolated high bytes between ASCII letters are windows-1252 punctuation ("don\x92t").
 */
export function sniffLegacyEncoding(bytes: Buffer): string {
  const high = countHighBytes(bytes);
  if (high === 0) return 'windows-1252';

  const cjk = sniffCjk(bytes);
  if (cjk) return cjk;
  return sniffSingleByte(bytes);
}

function countHighBytes(bytes: Buffer): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

/** Characters outside ASCII, and how many of them are U+FFFD (an invalid sequence for that decoder). */
function nonAscii(text: string): { chars: string[]; invalid: number } {
  const chars: string[] = [];
  let invalid = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (ch === '\ufffd') invalid++;
    else chars.push(ch);
  }
  return { chars, invalid };
}

const share = (chars: string[], re: RegExp): number =>
  chars.length === 0 ? 0 : chars.filter((c) => re.test(c)).length / chars.length;

const KANA = /[\u3040-\u30ff]/;
const HANGUL = /[\uac00-\ud7a3]/;
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef]/;

function sniffCjk(bytes: Buffer): string | null {
  const clean = (enc: string): { chars: string[]; ok: boolean } => {
    const { chars, invalid } = nonAscii(decodeText(bytes, enc));
    return { chars, ok: invalid === 0 && chars.length > 0 };
  };
  const eucJp = clean('euc-jp');
  if (eucJp.ok && share(eucJp.chars, KANA) >= 0.15) return 'euc-jp';
  const sjis = clean('shift_jis');
  if (sjis.ok && share(sjis.chars, KANA) >= 0.15) return 'shift_jis';
  const eucKr = clean('euc-kr');
  if (eucKr.ok && share(eucKr.chars, HANGUL) >= 0.8) return 'euc-kr';

  const pairs = doubleBytePairs(bytes);
  if (pairs.total === 0) return null;
  const gb = clean('gbk');
  if (gb.ok && pairs.gb2312 / pairs.total >= 0.95) return 'gbk';
  const big5 = clean('big5');
  if (big5.ok && pairs.big5Lead / pairs.total >= 0.95) return 'big5';
  if (gb.ok && share(gb.chars, CJK_PUNCT) + share(gb.chars, /[\u4e00-\u9fff]/) >= 0.9) return 'gbk';
  return null;
}

/** Walks high-byte pairs the way a double-byte decoder would and classifies them by byte range. */
function doubleBytePairs(bytes: Buffer): { total: number; gb2312: number; big5Lead: number } {
  let total = 0;
  let gb2312 = 0;
  let big5Lead = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    total++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb2312++;
    if (lead >= 0xa1 && lead <= 0xf9 && ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) big5Lead++;
    i++;
  }
  return { total, gb2312, big5Lead };
}

const RU_VOWELS = /[аеёиоуыэюя]/;
const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_LOWER = /[\u0430-\u045f]/;

function sniffSingleByte(bytes: Buffer): string {
  if (!hasHighByteRuns(bytes)) return 'windows-1252';

  let best = { encoding: 'windows-1252', score: 0 };
  for (const encoding of ['windows-1251', 'koi8-r']) {
    const original = nonAscii(decodeText(bytes, encoding)).chars;
    const letters = original.map((c) => c.toLowerCase());
    const cyr = share(letters, CYRILLIC);
    const lower = share(original.filter((c) => CYRILLIC.test(c)), CYRILLIC_LOWER);
    const vowels = share(letters.filter((c) => CYRILLIC.test(c)), RU_VOWELS);
    // Russian prose: nearly all letters Cyrillic, mostly lower case, vowels around 40% of letters.
    const score = cyr * lower * (vowels >= 0.3 ? 1 : 0.3);
    if (score > best.score) best = { encoding, score };
  }
  if (best.score >= 0.5) return best.encoding;

  const thai = nonAscii(decodeText(bytes, 'windows-874')).chars;
  if (share(thai, /[\u0e01-\u0e2e]/) >= 0.35 && share(thai, /[\u0e00-\u0e7f]/) >= 0.95) return 'windows-874';

  const hebrew = nonAscii(decodeText(bytes, 'windows-1255')).chars;
  if (share(hebrew, /[\u0590-\u05ff]/) >= 0.8) return 'windows-1255';
  return best.score > 0.3 ? best.encoding : 'windows-1252';
}

/** True when high bytes come in runs (words of a non-Latin script), not alone between ASCII letters. */
function hasHighByteRuns(bytes: Buffer): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if ((bytes[i] ?? 0) >= 0x80 && (bytes[i + 1] ?? 0) >= 0x80) return true;
  }
  return false;
}

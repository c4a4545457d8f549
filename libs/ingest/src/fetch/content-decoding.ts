import { promisify } from 'node:util';
import {
  type BrotliOptions,
  brotliDecompress,
  brotliDecompressSync,
  constants,
  gunzip,
  gunzipSync,
  inflate,
  inflateRaw,
  inflateRawSync,
  inflateSync,
  type ZlibOptions,
} from 'node:zlib';
import { BodyTooLargeError } from './byte-limit.js';
import { errorCode } from './fetch-error.js';

/** A content coding the fetcher can undo. */
export type ContentCoding = 'gzip' | 'deflate' | 'br';

/**
 * The codings of a Content-Encoding header (RFC 9110 §8.4) in the order they are to be undone: they
 * are listed in the order they were applied, so the last comes first. `identity` and an empty header
 * need none. Null for a coding we cannot undo.
 */
export function contentCodings(contentEncoding: string | null | undefined): ContentCoding[] | null {
  if (!contentEncoding) return [];
  const codings: ContentCoding[] = [];
  for (const raw of contentEncoding.split(',').reverse()) {
    const coding = raw.trim().toLowerCase();
    if (coding === '' || coding === 'identity') continue;
    if (coding === 'gzip' || coding === 'x-gzip') codings.push('gzip');
    else if (coding === 'deflate' || coding === 'br') codings.push(coding);
    else return null;
  }
  return codings;
}

/**
 * Bodies up to this many (encoded) bytes are decoded at once on the calling thread: a feed's few
 * kilobytes take some 10–20 µs there, where a decoding stream through the thread pool took 200 µs
 * and more of CPU (its chunks, callbacks and stream machinery). A bigger body is decoded on the thread
 * pool, so that a long one does not hold the event loop. Either way the output stops at the cap.
 */
const DECODE_HERE_UP_TO = 256 * 1024;

const gunzipAsync = promisify<Buffer, ZlibOptions, Buffer>(gunzip);
const inflateAsync = promisify<Buffer, ZlibOptions, Buffer>(inflate);
const inflateRawAsync = promisify<Buffer, ZlibOptions, Buffer>(inflateRaw);
const brotliDecompressAsync = promisify<Buffer, BrotliOptions, Buffer>(brotliDecompress);

/**
 * Undoes `codings` ({@link contentCodings}) on a whole body. Each output is capped at `maxBytes`:
 * zlib's `maxOutputLength` stops inflating as soon as it is passed, so a decompression bomb (a few
 * kilobytes that inflate to gigabytes, nested or not) costs at most the cap in memory and time, and
 * fails with {@link BodyTooLargeError}. A corrupt body fails with zlib's error (`Z_DATA_ERROR`, …).
 */
export async function decodeContent(body: Buffer, codings: readonly ContentCoding[], maxBytes: number): Promise<Buffer> {
  let out = body;
  try {
    for (const coding of codings) out = await decodeOne(out, coding, maxBytes);
  } catch (err) {
    // zlib's answer to an output past `maxOutputLength`.
    if (errorCode(err) === 'ERR_BUFFER_TOO_LARGE') throw new BodyTooLargeError(maxBytes, 'decompressed');
    throw err;
  }
  return out;
}

function decodeOne(body: Buffer, coding: ContentCoding, maxBytes: number): Buffer | Promise<Buffer> {
  const here = body.length <= DECODE_HERE_UP_TO;
  switch (coding) {
    case 'gzip': {
      // Z_SYNC_FLUSH: accept a body cut short after the last full block, as browsers do.
      const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: maxBytes };
      return here ? gunzipSync(body, options) : gunzipAsync(body, options);
    }
    case 'deflate': {
      // `deflate` is meant to be the zlib format (RFC 1950), but servers have long sent raw deflate
      // (RFC 1951) under that name. The first two bytes tell: a zlib header has compression method 8 in
      // the low nibble and is a multiple of 31 read as a big-endian number (RFC 1950 §2.2).
      const b0 = body[0] ?? 0;
      const b1 = body[1] ?? 0;
      const zlibHeader = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
      const options = { maxOutputLength: maxBytes };
      if (zlibHeader) return here ? inflateSync(body, options) : inflateAsync(body, options);
      return here ? inflateRawSync(body, options) : inflateRawAsync(body, options);
    }
    case 'br': {
      const options = { maxOutputLength: maxBytes };
      return here ? brotliDecompressSync(body, options) : brotliDecompressAsync(body, options);
    }
  }
}

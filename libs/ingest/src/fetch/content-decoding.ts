import { Transform, type TransformCallback } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/**
 * The decoders for a Content-Encoding header (RFC 9110 §8.4): codings are listed in the order they
 * were applied, so they are undone from last to first. Returns null for an unknown coding.
 * `identity` and an empty header need no decoder.
 */
export function createContentDecoders(contentEncoding: string | null | undefined): Transform[] | null {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const decoders: Transform[] = [];
  for (const coding of codings.reverse()) {
    const decoder = createDecoder(coding);
    if (!decoder) return null;
    decoders.push(decoder);
  }
  return decoders;
}

// Small output chunks keep each step of a decompression bomb small, so the size cap is checked often.
const CHUNK = 16 * 1024;

function createDecoder(coding: string): Transform | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      // Z_SYNC_FLUSH: accept a body cut short after the last full block, as browsers do.
      return createGunzip({ chunkSize: CHUNK, finishFlush: constants.Z_SYNC_FLUSH });
    case 'deflate':
      return new DeflateDecoder();
    case 'br':
      return createBrotliDecompress({ chunkSize: CHUNK });
    default:
      return null;
  }
}

/**
 * `deflate` is meant to be the zlib format (RFC 1950), but servers have long sent raw deflate
 * (RFC 1951) under that name. The first two bytes tell: a zlib header has compression method 8 in
 * the low nibble and is a multiple of 31 read as a big-endian number (RFC 1950 §2.2).
 */
class DeflateDecoder extends Transform {
  private inner: Transform | null = null;
  private head = Buffer.alloc(0);

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.inner) {
      this.feed(chunk, done);
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < 2) {
      done();
      return;
    }
    const b0 = this.head[0] ?? 0;
    const b1 = this.head[1] ?? 0;
    const zlibHeader = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
    const inner = zlibHeader ? createInflate({ chunkSize: CHUNK }) : createInflateRaw({ chunkSize: CHUNK });
    inner.on('data', (out: Buffer) => this.push(out));
    inner.on('error', (err) => this.destroy(err));
    this.inner = inner;
    const first = this.head;
    this.head = Buffer.alloc(0);
    this.feed(first, done);
  }

  override _flush(done: TransformCallback): void {
    const inner = this.inner;
    if (!inner) {
      done(this.head.length ? new Error('deflate body shorter than its header') : undefined);
      return;
    }
    inner.once('end', () => done());
    inner.end();
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }

  private feed(chunk: Buffer, done: TransformCallback): void {
    const inner = this.inner;
    if (!inner) return done();
    if (inner.write(chunk)) done();
    else inner.once('drain', () => done());
  }
}

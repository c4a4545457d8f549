import { Transform, Writable, type TransformCallback } from 'node:stream';

/** Raised by the byte limits; the fetcher turns it into a FetchError with reason `too_large`. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly what: 'compressed' | 'decompressed',
  ) {
    super(`${what} body exceeds the ${limit} byte limit`);
    this.name = 'BodyTooLargeError';
  }
}

/** Passes bytes through and fails the stream the moment more than `limit` have gone by. */
export class ByteLimit extends Transform {
  private seen = 0;

  constructor(
    private readonly limit: number,
    private readonly what: 'compressed' | 'decompressed',
  ) {
    super();
  }

  /** Bytes passed so far. */
  get bytes(): number {
    return this.seen;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new BodyTooLargeError(this.limit, this.what));
    else done(null, chunk);
  }
}

/**
 * Collects a stream into memory, failing once more than `limit` bytes arrive, so the body held never
 * exceeds the limit by more than one chunk.
 */
export class BoundedCollector extends Writable {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.chunks.length = 0;
      done(new BodyTooLargeError(this.limit, 'decompressed'));
      return;
    }
    this.chunks.push(chunk);
    done();
  }

  body(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

import type { IncomingMessage } from 'node:http';

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

/** The connection ended before the body did. */
export class TruncatedBodyError extends Error {
  constructor() {
    super('the connection closed before the whole body arrived');
    this.name = 'TruncatedBodyError';
  }
}

/**
 * Reads a response body into memory, failing (and closing the connection) the moment more than
 * `limit` bytes have arrived, so the body held never exceeds the limit by more than one chunk; and
 * failing with the signal's reason when it aborts.
 *
 * Listeners rather than `stream.pipeline`: a pipeline made and aborted an AbortController of its own
 * at every fetch, and the DOMException that abort creates (with its stack) cost more than reading
 * a feed's few chunks.
 */
export function collectBody(response: IncomingMessage, limit: number, what: 'compressed' | 'decompressed', signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (err: unknown, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      response.off('data', onData);
      response.off('end', onEnd);
      response.off('error', onError);
      response.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      if (err !== null) {
        chunks.length = 0;
        response.destroy();
        reject(err);
      } else {
        resolve(body as Buffer);
      }
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) settle(new BodyTooLargeError(limit, what));
      else chunks.push(chunk);
    };
    const onEnd = (): void => settle(null, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    const onError = (err: Error): void => settle(err);
    const onClose = (): void => settle(new TruncatedBodyError());
    const onAbort = (): void => settle(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    response.on('data', onData);
    response.on('end', onEnd);
    response.on('error', onError);
    response.on('close', onClose);
  });
}

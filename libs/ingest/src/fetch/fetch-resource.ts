import { errorMessage } from '@parallax/domain';
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { isIP } from 'node:net';
import { privateRangeOf } from './address-policy.js';
import { BodyTooLargeError, collectBody } from './byte-limit.js';
import { contentCodings, decodeContent } from './content-decoding.js';
import { FetchError, errorCode } from './fetch-error.js';
import { DEFAULT_ACCEPT, DEFAULT_USER_AGENT, resolveFetchLimits, type FetchLimits } from './fetch-limits.js';
import type { FetchedResource, FetchOptions } from './fetch.types.js';
import { createGuardedLookup, guardedLookup, PrivateAddressError } from './guarded-lookup.js';
import { parseRetryAfter } from './retry-after.js';

/** RFC 9110 §15.4: the redirect statuses that carry a Location to follow (300 and 305 are not followed). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches one remote document under the limits every source is held to (DESIGN.md: "everything
 * fetched is hostile"): a total deadline, a connect deadline, at most `maxRedirects` redirects,
 * caps on the wire and decompressed size, and no private addresses unless allowed, checked on the
 * address actually connected to at every hop. Sends the validators of the last fetch, so an
 * unchanged document costs a 304 and no body (RFC 9110 §13.1, RFC 9111 §4.3.1).
 */
export async function fetchResource(url: string, opts: FetchOptions = {}): Promise<FetchedResource> {
  const limits = resolveFetchLimits(opts);
  const deadline = startDeadline(url, limits.timeoutMs, opts.signal);
  const redirects: string[] = [];
  let current = url;
  try {
    let target = parseTarget(url, url);
    for (;;) {
      current = target.href;
      redirects.push(current);
      const response = await sendRequest(target, opts, limits, deadline.signal).catch((err: unknown) => {
        // A kept-alive connection the server had closed meanwhile: once more, on another (the request is a GET).
        if (!(err instanceof StaleConnectionError)) throw err;
        return sendRequest(target, opts, limits, deadline.signal).catch((again: unknown) => {
          throw again instanceof StaleConnectionError ? again.cause : again;
        });
      });
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status) && response.headers.location) {
        response.destroy();
        if (redirects.length > limits.maxRedirects) {
          throw new FetchError('too_many_redirects', `more than ${limits.maxRedirects} redirects, last at ${current}`, {
            url: current,
            status,
          });
        }
        target = parseTarget(response.headers.location, current);
        continue;
      }
      const head = {
        finalUrl: current,
        status,
        contentType: header(response, 'content-type'),
        etag: header(response, 'etag'),
        lastModified: header(response, 'last-modified'),
        redirects,
        remoteAddress: response.socket?.remoteAddress ?? null,
        cacheControl: header(response, 'cache-control'),
        expires: header(response, 'expires'),
      };
      if (status === 304) {
        // A 304 has no body (RFC 9110 §15.4.5): once its end is read the connection goes back to the pool
        // (a server that sends a body anyway loses the connection, not the answer).
        await collectBody(response, 0, 'decompressed', deadline.signal).catch(() => undefined);
        // A 304 need not repeat Last-Modified (RFC 9110 §15.4.5): the validators sent still hold.
        const etag = head.etag ?? opts.etag ?? null;
        const lastModified = head.lastModified ?? opts.lastModified ?? null;
        return { ...head, etag, lastModified, notModified: true, body: Buffer.alloc(0) };
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw statusError(response, current);
      }
      const body = await readBody(response, current, limits, deadline.signal);
      return { ...head, notModified: false, body };
    }
  } catch (err) {
    throw toFetchError(err, current, deadline.signal);
  } finally {
    deadline.clear();
  }
}

function parseTarget(location: string, base: string): URL {
  let target: URL;
  try {
    target = new URL(location, base);
  } catch {
    throw new FetchError('bad_url', `not a valid URL: ${location}`, { url: location });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new FetchError('bad_url', `only http and https can be fetched, not ${target.protocol} (${target.href})`, {
      url: target.href,
    });
  }
  return target;
}

/**
 * Connections kept open between fetches of one host (HTTP/1.1 persistent connections, RFC 9112 §9.3):
 * the sources of an outlet or a ministry share a host, and a poll round reaches them one after the
 * other. Each pool serves one set of rules, the default address policy or none (allowPrivate), so a
 * connection is only ever reused under the rules it was opened and checked under; a fetch with its own
 * policy or its own certificate authorities gets a connection of its own, as every fetch once did.
 * Idle connections close after {@link KEEP_IDLE_MS} (sooner when the server's Keep-Alive header says
 * it closes sooner: Node's agent reads the hint) and do not keep the process alive.
 */
const pools = new Map<string, http.Agent>();
/** Above the scheduler's default gap between two fetches of a host (1 s), below common server idle timeouts (5 s). */
const KEEP_IDLE_MS = 4_000;

function pooledAgent(protocol: string, guarded: boolean): http.Agent {
  const key = `${protocol}${guarded ? 'guarded' : 'open'}`;
  let agent = pools.get(key);
  if (!agent) {
    // One idle connection per host is enough: the scheduler fetches a host one request at a time.
    const options = { keepAlive: true, maxFreeSockets: 1, timeout: KEEP_IDLE_MS };
    agent = protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    pools.set(key, agent);
  }
  return agent;
}

/** A request sent on a kept-alive connection that the server had closed: it may be sent again on another. */
class StaleConnectionError extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
    this.name = 'StaleConnectionError';
  }
}

/** One request, resolved with the response head; the body is left to the caller. */
function sendRequest(target: URL, opts: FetchOptions, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    // An IP literal is connected to without a lookup, so the lookup guard never sees it: check here.
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const policy = opts.allowPrivate ? null : (opts.addressPolicy ?? privateRangeOf);
    if (policy && isIP(host)) {
      const range = policy(host);
      if (range) return reject(privateError(target.href, host, range));
    }
    const headers: OutgoingHttpHeaders = {
      'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
      accept: opts.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

    const ownRules = opts.addressPolicy !== undefined || opts.extraCa !== undefined;
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'GET',
      headers,
      agent: ownRules ? false : pooledAgent(target.protocol, policy !== null),
      lookup: !policy ? undefined : opts.addressPolicy ? createGuardedLookup(opts.addressPolicy) : guardedLookup,
      // `ca` replaces the root store, so extra authorities are added to it rather than given alone.
      ...(opts.extraCa ? { ca: [...rootCertificates, ...[opts.extraCa].flat()] } : {}),
    });
    let connectTimer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      request.destroy(signal.reason as Error);
    };
    const settle = (): void => {
      clearTimeout(connectTimer);
      signal.removeEventListener('abort', onAbort);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('socket', (socket) => {
      // Second line of defence: the peer address itself, whatever path led to it.
      const checkPeer = (): void => {
        const peer = socket.remoteAddress;
        const range = policy && peer ? policy(peer) : null;
        if (peer && range) request.destroy(privateError(target.href, peer, range));
      };
      // A kept-alive connection is connected already (and was checked under the same rules when it was).
      if (!socket.connecting) return checkPeer();
      connectTimer = setTimeout(() => {
        request.destroy(
          new FetchError('timeout', `could not connect to ${target.host} within ${limits.connectTimeoutMs} ms`, { url: target.href }),
        );
      }, limits.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(connectTimer);
        checkPeer();
      });
    });
    request.on('response', (response) => {
      settle();
      resolve(response);
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      settle();
      const stale = request.reusedSocket && !signal.aborted && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
      reject(stale ? new StaleConnectionError(err) : err);
    });
    request.end();
  });
}

async function readBody(response: IncomingMessage, url: string, limits: FetchLimits, signal: AbortSignal): Promise<Buffer> {
  const encoding = header(response, 'content-encoding');
  const codings = contentCodings(encoding);
  if (!codings) {
    response.destroy();
    throw new FetchError('bad_response', `unsupported Content-Encoding "${encoding}"`, { url });
  }
  const encoded = codings.length > 0;
  const wireLimit = encoded ? limits.maxCompressedBytes : Math.min(limits.maxCompressedBytes, limits.maxBytes);
  const declared = Number(header(response, 'content-length') ?? NaN);
  if (declared > wireLimit) {
    response.destroy();
    throw new BodyTooLargeError(wireLimit, encoded ? 'compressed' : 'decompressed');
  }
  const wire = await collectBody(response, wireLimit, encoded ? 'compressed' : 'decompressed', signal);
  // An empty body labelled gzip or br (some servers do this for empty 200s) is empty, not corrupt.
  if (!encoded || wire.length === 0) return wire;
  return decodeContent(wire, codings, limits.maxBytes);
}

function statusError(response: IncomingMessage, url: string): FetchError {
  const status = response.statusCode ?? 0;
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header(response, 'retry-after')) : null;
  const details = { url, status, ...(retryAfterMs !== null ? { retryAfterMs } : {}) };
  // 429 always means "slow down" (RFC 6585 §4); a 503 does when it says when to come back.
  if (status === 429 || (status === 503 && retryAfterMs !== null)) {
    const when = retryAfterMs !== null ? `; retry after ${Math.ceil(retryAfterMs / 1000)} s` : '';
    return new FetchError('rate_limited', `HTTP ${status} from ${url}${when}`, details);
  }
  return new FetchError('http_status', `HTTP ${status} from ${url}`, details);
}

function privateError(url: string, address: string, range: string): FetchError {
  return new FetchError('private_address', `refused ${url}: ${address} is refused (${range}); private sources are not allowed`, {
    url,
  });
}

/** Maps whatever went wrong to one FetchError; the deadline's reason wins over the error it caused. */
function toFetchError(err: unknown, url: string, signal: AbortSignal): FetchError {
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  if (err instanceof FetchError) return err;
  if (err instanceof PrivateAddressError) return privateError(url, err.address, err.range);
  if (err instanceof BodyTooLargeError) return new FetchError('too_large', `${url}: ${err.message}`, { url });
  const code = errorCode(err);
  const message = errorMessage(err);
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'].includes(code)) {
    return new FetchError('dns', `could not resolve ${safeHost(url)}: ${message}`, { url });
  }
  if (isCompressionError(err)) {
    return new FetchError('bad_response', `${url}: corrupt compressed body (${message})`, { url });
  }
  if (code === 'ERR_INVALID_URL') return new FetchError('bad_url', `not a valid URL: ${url}`, { url });
  return new FetchError('connection', `${url}: ${message}${code ? ` (${code})` : ''}`, { url });
}

/** zlib and brotli failures: Z_DATA_ERROR, Z_BUF_ERROR, ERR_BROTLI_…, ERR__ERROR_FORMAT_… */
function isCompressionError(err: unknown): boolean {
  const code = errorCode(err);
  return code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__ERROR_');
}

function startDeadline(url: string, ms: number, outer: AbortSignal | undefined): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new FetchError('timeout', `no complete answer from ${url} within ${ms} ms`, { url }));
  }, ms);
  const onOuter = (): void => controller.abort(new FetchError('aborted', `fetch of ${url} was aborted`, { url }));
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

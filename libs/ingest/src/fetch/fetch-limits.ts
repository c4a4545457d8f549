import type { FetchOptions } from './fetch.types.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'Parallax/0.1 (self-hosted media monitor; feed reader)';
/** Feed types first (RSS, Atom, JSON Feed), then XML and HTML for statement pages. */
export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

export interface FetchLimits {
  maxBytes: number;
  maxCompressedBytes: number;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxRedirects: number;
}

export function resolveFetchLimits(opts: FetchOptions): FetchLimits {
  const maxBytes = positive(opts.maxBytes, DEFAULT_MAX_BYTES);
  return {
    maxBytes,
    maxCompressedBytes: positive(opts.maxCompressedBytes, maxBytes),
    timeoutMs: positive(opts.timeoutMs, DEFAULT_TIMEOUT_MS),
    connectTimeoutMs: positive(opts.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS),
    maxRedirects: opts.maxRedirects !== undefined && opts.maxRedirects >= 0 ? Math.floor(opts.maxRedirects) : DEFAULT_MAX_REDIRECTS,
  };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

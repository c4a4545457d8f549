/** What the safe fetcher hands back: raw bytes plus the headers that decoding and caching need. */
export interface FetchedResource {
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** True on HTTP 304: the validators matched and `body` is empty. */
  notModified: boolean;
  /** Content-Type header as sent, or null. */
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Decompressed body bytes (empty on 304). */
  body: Buffer;
}

export interface FetchOptions {
  /** Validators from the previous successful fetch (RFC 9110 §13.1): sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Allow loopback/private targets (MONITOR_ALLOW_PRIVATE_SOURCES=true). Default false. */
  allowPrivate?: boolean;
  /** Accept header; defaults to feed types first. */
  accept?: string;
  signal?: AbortSignal;
}

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
  /** Every URL requested, the original first: the redirect chain. */
  redirects: string[];
  /** The IP address the final response came from. */
  remoteAddress: string | null;
  /** Cache-Control and Expires as sent (RFC 9111 §5.2, §5.3), for the scheduler to respect. */
  cacheControl: string | null;
  expires: string | null;
}

export interface FetchOptions {
  /** Validators from the previous successful fetch (RFC 9110 §13.1): sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Allow loopback/private targets (MONITOR_ALLOW_PRIVATE_SOURCES=true). Default false. */
  allowPrivate?: boolean;
  /**
   * Replaces the default address policy (refuse non-public addresses) when `allowPrivate` is false:
   * returns why an address is refused, or null to allow it. For operators who must allow or deny
   * specific ranges; checked at DNS resolution, on IP literals and on the connected peer of every hop.
   */
  addressPolicy?: (address: string) => string | null;
  /** Accept header; defaults to feed types first. */
  accept?: string;
  signal?: AbortSignal;
  /** Cap on the decompressed body in bytes (default 10 MiB): the fetch fails as soon as it is crossed. */
  maxBytes?: number;
  /** Cap on the body as sent on the wire, before decompression (default: `maxBytes`). */
  maxCompressedBytes?: number;
  /** Total deadline for the whole fetch, redirects and body included (default 30 s). */
  timeoutMs?: number;
  /** Deadline for DNS plus the TCP connect of each hop (default 10 s). */
  connectTimeoutMs?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Extra CA certificates (PEM) trusted on top of Node's root store, for sources behind a private CA. */
  extraCa?: string | string[];
  /** User-Agent header; defaults to one naming Parallax. */
  userAgent?: string;
}

import { DomainError } from '@parallax/domain';

/**
 * Why a fetch failed, for machines: the scheduler decides on backoff from it, the dashboard shows it
 * as the source's last error.
 */
export type FetchFailureReason =
  | 'bad_url'
  | 'dns'
  | 'connection'
  | 'private_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'rate_limited'
  /** The body could not be decoded: an unknown Content-Encoding or a corrupt compressed stream. */
  | 'bad_response'
  /** The caller's AbortSignal fired. */
  | 'aborted';

export interface FetchErrorDetails {
  url: string;
  /** HTTP status of the answer that failed the fetch, when there was one. */
  status?: number;
  /** From Retry-After on 429/503 (RFC 9110 §10.2.3), in milliseconds from the time of the answer. */
  retryAfterMs?: number;
}

/** A remote source could not be fetched. Always code FETCH_FAILED; `reason` says why. */
export class FetchError extends DomainError {
  readonly reason: FetchFailureReason;
  readonly url: string;
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor(reason: FetchFailureReason, message: string, details: FetchErrorDetails) {
    super('FETCH_FAILED', message, { reason, ...details });
    this.name = 'FetchError';
    this.reason = reason;
    this.url = details.url;
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

/** The `code` of anything thrown (Node's system, zlib and TLS errors carry one), or '' without one. */
export function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

export interface PollDelayOptions {
  /** Longest wait between polls of a failing source (default 24 h). */
  maxDelayMs?: number;
  /** A number in [0, 1): injected by tests, Math.random otherwise. */
  random?: () => number;
}

export const MAX_POLL_DELAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long to wait before polling a source again. Healthy (no failures): the source's interval.
 * Failing: exponential backoff, base × 2^n, capped, with ±10 % jitter so that sources which failed
 * together (one host down) do not all come back in the same second. A Retry-After from the server
 * (RFC 9110 §10.2.3) wins when it asks for longer, within the same cap.
 */
export function nextPollDelay(
  consecutiveFailures: number,
  baseIntervalMs: number,
  retryAfterMs?: number | null,
  options: PollDelayOptions = {},
): number {
  const cap = options.maxDelayMs ?? MAX_POLL_DELAY_MS;
  const random = options.random ?? Math.random;
  const base = Math.min(Math.max(baseIntervalMs, 0), cap);
  const failures = Math.max(0, Math.floor(consecutiveFailures));
  // 2^n overflows to Infinity for large n; Math.min brings it back to the cap.
  const backoff = failures === 0 ? base : Math.min(base * 2 ** failures, cap);
  const jittered = failures === 0 ? backoff : backoff * (0.9 + 0.2 * random());
  const delay = Math.min(Math.max(jittered, base), cap);
  if (retryAfterMs != null && Number.isFinite(retryAfterMs) && retryAfterMs > delay) return Math.min(retryAfterMs, cap);
  return Math.round(delay);
}

/** How long to wait before attempt `n + 1` after `n` failed attempts (n ≥ 1), in milliseconds. */
export type RetrySchedule = (failedAttempts: number) => number;

/** Retries stop this long after the delivery was queued: the delivery is then marked failed. */
export const DELIVERY_GIVE_UP_MS = 24 * 60 * 60 * 1000;

/** Exponential backoff: 30 s, 1 min, 2 min … capped at one hour, so 24 h hold about 30 attempts. */
export const defaultRetrySchedule: RetrySchedule = (n) => Math.min(30_000 * 2 ** Math.max(0, n - 1), 60 * 60 * 1000);

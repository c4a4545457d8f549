/**
 * Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Returns the wait in
 * milliseconds from `now`, or null when the header is absent or unusable. A date in the past means
 * "now", so 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, plus the obsolete RFC 850 and asctime forms that
  // recipients must still accept; Date.parse reads all three, and we require a weekday-led form
  // so that arbitrary text is not taken for a date.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

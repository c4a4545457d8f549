/** Below this span the histogram counts per hour instead of per day. */
export const HOUR_BUCKETS_BELOW_MS = 3 * 86_400_000;
/** Gaps are filled with zero buckets up to this many buckets; wider spans list only non-empty ones. */
const MAX_FILLED_BUCKETS = 1000;

export type BucketSize = 'day' | 'hour';

export function bucketSizeFor(from: string, to: string): BucketSize {
  return Date.parse(to) - Date.parse(from) < HOUR_BUCKETS_BELOW_MS ? 'hour' : 'day';
}

/** The bucket key of an ISO 8601 UTC instant: `2022-02-04` or `2022-02-04T08:00:00Z`. */
export function bucketKey(iso: string, size: BucketSize): string {
  return size === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 13)}:00:00Z`;
}

/**
 * Counts per bucket from `from` to `to`, empty buckets included, so a chart's x axis is time and
 * not the list of days that happened to have items.
 */
export function fillHistogram(counts: Map<string, number>, from: string, to: string, size: BucketSize): { date: string; count: number }[] {
  const step = size === 'day' ? 86_400_000 : 3_600_000;
  const start = Date.parse(bucketKey(from, size) + (size === 'day' ? 'T00:00:00Z' : ''));
  const end = Date.parse(to);
  if ((end - start) / step > MAX_FILLED_BUCKETS) {
    return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count }));
  }
  const out: { date: string; count: number }[] = [];
  for (let t = start; t <= end; t += step) {
    const date = bucketKey(new Date(t).toISOString(), size);
    out.push({ date, count: counts.get(date) ?? 0 });
  }
  return out;
}

import { DomainError } from '@parallax/domain';

export type BucketSize = 'hour' | 'day';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** More buckets than a chart can show; asking for more is a mistake of the caller. */
const MAX_BUCKETS = 10_000;

/** Hours for a span of up to three days (a breaking story), days beyond. */
export function chooseBucketSize(fromMs: number, toMs: number): BucketSize {
  return toMs - fromMs <= 3 * DAY_MS ? 'hour' : 'day';
}

/** Start of the UTC hour or day holding `ms`. */
export function bucketStart(ms: number, size: BucketSize): number {
  const width = size === 'hour' ? HOUR_MS : DAY_MS;
  return Math.floor(ms / width) * width;
}

/**
 * Every bucket start from the one holding `fromMs` to the one holding `toMs`, so that series of
 * several outlets line up, empty buckets included.
 */
export function bucketStarts(fromMs: number, toMs: number, size: BucketSize): number[] {
  const width = size === 'hour' ? HOUR_MS : DAY_MS;
  const first = bucketStart(fromMs, size);
  const last = bucketStart(toMs, size);
  const n = (last - first) / width + 1;
  if (n > MAX_BUCKETS) {
    throw new DomainError('VALIDATION', `too many ${size} buckets (${n}); use a coarser bucket or a shorter range`, { field: 'bucket' });
  }
  const out: number[] = [];
  for (let t = first; t <= last; t += width) out.push(t);
  return out;
}

/** ISO 8601 UTC label of a bucket start, as the API returns it. */
export function bucketLabel(startMs: number): string {
  return new Date(startMs).toISOString();
}

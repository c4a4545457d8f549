import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_POLL_DELAY_MS, nextPollDelay } from './poll-delay.js';

const MINUTE = 60_000;
const fixed = (r: number) => ({ random: () => r });

describe('nextPollDelay', () => {
  it('is the interval for a healthy source', () => {
    expect(nextPollDelay(0, 15 * MINUTE)).toBe(15 * MINUTE);
  });

  it('doubles with each failure, within ±10 % jitter', () => {
    expect(nextPollDelay(1, 15 * MINUTE, undefined, fixed(0.5))).toBe(30 * MINUTE);
    expect(nextPollDelay(3, 15 * MINUTE, undefined, fixed(0.5))).toBe(120 * MINUTE);
    expect(nextPollDelay(3, 15 * MINUTE, undefined, fixed(0))).toBe(108 * MINUTE);
    expect(nextPollDelay(3, 15 * MINUTE, undefined, fixed(0.999999))).toBeCloseTo(132 * MINUTE, -2);
  });

  it('stops at 24 hours, however many failures', () => {
    expect(nextPollDelay(10, 15 * MINUTE, undefined, fixed(0.99))).toBe(MAX_POLL_DELAY_MS);
    expect(nextPollDelay(5000, 15 * MINUTE, undefined, fixed(0.5))).toBe(MAX_POLL_DELAY_MS);
    expect(nextPollDelay(2, 15 * MINUTE, undefined, { random: () => 0.5, maxDelayMs: 40 * MINUTE })).toBe(40 * MINUTE);
  });

  it('honours a longer Retry-After and ignores a shorter one', () => {
    expect(nextPollDelay(1, 15 * MINUTE, 6 * 60 * MINUTE, fixed(0.5))).toBe(6 * 60 * MINUTE);
    expect(nextPollDelay(1, 15 * MINUTE, 1000, fixed(0.5))).toBe(30 * MINUTE);
    expect(nextPollDelay(1, 15 * MINUTE, 30 * 24 * 60 * MINUTE, fixed(0.5))).toBe(MAX_POLL_DELAY_MS);
  });

  it('always lies between the interval and the cap, and never shrinks as failures grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 60_000, max: 7 * 86_400_000 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (n, base, r) => {
        const d = nextPollDelay(n, base, undefined, fixed(r));
        expect(d).toBeGreaterThanOrEqual(Math.min(base, MAX_POLL_DELAY_MS));
        expect(d).toBeLessThanOrEqual(MAX_POLL_DELAY_MS);
        expect(nextPollDelay(n + 1, base, undefined, fixed(0))).toBeGreaterThanOrEqual(nextPollDelay(n, base, undefined, fixed(0)));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

const now = new Date('2022-02-04T08:00:00Z');

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an IMF-fixdate, an RFC 850 date and an asctime date', () => {
    expect(parseRetryAfter('Fri, 04 Feb 2022 08:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Friday, 04-Feb-22 08:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Fri Feb  4 08:00:30 2022', now)).toBe(30_000);
  });

  it('treats a date in the past as "now"', () => {
    expect(parseRetryAfter('Thu, 03 Feb 2022 08:00:00 GMT', now)).toBe(0);
  });

  it('gives null for absent or unusable values', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('Fri, 99 Foo 2022 GMT', now)).toBeNull();
  });
});

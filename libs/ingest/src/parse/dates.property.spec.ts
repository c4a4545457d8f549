import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './dates.js';

/** Cases per property: 1,000 in `npm test`, more in the nightly `npm run fuzz` (FUZZ_RUNS). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

const ISO_UTC = /^-?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
const dateish = fc
  .array(fc.oneof(fc.constantFrom('Mon', 'Tue,', 'Feb', 'Февраль', '2022', '22', '31', '23:59:60', 'GMT', 'EST', '+0800', '-', 'T', 'Z', ':', ',', ' ', '.'), fc.nat(9999).map(String), fc.string({ maxLength: 4 })), { maxLength: 12 })
  .map((p) => p.join(''));

describe('parseFeedDate (property)', () => {
  it('never throws; returns null or an ISO 8601 UTC instant that round-trips', () => {
    fc.assert(
      fc.property(fc.oneof(dateish, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), (input) => {
        const out = parseFeedDate(input);
        if (out !== null) {
          expect(out).toMatch(ISO_UTC);
          expect(new Date(out).toISOString()).toBe(out);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reads back every instant written as RFC 3339 or RFC 2822 (to the second)', () => {
    fc.assert(
      fc.property(instant, (d) => {
        expect(parseFeedDate(d.toISOString())).toBe(d.toISOString());
        const seconds = new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
        expect(parseFeedDate(d.toUTCString())).toBe(seconds);
      }),
      { numRuns: RUNS },
    );
  });
});

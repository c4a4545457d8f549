import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.js';

/** Cases per property: 1,000 in `npm test`, more in the nightly `npm run fuzz` (FUZZ_RUNS). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

const tracking = fc.constantFrom('utm_source', 'utm_campaign', 'fbclid', 'gclid', 'mc_cid', 'pk_kwd');
const urlWithTracking = fc
  .tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.array(fc.tuple(tracking, fc.string({ maxLength: 8 })), { maxLength: 3 }))
  .map(([url, params]) => {
    const u = new URL(url);
    for (const [k, v] of params) u.searchParams.append(k, v);
    return u.href;
  });

describe('canonicalUrl (property)', () => {
  it('never throws; gives null or an absolute http(s) URL without fragment or tracking parameters', () => {
    fc.assert(
      fc.property(fc.oneof(urlWithTracking, fc.webUrl(), fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })), (raw) => {
        const out = canonicalUrl(raw);
        if (out === null) return;
        const u = new URL(out);
        expect(['http:', 'https:']).toContain(u.protocol);
        expect(u.hash).toBe('');
        for (const name of u.searchParams.keys()) expect(name.toLowerCase()).not.toMatch(/^(utm_|pk_)|^(fbclid|gclid|mc_cid)$/);
      }),
      { numRuns: RUNS },
    );
  });

  it('is idempotent: a canonical URL is its own canonical form', () => {
    fc.assert(
      fc.property(fc.oneof(urlWithTracking, fc.webUrl({ withQueryParameters: true, withFragments: true })), (raw) => {
        const once = canonicalUrl(raw);
        expect(once).not.toBeNull();
        expect(canonicalUrl(once)).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of the query parameters', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 6 })), { selector: ([k]) => k, maxLength: 5 }), (base, params) => {
        const build = (ps: [string, string][]) => {
          const u = new URL(base);
          u.search = '';
          for (const [k, v] of ps) u.searchParams.append(k, v);
          return u.href;
        };
        expect(canonicalUrl(build([...params].reverse()))).toBe(canonicalUrl(build(params)));
      }),
      { numRuns: RUNS },
    );
  });
});

import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createGuardedLookup, guardedLookup, PrivateAddressError } from './guarded-lookup.js';

function resolve(lookup: typeof guardedLookup, hostname: string, all: boolean): Promise<LookupAddress[] | string> {
  return new Promise((done, fail) => {
    lookup(hostname, { all }, (err, address) => (err ? fail(err) : done(address)));
  });
}

describe('guardedLookup', () => {
  it('refuses a name that resolves to loopback, in both the single and the all form', async () => {
    await expect(resolve(guardedLookup, 'localhost', false)).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(resolve(guardedLookup, 'localhost', true)).rejects.toThrow(/refused \(loopback/);
  });

  it('hands the checked addresses to the socket when the policy allows them', async () => {
    const allowAll = createGuardedLookup(() => null);
    const list = await resolve(allowAll, 'localhost', true);
    expect(Array.isArray(list) && list.length).toBeGreaterThan(0);
    expect(typeof (await resolve(allowAll, 'localhost', false))).toBe('string');
  });

  it('refuses a name when any one of its addresses is refused', async () => {
    const all = (await resolve(createGuardedLookup(() => null), 'localhost', true)) as LookupAddress[];
    const last = all[all.length - 1]?.address ?? '';
    const refuseLast = createGuardedLookup((a) => (a === last ? 'refused by test' : null));
    await expect(resolve(refuseLast, 'localhost', true)).rejects.toThrow(/refused by test/);
  });
});

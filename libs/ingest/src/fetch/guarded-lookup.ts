import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { privateRangeOf } from './address-policy.js';

/** Raised by the guarded lookup; the fetcher turns it into a FetchError with reason `private_address`. */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${hostname} resolves to ${address}, which is refused (${range})`);
    this.name = 'PrivateAddressError';
  }
}

/** Says why an address is refused, or null when it may be connected to. */
export type AddressPolicy = (address: string) => string | null;

/**
 * A DNS lookup for `http.request` that refuses a hostname when any address it resolves to is
 * refused by `policy`. The socket connects to exactly the addresses checked here, so a DNS answer
 * that changes between a check and the connect (DNS rebinding) cannot slip through: there is no
 * second lookup.
 */
export function createGuardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const resolveAll: LookupOptions & { all: true } = { ...options, all: true };
    dnsLookup(hostname, resolveAll, (err, addresses: LookupAddress[]) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      for (const a of addresses) {
        const range = policy(a.address);
        if (range) {
          callback(new PrivateAddressError(hostname, a.address, range) as NodeJS.ErrnoException, '', 0);
          return;
        }
      }
      if (options.all) {
        // The callback's declared type covers the single-address form only; with `all` Node expects the list.
        (callback as (e: null, addresses: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const first = addresses[0];
      if (!first) {
        callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        return;
      }
      callback(null, first.address, first.family);
    });
  };
}

/** The lookup with the default policy: only globally routable addresses. */
export const guardedLookup: LookupFunction = createGuardedLookup(privateRangeOf);

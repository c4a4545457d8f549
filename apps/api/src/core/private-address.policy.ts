import { DomainError } from '@parallax/domain';
import { privateUrlRange } from '@parallax/ingest';

/**
 * The private-address policy of sources, for every URL the server will call (sources, webhooks): unless
 * `MONITOR_ALLOW_PRIVATE_SOURCES` is on, an address literal or `localhost` in a loopback, private, link-local
 * or otherwise non-public range (RFC 1918, RFC 4193, RFC 6890) is refused at once with a 400. Host names are
 * checked again after DNS, on every request and redirect, by the fetcher and the webhook sender.
 */
export function refusePrivateUrl(url: string, allowPrivate: boolean, field: string): void {
  if (allowPrivate) return;
  const range = privateUrlRange(url);
  if (range) {
    throw new DomainError('VALIDATION', `${field} points to a ${range} address; set MONITOR_ALLOW_PRIVATE_SOURCES=true to allow private addresses`, { field });
  }
}

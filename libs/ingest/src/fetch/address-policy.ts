import { isIP } from 'node:net';

/**
 * Which IP addresses a source may not point at unless private sources are allowed
 * (MONITOR_ALLOW_PRIVATE_SOURCES): everything that is not globally routable, from the IANA IPv4 and
 * IPv6 Special-Purpose Address Registries (RFC 6890 and its updates). A fetcher that reaches these
 * would let anyone who can add a source probe the host's own network (server-side request forgery).
 */
interface Range {
  bytes: number[];
  prefix: number;
  label: string;
}

const V4_RANGES: Range[] = [
  v4('0.0.0.0', 8, 'this network 0.0.0.0/8'),
  v4('10.0.0.0', 8, 'private 10.0.0.0/8 (RFC 1918)'),
  v4('100.64.0.0', 10, 'carrier-grade NAT 100.64.0.0/10 (RFC 6598)'),
  v4('127.0.0.0', 8, 'loopback 127.0.0.0/8'),
  v4('169.254.0.0', 16, 'link-local 169.254.0.0/16 (RFC 3927)'),
  v4('172.16.0.0', 12, 'private 172.16.0.0/12 (RFC 1918)'),
  v4('192.0.0.0', 24, 'IETF protocol assignments 192.0.0.0/24'),
  v4('192.0.2.0', 24, 'documentation 192.0.2.0/24'),
  v4('192.88.99.0', 24, '6to4 relay anycast 192.88.99.0/24'),
  v4('192.168.0.0', 16, 'private 192.168.0.0/16 (RFC 1918)'),
  v4('198.18.0.0', 15, 'benchmarking 198.18.0.0/15'),
  v4('198.51.100.0', 24, 'documentation 198.51.100.0/24'),
  v4('203.0.113.0', 24, 'documentation 203.0.113.0/24'),
  v4('224.0.0.0', 4, 'multicast 224.0.0.0/4'),
  v4('240.0.0.0', 4, 'reserved 240.0.0.0/4 (includes broadcast)'),
];

const V6_RANGES: Range[] = [
  v6('::', 128, 'unspecified ::'),
  v6('::1', 128, 'loopback ::1'),
  v6('100::', 64, 'discard-only 100::/64'),
  v6('2001::', 23, 'IETF protocol assignments 2001::/23 (includes Teredo)'),
  v6('2001:db8::', 32, 'documentation 2001:db8::/32'),
  v6('64:ff9b:1::', 48, 'local-use NAT64 64:ff9b:1::/48 (RFC 8215)'),
  v6('fc00::', 7, 'unique local fc00::/7 (RFC 4193)'),
  v6('fe80::', 10, 'link-local fe80::/10'),
  v6('fec0::', 10, 'site-local fec0::/10 (deprecated)'),
  v6('ff00::', 8, 'multicast ff00::/8'),
];

/**
 * IPv6 prefixes that carry an IPv4 address: the embedded address decides. Without this,
 * `::ffff:127.0.0.1` or `64:ff9b::a00:1` would reach loopback or RFC 1918 hosts through the
 * IPv6 door.
 */
const V4_EMBEDDING: { bytes: number[]; prefix: number; v4At: number; label: string }[] = [
  { ...v6('::ffff:0:0', 96, ''), v4At: 12, label: 'IPv4-mapped' },
  { ...v6('::', 96, ''), v4At: 12, label: 'IPv4-compatible' },
  { ...v6('64:ff9b::', 96, ''), v4At: 12, label: 'NAT64 (RFC 6052)' },
  { ...v6('2002::', 16, ''), v4At: 2, label: '6to4 (RFC 3056)' },
];

/**
 * The special-purpose range an address falls in, described for an error message, or null when the
 * address is globally routable. An input that is not an IP address at all is treated as refused.
 */
export function privateRangeOf(address: string): string | null {
  const ip = stripZone(address);
  const family = isIP(ip);
  if (family === 4) return matchV4(parseV4(ip));
  if (family === 6) {
    const bytes = parseV6(ip);
    for (const e of V4_EMBEDDING) {
      if (matches(bytes, e)) {
        // `::` and `::1` sit inside the IPv4-compatible prefix; they are IPv6 specials, not IPv4.
        if (e.label === 'IPv4-compatible' && bytes.slice(12, 15).every((b) => b === 0) && (bytes[15] ?? 0) <= 1) break;
        const inner = matchV4(bytes.slice(e.v4At, e.v4At + 4));
        return inner ? `${e.label} ${inner}` : null;
      }
    }
    for (const r of V6_RANGES) if (matches(bytes, r)) return r.label;
    return null;
  }
  return `not an IP address (${address})`;
}

export function isPublicAddress(address: string): boolean {
  return privateRangeOf(address) === null;
}

function matchV4(bytes: number[]): string | null {
  for (const r of V4_RANGES) if (matches(bytes, r)) return r.label;
  return null;
}

function matches(bytes: number[], range: { bytes: number[]; prefix: number }): boolean {
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

function stripZone(address: string): string {
  const s = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const pct = s.indexOf('%');
  return pct === -1 ? s : s.slice(0, pct);
}

function parseV4(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** Sixteen bytes of an address `isIP` already accepted as IPv6 (`::` elision, dotted IPv4 tail). */
function parseV6(ip: string): number[] {
  let text = ip.toLowerCase();
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tail.push(...parseV4(text.slice(lastColon + 1)));
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = rest === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...restGroups];
  const bytes = groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function v4(address: string, prefix: number, label: string): Range {
  return { bytes: parseV4(address), prefix, label };
}

function v6(address: string, prefix: number, label: string): Range {
  return { bytes: parseV6(address), prefix, label };
}

/**
 * The non-public range a URL plainly points to before any DNS lookup (an address literal, `localhost`),
 * or null. Lets callers refuse such URLs at once with a clear message; host names are still checked
 * after DNS, on every request and redirect, by the fetcher.
 */
export function privateUrlRange(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
  if (/^localhost\.?$/i.test(host) || host.endsWith('.localhost')) return 'loopback';
  return isIP(host) ? privateRangeOf(host) : null;
}

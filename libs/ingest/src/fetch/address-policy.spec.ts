import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPublicAddress, privateRangeOf } from './address-policy.js';

describe('privateRangeOf', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['10.1.2.3', /RFC 1918/],
    ['172.16.0.1', /RFC 1918/],
    ['172.31.255.255', /RFC 1918/],
    ['192.168.1.1', /RFC 1918/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.255', /carrier-grade NAT/],
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['224.0.0.251', /multicast/],
    ['239.255.255.250', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['febf::1', /link-local/],
    ['fc00::1', /unique local/],
    ['fd12:3456:789a::1', /unique local/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /IPv4-mapped loopback/],
    ['::ffff:7f00:1', /IPv4-mapped loopback/],
    ['::ffff:10.0.0.1', /IPv4-mapped private/],
    ['::ffff:169.254.169.254', /IPv4-mapped link-local/],
    ['64:ff9b::10.0.0.1', /NAT64.*private/],
    ['64:ff9b::7f00:1', /NAT64.*loopback/],
    ['64:ff9b:1::1', /local-use NAT64/],
    ['2002:c0a8:0101::1', /6to4.*192\.168/],
    ['[::1]', /loopback/],
    ['not-an-ip', /not an IP address/],
  ])('refuses %s', (address, range) => {
    expect(privateRangeOf(address)).toMatch(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '169.253.255.255',
    '11.0.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:81c::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:0808:0808::1',
  ])('allows the public address %s', (address) => {
    expect(privateRangeOf(address)).toBeNull();
    expect(isPublicAddress(address)).toBe(true);
  });

  it('judges an IPv4 address the same through every IPv6 wrapping that carries it', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
        const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        const refused = privateRangeOf(v4) !== null;
        expect(privateRangeOf(`::ffff:${v4}`) !== null).toBe(refused);
        expect(privateRangeOf(`::ffff:${hex}`) !== null).toBe(refused);
        expect(privateRangeOf(`64:ff9b::${hex}`) !== null).toBe(refused);
        expect(privateRangeOf(`2002:${hex}::1`) !== null).toBe(refused);
      }),
    );
  });

  it('refuses every address of the RFC 1918 and unique-local blocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 0, max: 0xffff }), (n, g) => {
        expect(privateRangeOf(`10.${n >> 16}.${(n >> 8) & 0xff}.${n & 0xff}`)).toMatch(/RFC 1918/);
        expect(privateRangeOf(`fd${(n & 0xff).toString(16).padStart(2, '0')}:${g.toString(16)}::1`)).toMatch(/unique local/);
      }),
    );
  });
});

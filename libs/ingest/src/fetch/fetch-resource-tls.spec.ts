import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from './fetch-error.js';
import { fetchResource } from './fetch-resource.js';
import { makeSelfSignedCert } from './testing/self-signed-cert.js';

const tls = makeSelfSignedCert();

describe.skipIf(!tls)('fetchResource over loopback TLS', () => {
  let server: https.Server;
  let port = 0;

  beforeAll(async () => {
    server = https.createServer({ cert: tls?.cert, key: tls?.key }, (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('over tls'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches over https by name when the certificate authority is trusted', async () => {
    const r = await fetchResource(`https://localhost:${port}/`, { allowPrivate: true, extraCa: tls?.cert });
    expect(r.body.toString()).toBe('over tls');
  });

  it('refuses an untrusted certificate', async () => {
    const err = await fetchResource(`https://localhost:${port}/`, { allowPrivate: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).reason).toBe('connection');
    expect((err as FetchError).message).toMatch(/self[- ]signed/i);
  });

  it('applies the address policy to https names too', async () => {
    const err = await fetchResource(`https://localhost:${port}/`, { extraCa: tls?.cert }).catch((e: unknown) => e);
    expect((err as FetchError).reason).toBe('private_address');
  });
});

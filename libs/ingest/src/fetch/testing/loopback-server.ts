import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** `http://<host>:<port>` */
  origin: string;
  port: number;
  /** Every request the server saw, in order. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** A real HTTP server on a loopback address (127.0.0.1 unless given) and a free port, for tests that exercise the fetcher end to end. */
export async function startLoopbackServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host = '127.0.0.1',
): Promise<LoopbackServer> {
  const requests: IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    // A client that gives up mid-body is what several tests provoke; the server just stops writing.
    res.on('error', () => undefined);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export type Route = (req: RecordedRequest) => { status?: number; body?: unknown } | undefined;

/**
 * A loopback HTTP server answering as the API contract says (DESIGN.md, HTTP table), for component
 * tests: the dashboard's real fetch code talks to it over a socket. Every request is recorded.
 */
export async function startFakeApi(route: Route): Promise<{ origin: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const rec: RecordedRequest = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers, body: raw ? (JSON.parse(raw) as unknown) : undefined };
      requests.push(rec);
      const answer = route(rec) ?? { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: `Cannot ${rec.method} ${rec.url.pathname}` } };
      const status = answer.status ?? 200;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/**
 * An answer: JSON `body` by default; `text` with its `contentType` for a file; `stream: true` keeps the
 * response open as a server-sent event stream that `emit` writes to.
 */
export type Answer = { status?: number; body?: unknown; text?: string; contentType?: string; stream?: boolean };
export type Route = (req: RecordedRequest) => Answer | undefined;

/**
 * A loopback HTTP server answering as the API contract says (DESIGN.md, HTTP table), for component
 * tests: the dashboard's real fetch code talks to it over a socket. Every request is recorded.
 */
export async function startFakeApi(route: Route): Promise<{
  origin: string;
  requests: RecordedRequest[];
  /** Writes one event to every open stream (WHATWG HTML, server-sent events: `event:` and `data:` lines, a blank line ends it). */
  emit: (event: string, data: unknown) => void;
  /** How many streams are open now. */
  streams: () => number;
  close: () => Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const rec: RecordedRequest = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers, body: raw ? (JSON.parse(raw) as unknown) : undefined };
      requests.push(rec);
      const answer = route(rec) ?? { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: `Cannot ${rec.method} ${rec.url.pathname}` } };
      const status = answer.status ?? 200;
      if (answer.stream) {
        res.writeHead(status, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
        res.write(': open\n\n');
        open.add(res);
        res.on('close', () => open.delete(res));
        return;
      }
      if (answer.text !== undefined) {
        res.writeHead(status, { 'Content-Type': answer.contentType ?? 'text/plain; charset=utf-8' });
        res.end(answer.text);
        return;
      }
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    emit: (event, data) => {
      for (const res of open) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    streams: () => open.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server that answers like Meilisearch's documented API for the parts the adapter
 * uses: indexes, settings, documents, keys, swaps, and the asynchronous task protocol
 * (https://www.meilisearch.com/docs/reference/api/tasks): every write answers 202 with an
 * enqueued task, which `GET /tasks/:uid` reports `processing` once and then `succeeded` or, when
 * a failure was queued with `failNextTask`, `failed` with an error object. Searches return the
 * stored documents unranked and unfiltered: this checks our side of the protocol and what we send,
 * not Meilisearch's search.
 */
export class FakeMeilisearch {
  readonly indexes = new Map<string, { primaryKey: string | null; docs: Map<string, Record<string, unknown>>; settings: Record<string, unknown> }>();
  readonly requests: { method: string; path: string; body: unknown; auth: string | undefined }[] = [];
  readonly keys: { uid: string; key: string; name: string; actions: string[]; indexes: string[] }[] = [];
  private readonly tasks = new Map<number, { task: Record<string, unknown>; polls: number; apply: () => void; failure: { code: string; message: string } | null }>();
  private nextTask = 0;
  private failures: { code: string; message: string }[] = [];
  private server: Server | null = null;
  port = 0;

  constructor(readonly masterKey = 'master-key-for-tests') {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens (again, on the same port after `stop`, as a restarted engine would). */
  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next write task will fail with this error, as Meilisearch reports a failed task. */
  failNextTask(code: string, message: string): void {
    this.failures.push({ code, message });
  }

  writes(type: string): number {
    return [...this.tasks.values()].filter((t) => t.task['type'] === type).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : null;
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;
    const method = req.method ?? 'GET';
    this.requests.push({ method, path, body, auth: req.headers.authorization });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const error = (status: number, code: string, message: string) => send(status, { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` });
    const auth = req.headers.authorization?.replace(/^Bearer /, '');
    const admin = auth === this.masterKey;
    const searchKey = this.keys.find((k) => k.key === auth);
    if (path === '/health') return send(200, { status: 'available' });
    if (!admin && !(searchKey && method === 'POST' && (path === '/multi-search' || /\/search$/.test(path)))) return error(403, 'invalid_api_key', 'The provided API key is invalid.');

    let m: RegExpMatchArray | null;
    if ((m = path.match(/^\/tasks\/(\d+)$/))) return this.poll(Number(m[1]), send, error);
    if (path === '/keys' && method === 'GET') return send(200, { results: this.keys, offset: 0, limit: 1000, total: this.keys.length });
    if (path === '/keys' && method === 'POST') {
      const b = body as { name: string; actions: string[]; indexes: string[] };
      const key = { uid: `uid-${this.keys.length}`, key: `search-key-${this.keys.length}`, name: b.name, actions: b.actions, indexes: b.indexes, description: '', expiresAt: null, createdAt: '', updatedAt: '' };
      this.keys.push(key);
      return send(201, key);
    }
    if (path === '/indexes' && method === 'POST') {
      const b = body as { uid: string; primaryKey?: string };
      return this.enqueue(send, 'indexCreation', b.uid, () => {
        if (this.indexes.has(b.uid)) throw { code: 'index_already_exists', message: `Index \`${b.uid}\` already exists.` };
        this.indexes.set(b.uid, { primaryKey: b.primaryKey ?? null, docs: new Map(), settings: {} });
      });
    }
    if (path === '/swap-indexes' && method === 'POST') {
      const swaps = body as { indexes: [string, string] }[];
      return this.enqueue(send, 'indexSwap', null, () => {
        for (const { indexes: [a, b] } of swaps) {
          const ia = this.indexes.get(a);
          const ib = this.indexes.get(b);
          if (!ia || !ib) throw { code: 'index_not_found', message: `Index \`${ia ? b : a}\` not found.` };
          this.indexes.set(a, ib);
          this.indexes.set(b, ia);
        }
      });
    }
    if (path === '/multi-search' && method === 'POST') {
      const b = body as { federation?: { offset?: number; limit?: number }; queries: { indexUid: string; offset?: number; limit?: number }[] };
      const results = b.queries.map((q) => this.searchResult(q.indexUid, q.offset ?? 0, q.limit ?? 20));
      if (!b.federation) return send(200, { results });
      const all = b.queries.flatMap((q) => [...(this.indexes.get(q.indexUid)?.docs.values() ?? [])]);
      const unique = [...new Map(all.map((d) => [d['id'], d])).values()];
      const offset = b.federation.offset ?? 0;
      return send(200, { hits: unique.slice(offset, offset + (b.federation.limit ?? 20)), estimatedTotalHits: unique.length, offset, limit: b.federation.limit ?? 20, processingTimeMs: 0 });
    }
    if (!(m = path.match(/^\/indexes\/([^/]+)(\/.*)?$/))) return error(404, 'not_found', 'not found');
    const uid = decodeURIComponent(m[1] ?? '');
    const rest = m[2] ?? '';
    const index = this.indexes.get(uid);
    if (rest === '' && method === 'DELETE') {
      return this.enqueue(send, 'indexDeletion', uid, () => {
        if (!this.indexes.delete(uid)) throw { code: 'index_not_found', message: `Index \`${uid}\` not found.` };
      });
    }
    if (rest === '/documents' && (method === 'POST' || method === 'PUT')) {
      const docs = body as Record<string, unknown>[];
      const primaryKey = url.searchParams.get('primaryKey');
      return this.enqueue(send, 'documentAdditionOrUpdate', uid, () => {
        let target = this.indexes.get(uid);
        if (!target) this.indexes.set(uid, (target = { primaryKey, docs: new Map(), settings: {} }));
        for (const d of docs) target.docs.set(String(d[target.primaryKey ?? 'id']), d);
      });
    }
    if (rest === '/documents/delete-batch' && method === 'POST') {
      return this.enqueue(send, 'documentDeletion', uid, () => {
        for (const id of body as unknown[]) this.indexes.get(uid)?.docs.delete(String(id));
      });
    }
    if (rest === '/documents' && method === 'DELETE') return this.enqueue(send, 'documentDeletion', uid, () => this.indexes.get(uid)?.docs.clear());
    if (rest === '/settings' && method === 'PATCH') {
      return this.enqueue(send, 'settingsUpdate', uid, () => {
        const target = this.indexes.get(uid);
        if (target) Object.assign(target.settings, body);
      });
    }
    if (!index) return error(404, 'index_not_found', `Index \`${uid}\` not found.`);
    if (rest === '' && method === 'GET') return send(200, { uid, primaryKey: index.primaryKey, createdAt: '', updatedAt: '' });
    if (rest === '/stats') return send(200, { numberOfDocuments: index.docs.size, isIndexing: false, fieldDistribution: {} });
    if (rest === '/settings' && method === 'GET') return send(200, index.settings);
    if ((m = rest.match(/^\/documents\/(.+)$/)) && method === 'GET') {
      const doc = index.docs.get(decodeURIComponent(m[1] ?? ''));
      return doc ? send(200, doc) : error(404, 'document_not_found', 'Document not found.');
    }
    if (rest === '/search' && method === 'POST') {
      const b = body as { offset?: number; limit?: number };
      return send(200, this.searchResult(uid, b.offset ?? 0, b.limit ?? 20));
    }
    return error(404, 'not_found', `${method} ${path}`);
  }

  private searchResult(uid: string, offset: number, limit: number): Record<string, unknown> {
    const docs = [...(this.indexes.get(uid)?.docs.values() ?? [])];
    const kinds: Record<string, number> = {};
    for (const d of docs) kinds[String(d['kind'])] = (kinds[String(d['kind'])] ?? 0) + 1;
    return { hits: docs.slice(offset, offset + limit), estimatedTotalHits: docs.length, offset, limit, processingTimeMs: 0, query: '', facetDistribution: { kind: kinds }, facetStats: {} };
  }

  private enqueue(send: (status: number, payload: unknown) => void, type: string, indexUid: string | null, apply: () => void): void {
    const uid = this.nextTask++;
    const enqueuedAt = new Date().toISOString();
    const task = { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt };
    this.tasks.set(uid, { task: { uid, indexUid, status: 'enqueued', type, enqueuedAt }, polls: 0, apply, failure: this.failures.shift() ?? null });
    send(202, task);
  }

  /** Enqueued, then processing on the first poll, then done: the states the documented protocol walks through. */
  private poll(uid: number, send: (status: number, payload: unknown) => void, error: (status: number, code: string, message: string) => void): void {
    const entry = this.tasks.get(uid);
    if (!entry) return error(404, 'task_not_found', `Task \`${uid}\` not found.`);
    entry.polls++;
    if (entry.polls === 1 && entry.task['status'] === 'enqueued') {
      entry.task = { ...entry.task, status: 'processing', startedAt: new Date().toISOString() };
    } else if (entry.task['status'] === 'processing') {
      let failure = entry.failure;
      if (!failure) {
        try {
          entry.apply();
        } catch (e) {
          failure = e as { code: string; message: string };
        }
      }
      entry.task = {
        ...entry.task,
        status: failure ? 'failed' : 'succeeded',
        error: failure ? { ...failure, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${failure.code}` } : null,
        finishedAt: new Date().toISOString(),
        duration: 'PT0.001S',
      };
    }
    send(200, { batchUid: null, canceledBy: null, details: {}, error: null, duration: null, startedAt: null, finishedAt: null, ...entry.task });
  }
}

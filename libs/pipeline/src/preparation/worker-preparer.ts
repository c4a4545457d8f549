import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CustomEntity } from '@parallax/enrich';
import type { Logger } from '../logger.js';
import type { EntryToEnrich, PreparedEntry, ReadDocument, ResourceToRead, SourceToRead } from './entry-preparation.js';
import type { EntryPreparer } from './entry-preparer.js';

/** A message to the worker. */
export type PreparationRequest =
  | { id: number; op: 'read'; source: SourceToRead; resource: ResourceToRead; fetchedAt: string; knownGuids: readonly string[] }
  | { id: number; op: 'prepare'; entries: EntryToEnrich[] }
  | { id: number; op: 'reload'; customEntities: CustomEntity[] }
  | { id: number; op: 'ready' };

export type PreparationReply = { id: number; result: unknown; error?: undefined } | { id: number; error: string; result?: undefined };

type Request = PreparationRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Runs {@link EntryPreparer} work on worker threads, each with its own Enricher (the gazetteer and the
 * language model are built once per thread). A request goes to the thread with the least work queued.
 * A thread that dies (out of memory on a hostile document, a bug) fails only the requests it held,
 * as errors of those polls, and is replaced.
 */
export class WorkerPreparer implements EntryPreparer {
  /** The compiled worker script; absent when the sources run untranspiled (vitest), where polls prepare inline. */
  static readonly script = path.join(__dirname, 'preparation-worker.js');

  static available(): boolean {
    return fs.existsSync(WorkerPreparer.script);
  }

  private readonly threads: Thread[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    threads: number,
    private customEntities: CustomEntity[],
    private readonly logger: Logger,
  ) {
    for (let i = 0; i < Math.max(1, threads); i++) this.threads.push(this.spawn());
  }

  async ready(): Promise<void> {
    await Promise.all(this.threads.map((t) => this.call(t, { op: 'ready' })));
  }

  read(source: SourceToRead, resource: ResourceToRead, fetchedAt: string, knownGuids: readonly string[]): Promise<ReadDocument> {
    // Only what reading needs crosses the thread boundary (the body is copied: it may share a pooled buffer).
    return this.call(this.leastBusy(), {
      op: 'read',
      source: { id: source.id, url: source.url, type: source.type, selectors: source.selectors },
      resource: { body: resource.body, contentType: resource.contentType, finalUrl: resource.finalUrl },
      fetchedAt,
      knownGuids,
    }) as Promise<ReadDocument>;
  }

  prepare(entries: EntryToEnrich[]): Promise<PreparedEntry[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return this.call(this.leastBusy(), { op: 'prepare', entries }) as Promise<PreparedEntry[]>;
  }

  async reload(customEntities: CustomEntity[]): Promise<void> {
    this.customEntities = customEntities;
    await Promise.all(this.threads.map((t) => this.call(t, { op: 'reload', customEntities })));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(WorkerPreparer.script, { workerData: { customEntities: this.customEntities } });
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (reply: PreparationReply) => {
      const p = thread.pending.get(reply.id);
      if (!p) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve(reply.result);
    });
    const fail = (why: string) => {
      const at = this.threads.indexOf(thread);
      for (const p of thread.pending.values()) p.reject(new Error(`preparation thread stopped: ${why}`));
      thread.pending.clear();
      if (this.closed || at < 0) return;
      this.logger.error({ err: why }, 'preparation thread stopped; starting another');
      this.threads[at] = this.spawn();
    };
    worker.on('error', (err) => fail(err.message));
    // After close too: whatever the thread still held is failed, not left waiting.
    worker.on('exit', (code) => fail(this.closed ? 'closed' : `exit code ${code}`));
    // An idle thread must not keep the process alive (the CLI exits when its work is done); a busy one must.
    worker.unref();
    return thread;
  }

  private leastBusy(): Thread {
    return this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private call(thread: Thread, request: Request): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the preparation threads are closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.ref();
      thread.worker.postMessage({ ...request, id });
    });
  }
}

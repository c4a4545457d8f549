import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, type DomainErrorCode, type SearchDocument } from '@parallax/domain';

/** A write for the thread: the embedded index's three writes, applied in the order sent. */
export type FtsWrite = { op: 'upsert'; docs: SearchDocument[] } | { op: 'remove'; ids: number[] } | { op: 'clear' };

export interface FtsWriterData {
  path: string;
  walAutocheckpoint?: number;
}

export type FtsWriteRequest = FtsWrite & { id: number };

/** The thread's answer: done, or the error with what a DomainError carries. */
export interface FtsWriteReply {
  id: number;
  error?: { message: string; code?: DomainErrorCode; details?: DomainError['details'] };
}

/**
 * The embedded index's writes on a thread of their own, with its own connection to the index file
 * (libs/search SqliteFtsIndex in inline mode, in fts-writer-worker.ts): the main thread only sends
 * the documents and searches from its connection, which sees each batch once its promise resolves (the
 * thread answers after the commit; WAL lets one connection write while others read).
 *
 * A thread that dies fails the writes it held with UNAVAILABLE, which the index feeder's outbox retries,
 * and the next write starts a new thread.
 */
export class FtsWriterThread {
  /** The compiled thread script; absent when the sources run untranspiled (vitest), where the index writes inline. */
  static readonly script = path.join(__dirname, 'fts-writer-worker.js');

  static available(script = FtsWriterThread.script): boolean {
    return fs.existsSync(script);
  }

  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  private nextId = 1;
  /** Settles once every write sent so far is answered. */
  private idle: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly data: FtsWriterData,
    private readonly script = FtsWriterThread.script,
  ) {}

  write(w: FtsWrite): Promise<void> {
    const worker = this.running();
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...w, id } satisfies FtsWriteRequest);
    });
    this.idle = Promise.allSettled([this.idle, done]);
    return done;
  }

  /** Waits for the writes sent, then stops the thread (its connection closes with it). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.idle;
    this.worker = null;
    await worker.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: this.data });
    worker.on('message', (reply: FtsWriteReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (!reply.error) p.resolve();
      else p.reject(reply.error.code ? new DomainError(reply.error.code, reply.error.message, reply.error.details) : new Error(reply.error.message));
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const err = new DomainError('UNAVAILABLE', `the index writer thread stopped: ${why}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }
}

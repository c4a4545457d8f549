import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** How often the thread checkpoints; the write-ahead logs stay a few hundred pages long under ingest. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 100;

/**
 * Pages a connection lets its write-ahead log grow to before checkpointing it itself, while the
 * checkpointer runs (SQLite's default is 1,000): only a stalled thread lets the log get this far.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 20_000;

/** What the checkpoint thread is given and what it answers. */
export interface CheckpointWorkerData {
  files: string[];
  intervalMs: number;
}
/** A checkpoint that failed, for the log. */
export interface CheckpointWorkerMessage {
  error: string;
  file: string;
}

/**
 * Checkpoints SQLite write-ahead logs on a thread of its own, with a connection of its own to each file.
 *
 * A connection checkpoints its log itself when a commit leaves it longer than `wal_autocheckpoint`
 * pages: that commit then copies the log's pages into the database file and syncs it, on the thread
 * that committed, which here is the one that also serves the API. Under ingest that was 0.3–0.7 s of
 * the main thread per 5,000 items (the commits' time in the ingest bench with the default 1,000 pages
 * against 100,000). A PASSIVE checkpoint from another connection copies what no reader still needs
 * without blocking the writer (https://sqlite.org/wal.html, "Checkpointing"; https://sqlite.org/c3ref/wal_checkpoint_v2.html),
 * and the writer restarts the log once it has all been copied.
 */
export class WalCheckpointer {
  /** The compiled thread script; absent when the sources run untranspiled (vitest), where SQLite checkpoints as it always does. */
  static readonly script = path.join(__dirname, 'wal-checkpoint-worker.js');

  static available(): boolean {
    return fs.existsSync(WalCheckpointer.script);
  }

  private readonly worker: Worker;
  /** Settles when the thread has ended, stopped or not (a thread that died is not waited for again). */
  private readonly exited: Promise<void>;

  /** Starts checkpointing `files` (databases in WAL mode that already exist). */
  constructor(files: string[], options: { intervalMs?: number; onError?: (file: string, error: string) => void } = {}) {
    const workerData: CheckpointWorkerData = { files, intervalMs: options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS };
    this.worker = new Worker(WalCheckpointer.script, { workerData });
    this.exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (m: CheckpointWorkerMessage) => {
      options.onError?.(m.file, m.error);
    });
    // Should the thread die, every connection still checkpoints at its backstop: nothing is lost.
    this.worker.on('error', (err) => options.onError?.('(thread)', err.message));
    // The thread must not keep a process alive that has nothing else to do.
    this.worker.unref();
  }

  /** Stops the thread after its current checkpoint; the connections close with it. */
  stop(): Promise<void> {
    // Held again while it stops: otherwise a process with nothing else to do would end before the
    // exit arrives, with the caller's await never settled.
    this.worker.ref();
    this.worker.postMessage('stop');
    return this.exited;
  }
}

// The thread of FtsWriterThread: an inline SqliteFtsIndex on the same file, applying writes in order.
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError, errorMessage } from '@parallax/domain';
import type { FtsWriteReply, FtsWriteRequest, FtsWriterData } from './fts-writer-thread.js';
import { SqliteFtsIndex } from './sqlite-fts.adapter.js';

const port = parentPort;
if (!port) throw new Error('fts-writer-worker runs as a worker thread');
const data = workerData as FtsWriterData;
// Writes touch the ends of the indexes and the newest FTS5 segments: a small cache serves them, the
// searching connection keeps the large one (each connection's cache adds to the process's memory).
const index = new SqliteFtsIndex({ path: data.path, walAutocheckpoint: data.walAutocheckpoint, writer: 'inline', pageCacheMb: 8 });

async function apply(req: FtsWriteRequest): Promise<void> {
  switch (req.op) {
    case 'upsert':
      return index.upsert(req.docs);
    case 'remove':
      return index.remove(req.ids);
    case 'clear':
      return index.clear();
  }
}

// One write at a time, in the order sent: a removal must not overtake the upsert before it.
let queue = Promise.resolve();
port.on('message', (req: FtsWriteRequest) => {
  queue = queue.then(() =>
    apply(req).then(
      () => port.postMessage({ id: req.id } satisfies FtsWriteReply),
      (err: unknown) =>
        port.postMessage({
          id: req.id,
          error: err instanceof DomainError ? { message: err.message, code: err.code, details: err.details } : { message: errorMessage(err) },
        } satisfies FtsWriteReply),
    ),
  );
});

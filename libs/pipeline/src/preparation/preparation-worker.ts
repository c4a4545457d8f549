// The worker thread of WorkerPreparer: reads documents and prepares entries with its own Enricher.
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '@parallax/domain';
import { type CustomEntity, Enricher } from '@parallax/enrich';
import { prepareEntries, readDocument, warmUp } from './entry-preparation.js';
import type { PreparationReply, PreparationRequest } from './worker-preparer.js';

const port = parentPort;
if (!port) throw new Error('preparation-worker runs as a worker thread');

let enricher: Promise<Enricher> = Enricher.create({ customEntities: (workerData as { customEntities: CustomEntity[] }).customEntities });

async function answer(req: PreparationRequest): Promise<unknown> {
  switch (req.op) {
    case 'read': {
      // A Buffer arrives as a plain Uint8Array: the decoders need Buffer's methods.
      const body = Buffer.from(req.resource.body.buffer, req.resource.body.byteOffset, req.resource.body.byteLength);
      return readDocument(req.source, { ...req.resource, body }, req.fetchedAt, req.knownGuids);
    }
    case 'prepare':
      return prepareEntries(await enricher, req.entries);
    case 'ready':
      warmUp(await enricher);
      return null;
    case 'reload':
      enricher = Enricher.create({ customEntities: req.customEntities });
      await enricher;
      return null;
  }
}

port.on('message', (req: PreparationRequest) => {
  answer(req).then(
    (result) => port.postMessage({ id: req.id, result } satisfies PreparationReply),
    (err: unknown) => port.postMessage({ id: req.id, error: errorMessage(err) } satisfies PreparationReply),
  );
});

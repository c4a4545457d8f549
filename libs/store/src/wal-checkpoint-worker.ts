// The thread of WalCheckpointer: a PASSIVE checkpoint of every file, every intervalMs.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { errorMessage } from '@parallax/domain';
import type { CheckpointWorkerData, CheckpointWorkerMessage } from './wal-checkpointer.js';

const port = parentPort;
if (!port) throw new Error('wal-checkpoint-worker runs as a worker thread');
const { files, intervalMs } = workerData as CheckpointWorkerData;

const connections = files.map((file) => {
  const db = new Database(file, { fileMustExist: true });
  // A checkpoint that finds the log busy is simply tried again next time: never wait for the writer.
  db.pragma('busy_timeout = 0');
  return { file, db };
});

const timer = setInterval(() => {
  for (const { file, db } of connections) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      port.postMessage({ error: errorMessage(err), file } satisfies CheckpointWorkerMessage);
    }
  }
}, intervalMs);

port.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  for (const { db } of connections) db.close();
  port.close();
});

// How long a request waits for the main thread while the pipeline works. The API answers on the same
// thread as the store, story placement, indexing and alert matching, so a search that arrives during a
// busy ingest waits for whatever batch holds the thread. A loopback server on this thread answers at
// once; a client on a worker thread (its own event loop, so its clock is not held up) sends a request
// every `intervalMs` and times each answer: what an analyst's request would wait on top of its own work.
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { percentiles, round } from './corpus.mjs';

const CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const waits = [];
let stopping = false;
parentPort.on('message', () => { stopping = true; });
const ask = () => new Promise((resolve) => {
  http.get({ host: '127.0.0.1', port: workerData.port, path: '/', agent }, (res) => { res.resume(); res.on('end', resolve); }).on('error', resolve);
});
(async () => {
  while (!stopping) {
    const started = performance.now();
    await ask();
    waits.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, workerData.intervalMs));
  }
  agent.destroy();
  parentPort.postMessage(waits);
})();
`;

/** Starts probing; `stop()` ends it and returns the requests' answer times in ms (p50/p95/p99/max). */
export async function probeResponsiveness({ intervalMs = 10 } = {}) {
  const server = http.createServer((req, res) => res.writeHead(204).end());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new Worker(CLIENT, { eval: true, workerData: { port: server.address().port, intervalMs } });
  const waits = new Promise((resolve, reject) => {
    client.once('message', resolve);
    client.once('error', reject);
  });
  return {
    async stop() {
      client.postMessage('stop');
      const ms = await waits;
      await client.terminate();
      server.close();
      server.closeAllConnections();
      return { requests: ms.length, intervalMs, ...percentiles(ms), max: round(Math.max(0, ...ms), 2) };
    },
  };
}

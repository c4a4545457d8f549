import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, fixtureEntityResolver } from '../testing/multilingual-corpus.js';
import { describeSearchIndexContract } from '../testing/search-index.contract.js';
import { FtsWriterThread } from './fts-writer-thread.js';
import { SqliteFtsIndex } from './sqlite-fts.adapter.js';

// The thread runs compiled: scripts/ensure-built.mjs builds it from these sources, and these tests
// point the index at the built script. The whole contract holds with writes on the thread.
const ROOT = path.resolve(__dirname, '../../../..');
const writerScript = path.join(ROOT, 'libs/search/dist/sqlite-fts/fts-writer-worker.js');

const dir = mkdtempSync(path.join(tmpdir(), 'parallax-fts-writer-'));
beforeAll(() => {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const threaded = (file = path.join(dir, `search-${n++}.db`)) => new SqliteFtsIndex({ path: file, resolveEntity: fixtureEntityResolver, writer: 'thread', writerScript });

describeSearchIndexContract('sqlite-fts, writes on a thread', async () => threaded());

describe('SqliteFtsIndex writing on a thread', () => {
  it("keeps a writer's validation errors as domain errors naming the field, and the batch out", async () => {
    const index = threaded();
    expect(index.writesOnThread).toBe(true);
    const good = CORPUS[0];
    if (!good) throw new Error('empty corpus');
    await expect(index.upsert([good, { ...good, id: 0 }])).rejects.toMatchObject({ name: 'DomainError', code: 'VALIDATION', details: { field: 'id' } });
    expect(await index.count()).toBe(0);
    await index.upsert([good]);
    expect(await index.count()).toBe(1);
    await index.close();
  });

  it('fails the writes of a thread that dies with UNAVAILABLE, and starts another for the next write', async () => {
    // A stand-in thread that answers every write but dies on a clear, after one write has queued behind it.
    const script = path.join(dir, 'dies-on-clear.js');
    writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
       let dying = false;
       parentPort.on('message', (req) => {
         if (req.op === 'clear') dying = true, setTimeout(() => process.exit(3), 20);
         if (!dying) parentPort.postMessage({ id: req.id });
       });`,
    );
    const thread = new FtsWriterThread({ path: path.join(dir, 'unused.db') }, script);
    await thread.write({ op: 'remove', ids: [1] });
    const dying = thread.write({ op: 'clear' });
    const queued = thread.write({ op: 'remove', ids: [2] });
    await expect(dying).rejects.toMatchObject({ name: 'DomainError', code: 'UNAVAILABLE' });
    await expect(queued).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('exit code 3') });
    await expect(thread.write({ op: 'remove', ids: [3] })).resolves.toBeUndefined();
    await thread.close();
  });

  it('applies writes in the order sent and has them all done when close returns', async () => {
    const file = path.join(dir, 'order.db');
    const index = threaded(file);
    // Not awaited one by one: the removal must not overtake the upsert it follows.
    const writes = [index.upsert([...CORPUS]), index.remove([CORPUS[0]?.id ?? 0]), index.upsert([...CORPUS.slice(0, 2)]), index.remove([CORPUS[1]?.id ?? 0])];
    await index.close();
    await Promise.all(writes);
    const reopened = new SqliteFtsIndex({ path: file });
    expect(await reopened.count()).toBe(CORPUS.length - 1);
    expect((await reopened.search({ q: '', sort: 'newest', limit: 100, offset: 0 })).hits.map((h) => h.id)).not.toContain(CORPUS[1]?.id);
    await reopened.close();
  });
});

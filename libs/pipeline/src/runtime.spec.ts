import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateSourceSchema } from '@parallax/domain';
import type { Runtime as RuntimeClass } from './runtime.js';
import { silentLogger } from './logger.js';

// Preparation threads need the compiled worker script, so this drives the built module (as
// worker-preparer.spec does); under vitest the runtime otherwise prepares on its own thread.
const ROOT = path.resolve(__dirname, '../../..');

let dir: string;
let runtime: RuntimeClass;

beforeAll(async () => {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, not the aliased source
  const { Runtime } = require(path.join(ROOT, 'libs/pipeline/dist/runtime.js')) as { Runtime: typeof RuntimeClass };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-runtime-'));
  runtime = await Runtime.open({
    dataDir: dir,
    seedDir: path.join(ROOT, 'seed'),
    allowPrivateSources: false,
    pollConcurrency: 1,
    meiliUrl: null,
    perHostGapMs: 0,
    logger: silentLogger,
    ingestThreads: 1,
  });
}, 240_000);

afterAll(async () => {
  await runtime?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Runtime with a preparation thread', () => {
  it('looks entities up on its own thread without the language model, and a re-tag still identifies languages', async () => {
    // This thread keeps the gazetteer (names in queries and rules, denial passages) but not eld.
    expect(runtime.enricher.resolveEntity('Китай')).toContain('Q148');
    expect(runtime.enricher.tagEntities('Le président chinois Xi Jinping', 'fr').map((e) => e.qid)).toContain('Q15031');

    // An item stored without a language (as before a model existed): the re-tag enriches on the preparation thread, which has the model.
    const source = runtime.store.sources.create(CreateSourceSchema.parse({ name: 'Le Quotidien', url: 'https://quotidien.example.fr/rss' }));
    const text = 'Le ministère des Affaires étrangères dément catégoriquement les informations parues ce matin dans la presse.';
    const outcome = runtime.store.items.insertIfNew({
      sourceId: source.id,
      guid: 'fr-1',
      url: 'https://quotidien.example.fr/a',
      title: 'La France dément les informations de presse',
      summary: text,
      contentText: text,
      contentHtml: `<p>${text}</p>`,
      author: null,
      publishedAt: '2026-03-01T10:00:00.000Z',
      fetchedAt: '2026-03-01T10:05:00.000Z',
      language: 'und',
      entities: [],
      denial: false,
      mentionsDenial: false,
      contentHash: 'fr-1',
      simhash: '0000000000000001',
      duplicateOf: null,
    });
    if (outcome.status !== 'new') throw new Error('the item was not stored');

    const result = await runtime.retag.run();
    expect(result.retagged).toBe(1);
    const item = runtime.store.items.get(outcome.id);
    expect(item.language).toBe('fr');
    expect(item.entities.map((e) => e.qid)).toContain('Q142');
  }, 120_000);
});

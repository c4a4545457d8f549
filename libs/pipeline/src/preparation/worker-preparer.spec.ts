import { spawnSync } from 'node:child_process';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Enricher } from '@parallax/enrich';
import type { Logger } from '../logger.js';
import type { EntryToEnrich, ResourceToRead, SourceToRead } from './entry-preparation.js';
import { InlinePreparer } from './entry-preparer.js';
import type { WorkerPreparer as WorkerPreparerClass } from './worker-preparer.js';

// The worker script runs compiled: this test drives the built module (scripts/ensure-built.mjs builds it
// from these sources), and checks it against the inline path under vitest.
const ROOT = path.resolve(__dirname, '../../../..');

const source: SourceToRead = { id: 1, url: 'https://news.example.cn/rss.xml', type: 'feed', selectors: null };
/** A GBK feed: the body crosses the thread boundary as bytes and must still decode as GBK. */
const gbkFeed: ResourceToRead = {
  body: iconv.encode(
    `<?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><title>新闻</title><language>zh-CN</language>
      <item><title>外交部发言人：所谓报道纯属假新闻</title><link>https://news.example.cn/a?utm_source=rss</link><guid>a</guid>
        <description>&lt;p&gt;中国外交部发言人表示，有关报道纯属捏造。&lt;/p&gt;</description></item>
      <item><guid>empty</guid></item>
    </channel></rss>`,
    'gbk',
  ),
  contentType: 'application/rss+xml',
  finalUrl: 'https://news.example.cn/rss.xml',
};

const errors: string[] = [];
const logger: Logger = { debug() {}, info() {}, warn() {}, error: (o: unknown, message?: string) => void errors.push(`${message ?? ''} ${JSON.stringify(o)}`) };

let WorkerPreparer: typeof WorkerPreparerClass;
let preparer: WorkerPreparerClass;
let inline: InlinePreparer;

beforeAll(async () => {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, not the aliased source
  ({ WorkerPreparer } = require(path.join(ROOT, 'libs/pipeline/dist/preparation/worker-preparer.js')) as { WorkerPreparer: typeof WorkerPreparerClass });
  preparer = new WorkerPreparer(2, [], logger);
  const enricher = await Enricher.create();
  inline = new InlinePreparer(() => enricher);
  await Promise.all([preparer.ready(), inline.ready()]);
}, 240_000);

afterAll(async () => {
  await preparer?.close();
});

describe('WorkerPreparer', () => {
  it('reads and prepares on its threads exactly what the calling thread would', async () => {
    const [onThread, here] = await Promise.all([preparer.read(source, gbkFeed, '2026-11-28T10:00:00.000Z', []), inline.read(source, gbkFeed, '2026-11-28T10:00:00.000Z', [])]);
    expect(onThread).toEqual(here);
    expect(onThread.entries[0]).toMatchObject({ ok: true, item: { title: '外交部发言人：所谓报道纯属假新闻', url: 'https://news.example.cn/a' } });
    expect(onThread.entries[1]).toMatchObject({ ok: false, guid: 'empty' });

    const entries: EntryToEnrich[] = onThread.entries.flatMap((e) => (e.ok ? [{ item: e.item, declaredLanguage: onThread.feedLanguage, sourceKind: 'official' as const }] : []));
    const [prepared, expected] = await Promise.all([preparer.prepare(entries), inline.prepare(entries)]);
    expect(prepared).toEqual(expected);
    expect(prepared[0]).toMatchObject({ ok: true, enrichment: { language: 'zh', denial: true, entities: expect.arrayContaining([expect.objectContaining({ qid: 'Q148' })]) } });
  });

  it('fails a whole unreadable document as an error of that call only', async () => {
    const html: ResourceToRead = { body: Buffer.from('<html><body>no selectors</body></html>'), contentType: 'text/html', finalUrl: 'https://example.org/' };
    await expect(preparer.read({ ...source, type: 'html' }, html, '2026-11-28T10:00:00.000Z', [])).rejects.toThrow(/selectors/);
    await expect(preparer.read(source, gbkFeed, '2026-11-28T10:00:00.000Z', [])).resolves.toMatchObject({ feedLanguage: 'zh-CN' });
  });

  it('tags the custom entities it is reloaded with', async () => {
    const item = { guid: 'x', url: null, title: 'The Zorvan Accord was signed', summary: null, contentText: null, contentHtml: null, author: null, publishedAt: null };
    const tagged = async () => {
      const [p] = await preparer.prepare([{ item, declaredLanguage: 'en', sourceKind: 'media' }]);
      return p?.ok ? p.enrichment.entities.map((e) => e.name) : [];
    };
    expect(await tagged()).not.toContain('Zorvan Accord');
    await preparer.reload([{ id: 'zorvan', name: 'Zorvan Accord' }]);
    expect(await tagged()).toContain('Zorvan Accord');
    await preparer.reload([]);
  });

  it('replaces a thread that dies, failing only what it held', async () => {
    const threads = (preparer as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads;
    const victim = threads[0]!;
    await victim.worker.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(threads[0]).not.toBe(victim);
    expect(errors.join('\n')).toMatch(/preparation thread stopped/);
    await preparer.ready();
    const results = await Promise.all([1, 2, 3, 4].map(() => preparer.read(source, gbkFeed, '2026-11-28T10:00:00.000Z', [])));
    expect(results.every((r) => r.entries.length === 2)).toBe(true);
  });
});

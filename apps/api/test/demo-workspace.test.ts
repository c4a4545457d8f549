import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';

interface ManifestEntry {
  name: string;
  itemCount: number;
}
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../seed/demo/demo.sources.json'), 'utf8')) as ManifestEntry[];

let app: TestApp;
// Private sources stay refused: the demo feeds reach loopback only because they are our own server.
beforeAll(async () => {
  app = await startTestApp({ MONITOR_SEED: 'demo', MONITOR_ALLOW_PRIVATE_SOURCES: 'false' });
});
afterAll(async () => {
  await app?.close();
});

interface SourceView {
  id: number;
  name: string;
  demo: boolean;
  url: string;
  itemCount: number;
  lastStatus: string;
  lastError: string | null;
}

describe('first run with the demo workspace', () => {
  it('registers every demo source, labelled demo', async () => {
    const sources = (await (await app.api('/api/sources')).json()) as SourceView[];
    expect(sources.map((s) => s.name).sort()).toEqual(manifest.map((m) => m.name).sort());
    expect(sources.every((s) => s.demo && s.url.startsWith('demo:'))).toBe(true);
  });

  it('ingests the demo feeds through the real pipeline: every item once, the wire copies marked', async () => {
    const sources = (await (await app.api('/api/sources')).json()) as SourceView[];
    for (const s of sources) {
      const r = (await (await app.api(`/api/sources/${s.id}/poll`, { method: 'POST' })).json()) as { errors: number; error: string | null };
      expect(r.error, s.name).toBeNull();
    }
    const after = (await (await app.api('/api/sources')).json()) as SourceView[];
    for (const m of manifest) expect(after.find((s) => s.name === m.name)?.itemCount, m.name).toBe(m.itemCount);

    const search = (await (await app.api('/api/search?q=' + encodeURIComponent('"Winter Olympics"') + '&limit=100')).json()) as {
      total: number;
      hits: { id: number; outlet: string; duplicateOf: number | null }[];
    };
    expect(search.total).toBeGreaterThan(3);
    const copies = search.hits.filter((h) => h.duplicateOf !== null);
    expect(copies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(copies.map((c) => c.outlet)).size).toBe(copies.length);
  });

  it('stores the hostile demo item inert', async () => {
    const found = (await (await app.api('/api/search?q=' + encodeURIComponent('outlet:"Nordstadt Rundschau"') + '&limit=100')).json()) as { hits: { id: number }[] };
    for (const hit of found.hits) {
      const item = (await (await app.api(`/api/items/${hit.id}`)).json()) as { contentHtml: string | null };
      expect(item.contentHtml ?? '').not.toMatch(/<script|javascript:|\son\w+\s*=|<iframe/i);
    }
  });

  it('refuses a source on a private address while private sources are not allowed', async () => {
    for (const url of ['http://127.0.0.1:8080/feed.xml', 'http://localhost/rss', 'http://[::ffff:10.0.0.1]/rss', 'http://192.168.1.10/rss']) {
      const res = await app.api('/api/sources', { method: 'POST', json: { name: 'internal', url } });
      expect(res.status, url).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'url', message: expect.stringMatching(/MONITOR_ALLOW_PRIVATE_SOURCES/) });
    }
  });

  it('removes the demo workspace in one step, from store and index', async () => {
    const res = await app.api('/api/sources/demo', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(((await (await app.api('/api/sources')).json()) as unknown[]).length).toBe(0);
    expect(((await (await app.api('/api/search?q=')).json()) as { total: number }).total).toBe(0);
  });
});

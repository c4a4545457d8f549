import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Case = [method: string, path: string, body: unknown, field: string];

// Each case: a request with one bad field, and the field the 400 must name.
const cases: Case[] = [
  ['POST', '/api/sources', { url: 'https://example.org/feed' }, 'name'],
  ['POST', '/api/sources', { name: 'x', url: 'not a url' }, 'url'],
  ['POST', '/api/sources', { name: 'x', url: 'file:///etc/passwd' }, 'url'],
  ['POST', '/api/sources', { name: 'x', url: 'https://example.org/f', kind: 'blog' }, 'kind'],
  ['POST', '/api/sources', { name: 'x', url: 'https://example.org/f', pollIntervalSeconds: 1 }, 'pollIntervalSeconds'],
  ['POST', '/api/sources', { name: 'x', url: 'https://example.org/f', country: 'China' }, 'country'],
  ['POST', '/api/sources', { name: 'x', url: 'https://example.org/f', type: 'html' }, 'selectors'],
  ['POST', '/api/sources', { name: 'x', url: 'https://example.org/f', type: 'html', selectors: { list: '' } }, 'selectors.list'],
  ['POST', '/api/sources', [1, 2], 'body'],
  ['POST', '/api/sources', 'null', 'body'],
  ['PATCH', '/api/sources/abc', { name: 'y' }, 'id'],
  ['PATCH', '/api/sources/1', { colour: 'red' }, 'colour'],
  ['DELETE', '/api/sources/0', undefined, 'id'],
  ['POST', '/api/sources/-1/poll', undefined, 'id'],
  ['POST', '/api/sources/preview', { url: 'gopher://x' }, 'url'],
  ['POST', '/api/sources/preview', {}, 'url'],
  ['POST', '/api/sources/import-opml', { opml: '' }, 'opml'],
  ['GET', '/api/search?q=%22unclosed', undefined, 'q'],
  ['GET', '/api/search?q=(a%20OR', undefined, 'q'],
  ['GET', '/api/search?limit=0', undefined, 'limit'],
  ['GET', '/api/search?limit=abc', undefined, 'limit'],
  ['GET', '/api/search?sort=oldest', undefined, 'sort'],
  ['GET', '/api/search?kind=blog', undefined, 'kind'],
  ['GET', '/api/search?from=yesterday', undefined, 'from'],
  ['GET', '/api/search?from=2022-02-05&to=2022-02-01', undefined, 'from'],
  ['GET', '/api/search?bogus=1', undefined, 'bogus'],
  ['GET', '/api/items/xyz', undefined, 'id'],
];

describe('bad input', () => {
  it.each(cases)('%s %s → 400 naming %s, nothing written', async (method, path, body, field) => {
    const before = await (await app.api('/api/sources')).text();
    const res = await app.api(path, {
      method,
      ...(body === undefined ? {} : typeof body === 'string' ? { body, headers: { 'content-type': 'application/json' } } : { json: body }),
    });
    expect(res.status).toBe(400);
    const err = (await res.json()) as { statusCode: number; message: string; field?: string };
    expect(err.field).toBe(field);
    expect(err.message.length).toBeGreaterThan(5);
    expect(await (await app.api('/api/sources')).text()).toBe(before);
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const res = await app.api('/api/sources', { method: 'POST', body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/JSON/);
  });

  it('an oversized body is a 413 with a clear message', async () => {
    const res = await app.api('/api/sources', { method: 'POST', json: { name: 'x'.repeat(6_000_000) } });
    expect(res.status).toBe(413);
  });

  it('a query syntax error gives the position and what was expected', async () => {
    const res = await app.api('/api/search?q=' + encodeURIComponent('china OR'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'QUERY_SYNTAX', field: 'q', position: expect.any(Number), expected: expect.any(String) });
  });

  it('unknown ids are 404, unauthenticated requests 401, health is public', async () => {
    expect((await app.api('/api/items/999999')).status).toBe(404);
    expect((await app.api('/api/sources/999999', { method: 'PATCH', json: { name: 'y' } })).status).toBe(404);
    expect((await fetch(app.url + '/api/sources')).status).toBe(401);
    expect((await fetch(app.url + '/api/sources', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const openApi = (await (await fetch(app.url + '/api/docs-json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/api/sources', '/api/search', '/api/health']));
    const health = await fetch(app.url + '/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', checks: { db: { status: 'up' }, search: { status: 'up' }, scheduler: { status: 'off' } } });
  });
});

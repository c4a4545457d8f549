import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';

let app: TestApp;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  app = await startTestApp();
  // The routes come from the OpenAPI document Nest builds from the controllers, so a new route is covered
  // by this test the day it is added.
  const doc = (await (await fetch(app.url + '/api/docs-json')).json()) as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
});
afterAll(async () => {
  await app?.close();
});

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** Bodies no route should choke on: each must get a 4xx with a message, and never a 5xx. */
const BODIES: { name: string; body: string | Buffer; contentType: string }[] = [
  { name: 'malformed JSON', body: '{"name": "x", ', contentType: 'application/json' },
  { name: 'a JSON array', body: '[1,2,3]', contentType: 'application/json' },
  { name: 'JSON null', body: 'null', contentType: 'application/json' },
  { name: 'a JSON string', body: '"just a string"', contentType: 'application/json' },
  { name: 'wrong types everywhere', body: JSON.stringify({ name: 12, url: [], query: {}, username: null, password: 7, role: 'god', mode: 'x', channels: 'y', opml: 1, aliases: 'z', limit: -1 }), contentType: 'application/json' },
  { name: 'prototype pollution keys', body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', contentType: 'application/json' },
  { name: 'JSON nested 20,000 deep', body: deep(20_000), contentType: 'application/json' },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]), contentType: 'application/json' },
  { name: 'a 6 MB body (over the 5 MB cap)', body: JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) }), contentType: 'application/json' },
  { name: 'an XML bomb as text/xml', body: '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><opml>&b;</opml>', contentType: 'text/xml' },
  { name: 'form-encoded', body: 'name=x&url=http%3A%2F%2Fexample.org', contentType: 'application/x-www-form-urlencoded' },
];

/** Hostile query strings for the read routes, which take no body. */
const QUERIES = ['?limit=-1&offset=abc', '?q=%22unclosed&from=not-a-date', '?%ZZ=1&q=%E0%A4%A', '?q[]=a&q[]=b&limit[x]=1', '?q=' + '('.repeat(500), '?token=' + 'x'.repeat(10_000)];

const concrete = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);

describe('every route survives hostile input', () => {
  it('covers every route of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.filter((r) => r.method !== 'GET').length).toBeGreaterThan(12);
  });

  it('answers every malformed or oversized body with a 4xx and a message, never a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      for (const id of ['1', 'abc']) {
        for (const b of BODIES) {
          const res = await app.api(concrete(route.path, id), { method: route.method, body: b.body, headers: { 'content-type': b.contentType } });
          sent++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const text = await res.text();
          let message = '';
          try {
            message = String((JSON.parse(text) as { message?: unknown }).message ?? '');
          } catch {
            message = '';
          }
          // 2xx is right for a route that takes no body (logout, poll now): it ignores one it did not ask for.
          const ok = (res.status >= 400 && res.status < 500 && message.length > 3) || (res.status < 300 && !/body/.test(message));
          if (!ok) failures.push(`${route.method} ${concrete(route.path, id)} with ${b.name}: ${res.status} ${text.slice(0, 200)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(200);
    expect(failures).toEqual([]);
    // The answers are the specific ones: malformed → 400, oversized → 413, unknown ids → 404.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([400, 404, 413]));
    process.stdout.write(`hostile bodies: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);
  }, 300_000);

  it('answers hostile query strings on every read route without a 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET')) {
      for (const q of QUERIES) {
        const controller = new AbortController();
        const res = await app.api(concrete(route.path, '1') + q, { signal: controller.signal });
        // The event stream never ends: its status is all there is to see.
        if (route.path === '/api/stream') controller.abort();
        else await res.text();
        if (res.status >= 500) failures.push(`GET ${route.path}${q.slice(0, 40)}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

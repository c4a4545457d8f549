import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TOKEN, type TestApp } from '../src/testing/test-app.js';
import { SseClient, waitFor } from './alerts-receivers.js';
import { FeedFarm, rss } from './feed-farm.js';

let app: TestApp;

/** A browser-like client: keeps the session cookie it is given and sends the CSRF token on writes. */
class CookieClient {
  cookie = '';
  csrf = '';
  constructor(private readonly base: string) {}

  async login(username: string, password: string): Promise<Response> {
    const res = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    if (res.ok) this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    return res;
  }

  fetch(p: string, init: { method?: string; json?: unknown; csrf?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.csrf !== false && init.method && init.method !== 'GET') headers['x-csrf-token'] = this.csrf;
    return fetch(this.base + p, { method: init.method ?? 'GET', headers, body: init.json !== undefined ? JSON.stringify(init.json) : undefined });
  }
}

const PASSWORDS = { ana: 'ana-password-1', bob: 'bob-password-2', vera: 'vera-password-3' };
// One session each for the whole file: logins are rate-limited per client address (10 a minute).
let ana: CookieClient;
let bob: CookieClient;
let vera: CookieClient;

beforeAll(async () => {
  app = await startTestApp();
  for (const [username, role] of [
    ['ana', 'analyst'],
    ['bob', 'analyst'],
    ['vera', 'viewer'],
  ] as const) {
    const res = await app.api('/api/users', { method: 'POST', json: { username, role, password: PASSWORDS[username] } });
    expect(res.status).toBe(201);
  }
  [ana, bob, vera] = [new CookieClient(app.url), new CookieClient(app.url), new CookieClient(app.url)];
  expect((await ana.login('ana', PASSWORDS.ana)).status).toBe(200);
  expect((await bob.login('bob', PASSWORDS.bob)).status).toBe(200);
  expect((await vera.login('vera', PASSWORDS.vera)).status).toBe(200);
});
afterAll(async () => {
  await app?.close();
});

describe('authentication', () => {
  it('answers 401 without credentials on every route of the OpenAPI document but health, login and the tokened Atom feed', async () => {
    const doc = (await (await fetch(app.url + '/api/docs-json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const open = new Set(['/api/health', '/api/auth/login', '/api/alerts/{id}/feed.atom']);
    let checked = 0;
    for (const [route, methods] of Object.entries(doc.paths)) {
      if (open.has(route)) continue;
      for (const method of Object.keys(methods)) {
        const res = await fetch(app.url + route.replace(/\{[^}]+\}/g, '1'), { method: method.toUpperCase() });
        expect(res.status, `${method} ${route}`).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('answers 401 to a wrong bearer token and a forged session cookie', async () => {
    expect((await fetch(app.url + '/api/sources', { headers: { authorization: 'Bearer nope-nope-nope' } })).status).toBe(401);
    expect((await fetch(app.url + '/api/sources', { headers: { cookie: 'parallax_session=' + 'x'.repeat(43) } })).status).toBe(401);
  });

  it('logs in with a password into an httpOnly SameSite=Lax cookie; a wrong password is a 401 that does not say which part was wrong', async () => {
    const ok = await ana.login('ana', PASSWORDS.ana);
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = (await (await ana.fetch('/api/auth/me')).json()) as { username: string; role: string; via: string };
    expect(me).toMatchObject({ username: 'ana', role: 'analyst', via: 'session' });

    const wrong = await new CookieClient(app.url).login('ana', 'not-her-password');
    const unknown = await new CookieClient(app.url).login('nobody', 'whatever-password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(((await wrong.json()) as { message: string }).message).toBe(((await unknown.json()) as { message: string }).message);
  });

  it('needs the CSRF token for a cookie-authenticated write, not for a bearer one', async () => {
    const without = await ana.fetch('/api/alerts', { method: 'POST', json: { name: 'x', query: 'x' }, csrf: false });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { field: string }).field).toBe('x-csrf-token');
    const list = (await (await ana.fetch('/api/alerts')).json()) as unknown[];
    expect(list).toHaveLength(0);
    expect((await ana.fetch('/api/alerts', { method: 'POST', json: { name: 'x', query: 'x' } })).status).toBe(201);
  });

  it('ends the session on logout', async () => {
    const other = new CookieClient(app.url);
    await other.login('vera', PASSWORDS.vera);
    expect((await other.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(200);
    expect((await other.fetch('/api/auth/me')).status).toBe(401);
    expect((await vera.fetch('/api/auth/me')).status).toBe(200);
  });
});

describe('roles and ownership', () => {
  it('shows an alert and its matches to its owner and admins only: another analyst gets 404 and cannot change it', async () => {
    const alert = (await (await ana.fetch('/api/alerts', { method: 'POST', json: { name: 'Olympics', query: 'olympics' } })).json()) as { id: number; owner: string };
    expect(alert.owner).toBe('ana');

    for (const p of [`/api/alerts/${alert.id}`, `/api/alerts/${alert.id}/matches`, `/api/alerts/${alert.id}/deliveries`]) {
      expect((await bob.fetch(p)).status, p).toBe(404);
      expect((await ana.fetch(p)).status, p).toBe(200);
      expect((await app.api(p)).status, p).toBe(200);
    }
    expect((await bob.fetch(`/api/alerts/${alert.id}`, { method: 'PATCH', json: { muted: true } })).status).toBe(404);
    expect((await bob.fetch(`/api/alerts/${alert.id}`, { method: 'DELETE' })).status).toBe(404);
    const bobs = (await (await bob.fetch('/api/alerts')).json()) as { id: number }[];
    expect(bobs.map((a) => a.id)).not.toContain(alert.id);
    const all = (await (await app.api('/api/alerts')).json()) as { id: number }[];
    expect(all.map((a) => a.id)).toContain(alert.id);
    expect(((await (await ana.fetch(`/api/alerts/${alert.id}`)).json()) as { muted: boolean }).muted).toBe(false);
  });

  it('lets a viewer read but not write, and an analyst write alerts but not sources or users', async () => {
    expect((await vera.fetch('/api/search?q=x')).status).toBe(200);
    expect((await vera.fetch('/api/sources')).status).toBe(200);
    expect((await vera.fetch('/api/alerts', { method: 'POST', json: { name: 'v', query: 'v' } })).status).toBe(403);
    expect((await ana.fetch('/api/sources', { method: 'POST', json: { name: 'n', url: 'https://example.org/feed' } })).status).toBe(403);
    expect((await ana.fetch('/api/entities', { method: 'POST', json: { name: 'n', aliases: [] } })).status).toBe(403);
    expect((await ana.fetch('/api/users')).status).toBe(403);
    expect((await ana.fetch('/api/users', { method: 'POST', json: { username: 'eve', role: 'admin', password: 'eve-password-0' } })).status).toBe(403);
  });

  it('never shows a password record, and keeps the last admin', async () => {
    const users = (await (await app.api('/api/users')).json()) as Record<string, unknown>[];
    expect(JSON.stringify(users)).not.toMatch(/scrypt|passwordHash/);
    const admin = (await (await app.api('/api/users', { method: 'POST', json: { username: 'root', role: 'admin', password: 'root-password-9' } })).json()) as { id: number };
    const demote = await app.api(`/api/users/${admin.id}`, { method: 'PATCH', json: { role: 'viewer' } });
    expect(demote.status).toBe(409);
  });
});

describe('the live stream', () => {
  it('sends an alert event only to the alert’s owner and admins', async () => {
    const tokenOf = async (c: CookieClient) => ((await (await c.fetch('/api/tokens', { method: 'POST', json: { name: 'stream' } })).json()) as { token: string }).token;
    const [anaStream, bobStream, adminStream] = await Promise.all([
      new SseClient().open(`${app.url}/api/stream`, await tokenOf(ana)),
      new SseClient().open(`${app.url}/api/stream`, await tokenOf(bob)),
      new SseClient().open(`${app.url}/api/stream`, TEST_TOKEN),
    ]);
    const farm = await new FeedFarm().start();
    try {
      const alert = (await (await ana.fetch('/api/alerts', { method: 'POST', json: { name: 'Zeppelin', query: 'zeppelin' } })).json()) as { id: number };
      farm.set('/feed.xml', { body: rss('Air', [{ title: 'Zeppelin lands in Friedrichshafen', link: 'http://air.example/z', date: new Date().toUTCString(), description: 'The airship is back.' }]), contentType: 'application/rss+xml' });
      const source = (await (await app.api('/api/sources', { method: 'POST', json: { name: 'Air', url: `${farm.url}/feed.xml` } })).json()) as { id: number };
      await app.api(`/api/sources/${source.id}/poll`, { method: 'POST' });
      const alertEvents = (s: SseClient) => s.events.filter((e) => e.event === 'alert' && (JSON.parse(e.data) as { alertId: number }).alertId === alert.id);
      await waitFor(() => alertEvents(anaStream).length > 0 && alertEvents(adminStream).length > 0, 'the alert event for its owner and the admin');
      // Bob got the item event of the same poll, so his stream was live: the alert was withheld, not late.
      await waitFor(() => bobStream.events.some((e) => e.event === 'item'), 'the item event on bob’s stream');
      expect(alertEvents(bobStream)).toHaveLength(0);
    } finally {
      await Promise.all([anaStream.close(), bobStream.close(), adminStream.close(), farm.stop()]);
    }
  });
});

describe('personal API tokens', () => {
  it('shows a token once, works as a bearer token with its owner’s role, and stops working when revoked', async () => {
    const created = (await (await ana.fetch('/api/tokens', { method: 'POST', json: { name: 'script' } })).json()) as { id: number; token: string; prefix: string };
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const listed = await (await ana.fetch('/api/tokens')).text();
    expect(listed).not.toContain(created.token);

    const bearer = { authorization: `Bearer ${created.token}` };
    const me = (await (await fetch(app.url + '/api/auth/me', { headers: bearer })).json()) as { username: string; via: string };
    expect(me).toMatchObject({ username: 'ana', via: 'api-token' });
    expect((await fetch(app.url + '/api/sources', { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);

    expect((await bob.fetch(`/api/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(app.url + '/api/auth/me', { headers: bearer })).status).toBe(200);

    expect((await ana.fetch(`/api/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await fetch(app.url + '/api/auth/me', { headers: bearer })).status).toBe(401);
  });

  it('keeps the admin token of MONITOR_ADMIN_TOKEN working as admin', async () => {
    const me = (await (await app.api('/api/auth/me')).json()) as { role: string; via: string };
    expect(me).toMatchObject({ role: 'admin', via: 'admin-token' });
    expect(TEST_TOKEN.length).toBeGreaterThan(16);
  });
});

describe('hardening', () => {
  it('sends a content security policy with no inline script, and the served dashboard needs none', async () => {
    const res = await fetch(app.url + '/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The page the browser gets: the built dashboard when present, else its source page (what Vite builds from).
    const built = path.resolve(__dirname, '../../dashboard/dist/index.html');
    const page = fs.existsSync(built) ? await (await fetch(app.url + '/')).text() : fs.readFileSync(path.resolve(__dirname, '../../dashboard/index.html'), 'utf8');
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/<style\b|\sstyle\s*=/i);
  });

  it('keeps CORS closed: another origin gets no Access-Control-Allow-Origin, on a preflight or a request', async () => {
    const pre = await fetch(app.url + '/api/sources', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const get = await app.api('/api/sources', { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('limits and the private-address policy', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await startTestApp({ MONITOR_ALLOW_PRIVATE_SOURCES: 'false' });
    await strict.api('/api/users', { method: 'POST', json: { username: 'ana', role: 'analyst', password: PASSWORDS.ana } });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('rate-limits login: after 10 attempts a minute from one address, 429 even with the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await new CookieClient(strict.url).login('ana', `wrong-password-${i}`)).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await new CookieClient(strict.url).login('ana', PASSWORDS.ana);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('refuses webhook URLs at private addresses, like sources', async () => {
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://10.1.2.3/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest']) {
      const res = await strict.api('/api/alerts', { method: 'POST', json: { name: 'h', query: 'x', channels: { webhookUrl: url } } });
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { field: string }).field).toBe('channels.webhookUrl');
    }
    expect((await strict.api('/api/alerts')).status).toBe(200);
    expect(((await (await strict.api('/api/alerts')).json()) as unknown[]).length).toBe(0);
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, setApiBase } from '../api/api-client.js';
import { startFakeApi } from '../../testing/fake-api-server.js';
import { byText, renderApp, typeInto, waitFor } from '../../testing/render-app.js';
import { sessionStore } from './session-store.js';
import { tokenStore } from './token-store.js';

let api: Awaited<ReturnType<typeof startFakeApi>>;
let loggedIn = false;

beforeAll(async () => {
  api = await startFakeApi((req) => {
    if (req.url.pathname === '/api/auth/login') {
      const { username, password } = req.body as { username: string; password: string };
      if (username !== 'ana' || password !== 'ana-password-1') return { status: 401, body: { statusCode: 401, code: 'UNAUTHORIZED', message: 'wrong username or password' } };
      loggedIn = true;
      return { body: { user: { id: 2, username: 'ana', role: 'analyst' }, csrfToken: 'csrf-from-login', expiresAt: '2030-01-01T00:00:00.000Z' } };
    }
    if (!loggedIn) return { status: 401, body: { statusCode: 401, code: 'UNAUTHORIZED', message: 'authentication required' } };
    if (req.url.pathname === '/api/search') return { body: { total: 0, hits: [], facets: { entity: [], outlet: [], language: [], kind: [] }, histogram: [] } };
    if (req.url.pathname === '/api/alerts' && req.method === 'POST') return { status: 201, body: { id: 1 } };
    return undefined;
  });
  setApiBase(api.origin);
  tokenStore.clear();
  sessionStore.set(null);
});
afterAll(() => api.close());

describe('login page', () => {
  it('shows the login form and the token prompt on 401, logs in with a password, then sends the CSRF token on writes', async () => {
    const app = await renderApp('/');
    try {
      const username = await waitFor(() => app.container.querySelector<HTMLInputElement>('input[name="username"]'));
      const password = app.container.querySelector<HTMLInputElement>('input[name="password"]')!;
      // The API-token form stays on the page for scripts' tokens and MONITOR_ADMIN_TOKEN.
      expect(byText(app.container, 'label', 'Token')).toBeDefined();

      await act(async () => {
        typeInto(username, 'ana');
        typeInto(password, 'wrong-password');
      });
      await act(async () => username.form?.requestSubmit());
      const alert = await waitFor(() => app.container.querySelector('[role="alert"]'));
      expect(alert.textContent).toBe('Wrong username or password.');

      await act(async () => typeInto(password, 'ana-password-1'));
      await act(async () => username.form?.requestSubmit());
      await waitFor(() => !app.container.querySelector('input[name="username"]'));
      expect(sessionStore.csrfToken()).toBe('csrf-from-login');
      expect(tokenStore.get()).toEqual({ token: null, rejected: false });

      await apiRequest('/api/alerts', { method: 'POST', body: { name: 'x', query: 'x' } });
      const write = api.requests.filter((r) => r.url.pathname === '/api/alerts' && r.method === 'POST').at(-1)!;
      expect(write.headers['x-csrf-token']).toBe('csrf-from-login');
      expect(write.headers['authorization']).toBeUndefined();
      const login = api.requests.filter((r) => r.url.pathname === '/api/auth/login');
      expect(login.map((r) => (r.body as { username: string }).username)).toEqual(['ana', 'ana']);
    } finally {
      await app.unmount();
    }
  });
});

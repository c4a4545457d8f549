import { apiUrl } from '../api/api-client.js';
import { sessionStore } from './session-store.js';
import { tokenStore } from './token-store.js';

/** Logs in; on success the session cookie replaces any stored API token. */
export async function logIn(username: string, password: string): Promise<'ok' | 'failed' | 'limited'> {
  let res: Response;
  try {
    res = await fetch(apiUrl('/api/auth/login'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return 'failed';
  }
  if (res.status === 429) return 'limited';
  if (!res.ok) return 'failed';
  const body = (await res.json()) as { csrfToken: string };
  sessionStore.set(body.csrfToken);
  tokenStore.clear();
  return 'ok';
}

/** Ends the session on the server and shows the login page again. */
export async function logOut(): Promise<void> {
  const csrf = sessionStore.csrfToken();
  await fetch(apiUrl('/api/auth/logout'), { method: 'POST', credentials: 'same-origin', headers: csrf ? { 'X-CSRF-Token': csrf } : {} }).catch(() => null);
  sessionStore.set(null);
  tokenStore.clear();
  tokenStore.reject();
}

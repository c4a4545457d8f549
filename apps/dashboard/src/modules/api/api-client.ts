import { sessionStore } from '../auth/session-store.js';
import { tokenStore } from '../auth/token-store.js';
import { ApiError, type ApiErrorBody } from './api-error.js';

/**
 * Origin of the API. Empty in production: the API serves the dashboard, so requests are same-origin.
 * Tests point it at a loopback server.
 */
let apiBase = '';

export function setApiBase(base: string): void {
  apiBase = base.replace(/\/$/, '');
}

export function apiUrl(path: string): string {
  return `${apiBase}${path}`;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

/** Builds a query string; arrays become repeated parameters (`entity=Q148&entity=Q159`). */
export function toQueryString(params: Record<string, QueryValue>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const one of v) sp.append(k, one);
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** A bearer token when one is stored; otherwise the session cookie goes by itself, with its CSRF token for writes. */
export function authHeaders(): Record<string, string> {
  const { token } = tokenStore.get();
  if (token) return { Authorization: `Bearer ${token}` };
  const csrf = sessionStore.csrfToken();
  return csrf ? { 'X-CSRF-Token': csrf } : {};
}

/** A tab opened after login does not know the session's CSRF token yet: the server tells it. */
async function refreshCsrfToken(): Promise<boolean> {
  const res = await fetch(apiUrl('/api/auth/me'), { headers: { Accept: 'application/json' } }).catch(() => null);
  if (!res?.ok) return false;
  const me = (await res.json()) as { csrfToken: string | null };
  sessionStore.set(me.csrfToken);
  return me.csrfToken !== null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) });
  }
  if (res.status === 401) tokenStore.reject();
  if (!res.ok) {
    const body = await readErrorBody(res);
    if (res.status === 403 && body.field === 'x-csrf-token' && !retried && (await refreshCsrfToken())) return apiRequest<T>(path, options, true);
    throw new ApiError(res.status, body);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the API serves behind the bearer token (an `<a href>` cannot send it): fetched, then handed over as a Blob. */
export async function apiDownload(path: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), { headers: authHeaders() });
  } catch (e) {
    throw new ApiError(0, { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) });
  }
  if (res.status === 401) tokenStore.reject();
  if (!res.ok) throw new ApiError(res.status, await readErrorBody(res));
  return res.blob();
}

async function readErrorBody(res: Response): Promise<Partial<ApiErrorBody>> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object') return body as Partial<ApiErrorBody>;
  } catch {
    // Not JSON (a proxy's HTML error page): fall back to the status line.
  }
  return { statusCode: res.status, message: res.statusText || `HTTP ${res.status}` };
}

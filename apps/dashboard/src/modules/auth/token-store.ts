/**
 * The API token, kept in localStorage until the accounts work brings a login page.
 * `rejected` turns true when the API answers 401, which shows the token prompt.
 */
const KEY = 'parallax.apiToken';

type Listener = () => void;

export interface TokenState {
  token: string | null;
  rejected: boolean;
}

const listeners = new Set<Listener>();
let state: TokenState = { token: readStored(), rejected: false };

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    // Storage can be disabled (private mode, sandboxed frames): run without a stored token.
    return null;
  }
}

function emit(next: TokenState): void {
  state = next;
  for (const l of listeners) l();
}

export const tokenStore = {
  get: (): TokenState => state,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(token: string): void {
    const trimmed = token.trim();
    try {
      globalThis.localStorage?.setItem(KEY, trimmed);
    } catch {
      // Keep the token for this page only when storage is unavailable.
    }
    emit({ token: trimmed, rejected: false });
  },
  clear(): void {
    try {
      globalThis.localStorage?.removeItem(KEY);
    } catch {
      // Nothing stored, nothing to remove.
    }
    emit({ token: null, rejected: false });
  },
  reject(): void {
    if (!state.rejected) emit({ ...state, rejected: true });
  },
};

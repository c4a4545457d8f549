import { useSyncExternalStore } from 'react';
import { tokenStore, type TokenState } from './token-store.js';

export function useToken(): TokenState {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.get, tokenStore.get);
}

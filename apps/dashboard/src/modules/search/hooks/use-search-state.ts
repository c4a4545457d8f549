import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseSearchState, searchStateToParams, type SearchState } from '../utils/search-state.js';

/** The search state lives in the URL: reading parses it, writing pushes a history entry. */
export function useSearchState(): [SearchState, (next: SearchState) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Re-parse only when the query string changes, so the state object is stable between renders.
  const state = useMemo(() => parseSearchState(new URLSearchParams(key)), [key]);
  const set = useCallback((next: SearchState) => setParams(searchStateToParams(next)), [setParams]);
  return [state, set];
}

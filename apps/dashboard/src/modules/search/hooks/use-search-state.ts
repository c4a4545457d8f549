import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseSearchState, searchStateToParams, type SearchState } from '../utils/search-state.js';

export type SearchStateUpdate = (current: SearchState) => SearchState;

/**
 * The search state lives in the URL: reading parses it, writing pushes a history entry. Writes are
 * updates of the latest state, not of the one the last render saw: the router renders a navigation a
 * moment after the URL changes, and a click in between (submit a query, then tick a facet at once)
 * must not bring back the query of the render before.
 */
export function useSearchState(): [SearchState, (update: SearchStateUpdate) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Re-parse only when the query string changes, so the state object is stable between renders.
  const state = useMemo(() => parseSearchState(new URLSearchParams(key)), [key]);
  // The state last rendered or last written, whichever is newer.
  const latest = useRef(state);
  const rendered = useRef(state);
  if (rendered.current !== state) rendered.current = latest.current = state;
  const set = useCallback(
    (update: SearchStateUpdate) => {
      latest.current = update(latest.current);
      setParams(searchStateToParams(latest.current));
    },
    [setParams],
  );
  return [state, set];
}

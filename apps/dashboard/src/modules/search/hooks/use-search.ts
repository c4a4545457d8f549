import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchSearch } from '../api/search.api.js';
import { toSearchParams, type SearchState } from '../utils/search-state.js';

export function useSearch(state: SearchState) {
  return useQuery({
    queryKey: ['search', toSearchParams(state)],
    queryFn: ({ signal }) => fetchSearch(state, signal),
    // Keep the last results on screen while the next page or facet loads.
    placeholderData: keepPreviousData,
  });
}

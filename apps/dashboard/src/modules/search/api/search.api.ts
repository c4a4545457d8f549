import type { SearchResponse } from '@parallax/domain';
import { apiRequest, toQueryString } from '../../api/api-client.js';
import { toSearchParams, type SearchState } from '../utils/search-state.js';

export function fetchSearch(state: SearchState, signal?: AbortSignal): Promise<SearchResponse> {
  return apiRequest<SearchResponse>(`/api/search${toQueryString(toSearchParams(state))}`, { signal });
}

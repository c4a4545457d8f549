import type { CompareResponse, OutletNarrativeView } from '@parallax/domain';
import { apiRequest, toQueryString } from '../../api/api-client.js';

export type { OutletNarrativeView };

export interface CompareQuery {
  story?: string;
  q?: string;
  outlets?: string[];
}

/** One outlet per row (`GET /api/compare`); outlets go as repeated parameters, since names may hold commas. */
export const fetchCompare = async (query: CompareQuery): Promise<OutletNarrativeView[]> =>
  (await apiRequest<CompareResponse>(`/api/compare${toQueryString({ story: query.story, q: query.q, outlets: query.outlets })}`)).outlets;

import type { EntityRef } from '@parallax/domain';
import { apiRequest, toQueryString } from '../../api/api-client.js';
import { listOf } from '../../api/list-of.js';

/** One outlet's coverage of a story or query (DESIGN.md, `GET /api/compare`). */
export interface OutletCoverage {
  outlet: string;
  count: number;
  first?: string | null;
  last?: string | null;
  languages?: string[];
  terms?: string[];
  entities?: EntityRef[];
  /** Share of the outlet's items that mention the official denial, 0–1. */
  denialShare?: number;
}

export interface CompareQuery {
  story?: string;
  q?: string;
  outlets?: string[];
}

export const fetchCompare = async (query: CompareQuery) =>
  listOf<OutletCoverage>(await apiRequest<unknown>(`/api/compare${toQueryString({ story: query.story, q: query.q, outlets: query.outlets?.join(',') })}`), 'outlets');

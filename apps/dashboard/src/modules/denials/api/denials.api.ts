import { apiRequest } from '../../api/api-client.js';
import { listOf } from '../../api/list-of.js';

interface ItemRef {
  id: number;
  title: string;
  outlet?: string;
  publishedAt?: string;
  url?: string | null;
}

/** An official denial with what it rejects and the coverage around it (DESIGN.md, `GET /api/denials`). */
export interface Denial {
  id: number;
  item?: ItemRef;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  stories?: { id: number; title?: string }[];
  rejects?: ItemRef[];
  coverageBefore?: number;
  coverageAfter?: number;
  carriedBy?: string[];
  notCarriedBy?: string[];
}

export const listDenials = async () => listOf<Denial>(await apiRequest<unknown>('/api/denials'), 'denials');

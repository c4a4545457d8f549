import type { DenialView, DenialsResponse } from '@parallax/domain';
import { apiRequest } from '../../api/api-client.js';

export type { DenialView };

/** Official denials with the stories they reject and the coverage around each (`GET /api/denials`). */
export const listDenials = async (): Promise<DenialView[]> => (await apiRequest<DenialsResponse>('/api/denials')).denials;

import type { Alert, AlertMatch, AlertMode } from '@parallax/domain';
import { apiRequest, toQueryString } from '../../api/api-client.js';

export type { Alert, AlertMatch, AlertMode };

/** What the alert form edits; the server fills the rest (owner, secrets, feed URL, times). */
export type AlertInput = Pick<Alert, 'name' | 'query' | 'mode' | 'channels' | 'muted'>;

export const listAlerts = () => apiRequest<Alert[]>('/api/alerts');
export const createAlert = (input: AlertInput) => apiRequest<Alert>('/api/alerts', { method: 'POST', body: input });
export const updateAlert = (id: number, patch: Partial<AlertInput>) => apiRequest<Alert>(`/api/alerts/${id}`, { method: 'PATCH', body: patch });
export const deleteAlert = (id: number) => apiRequest<void>(`/api/alerts/${id}`, { method: 'DELETE' });
export const listAlertMatches = (id: number, limit = 20) =>
  apiRequest<{ items: AlertMatch[]; total: number }>(`/api/alerts/${id}/matches${toQueryString({ limit })}`);

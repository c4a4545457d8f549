import type { Alert, AlertDelivery, AlertMatch, AlertMode, DeliveryAttempt, SearchHit } from '@parallax/domain';
import { apiRequest, toQueryString } from '../../api/api-client.js';

export type { Alert, AlertDelivery, AlertMatch, AlertMode, DeliveryAttempt };

/** What the alert form edits; the server fills the rest (owner, secrets, feed URL, times). */
export type AlertInput = Pick<Alert, 'name' | 'query' | 'mode' | 'channels' | 'muted'>;

export const listAlerts = () => apiRequest<Alert[]>('/api/alerts');
export const createAlert = (input: AlertInput) => apiRequest<Alert>('/api/alerts', { method: 'POST', body: input });
export const updateAlert = (id: number, patch: Partial<AlertInput>) => apiRequest<Alert>(`/api/alerts/${id}`, { method: 'PATCH', body: patch });
export const deleteAlert = (id: number) => apiRequest<void>(`/api/alerts/${id}`, { method: 'DELETE' });
export const listAlertMatches = (id: number, limit = 20) =>
  apiRequest<{ items: AlertMatch[]; total: number }>(`/api/alerts/${id}/matches${toQueryString({ limit })}`);

/** The delivery log of an alert, newest first: each message per channel with every attempt. */
export const listDeliveries = (id: number) => apiRequest<{ items: AlertDelivery[] }>(`/api/alerts/${id}/deliveries`);

/** What a query would have matched over the last 7 days (`POST /api/alerts/test`); `truncated` when there were more than `hits`. */
export interface AlertTestResult {
  from: string;
  to: string;
  total: number;
  truncated: boolean;
  hits: SearchHit[];
}

export const testAlertQuery = (query: string, signal?: AbortSignal) => apiRequest<AlertTestResult>('/api/alerts/test', { method: 'POST', body: { query }, signal });

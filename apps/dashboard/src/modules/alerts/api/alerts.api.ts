import { apiRequest, toQueryString } from '../../api/api-client.js';

export type AlertMode = 'instant' | 'hourly' | 'daily';

/** A keyword alert (DESIGN.md, HTTP contract: `/api/alerts`). */
export interface Alert {
  id: number;
  name: string;
  query: string;
  mode: AlertMode;
  channels: { webhookUrl?: string; email?: string };
  muted: boolean;
  createdAt?: string;
}

export type AlertInput = Omit<Alert, 'id' | 'createdAt'>;

export interface AlertMatch {
  itemId: number;
  title: string;
  url: string | null;
  matchedAt: string;
  reason: string;
}

export const listAlerts = () => apiRequest<Alert[]>('/api/alerts');
export const createAlert = (input: AlertInput) => apiRequest<Alert>('/api/alerts', { method: 'POST', body: input });
export const updateAlert = (id: number, patch: Partial<AlertInput>) => apiRequest<Alert>(`/api/alerts/${id}`, { method: 'PATCH', body: patch });
export const deleteAlert = (id: number) => apiRequest<void>(`/api/alerts/${id}`, { method: 'DELETE' });
export const listAlertMatches = (id: number, limit = 20) =>
  apiRequest<{ items: AlertMatch[]; total: number }>(`/api/alerts/${id}/matches${toQueryString({ limit })}`);

import type { Item } from '@parallax/domain';
import { apiRequest } from '../../api/api-client.js';

export const getItem = (id: number) => apiRequest<Item>(`/api/items/${id}`);

import { apiRequest } from '../../api/api-client.js';
import { listOf } from '../../api/list-of.js';

/** A gazetteer entry: Wikidata QID (or a local id for custom entities), names and aliases. */
export interface GazetteerEntity {
  qid: string;
  name: string;
  aliases?: string[] | Record<string, string[]>;
  custom?: boolean;
}

export const listEntities = async () => listOf<GazetteerEntity>(await apiRequest<unknown>('/api/entities'), 'entities');
export const createEntity = (input: { name: string; aliases: string[] }) => apiRequest<GazetteerEntity>('/api/entities', { method: 'POST', body: input });

/** Aliases as one flat list, whether the API groups them by language or not. */
export function flatAliases(e: GazetteerEntity): string[] {
  if (!e.aliases) return [];
  return Array.isArray(e.aliases) ? e.aliases : Object.values(e.aliases).flat();
}

/** QID → display name in `lang` (`GET /api/entities/labels`). */
export const entityLabels = async (lang: string): Promise<Record<string, string>> =>
  (await apiRequest<{ lang: string; labels: Record<string, string> }>(`/api/entities/labels?lang=${encodeURIComponent(lang)}`)).labels;

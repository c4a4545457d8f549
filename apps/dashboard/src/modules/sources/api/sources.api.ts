import type { CreateSource, ParsedFeed, PollLogEntry, PollResult, Source, SourceKind, UpdateSource } from '@parallax/domain';
import { apiDownload, apiRequest } from '../../api/api-client.js';
import { listOf } from '../../api/list-of.js';

/** Items stored on one day (UTC), as `GET /api/sources` counts them for the sparkline. */
export interface DailyCount {
  date: string;
  count: number;
}

/** A row of the health table: the source with its items per day over the last 14 days. */
export type SourceHealth = Source & { itemsPerDay?: DailyCount[] };

export const listSources = () => apiRequest<SourceHealth[]>('/api/sources');
export const createSource = (input: Partial<CreateSource> & Pick<CreateSource, 'name' | 'url'>) => apiRequest<Source>('/api/sources', { method: 'POST', body: input });
export const updateSource = (id: number, patch: UpdateSource) => apiRequest<Source>(`/api/sources/${id}`, { method: 'PATCH', body: patch });
export const deleteSource = (id: number) => apiRequest<void>(`/api/sources/${id}`, { method: 'DELETE' });
export const pollSource = (id: number) => apiRequest<PollResult>(`/api/sources/${id}/poll`, { method: 'POST' });
/** The poll log of a source, newest first. */
export const listPolls = async (id: number) => listOf<PollLogEntry>(await apiRequest<unknown>(`/api/sources/${id}/polls`), 'items');

/** A preview: the parsed feed, and the feed URL to save when the URL given was a page announcing it. */
export interface SourcePreview extends ParsedFeed {
  feedUrl: string;
  discovered: { url: string; title: string | null; type: string }[];
}

/** Parses a feed without saving anything (DESIGN.md, `POST /api/sources/preview`). */
export const previewSource = (input: { url: string; type?: CreateSource['type']; selectors?: CreateSource['selectors'] }) =>
  apiRequest<SourcePreview>('/api/sources/preview', { method: 'POST', body: input });

/** What an OPML import did: feeds added, feeds already present, and the outlines that could not be added. */
export interface OpmlImportResult {
  added: number;
  skipped: number;
  errors: { url: string; error: string }[];
}

export const importOpml = (opml: string, kind: SourceKind) => apiRequest<OpmlImportResult>('/api/sources/import-opml', { method: 'POST', body: { opml, kind } });
export const downloadOpml = () => apiDownload('/api/sources/export.opml');

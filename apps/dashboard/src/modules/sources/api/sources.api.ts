import type { CreateSource, ParsedFeed, PollResult, Source, UpdateSource } from '@parallax/domain';
import { apiRequest } from '../../api/api-client.js';

export const listSources = () => apiRequest<Source[]>('/api/sources');
export const createSource = (input: Partial<CreateSource> & Pick<CreateSource, 'name' | 'url'>) => apiRequest<Source>('/api/sources', { method: 'POST', body: input });
export const updateSource = (id: number, patch: UpdateSource) => apiRequest<Source>(`/api/sources/${id}`, { method: 'PATCH', body: patch });
export const deleteSource = (id: number) => apiRequest<void>(`/api/sources/${id}`, { method: 'DELETE' });
export const pollSource = (id: number) => apiRequest<PollResult>(`/api/sources/${id}/poll`, { method: 'POST' });
/** A preview: the parsed feed, and the feed URL to save when the URL given was a page announcing it. */
export interface SourcePreview extends ParsedFeed {
  feedUrl: string;
  discovered: { url: string; title: string | null; type: string }[];
}

/** Parses a feed without saving anything (DESIGN.md, `POST /api/sources/preview`). */
export const previewSource = (input: { url: string; type?: CreateSource['type']; selectors?: CreateSource['selectors'] }) =>
  apiRequest<SourcePreview>('/api/sources/preview', { method: 'POST', body: input });

import type { StoriesResponse, StoryDetail, StoryOverview } from '@parallax/domain';
import { apiRequest } from '../../api/api-client.js';

export type { StoryDetail, StoryOverview };

export const listStories = async (): Promise<StoryOverview[]> => (await apiRequest<StoriesResponse>('/api/stories')).stories;
export const getStory = (id: number) => apiRequest<StoryDetail>(`/api/stories/${id}`);

import type { EntityRef } from '@parallax/domain';
import { apiRequest } from '../../api/api-client.js';
import { listOf } from '../../api/list-of.js';

/** A cluster of items about one event across outlets and languages. Fields past `id` are optional until the API settles. */
export interface StorySummary {
  id: number;
  title?: string;
  firstSeenAt?: string;
  lastSeenAt?: string;
  itemCount?: number;
  outletCount?: number;
  entities?: EntityRef[];
  languages?: string[];
}

export interface StoryItem {
  id: number;
  title: string;
  outlet: string;
  language?: string;
  publishedAt: string;
  url?: string | null;
  denial?: boolean;
  mentionsDenial?: boolean;
}

export interface StoryDetail extends StorySummary {
  outlets?: { outlet: string; items: StoryItem[] }[];
  items?: StoryItem[];
  timeline?: { date: string; count: number; outlet?: string }[];
  denials?: StoryItem[];
}

export const listStories = async () => listOf<StorySummary>(await apiRequest<unknown>('/api/stories'), 'stories');
export const getStory = (id: number) => apiRequest<StoryDetail>(`/api/stories/${id}`);

/** Items of a story grouped by outlet, from either form the API gives. */
export function itemsByOutlet(story: StoryDetail): { outlet: string; items: StoryItem[] }[] {
  if (story.outlets?.length) return story.outlets;
  const m = new Map<string, StoryItem[]>();
  for (const it of story.items ?? []) m.set(it.outlet, [...(m.get(it.outlet) ?? []), it]);
  return [...m].map(([outlet, items]) => ({ outlet, items }));
}

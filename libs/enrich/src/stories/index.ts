export { assignStory } from './assign-story.js';
export { clusterStories, storyNeighbourKeys } from './cluster-stories.js';
export type { ClusterOptions, ClusteredItem, NeighbourKeys } from './cluster-stories.js';
export { DEFAULT_STORY_OPTIONS, storyStatsKeys } from './story.js';
export type { StoryAssignment, StoryCandidate, StoryOptions } from './story.js';
export { TermStats } from './term-stats.js';
export type { TermStatsJson, TermStatsOptions } from './term-stats.js';

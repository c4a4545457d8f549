import { bench, describe } from 'vitest';
import { assignStory } from '../assign-story.js';
import { type StoryCandidate, storyStatsKeys } from '../story.js';
import { TermStats } from '../term-stats.js';
import { REFERENCE_ITEMS, backgroundItems } from './reference-story.fixture.js';

// Not a test: `npx vitest bench --run libs/enrich/src/stories/testing` prints how long one assignStory
// takes against 300 neighbours, the size the ingest path fetches.
const corpus = [...REFERENCE_ITEMS, ...backgroundItems(2000)];
const stats = new TermStats();
for (const i of corpus) stats.add(storyStatsKeys(i));
const neighbours: StoryCandidate[] = [...REFERENCE_ITEMS.slice(1), ...backgroundItems(300 - REFERENCE_ITEMS.length + 1, 50_000)].map((n, k) => ({
  ...n,
  storyId: (k % 40) + 1,
}));
const item = REFERENCE_ITEMS[0] as StoryCandidate;

describe(`assignStory against ${neighbours.length} neighbours`, () => {
  bench('with caller stats', () => {
    assignStory(item, neighbours, { stats });
  });
  bench('without stats (rarity from the neighbours)', () => {
    assignStory(item, neighbours);
  });
});

import { describe, expect, it } from 'vitest';
import { assignStory } from './assign-story.js';
import { clusterStories, clusterStoriesInSteps, storyNeighbourKeys } from './cluster-stories.js';
import { type StoryCandidate, storyStatsKeys } from './story.js';
import { storyProfile } from './story-similarity.js';
import { TermStats } from './term-stats.js';
import { type FixtureItem, Q, REFERENCE_ITEMS, backgroundItems } from './testing/reference-story.fixture.js';

const BACKGROUND = backgroundItems(240);
const CORPUS = [...REFERENCE_ITEMS, ...BACKGROUND];

function corpusStats(items: readonly StoryCandidate[] = CORPUS): TermStats {
  const stats = new TermStats();
  for (const item of items) stats.add(storyStatsKeys(item));
  return stats;
}

const byTime = (a: StoryCandidate, b: StoryCandidate): number => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || a.id - b.id;

/** Plays the ingest path: items arrive in time order, each assigned against earlier ones sharing an entity. */
function ingestOnline(items: readonly FixtureItem[], stats: TermStats): Map<number, number> {
  const stored: StoryCandidate[] = [];
  const storyOf = new Map<number, number>();
  let nextStory = 1;
  for (const item of [...items].sort(byTime)) {
    const window = 7 * 86_400_000;
    const neighbours = stored.filter(
      (s) => Date.parse(item.publishedAt) - Date.parse(s.publishedAt) <= window && s.entities.some((e) => item.entities.includes(e)),
    );
    const a = assignStory(item, neighbours, { stats });
    const storyId = a.storyId ?? nextStory++;
    storyOf.set(item.id, storyId);
    stored.push({ ...item, storyId });
  }
  return storyOf;
}

describe('assignStory on the reference story', () => {
  const stats = corpusStats();
  const storyOf = ingestOnline(CORPUS, stats);
  const ref = REFERENCE_ITEMS.filter((i) => i.event === 'reference');

  it('puts the report, the wire copies, the zh/ru/uk coverage and the official denials in one story', () => {
    const stories = new Set(ref.map((i) => storyOf.get(i.id)));
    expect(stories.size).toBe(1);
    expect(ref.map((i) => i.language)).toEqual(expect.arrayContaining(['en', 'zh', 'ru', 'uk']));
    expect(ref.some((i) => i.denial)).toBe(true);
  });

  it('keeps unrelated items that share one or two common entities out of it', () => {
    const refStory = storyOf.get(101);
    const others = CORPUS.filter((i) => i.event !== 'reference');
    const intruders = others.filter((i) => storyOf.get(i.id) === refStory).map((i) => i.id);
    expect(intruders).toEqual([]);
  });

  it('joins the two trade items across languages only if they agree on informative entities', () => {
    // 201 (en) and 202 (zh) share only China and the US, both common: not enough across languages.
    expect(storyOf.get(201)).not.toBe(storyOf.get(202));
  });
});

describe('assignStory', () => {
  const stats = corpusStats();
  const report = REFERENCE_ITEMS.find((i) => i.id === 101) as FixtureItem;
  const zh = REFERENCE_ITEMS.find((i) => i.id === 104) as FixtureItem;

  it('joins a cross-lingual item on informative entities and says so', () => {
    const a = assignStory(zh, [{ ...report, storyId: 7 }], { stats });
    expect(a.storyId).toBe(7);
    expect(a.score).toBeGreaterThanOrEqual(0.3);
    expect(a.reasons.join('\n')).toMatch(/entities and concepts only/);
    expect(a.reasons.join('\n')).toContain(Q.olympics2022);
  });

  it('returns null with reasons when the only shared entity is common', () => {
    const weather = REFERENCE_ITEMS.find((i) => i.id === 203) as FixtureItem;
    const a = assignStory(weather, [{ ...report, storyId: 7 }], { stats });
    expect(a.storyId).toBeNull();
    expect(a.reasons.join('\n')).toMatch(/not enough evidence|below the threshold/);
  });

  it('lets one shared entity and rare shared terms join within a language', () => {
    const a: StoryCandidate = { ...report, id: 1, entities: [Q.china], terms: ['quorzel', 'flimbat', 'vesh', 'common'], storyId: 3 };
    const b: StoryCandidate = { ...a, id: 2, storyId: null, terms: ['quorzel', 'flimbat', 'other'] };
    expect(assignStory(b, [a], { stats }).storyId).toBe(3);
    const c: StoryCandidate = { ...b, language: 'fr' };
    expect(assignStory(c, [a], { stats }).storyId).toBeNull();
    const d: StoryCandidate = { ...b, terms: ['quorzel', 'other'] };
    expect(assignStory(d, [a], { stats }).storyId).toBeNull();
  });

  it('ignores neighbours beyond the window and decays with time inside it', () => {
    const later = (days: number): StoryCandidate => ({ ...zh, id: 900 + days, publishedAt: new Date(Date.parse(report.publishedAt) + days * 86_400_000).toISOString() });
    const n = [{ ...report, storyId: 7 }];
    const s0 = assignStory(later(0), n, { stats }).score;
    const s2 = assignStory(later(2), n, { stats }).score;
    const s6 = assignStory(later(6), n, { stats }).score;
    expect(s0).toBeGreaterThan(s2);
    expect(s2).toBeGreaterThan(s6);
    const s8 = assignStory(later(8), n, { stats });
    expect(s8.storyId).toBeNull();
    expect(s8.score).toBe(0);
    expect(assignStory(later(8), n, { stats, windowDays: 10 }).storyId).toBe(7);
  });

  it('picks the better story and skips neighbours without one', () => {
    const trade = REFERENCE_ITEMS.find((i) => i.id === 201) as FixtureItem;
    const wire = REFERENCE_ITEMS.find((i) => i.id === 102) as FixtureItem;
    const a = assignStory(wire, [{ ...trade, storyId: 1 }, { ...report, storyId: 2 }, { ...report, id: 55, storyId: null }], { stats });
    expect(a.storyId).toBe(2);
  });

  it('tells hundreds of stories apart, ids far apart or alike, from one item to the next', () => {
    const trade = REFERENCE_ITEMS.find((i) => i.id === 201) as FixtureItem;
    const wire = REFERENCE_ITEMS.find((i) => i.id === 102) as FixtureItem;
    // 600 stories of one unrelated item each, with ids consecutive and ids that differ only above 32 bits,
    // around the one story of the reported event: the table the stories are kept in grows and is reused.
    const ids = [...Array.from({ length: 300 }, (_, k) => 1_000 + k), ...Array.from({ length: 300 }, (_, k) => 2 ** 33 * (k + 1) + 5)];
    const crowd = ids.map((storyId, k) => ({ ...trade, id: 10_000 + k, storyId }));
    // The next ids of either run: their slots are where the crowd's ids crowd.
    for (const storyId of [2 ** 33 * 301 + 5, 1_300]) {
      const a = assignStory(wire, [...crowd.slice(0, 450), { ...report, storyId }, ...crowd.slice(450)], { stats });
      expect(a.storyId).toBe(storyId);
      expect(a.reasons.join('\n')).toContain(`1 of 1 neighbours in story ${storyId} match`);
    }
    expect(assignStory(wire, crowd, { stats }).storyId).toBeNull();
  });

  it('works without caller stats, judging rarity among the neighbours', () => {
    const a = assignStory(zh, [{ ...report, storyId: 4 }], {});
    expect(a.storyId).toBe(4);
  });

  it('opens a new story for an item with no neighbours or a bad date', () => {
    expect(assignStory(report, []).storyId).toBeNull();
    expect(assignStory({ ...report, publishedAt: 'yesterday' }, [{ ...zh, storyId: 1 }]).reasons[0]).toMatch(/publishedAt/);
  });
});

describe('clusterStories', () => {
  it('re-clusters the corpus like the online path: the reference story together, the distractors apart', () => {
    const out = clusterStories(CORPUS);
    expect(out).toHaveLength(CORPUS.length);
    const storyOf = new Map(out.map((o) => [o.id, o.storyId]));
    const refStories = new Set(REFERENCE_ITEMS.filter((i) => i.event === 'reference').map((i) => storyOf.get(i.id)));
    expect(refStories.size).toBe(1);
    const refStory = storyOf.get(101);
    expect(CORPUS.filter((i) => i.event !== 'reference' && storyOf.get(i.id) === refStory)).toEqual([]);
    const opened = out.filter((o) => o.opened);
    expect(new Set(opened.map((o) => o.storyId)).size).toBe(opened.length);
  });

  it('is in time order, numbers stories from firstStoryId and ignores the stored storyId', () => {
    const items = REFERENCE_ITEMS.map((i) => ({ ...i, storyId: 99 }));
    const out = clusterStories(items, { firstStoryId: 500, stats: corpusStats() });
    const times = out.map((o) => Date.parse((items.find((i) => i.id === o.id) as FixtureItem).publishedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(out[0]?.storyId).toBe(500);
    expect(out[0]?.opened).toBe(true);
    expect(out.every((o) => o.storyId >= 500)).toBe(true);
  });

  it('clusters an item at a time when asked, counting each, to the same stories', () => {
    const steps = clusterStoriesInSteps(CORPUS);
    const counts: number[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) counts.push(step.value);
    expect(counts).toEqual(CORPUS.map((_, i) => i + 1));
    expect(step.value).toEqual(clusterStories(CORPUS));
  });

  it('rejects an item without a valid date', () => {
    expect(() => clusterStories([{ ...(REFERENCE_ITEMS[0] as FixtureItem), publishedAt: 'soon' }])).toThrow(/publishedAt/);
  });
});

describe('storyNeighbourKeys', () => {
  it('names the informative entities and rare terms to fetch neighbours by, not the common ones', () => {
    const stats = corpusStats();
    const keys = storyNeighbourKeys(REFERENCE_ITEMS[0] as FixtureItem, { stats });
    expect(keys.entities).toContain(Q.olympics2022);
    expect(keys.entities).not.toContain(Q.china);
    expect(keys.language).toBe('en');
    expect(keys.terms.length).toBeGreaterThan(0);
  });
});

describe('assignStory with neighbour profiles kept across calls', () => {
  it('weighs a kept profile with each call’s rarity, as a fresh one', () => {
    const items = [...CORPUS].sort(byTime);
    const placed = items.slice(0, 60).map((item, i) => ({ ...item, storyId: 1 + (i % 7) }));
    const kept = placed.map((p) => storyProfile(p)).filter((p): p is NonNullable<typeof p> => p !== null);
    const item = items[60]!;
    for (const stats of [corpusStats(), corpusStats(CORPUS.slice(0, 40)), corpusStats()]) {
      // Kept profiles carry term weights from the previous call; the answer must not depend on them.
      expect(assignStory(item, kept, { stats })).toEqual(assignStory(item, placed, { stats }));
    }
  });
});

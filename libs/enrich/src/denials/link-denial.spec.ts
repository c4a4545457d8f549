import { describe, expect, it } from 'vitest';
import { storyStatsKeys } from '../stories/story.js';
import { TermStats } from '../stories/term-stats.js';
import { type FixtureItem, REFERENCE_ITEMS, backgroundItems } from '../stories/testing/reference-story.fixture.js';
import type { DenialCandidate, StorySummary } from './denial.js';
import { linkDenial } from './link-denial.js';

/** What the caller would keep per story: entity weights as the share of items naming each, top terms. */
function summarise(storyId: number, items: readonly FixtureItem[]): StorySummary {
  const times = items.map((i) => i.publishedAt).sort();
  const counts = new Map<string, number>();
  for (const i of items) for (const q of new Set(i.entities)) counts.set(q, (counts.get(q) ?? 0) + 1);
  const termCounts = new Map<string, number>();
  for (const i of items) for (const t of new Set(i.terms)) termCounts.set(t, (termCounts.get(t) ?? 0) + 1);
  return {
    storyId,
    firstReportedAt: times[0] as string,
    lastAt: times.at(-1) as string,
    entities: [...counts].map(([qid, n]) => ({ qid, weight: n / items.length })),
    terms: [...termCounts].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([t]) => t),
    outlets: [...new Set(items.map((i) => i.outlet))],
  };
}

const asDenial = (i: FixtureItem): DenialCandidate => ({ id: i.id, publishedAt: i.publishedAt, entities: i.entities, terms: i.terms, text: `${i.title}\n${i.text}`, outlet: i.outlet });
const item = (id: number): FixtureItem => REFERENCE_ITEMS.find((i) => i.id === id) as FixtureItem;

const stats = new TermStats();
for (const i of [...REFERENCE_ITEMS, ...backgroundItems(240)]) stats.add(storyStatsKeys(i));

const events = ['reference', 'trade', 'weather', 'gas'] as const;
const STORIES = events.map((e, n) => summarise(n + 1, REFERENCE_ITEMS.filter((i) => i.event === e && !i.denial)));

describe('linkDenial', () => {
  it('links the Chinese and the embassy denial to the reference story first', () => {
    for (const id of [107, 108]) {
      const links = linkDenial(asDenial(item(id)), STORIES, { stats });
      expect(links[0]?.storyId).toBe(1);
      expect(links[0]?.reasons.join('\n')).toMatch(/names The New York Times/);
      expect(links.slice(1).every((l) => l.score < (links[0]?.score ?? 0))).toBe(true);
    }
  });

  it('ranks by score, best first, and drops stories sharing nothing', () => {
    const paris: StorySummary = { ...(STORIES[1] as StorySummary), storyId: 9, entities: [{ qid: 'Q90', weight: 1 }], terms: ['paris'], outlets: ['Le Monde'] };
    const links = linkDenial(asDenial(item(108)), [...STORIES, paris], { stats, minScore: 0 });
    expect(links.map((l) => l.score)).toEqual([...links.map((l) => l.score)].sort((a, b) => b - a));
    expect(links.map((l) => l.storyId)).not.toContain(9);
    expect(links.length).toBeGreaterThan(1);
    expect(linkDenial(asDenial(item(108)), [...STORIES, paris], { stats }).map((l) => l.storyId)).toEqual([1]);
  });

  it('boosts strongly the story whose outlet the denial names', () => {
    const base = STORIES[0] as StorySummary;
    const viaNyt = { ...base, storyId: 10, outlets: ['The New York Times'] };
    const viaOther = { ...base, storyId: 11, outlets: ['The Independent'] };
    const links = linkDenial(asDenial(item(107)), [viaOther, viaNyt], { stats });
    expect(links.map((l) => l.storyId)).toEqual([10, 11]);
    expect((links[0]?.score ?? 0) - (links[1]?.score ?? 0)).toBeGreaterThan(0.2);
  });

  it('only links claims first reported before the denial, within the window', () => {
    const denial = asDenial(item(108));
    const at = (hoursBefore: number): StorySummary => ({ ...(STORIES[0] as StorySummary), storyId: hoursBefore, firstReportedAt: new Date(Date.parse(denial.publishedAt) - hoursBefore * 3_600_000).toISOString() });
    const ids = linkDenial(denial, [at(-48), at(-6), at(10), at(24 * 10), at(24 * 20)], { stats }).map((l) => l.storyId);
    expect(ids).toContain(-6);
    expect(ids).toContain(10);
    expect(ids).toContain(240);
    expect(ids).not.toContain(-48);
    expect(ids).not.toContain(480);
    expect(linkDenial(denial, [at(24 * 20)], { stats, windowDays: 30 }).map((l) => l.storyId)).toEqual([480]);
    const scores = new Map(linkDenial(denial, [at(10), at(24 * 10)], { stats }).map((l) => [l.storyId, l.score]));
    expect(scores.get(10)).toBeGreaterThan(scores.get(240) ?? 1);
  });

  it('asks for shared terms, when told to, of a story whose outlet the denial does not name', () => {
    const base = STORIES[0] as StorySummary;
    const wordsApart: StorySummary = { ...base, storyId: 20, terms: ['oil', 'price', 'barrel'], outlets: ['Oil Daily'] };
    const named: StorySummary = { ...wordsApart, storyId: 21, outlets: ['The New York Times'] };
    expect(linkDenial(asDenial(item(107)), [wordsApart], { stats, minScore: 0 }).map((l) => l.storyId)).toEqual([20]);
    expect(linkDenial(asDenial(item(107)), [wordsApart, named], { stats, minScore: 0, minSharedTerms: 2 }).map((l) => l.storyId)).toEqual([21]);
  });

  it('works without stats and rejects a denial without a date', () => {
    expect(linkDenial(asDenial(item(107)), STORIES)[0]?.storyId).toBe(1);
    expect(() => linkDenial({ ...asDenial(item(107)), publishedAt: '' }, STORIES)).toThrow(/publishedAt/);
  });
});

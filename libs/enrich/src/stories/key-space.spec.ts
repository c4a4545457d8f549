import { describe, expect, it } from 'vitest';
import { KeySpace } from './key-space.js';
import { resolveStoryOptions, type StoryCandidate } from './story.js';
import { pairSimilarity, storyProfile } from './story-similarity.js';
import { TermStats } from './term-stats.js';

describe('KeySpace', () => {
  it('gives each key one id, in the order keys first come', () => {
    const space = new KeySpace();
    expect([...space.idsOf(['Q148', 'olymp', 'Q148'])]).toEqual([0, 1, 0]);
    expect([...space.idsOf(['~olympics', 'olymp'])]).toEqual([2, 1]);
    expect(space.size).toBe(3);
  });

  it('answers positions for the latest marking only, features and terms apart', () => {
    const space = new KeySpace();
    const [a, b, c] = [space.idsOf(['Q148', 'Q159']), space.idsOf(['Q159', 'Q212']), space.idsOf(['peace'])];
    space.features.mark(a);
    space.terms.mark(c);
    expect([0, 1, 2].map((id) => space.features.position(id))).toEqual([0, 1, -1]);
    space.features.mark(b);
    expect([0, 1, 2].map((id) => space.features.position(id))).toEqual([-1, 0, 1]);
    // Marking features leaves the terms' marking alone.
    expect(space.terms.position(3)).toBe(0);
  });

  it('keeps markings right as it grows past its first arrays', () => {
    const space = new KeySpace();
    const early = space.idsOf(['first']);
    space.features.mark(early);
    const many = space.idsOf(Array.from({ length: 5_000 }, (_, i) => `k${i}`));
    expect(space.features.position(early[0] as number)).toBe(0);
    space.features.mark(many);
    expect(space.features.position(many[4_999] as number)).toBe(4_999);
    expect(space.features.position(early[0] as number)).toBe(-1);
  });
});

describe('pairSimilarity with keys marked by id', () => {
  const item = (id: number, entities: string[], terms: string[]): StoryCandidate => ({
    id, storyId: 1, sourceId: id, outlet: `outlet ${id}`, language: 'en', publishedAt: '2026-03-01T10:00:00Z', entities, terms, denial: false, mentionsDenial: false,
  });
  const stats = new TermStats({ priorDocuments: 200 });
  const o = resolveStoryOptions({ stats });

  it('keeps a user entity apart from an analysed term spelt the same', () => {
    // A user's entity id may be any text: "accord" the entity and "accord" the word are different keys.
    const a = storyProfile(item(1, ['accord', 'Q148'], ['summit', 'beijing']));
    const b = storyProfile(item(2, ['Q148'], ['accord', 'summit']));
    if (!a || !b) throw new Error('profiles');
    const s = pairSimilarity(a, b, stats, o);
    expect(s.sharedEntities).toEqual(['Q148']);
    expect(s.rareTerms).toEqual(['summit']);
  });

  it('answers the same whichever pair came before, in either order', () => {
    const a = storyProfile(item(1, ['Q148', 'Q159', 'Q212'], ['talks', 'grain', 'corridor', 'odesa']));
    const b = storyProfile(item(2, ['Q212', 'Q159', 'Q148'], ['odesa', 'grain', 'ships']));
    const c = storyProfile(item(3, ['Q159'], ['grain']));
    if (!a || !b || !c) throw new Error('profiles');
    const first = pairSimilarity(a, b, stats, o);
    pairSimilarity(c, a, stats, o);
    const again = pairSimilarity(a, b, stats, o);
    expect(again).toEqual(first);
    // Features are listed in the first item's order, terms in the shorter list's.
    expect(first.sharedEntities).toEqual(['Q148', 'Q159', 'Q212']);
    expect(first.rareTerms).toEqual(['odesa', 'grain']);
    const reverse = pairSimilarity(b, a, stats, o);
    expect(reverse.sharedEntities).toEqual(['Q212', 'Q159', 'Q148']);
    expect(reverse.rareTerms).toEqual(['odesa', 'grain']);
    expect(reverse.score).toBeCloseTo(first.score, 12);
  });

  it('gives profiles compared under other stats ids of those stats', () => {
    const other = new TermStats({ priorDocuments: 200 });
    // Another corpus, whose key space met other keys first: the ids differ from those of `stats`.
    other.add(['Q1', 'Q2', 'ships', 'odesa', 'Q212']);
    const fresh = () => [storyProfile(item(1, ['Q148', 'Q212'], ['grain', 'odesa'])), storyProfile(item(2, ['Q212', 'Q148'], ['odesa', 'grain']))];
    const [a, b] = fresh();
    const [a2, b2] = fresh();
    if (!a || !b || !a2 || !b2) throw new Error('profiles');
    pairSimilarity(a, b, stats, o);
    expect(pairSimilarity(a, b, other, resolveStoryOptions({ stats: other }))).toEqual(pairSimilarity(a2, b2, other, resolveStoryOptions({ stats: other })));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoryCandidate } from './story.js';
import { type NeighbourQuery, StoryNeighbourhood } from './story-neighbourhood.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');

function item(id: number, hours: number, keys: { entities?: string[]; terms?: string[] }, storyId: number | null = 1): StoryCandidate {
  return {
    id,
    storyId,
    sourceId: 1,
    outlet: 'Outlet',
    language: 'en',
    publishedAt: new Date(T0 + hours * HOUR).toISOString(),
    entities: keys.entities ?? [],
    terms: keys.terms ?? [],
    denial: false,
    mentionsDenial: false,
  };
}

/** The store's neighbour query, by brute force: the specification the posting walk must meet. */
function bruteForce(items: Iterable<StoryCandidate>, q: NeighbourQuery): number[] {
  const keys = new Set(q.keys);
  return [...items]
    .filter((i) => i.storyId !== null && i.id !== q.id)
    .map((i) => ({ id: i.id, time: Date.parse(i.publishedAt), keys: [...i.entities, ...i.terms] }))
    .filter((i) => i.time >= q.from && i.time <= q.to && i.keys.some((k) => keys.has(k)))
    .sort((a, b) => Math.abs(a.time - q.at) - Math.abs(b.time - q.at) || b.id - a.id)
    .slice(0, q.limit)
    .map((i) => i.id);
}

describe('StoryNeighbourhood', () => {
  it('finds placed items sharing a key within the window, nearest in time first', () => {
    const n = new StoryNeighbourhood();
    n.add(item(1, 0, { entities: ['Q148'] }));
    n.add(item(2, 5, { terms: ['sanction'] }));
    n.add(item(3, -2, { entities: ['Q148'], terms: ['sanction'] }));
    n.add(item(4, 1, { entities: ['Q159'] }));
    n.add(item(5, 200, { entities: ['Q148'] }));
    n.add(item(6, 1, { entities: ['Q148'] }, null));
    const found = n.neighbours({ id: 9, at: T0, from: T0 - 48 * HOUR, to: T0 + 48 * HOUR, keys: ['Q148', 'sanction'], limit: 10 });
    expect(found.map((p) => p.item.id)).toEqual([1, 3, 2]);
    expect(n.neighbours({ id: 9, at: T0, from: T0 - 48 * HOUR, to: T0 + 48 * HOUR, keys: ['Q148', 'sanction'], limit: 2 }).map((p) => p.item.id)).toEqual([1, 3]);
    expect(n.has(6)).toBe(false);
    // Profiles: the same items, built once when added.
    const q = { id: 9, at: T0, from: T0 - 48 * HOUR, to: T0 + 48 * HOUR, keys: ['Q148', 'sanction'], limit: 10 };
    const [first] = n.neighbours(q);
    expect(n.neighbours(q).map((p) => p.item.id)).toEqual([1, 3, 2]);
    expect(first).toMatchObject({ time: T0, language: 'en', features: ['Q148'], terms: null });
    expect(n.neighbours(q)[0]).toBe(first);
  });

  it('forgets a removed item and takes a re-added one at its new time', () => {
    const n = new StoryNeighbourhood();
    n.add(item(1, 0, { entities: ['Q148'] }));
    n.add(item(2, 1, { entities: ['Q148'] }));
    n.remove(1);
    n.add(item(2, 30, { entities: ['Q148'] }));
    expect(n.size).toBe(1);
    expect(n.neighbours({ id: 9, at: T0, from: T0 - 10 * HOUR, to: T0 + 10 * HOUR, keys: ['Q148'], limit: 10 })).toEqual([]);
    expect(n.neighbours({ id: 9, at: T0, from: T0, to: T0 + 40 * HOUR, keys: ['Q148'], limit: 10 }).map((p) => p.item.id)).toEqual([2]);
  });

  it('answers as the brute-force query does, ties and window edges included', () => {
    const keyPool = ['Q148', 'Q159', 'Q212', 'said', 'sanction', '~olympics'];
    const arbItem = fc.record({
      hours: fc.integer({ min: -20, max: 20 }),
      keys: fc.subarray(keyPool, { minLength: 1 }),
      placed: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 10 }),
        fc.subarray(keyPool, { minLength: 1 }),
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 25 }),
        fc.boolean(),
        (specs, removals, keys, atHours, halfWidth, limit, fractional) => {
          const n = new StoryNeighbourhood();
          const live = new Map<number, StoryCandidate>();
          specs.forEach((s, id) => {
            const entities = s.keys.filter((k) => k.startsWith('Q'));
            const terms = s.keys.filter((k) => !k.startsWith('Q'));
            const c = item(id, s.hours, { entities, terms }, s.placed ? 1 + (id % 4) : null);
            n.add(c);
            live.set(id, c);
          });
          for (const id of removals) {
            n.remove(id);
            live.delete(id);
          }
          // A moment between milliseconds takes the comparator sort instead of the packed one.
          const at = T0 + atHours * HOUR + (fractional ? 0.5 : 0);
          // A key asked twice counts once.
          const q: NeighbourQuery = { id: 0, at, from: at - halfWidth * HOUR, to: at + halfWidth * HOUR, keys: [...keys, ...keys.slice(0, 2)], limit };
          expect(n.neighbours(q).map((p) => p.item.id)).toEqual(bruteForce(live.values(), q));
        },
      ),
      { numRuns: 500 },
    );
  });
});

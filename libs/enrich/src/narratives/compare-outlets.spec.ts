import type { EntityRef } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import { type FixtureItem, Q, REFERENCE_ITEMS } from '../stories/testing/reference-story.fixture.js';
import { type NarrativeItem, compareOutlets, surfaceForm } from './compare-outlets.js';

const NAMES: Record<string, string> = Object.fromEntries(Object.entries(Q).map(([name, qid]) => [qid, name]));
const toNarrative = (i: FixtureItem): NarrativeItem => ({
  id: i.id,
  title: i.title,
  language: i.language,
  publishedAt: i.publishedAt,
  entities: i.entities.map((qid): EntityRef => ({ qid, name: NAMES[qid] ?? qid })),
  terms: i.terms,
  mentionsDenial: i.mentionsDenial,
  denial: i.denial,
});

function byOutlet(items: readonly FixtureItem[]): Map<string, NarrativeItem[]> {
  const m = new Map<string, NarrativeItem[]>();
  for (const i of items) m.set(i.outlet, [...(m.get(i.outlet) ?? []), toNarrative(i)]);
  return m;
}

const story = REFERENCE_ITEMS.filter((i) => i.event === 'reference');

describe('compareOutlets on the reference story', () => {
  const input = byOutlet(story);
  const c = compareOutlets(input);
  const get = (outlet: string) => c.outlets.find((o) => o.outlet === outlet);

  it('gives every outlet its count, first and last item and languages', () => {
    expect(c.outlets.map((o) => o.outlet)).toEqual([...input.keys()]);
    expect(c.outlets.reduce((s, o) => s + o.count, 0)).toBe(story.length);
    expect(get('The New York Times')).toMatchObject({ count: 1, firstAt: '2022-02-03T00:30:00Z', lastAt: '2022-02-03T00:30:00Z', languages: [{ language: 'en', count: 1 }] });
    expect(get('联合早报')?.languages).toEqual([{ language: 'zh', count: 1 }]);
    expect(c.from).toBe('2022-02-03T00:30:00.000Z');
  });

  it('reports who carried the denial', () => {
    expect(get('Reuters')?.denialShare).toBe(1);
    expect(get('中华人民共和国外交部')?.denialShare).toBe(1);
    expect(get('Fox News')?.denialShare).toBe(0);
  });

  it('lists entities with counts and shares, with their names', () => {
    const fox = get('Fox News')?.entities ?? [];
    expect(fox.find((e) => e.qid === Q.putin)).toEqual({ qid: Q.putin, name: 'putin', count: 1, share: 1 });
  });

  it('aligns volume series of all outlets on one range of buckets', () => {
    expect(c.bucket).toBe('hour');
    const lengths = new Set(c.outlets.map((o) => o.volume.length));
    expect(lengths.size).toBe(1);
    for (const o of c.outlets) expect(o.volume.reduce((s, b) => s + b.count, 0)).toBe(o.count);
    const daily = compareOutlets(input, { bucket: 'day' });
    expect(daily.outlets[0]?.volume.map((b) => b.at)).toEqual(['2022-02-03T00:00:00.000Z', '2022-02-04T00:00:00.000Z']);
  });
});

describe('surfaceForm', () => {
  it('picks the commonest spelling without case, lower case when the outlet ever writes it so', () => {
    expect(surfaceForm(new Map([['Delay', 3], ['delay', 1]]))).toBe('delay');
    expect(surfaceForm(new Map([['NATO', 2], ['Nato', 1]]))).toBe('NATO');
    expect(surfaceForm(new Map([['quadrupled', 2], ['quadruple', 3]]))).toBe('quadruple');
    expect(surfaceForm(new Map())).toBeNull();
    expect(surfaceForm(new Map([['Invasion', 2]]), new Set(['invasion']))).toBe('invasion');
  });
});

describe('compareOutlets', () => {
  const at = (h: number): string => new Date(Date.parse('2022-02-03T00:00:00Z') + h * 3_600_000).toISOString();
  const item = (id: number, h: number, terms: string[], title = `headline ${id}`): NarrativeItem => ({ id, title, language: 'en', publishedAt: at(h), entities: [], terms, mentionsDenial: false });

  it('names as distinctive the term an outlet keeps using', () => {
    const m = new Map([
      ['Denier', [1, 2, 3, 4, 5].map((n) => item(n, n, ['china', 'report', 'fake', 'news', 'fake']))],
      ['Claimant', [6, 7, 8, 9].map((n) => item(n, n, ['china', 'report', 'intelligence', 'delay']))],
    ]);
    const c = compareOutlets(m);
    expect(c.outlets[0]?.distinctiveTerms[0]?.term).toBe('fake');
    expect(c.outlets[1]?.distinctiveTerms.map((t) => t.term).slice(0, 2).sort()).toEqual(['delay', 'intelligence']);
  });

  it('never shows function words or clustering keys, and shows each stem as the outlet writes it', () => {
    const withSurfaces = (id: number, surfaces: string[], language = 'en'): NarrativeItem => ({
      ...item(id, id, surfaces.map((s) => s.toLowerCase().replace(/ed$/, ''))),
      language,
      surfaces,
    });
    const m = new Map([
      ['A', [1, 2, 3].map((n) => ({ ...withSurfaces(n, ['The', 'trade', 'quadrupled', 'the', 'Beijing', 'a']), terms: ['the', 'trade', 'quadrupl', 'the', 'beij', 'a', '~olympics'] }))],
      ['B', [4, 5, 6].map((n) => withSurfaces(n, ['и', 'на', 'рост', 'и'], 'ru'))],
      ['C', [7, 8].map((n) => withSurfaces(n, ['report', 'of', 'officials'], 'en'))],
    ]);
    const c = compareOutlets(m);
    const shown = c.outlets.flatMap((o) => o.distinctiveTerms.map((t) => t.term));
    for (const stop of ['the', 'The', 'a', 'и', 'на', 'of', '~olympics']) expect(shown).not.toContain(stop);
    const a = c.outlets[0]?.distinctiveTerms ?? [];
    expect(a.find((t) => t.stem === 'quadrupl')?.term).toBe('quadrupled');
    expect(a.find((t) => t.stem === 'beij')?.term).toBe('Beijing');
    expect(c.outlets[1]?.distinctiveTerms.map((t) => t.term)).toEqual(['рост']);
  });

  it('shows a recurring bigram in place of the words it accounts for', () => {
    const fake = (id: number): NarrativeItem => ({ ...item(id, id, ['fake', 'news', 'china', 'fake news']), surfaces: ['Fake', 'news', 'China', 'Fake news'] });
    const other = (id: number): NarrativeItem => ({ ...item(id, id, ['intelligence', 'china', 'report']), surfaces: ['intelligence', 'China', 'report'] });
    const c = compareOutlets(new Map([['Denier', [1, 2, 3].map(fake)], ['Claimant', [4, 5, 6].map(other)]]));
    const denier = c.outlets[0]?.distinctiveTerms.map((t) => t.term) ?? [];
    expect(denier[0]).toBe('Fake news');
    expect(denier).not.toContain('Fake');
    expect(denier).not.toContain('news');
    const once = compareOutlets(new Map([['Denier', [fake(1)]], ['Claimant', [other(4)]]]));
    expect(once.outlets[0]?.distinctiveTerms.map((t) => t.stem)).not.toContain('fake news');
  });

  it('samples distinct headlines spread from first to last', () => {
    const items = [0, 1, 2, 3, 4, 5, 6].map((h) => item(h, h, [], h === 1 ? 'headline 0' : `headline ${h}`));
    const s = compareOutlets(new Map([['A', items]]), { sampleHeadlines: 3 }).outlets[0]?.sampleHeadlines ?? [];
    expect(s.map((x) => x.id)).toEqual([0, 4, 6]);
  });

  it('handles an outlet without items and items without dates', () => {
    const c = compareOutlets(new Map([['Empty', []], ['Undated', [{ ...item(1, 0, ['x']), publishedAt: 'unknown' }]]]));
    expect(c.from).toBeNull();
    expect(c.outlets[0]).toMatchObject({ count: 0, firstAt: null, denialShare: null, volume: [] });
    expect(c.outlets[1]).toMatchObject({ count: 1, firstAt: null });
  });
});

import { describe, expect, it } from 'vitest';
import { type FixtureItem, REFERENCE_ITEMS } from '../stories/testing/reference-story.fixture.js';
import { type CoverageItem, denialCoverage } from './denial-coverage.js';

const story: CoverageItem[] = REFERENCE_ITEMS.filter((i) => i.event === 'reference');
const mfa = story.find((i) => i.id === 107) as FixtureItem;

describe('denialCoverage on the reference story', () => {
  const c = denialCoverage(story, mfa);

  it('dates the first report and the time to denial', () => {
    expect(c.firstReportedAt).toBe('2022-02-03T00:30:00Z');
    expect(c.firstReportedBy).toEqual(['The New York Times']);
    expect(c.deniedAt).toBe('2022-02-03T08:00:00.000Z');
    expect(c.hoursToDenial).toBe(7.5);
  });

  it('separates outlets that carried the claim from those that carried the denial', () => {
    expect(c.claimOutlets[0]).toBe('The New York Times');
    expect(c.claimOutlets).toEqual(expect.arrayContaining(['Meduza', '联合早报', 'Українська правда', 'Fox News']));
    expect(c.claimOutlets).not.toContain('Reuters');
    expect(c.denialOutlets).toEqual(['中华人民共和国外交部', 'Reuters', 'РИА Новости', 'Embassy of the PRC in the USA']);
  });

  it('finds who kept reporting after the denial without it, and the share that mentioned it', () => {
    expect(c.silentAfterDenial).toEqual(['Fox News']);
    // After 08:00: Reuters and RIA report the denial, Fox News does not; the embassy's own denial is not coverage.
    expect(c.afterDenial).toEqual({ items: 3, mentioning: 2, share: 2 / 3 });
    const fox = c.outlets.find((o) => o.outlet === 'Fox News');
    expect(fox).toMatchObject({ items: 1, claimItems: 1, itemsAfterDenial: 1, itemsAfterDenialMentioning: 0, denialItems: 0 });
  });

  it('gives an hourly timeline covering every item, empty hours included', () => {
    expect(c.bucket).toBe('hour');
    expect(c.timeline.reduce((s, b) => s + b.claim + b.denial, 0)).toBe(story.length);
    expect(c.timeline[0]?.at).toBe('2022-02-03T00:00:00.000Z');
    const hours = c.timeline.map((b) => Date.parse(b.at));
    expect(hours.every((h, n) => n === 0 || h - (hours[n - 1] as number) === 3_600_000)).toBe(true);
    expect(denialCoverage(story, mfa, { bucket: 'day' }).timeline.map((b) => b.at)).toEqual(['2022-02-03T00:00:00.000Z', '2022-02-04T00:00:00.000Z']);
  });
});

describe('denialCoverage', () => {
  const base: CoverageItem = { id: 1, outlet: 'A', sourceId: 1, publishedAt: '2022-02-03T10:00:00Z', denial: false, mentionsDenial: false, kind: 'media' };

  it('dates the denial from the first agency report when the statement page carries only a date', () => {
    const official: CoverageItem = { ...base, id: 9, outlet: 'MFA', sourceId: 9, kind: 'official', denial: true, publishedAt: '2022-02-04T00:00:00Z' };
    const items: CoverageItem[] = [
      base,
      { ...base, id: 2, outlet: 'Agency', sourceId: 2, mentionsDenial: true, publishedAt: '2022-02-03T14:00:00Z' },
      { ...base, id: 3, outlet: 'B', sourceId: 3, publishedAt: '2022-02-03T16:00:00Z' },
      { ...base, id: 4, outlet: 'B', sourceId: 4, publishedAt: '2022-02-03T18:00:00Z', mentionsDenial: true },
    ];
    const c = denialCoverage(items, official);
    expect(c.denialPublishedAt).toBe('2022-02-04T00:00:00Z');
    expect(c.deniedAt).toBe('2022-02-03T14:00:00.000Z');
    expect(c.hoursToDenial).toBe(4);
    // B kept the claim once but then reported the denial: not silent.
    expect(c.silentAfterDenial).toEqual([]);
    expect(c.outlets.find((o) => o.outlet === 'B')?.sourceIds).toEqual([3, 4]);
  });

  it('handles a story of the denial alone', () => {
    const official: CoverageItem = { ...base, kind: 'official', denial: true };
    const c = denialCoverage([], official);
    expect(c.firstReportedAt).toBeNull();
    expect(c.hoursToDenial).toBeNull();
    expect(c.afterDenial.share).toBeNull();
    expect(c.timeline).toHaveLength(1);
  });

  it('rejects a denial without a date', () => {
    expect(() => denialCoverage([base], { ...base, publishedAt: 'x' })).toThrow(/publishedAt/);
  });
});

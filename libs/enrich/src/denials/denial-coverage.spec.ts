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

  it('never lists the denying side among outlets that did not carry the denial or that carried the claim', () => {
    const ministry: CoverageItem = { ...base, id: 9, outlet: 'MFA', sourceId: 9, kind: 'official', denial: true, publishedAt: '2022-02-03T12:00:00Z' };
    const items: CoverageItem[] = [
      base,
      // The ministry's English transcript, not flagged itself, and an earlier briefing on the same day.
      { ...base, id: 10, outlet: 'MFA', sourceId: 10, kind: 'official', publishedAt: '2022-02-03T13:00:00Z' },
      { ...base, id: 11, outlet: 'MFA', sourceId: 9, kind: 'official', publishedAt: '2022-02-03T09:00:00Z' },
      // The embassy's own denial, and a later embassy post that does not repeat it.
      { ...base, id: 12, outlet: 'Embassy', sourceId: 12, kind: 'official', denial: true, publishedAt: '2022-02-03T14:00:00Z' },
      { ...base, id: 13, outlet: 'Embassy', sourceId: 12, kind: 'official', publishedAt: '2022-02-03T20:00:00Z' },
      { ...base, id: 14, outlet: 'B', sourceId: 14, publishedAt: '2022-02-03T15:00:00Z' },
      { ...base, id: 15, outlet: 'C', sourceId: 15, mentionsDenial: true, publishedAt: '2022-02-03T16:00:00Z' },
    ];
    const c = denialCoverage(items, ministry);
    expect(c.silentAfterDenial).toEqual(['B']);
    expect(c.claimOutlets).toEqual(['A', 'B']);
    expect(c.firstReportedBy).toEqual(['A']);
    expect(c.denialOutlets).toEqual(['MFA', 'Embassy', 'C']);
    expect(c.afterDenial).toEqual({ items: 2, mentioning: 1, share: 1 / 2 });
    expect(c.outlets.filter((o) => o.issuer).map((o) => o.outlet)).toEqual(['MFA', 'Embassy']);
    expect(c.timeline.reduce((s, b) => s + b.claim + b.denial, 0)).toBe(items.length + 1);
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

import { DomainError, type DenialCoverageView, type DenialOutletCoverage, type SourceKind } from '@parallax/domain';
import { type BucketSize, bucketLabel, bucketStart, bucketStarts, chooseBucketSize } from '../narratives/time-buckets.js';

/** One item of a story, as coverage analysis needs it. */
export interface CoverageItem {
  id: number;
  outlet: string;
  sourceId: number;
  /** ISO 8601. */
  publishedAt: string;
  /** An official item rejecting the report. */
  denial: boolean;
  /** A media item reporting such a rejection. */
  mentionsDenial: boolean;
  kind: SourceKind;
}

/**
 * The shapes are the API's (`libs/domain/src/story.ts`): the coverage is computed here and served as is.
 */
export type OutletCoverage = DenialOutletCoverage;
export type CoverageBucket = DenialCoverageView['timeline'][number];
export type DenialCoverage = DenialCoverageView;

export interface DenialCoverageOptions {
  /** Timeline buckets; by default hours for up to three days, days beyond. */
  bucket?: BucketSize;
}

interface Dated {
  item: CoverageItem;
  t: number;
}

const carriesDenial = (i: CoverageItem): boolean => i.denial || i.mentionsDenial;

/**
 * The outlets speaking for the denying side: the denial's own, and every official outlet with a
 * denial of its own in the story (an embassy echoing its ministry). Their other items (the English
 * transcript, a follow-up briefing) are official statements, not coverage of the claim.
 */
export function denialIssuers(items: readonly CoverageItem[], denial: CoverageItem): Set<string> {
  const issuers = new Set([denial.outlet]);
  for (const i of items) if (i.kind === 'official' && i.denial) issuers.add(i.outlet);
  return issuers;
}

/**
 * How one story was covered around one denial: first report, time to denial, who carried the claim
 * and who the denial, who kept reporting after it without mentioning it, and the share of post-denial
 * coverage that mentions it. `denial` may or may not be among `items`.
 */
export function denialCoverage(items: readonly CoverageItem[], denial: CoverageItem, options: DenialCoverageOptions = {}): DenialCoverage {
  const denialTime = Date.parse(denial.publishedAt);
  if (Number.isNaN(denialTime)) throw new DomainError('VALIDATION', `denial ${denial.id}: publishedAt is not an ISO 8601 date`, { field: 'publishedAt' });
  const all = new Map<number, CoverageItem>(items.map((i) => [i.id, i]));
  all.set(denial.id, denial);
  const dated: Dated[] = [];
  for (const item of all.values()) {
    const t = Date.parse(item.publishedAt);
    if (!Number.isNaN(t)) dated.push({ item, t });
  }
  dated.sort((a, b) => a.t - b.t || a.item.id - b.item.id);

  const issuers = denialIssuers([...all.values()], denial);
  // What the denying side publishes counts with the denial, never as the claim it answers.
  const onDenialSide = (i: CoverageItem): boolean => carriesDenial(i) || issuers.has(i.outlet);
  const claims = dated.filter((d) => !onDenialSide(d.item));
  const first = claims[0];
  const firstAt = first?.t ?? null;
  // The denial becomes known at its own date or when the first item after the first claim reports it.
  let deniedAt = denialTime;
  for (const d of dated) {
    if (carriesDenial(d.item) && (firstAt === null || d.t >= firstAt) && d.t < deniedAt) deniedAt = d.t;
  }

  const byOutlet = new Map<string, OutletCoverage & { order: number; denialOrder: number }>();
  for (const [n, { item, t }] of dated.entries()) {
    let o = byOutlet.get(item.outlet);
    if (!o) {
      o = {
        outlet: item.outlet,
        issuer: issuers.has(item.outlet),
        sourceIds: [],
        items: 0,
        claimItems: 0,
        firstClaimAt: null,
        denialItems: 0,
        firstDenialAt: null,
        itemsAfterDenial: 0,
        itemsAfterDenialMentioning: 0,
        order: Infinity,
        denialOrder: Infinity,
      };
      byOutlet.set(item.outlet, o);
    }
    if (!o.sourceIds.includes(item.sourceId)) o.sourceIds.push(item.sourceId);
    o.items += 1;
    if (onDenialSide(item)) {
      if (!carriesDenial(item)) continue;
      o.denialItems += 1;
      if (o.firstDenialAt === null) {
        o.firstDenialAt = item.publishedAt;
        o.denialOrder = n;
      }
    } else {
      o.claimItems += 1;
      if (o.firstClaimAt === null) {
        o.firstClaimAt = item.publishedAt;
        o.order = n;
      }
    }
    if (t >= deniedAt && !o.issuer) {
      o.itemsAfterDenial += 1;
      if (item.mentionsDenial) o.itemsAfterDenialMentioning += 1;
    }
  }

  const outlets = [...byOutlet.values()];
  const afterItems = outlets.reduce((s, o) => s + o.itemsAfterDenial, 0);
  const afterMentioning = outlets.reduce((s, o) => s + o.itemsAfterDenialMentioning, 0);

  const times = dated.map((d) => d.t);
  const from = Math.min(...times);
  const to = Math.max(...times);
  const bucket = options.bucket ?? chooseBucketSize(from, to);
  const counts = new Map<number, CoverageBucket>(bucketStarts(from, to, bucket).map((b) => [b, { at: bucketLabel(b), claim: 0, denial: 0 }]));
  for (const { item, t } of dated) {
    const b = counts.get(bucketStart(t, bucket)) as CoverageBucket;
    if (onDenialSide(item)) b.denial += 1;
    else b.claim += 1;
  }

  return {
    denialId: denial.id,
    denialOutlet: denial.outlet,
    firstReportedAt: first?.item.publishedAt ?? null,
    firstReportedBy: first ? [...new Set(claims.filter((c) => c.t === first.t).map((c) => c.item.outlet))] : [],
    denialPublishedAt: denial.publishedAt,
    deniedAt: new Date(deniedAt).toISOString(),
    hoursToDenial: firstAt === null ? null : Math.round(((deniedAt - firstAt) / 3_600_000) * 100) / 100,
    claimOutlets: outlets.filter((o) => o.claimItems > 0).sort((a, b) => a.order - b.order).map((o) => o.outlet),
    denialOutlets: outlets.filter((o) => o.denialItems > 0).sort((a, b) => a.denialOrder - b.denialOrder).map((o) => o.outlet),
    silentAfterDenial: outlets.filter((o) => !o.issuer && o.itemsAfterDenial > 0 && o.itemsAfterDenialMentioning === 0).map((o) => o.outlet),
    afterDenial: { items: afterItems, mentioning: afterMentioning, share: afterItems === 0 ? null : afterMentioning / afterItems },
    outlets: outlets.map(({ order: _order, denialOrder: _denialOrder, ...o }) => o),
    bucket,
    timeline: [...counts.values()],
  };
}

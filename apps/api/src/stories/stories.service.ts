import { Inject, Injectable } from '@nestjs/common';
import {
  type CompareResponse,
  type DeniedStory,
  type DenialsResponse,
  DomainError,
  type Item,
  type OutletSeries,
  type StoriesResponse,
  type StoryDetail,
  type StoryItemRef,
  type StoryOverview,
  type TimeBucket,
} from '@parallax/domain';
import { type CoverageItem, type NarrativeItem, bucketLabel, bucketStart, bucketStarts, chooseBucketSize, compareOutlets, denialCoverage, denialIssuers } from '@parallax/enrich';
import { Runtime, narrativeTerms, storyTitles } from '@parallax/pipeline';
import { SEARCH_INDEX, type SearchIndex } from '@parallax/search';
import type { CompareQuery, DenialsQuery, StoriesQuery } from './stories.schemas.js';

/** Items a query contributes to a story filter or a comparison, newest first. */
const MAX_QUERY_ITEMS = 1000;
/** The search index's largest page. */
const SEARCH_PAGE = 200;
/** Claim items shown per denied story. */
const MAX_REJECTS = 20;

/**
 * Reads stories, denials and outlet comparisons. Each read first places the items still waiting in
 * the story outbox (usually none, a cheap query), so an answer never lags the items already stored.
 */
@Injectable()
export class StoriesService {
  constructor(
    @Inject(Runtime) private readonly runtime: Runtime,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
  ) {}

  private get repo() {
    return this.runtime.stories.repo;
  }

  async list(p: StoriesQuery): Promise<StoriesResponse> {
    checkRange(p.from, p.to);
    await this.runtime.stories.drain();
    const entities = p.entity?.flatMap((e) => {
      const qids = this.runtime.enricher.resolveEntity(e);
      if (qids.length === 0) throw new DomainError('VALIDATION', `unknown entity: ${e}`, { field: 'entity' });
      return qids;
    });
    const ids = p.q ? [...new Set(this.repo.storiesOf(await this.queryItemIds(p.q)).values())] : undefined;
    const page = this.repo.list({ ids, entities, from: p.from, to: p.to, minItems: p.minItems, limit: p.limit, offset: p.offset });
    return { ...page, stories: page.stories.map((s) => this.titled(s)) };
  }

  /** The story with its title as StoryOverview defines it (see storyTitles), from its items. */
  private titled<T extends StoryOverview>(story: T, items: readonly StoryItemRef[] = this.repo.items(story.id)): T {
    const { title, titles } = storyTitles(items);
    return { ...story, title: title ?? story.title, titles };
  }

  async get(id: number, bucket?: TimeBucket): Promise<StoryDetail> {
    await this.runtime.stories.drain();
    const overview = this.repo.get(id);
    const items = this.repo.items(id);
    const groups = new Map<string, StoryItemRef[]>();
    for (const item of items) groups.set(item.outlet, [...(groups.get(item.outlet) ?? []), item]);
    const links = this.repo.linksOfStory(id);
    const denialRefs = new Map(this.repo.itemRefs(links.map((l) => l.denialId)).map((r) => [r.id, r]));
    return {
      ...this.titled(overview, items),
      outlets: [...groups].map(([outlet, list]) => ({ outlet, items: list })),
      timeline: timeline(groups, bucket),
      denials: links.flatMap((l) => {
        const ref = denialRefs.get(l.denialId);
        return ref ? [{ ...ref, score: l.score, reasons: l.reasons }] : [];
      }),
    };
  }

  async denials(p: DenialsQuery): Promise<DenialsResponse> {
    await this.runtime.stories.drain();
    if (p.story !== undefined) this.repo.get(p.story);
    const page = this.repo.listDenials({ storyId: p.story, limit: p.limit, offset: p.offset });
    const links = this.repo.linksOfDenials(page.items.map((d) => d.id));
    return {
      total: page.total,
      denials: page.items.map((denial) => ({
        ...denial,
        stories: links.filter((l) => l.denialId === denial.id).map((l): DeniedStory => {
          const items = this.repo.items(l.storyId);
          const story = this.titled(this.repo.get(l.storyId), items);
          const deniedAt = Date.parse(denial.publishedAt);
          const issuers = denialIssuers(items.map(toCoverageItem), toCoverageItem(denial));
          return {
            id: l.storyId,
            title: story.title,
            score: l.score,
            reasons: l.reasons,
            rejects: items.filter((i) => !i.denial && !i.mentionsDenial && !issuers.has(i.outlet) && Date.parse(i.publishedAt) <= deniedAt).slice(0, MAX_REJECTS),
            coverage: denialCoverage(items.map(toCoverageItem), toCoverageItem(denial), { bucket: p.bucket }),
          };
        }),
      })),
    };
  }

  async compare(p: CompareQuery): Promise<CompareResponse> {
    if (p.story === undefined && !p.q) throw new DomainError('VALIDATION', 'give a story id or a query q', { field: 'story' });
    if (p.story !== undefined && p.q) throw new DomainError('VALIDATION', 'give a story id or a query q, not both', { field: 'q' });
    await this.runtime.stories.drain();
    let ids: number[];
    if (p.story !== undefined) {
      this.repo.get(p.story);
      ids = this.repo.items(p.story).map((i) => i.id);
    } else {
      ids = await this.queryItemIds(p.q ?? '', p.outlets);
    }
    const wanted = p.outlets?.length ? new Set(p.outlets) : null;
    const items = this.runtime.store.items.getMany(ids).filter((i) => !wanted || wanted.has(i.outlet));
    items.sort((a, b) => a.sortAt.localeCompare(b.sortAt) || a.id - b.id);
    const byOutlet = new Map<string, NarrativeItem[]>();
    // Outlets asked for come back in the order asked, even with nothing to show.
    for (const o of p.outlets ?? []) byOutlet.set(o, []);
    for (const item of items) byOutlet.set(item.outlet, [...(byOutlet.get(item.outlet) ?? []), toNarrativeItem(item)]);
    const comparison = compareOutlets(byOutlet, { bucket: p.bucket, topTerms: p.topTerms });
    return { story: p.story ?? null, q: p.q ?? null, total: items.length, ...comparison };
  }

  private async queryItemIds(q: string, outlet?: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (let offset = 0; offset < MAX_QUERY_ITEMS; offset += SEARCH_PAGE) {
      const r = await this.index.search({ q, outlet, sort: 'newest', limit: SEARCH_PAGE, offset, facets: false });
      ids.push(...r.hits.map((h) => h.id));
      if (offset + SEARCH_PAGE >= r.total) break;
    }
    return ids;
  }
}

function checkRange(from?: string, to?: string): void {
  if (from && to && from > to) throw new DomainError('VALIDATION', 'from must not be after to', { field: 'from' });
}

/** Items per outlet per bucket, every series over the same buckets so they line up. */
function timeline(groups: Map<string, StoryItemRef[]>, bucket?: TimeBucket): StoryDetail['timeline'] {
  const times = [...groups.values()].flat().map((i) => Date.parse(i.publishedAt));
  if (times.length === 0) return { bucket: bucket ?? 'day', series: [] };
  const from = Math.min(...times);
  const to = Math.max(...times);
  const size = bucket ?? chooseBucketSize(from, to);
  const starts = bucketStarts(from, to, size);
  const series: OutletSeries[] = [...groups].map(([outlet, list]) => {
    const counts = new Map(starts.map((s) => [s, 0]));
    for (const i of list) {
      const b = bucketStart(Date.parse(i.publishedAt), size);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    return { outlet, counts: [...counts].map(([at, count]) => ({ at: bucketLabel(at), count })) };
  });
  return { bucket: size, series };
}

function toCoverageItem(i: StoryItemRef): CoverageItem {
  return { id: i.id, outlet: i.outlet, sourceId: i.sourceId, publishedAt: i.publishedAt, denial: i.denial, mentionsDenial: i.mentionsDenial, kind: i.kind };
}

function toNarrativeItem(i: Item): NarrativeItem {
  const { terms, surfaces } = narrativeTerms(i.title, i.summary, i.language);
  return {
    id: i.id,
    title: i.title,
    language: i.language,
    publishedAt: i.sortAt,
    entities: i.entities,
    terms,
    surfaces,
    mentionsDenial: i.mentionsDenial,
    denial: i.denial,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { type CreateSource, DomainError, HtmlSelectorsSchema, HttpUrlSchema, type ParsedEntry, type Source, type UpdateSource } from '@parallax/domain';
import { decodeDocument, discoverFeeds, fetchResource, scrapeStatementList, toOpml } from '@parallax/ingest';
import { importOpml, parseFeedResource, IndexFeeder, PipelineEvents, PollScheduler, removeDemoSources, type OpmlImportResult } from '@parallax/pipeline';
import { Store, type SourceWithValidators } from '@parallax/store';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { refusePrivateUrl } from '../core/private-address.policy.js';

export const PreviewRequestSchema = z.object({
  url: HttpUrlSchema,
  type: z.enum(['feed', 'html']).default('feed'),
  selectors: HtmlSelectorsSchema.optional(),
});
export type PreviewRequest = z.infer<typeof PreviewRequestSchema>;

export const OpmlImportSchema = z.object({
  opml: z.string().min(1).max(5_000_000),
  kind: z.enum(['media', 'official']).default('media'),
});

export interface Preview {
  /** The feed URL to save: the URL given, or the feed discovered from the page it pointed at. */
  feedUrl: string;
  discovered: { url: string; title: string | null; type: string }[];
  feed: { title: string | null; link: string | null; language: string | null };
  items: ParsedEntry[];
}

/** Source health as the API shows it: the store's record without the HTTP validators. */
type PublicSource = Omit<SourceWithValidators, 'etag' | 'lastModified'>;

@Injectable()
export class SourcesService {
  constructor(
    @Inject(Store) private readonly store: Store,
    @Inject(PollScheduler) private readonly scheduler: PollScheduler,
    @Inject(IndexFeeder) private readonly feeder: IndexFeeder,
    @Inject(PipelineEvents) private readonly events: PipelineEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every source with its items per day over 14 days (the table's sparkline), counted in one query. */
  list(): (PublicSource & { itemsPerDay: { date: string; count: number }[] })[] {
    const perDay = this.store.sources.dailyCountsAll(14);
    return this.store.sources.list().map((s) => ({ ...toPublic(s), itemsPerDay: perDay.get(s.id) ?? [] }));
  }

  get(id: number): PublicSource & { itemsPerDay: { date: string; count: number }[] } {
    return { ...toPublic(this.store.sources.get(id)), itemsPerDay: this.store.sources.dailyCounts(id, 14) };
  }

  polls(id: number) {
    this.store.sources.get(id);
    return this.store.sources.pollLog(id);
  }

  create(input: CreateSource): PublicSource {
    refusePrivateUrl(input.url, this.config.allowPrivateSources, 'url');
    return toPublic(this.store.sources.create(input));
  }

  update(id: number, patch: UpdateSource): PublicSource {
    if (patch.url) refusePrivateUrl(patch.url, this.config.allowPrivateSources, 'url');
    return toPublic(this.store.sources.update(id, patch));
  }

  async remove(id: number): Promise<{ deleted: number; items: number }> {
    const items = this.store.sources.delete(id);
    this.events.emit('removed', items);
    await this.feeder.drain();
    return { deleted: id, items: items.length };
  }

  async removeDemo(): Promise<{ sources: number; items: number }> {
    const sources = this.store.sources.demoSourceIds().length;
    const items = removeDemoSources(this.store);
    this.events.emit('removed', items);
    await this.feeder.drain();
    return { sources, items: items.length };
  }

  poll(id: number) {
    this.store.sources.get(id);
    return this.scheduler.pollNow(id);
  }

  /** Fetches and parses a URL for the "add source" form; a web page is searched for its feed first. */
  async preview(req: PreviewRequest): Promise<Preview> {
    const opts = { allowPrivate: this.config.allowPrivateSources };
    let resource = await fetchResource(req.url, opts);
    if (req.type === 'html') {
      if (!req.selectors) throw new DomainError('VALIDATION', 'an html preview needs selectors', { field: 'selectors' });
      const { text } = decodeDocument(resource.body, resource.contentType, 'html');
      return { feedUrl: resource.finalUrl, discovered: [], feed: { title: null, link: resource.finalUrl, language: null }, items: scrapeStatementList(text, resource.finalUrl, req.selectors) };
    }
    let discovered: Preview['discovered'] = [];
    if (/html/i.test(resource.contentType ?? '') || /^\s*<!doctype html|^\s*<html/i.test(resource.body.subarray(0, 512).toString('latin1'))) {
      const { text } = decodeDocument(resource.body, resource.contentType, 'html');
      discovered = discoverFeeds(text, resource.finalUrl).map((d) => ({ url: d.url, title: d.title ?? null, type: d.type }));
      const first = discovered[0];
      if (!first) throw new DomainError('PARSE_FAILED', 'this page is HTML and announces no feed (<link rel="alternate">); add it as an html source with selectors', { field: 'url' });
      resource = await fetchResource(first.url, opts);
    }
    const feed = parseFeedResource(resource);
    return { feedUrl: resource.finalUrl, discovered, feed: feed.feed, items: feed.items.slice(0, 50) };
  }

  exportOpml(): string {
    return toOpml(this.store.sources.list().filter((s) => !s.demo));
  }

  importOpml(req: z.infer<typeof OpmlImportSchema>): OpmlImportResult {
    return importOpml(this.store, req.opml, { kind: req.kind, allowPrivate: this.config.allowPrivateSources }, (done, total) => this.events.emit('progress', { task: 'import-opml', done, total }));
  }
}

function toPublic(s: SourceWithValidators): PublicSource & Source {
  const { etag: _etag, lastModified: _lastModified, ...rest } = s;
  return rest;
}

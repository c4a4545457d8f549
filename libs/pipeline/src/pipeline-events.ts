import { EventEmitter } from 'node:events';
import type { AlertMessage, Item, PollResult } from '@parallax/domain';

/** What the pipeline announces: new items (for alerts and the live stream), source health, progress. */
export interface PipelineEventMap {
  /** A new item, committed; from the ingest cycle, with the terms story clustering compares (`NewItem.storyTerms`). */
  item: [item: Item, storyTerms?: readonly string[]];
  /** A keyword alert's match, digest or spike notice, for the live stream (libs/pipeline/src/alerts). */
  alert: [AlertMessage];
  source: [{ sourceId: number; result: PollResult }];
  /** Items deleted from the store (with their source), for consumers that keep items in memory. */
  removed: [number[]];
  progress: [Progress];
}

/** Progress of a long piece of work (a poll cycle, an OPML import, a reindex). */
export interface Progress {
  task: 'poll-cycle' | 'import-opml' | 'reindex' | 'retag' | 'seed';
  done: number;
  total: number;
  detail?: string;
}

export class PipelineEvents extends EventEmitter<PipelineEventMap> {
  constructor() {
    super();
    // Every SSE client subscribes; the default cap of 10 would warn with a dozen dashboards open.
    this.setMaxListeners(0);
  }
}

import type { PollResult } from '@parallax/domain';
import type { Store } from '@parallax/store';
import type { IndexFeeder } from './index-feeder.js';
import type { IngestCycle } from './ingest-cycle.js';
import type { Logger } from './logger.js';
import type { PipelineEvents } from './pipeline-events.js';
import { type HostPoliteness, PollQueue } from './poll-queue.js';

export interface PollSchedulerOptions {
  /** Sources polled at once, across hosts (the global concurrency limit). */
  concurrency?: number;
  /**
   * What follows each poll of a cycle, without waiting: by default the index feeder. The runtime passes
   * story placement, which feeds the index itself once the items have their story, so that a new item
   * is indexed once, with its story, rather than once without and again with it.
   */
  afterPoll?: () => Promise<unknown>;
  /** The fetcher's politeness (its FetchScheduler): a cycle's workers are handed sources of hosts that are free. */
  hosts?: HostPoliteness;
}

/**
 * Decides what to poll and when: every enabled source whose next poll time has come, several at once,
 * each source never twice at once. The Nest scheduler and `poll` CLI call `tick`.
 */
export class PollScheduler {
  private readonly inFlight = new Map<number, Promise<PollResult>>();
  private cycle: Promise<number> | null = null;
  private lastTickAt: Date | null = null;

  constructor(
    private readonly store: Store,
    private readonly ingest: IngestCycle,
    private readonly feeder: IndexFeeder,
    private readonly events: PipelineEvents,
    private readonly logger: Logger,
    private readonly options: PollSchedulerOptions = {},
  ) {}

  /** Polls every due source; a tick while the previous cycle still runs joins it. Returns sources polled. */
  tick(now = new Date()): Promise<number> {
    this.lastTickAt = now;
    this.cycle ??= this.runCycle(now).finally(() => {
      this.cycle = null;
    });
    return this.cycle;
  }

  /** Polls one source now (the API's "poll now"); joins a poll of it already under way. */
  async pollNow(sourceId: number): Promise<PollResult> {
    const result = await this.pollOnce(sourceId);
    // The answer waits for what follows a poll (its items placed in stories, then indexed), so the
    // analyst who asked finds them in search with their stories.
    await this.afterPoll();
    await this.feeder.drain();
    return result;
  }

  /** What follows each poll: the runtime's (stories, then the index), by default the index alone. */
  private afterPoll(): Promise<unknown> {
    return this.options.afterPoll ? this.options.afterPoll() : this.feeder.drain();
  }

  lastTick(): Date | null {
    return this.lastTickAt;
  }

  isBusy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Resolves when no poll is under way: for a clean shutdown. */
  async idle(): Promise<void> {
    while (this.cycle || this.inFlight.size > 0) {
      await Promise.allSettled([this.cycle, ...this.inFlight.values()]);
    }
  }

  private pollOnce(sourceId: number): Promise<PollResult> {
    let p = this.inFlight.get(sourceId);
    if (!p) {
      p = this.ingest.poll(sourceId).finally(() => this.inFlight.delete(sourceId));
      this.inFlight.set(sourceId, p);
    }
    return p;
  }

  private async runCycle(now: Date): Promise<number> {
    const queue = new PollQueue(
      this.store.sources.due(now).filter((s) => !this.inFlight.has(s.id)),
      this.options.hosts ?? null,
    );
    if (queue.size === 0) {
      await this.feeder.drain();
      return 0;
    }
    let done = 0;
    const total = queue.size;
    this.logger.info({ due: total }, 'poll cycle started');
    this.events.emit('progress', { task: 'poll-cycle', done, total });
    // Politeness per host is the fetcher's (FetchScheduler); the queue hands each worker a source of a
    // host that is free, so that no worker waits for a host while others could be polled.
    const worker = async (): Promise<void> => {
      for (let next = queue.take(); next !== null; next = queue.take()) {
        if ('waitMs' in next) {
          await queue.wait(next.waitMs);
          continue;
        }
        const id = next.id;
        await this.pollOnce(id).catch((err: unknown) => this.logger.error({ sourceId: id, err: String(err) }, 'poll crashed'));
        done++;
        this.events.emit('progress', { task: 'poll-cycle', done, total });
        // Index as items come in, so search sees them promptly; drains are shared, not repeated.
        void this.afterPoll().catch((err: unknown) => this.logger.error({ err: String(err) }, 'after-poll work failed'));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 8, total) }, worker));
    await this.feeder.drain();
    this.logger.info({ polled: total }, 'poll cycle done');
    return total;
  }
}

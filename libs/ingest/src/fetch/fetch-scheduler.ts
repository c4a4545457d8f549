export interface FetchSchedulerOptions {
  /** Fetches in flight at once, over all hosts (default 8). */
  concurrency?: number;
  /** Quiet time between the end of one request to a host and the start of the next (default 1 s). */
  perHostGapMs?: number;
  /** Injected by tests; real time otherwise. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HostLane {
  /** Resolves when the previous task for this host has finished. */
  tail: Promise<void>;
  lastFinishedAt: number;
  pending: number;
}

/**
 * Politeness for many sources on few hosts: one request at a time per host with a gap between them,
 * and a global cap on concurrent fetches. A task waits for its host first and only then for a global
 * slot, so a busy host never holds slots that other hosts could use.
 */
export class FetchScheduler {
  private readonly concurrency: number;
  private readonly gapMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly lanes = new Map<string, HostLane>();
  private readonly waiting: (() => void)[] = [];
  private requestWaiters: (() => void)[] = [];
  private active = 0;

  constructor(options: FetchSchedulerOptions = {}) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
    this.gapMs = Math.max(0, options.perHostGapMs ?? 1000);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `task` for `url` once its host and a global slot are free. */
  async run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const key = hostKey(url);
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), lastFinishedAt: -Infinity, pending: 0 };
    this.lanes.set(key, lane);
    const previous = lane.tail;
    let release!: () => void;
    lane.tail = new Promise((resolve) => (release = resolve));
    lane.pending++;
    try {
      await previous;
      const wait = hostWaitMs(lane.lastFinishedAt, this.now(), this.gapMs);
      if (wait > 0) await this.sleep(wait);
      await this.acquire();
      try {
        return await task();
      } finally {
        this.releaseSlot();
      }
    } finally {
      lane.lastFinishedAt = this.now();
      lane.pending--;
      release();
      // An idle lane is kept for its lastFinishedAt while a gap applies; lanes number at most the
      // distinct hosts of the source list.
      if (lane.pending === 0 && this.gapMs === 0) this.lanes.delete(key);
      const waiting = this.requestWaiters;
      this.requestWaiters = [];
      for (const wake of waiting) wake();
    }
  }

  /** Resolves when the next request finishes: its host may be free again. */
  nextRequestDone(): Promise<void> {
    return new Promise((resolve) => this.requestWaiters.push(resolve));
  }

  /** Wraps a fetch function so that every call goes through the scheduler. */
  wrap<A extends unknown[], T>(fetch: (url: string, ...rest: A) => Promise<T>): (url: string, ...rest: A) => Promise<T> {
    return (url, ...rest) => this.run(url, () => fetch(url, ...rest));
  }

  get inFlight(): number {
    return this.active;
  }

  /** The politeness key of `url`: requests with the same key go one at a time. */
  hostOf(url: string): string {
    return hostKey(url);
  }

  /**
   * Milliseconds before a request to `url` could start without waiting for its host: 0 when the host
   * is free now, the rest of its gap after its last request, Infinity while it has one under way or
   * waiting. The poll scheduler hands a worker a source of a host that is free, so that no worker
   * waits for a host while others could be fetched.
   */
  readyIn(url: string): number {
    const lane = this.lanes.get(hostKey(url));
    if (!lane) return 0;
    if (lane.pending > 0) return Infinity;
    return hostWaitMs(lane.lastFinishedAt, this.now(), this.gapMs);
  }

  private acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** How long a request to a host must still wait so that `gapMs` separates it from the last one. */
export function hostWaitMs(lastFinishedAt: number, now: number, gapMs: number): number {
  return Math.max(0, lastFinishedAt + gapMs - now);
}

/** Politeness is per host and port: `news.example` and `www.news.example` are different servers. */
function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

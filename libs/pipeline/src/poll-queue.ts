/** What the fetcher's politeness (libs/ingest's FetchScheduler) tells the poll scheduler about hosts. */
export interface HostPoliteness {
  /** The politeness key of a URL: requests with the same key go one at a time. */
  hostOf(url: string): string;
  /** Milliseconds before a request to `url` could start without waiting: 0 when its host is free, Infinity while it is busy. */
  readyIn(url: string): number;
  /** Resolves when the next request finishes: its host may be free again. */
  nextRequestDone(): Promise<void>;
}

export interface DueSource {
  id: number;
  url: string;
}

/** A host's due sources, in due order, and the next to hand out. */
interface HostTurn {
  sources: DueSource[];
  next: number;
}

/**
 * The due sources of a poll cycle, handed to its workers host by host. A worker polls one source at
 * a time and the fetcher one request per host (with a quiet gap between two), so a worker handed a
 * source of a busy host would only wait, holding one of the cycle's few slots: behind a slow server, or
 * through the gaps of an outlet's thirty feeds, the whole cycle slowed to that host's pace. Here a
 * worker gets the longest-due source of a host that is free now (hosts take turns), waits only when
 * every host left is busy or resting, and then only until a request ends or a gap is over.
 *
 * The fetcher's politeness is the only record of which hosts are busy: a poll hands its request to the
 * fetcher as soon as it starts (`IngestCycle.poll` runs up to the fetch before it first waits), so the
 * host is busy before the worker could ask for another source, and free again once the request is
 * answered, while that poll is still prepared and stored. Should a poll ever reach the fetcher later,
 * two workers could be handed sources of one host; the fetcher would still take them one at a time.
 */
export class PollQueue {
  /** Hosts with sources left, in the order of their next turn: a host goes to the back when served. */
  private readonly turns = new Map<string, HostTurn>();
  private left = 0;

  /** Without `politeness` every source is a host of its own: handed out in due order. */
  constructor(
    sources: readonly DueSource[],
    private readonly politeness: HostPoliteness | null,
  ) {
    for (const source of sources) {
      // A URL without a host (a demo source's `demo:` URL, fetched from our own server) is its own.
      const host = politeness?.hostOf(source.url) || `source ${source.id}`;
      const turn = this.turns.get(host);
      if (turn) turn.sources.push(source);
      else this.turns.set(host, { sources: [source], next: 0 });
      this.left += 1;
    }
  }

  /** Sources not handed out yet. */
  get size(): number {
    return this.left;
  }

  /**
   * The next source to poll (start it before asking again); else how long to wait before asking again
   * ({@link wait}; Infinity: until a request ends); null when none are left.
   */
  take(): DueSource | { waitMs: number } | null {
    if (this.turns.size === 0) return null;
    let waitMs = Infinity;
    for (const [host, turn] of this.turns) {
      const source = turn.sources[turn.next] as DueSource;
      const ready = this.politeness?.readyIn(source.url) ?? 0;
      if (ready > 0) {
        waitMs = Math.min(waitMs, ready);
        continue;
      }
      turn.next += 1;
      this.turns.delete(host);
      if (turn.next < turn.sources.length) this.turns.set(host, turn);
      this.left -= 1;
      return source;
    }
    return { waitMs };
  }

  /** Resolves when the fetcher's next request ends, or after `ms` if that comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === Infinity ? undefined : setTimeout(resolve, ms);
      void this.politeness?.nextRequestDone().then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

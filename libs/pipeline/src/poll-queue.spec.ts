import { describe, expect, it } from 'vitest';
import { type DueSource, type HostPoliteness, PollQueue } from './poll-queue.js';

const source = (id: number, host: string): DueSource => ({ id, url: `https://${host}/feed/${id}.xml` });

/**
 * Politeness by the URL's host as a fetcher would keep it: a host handed out is busy until the test
 * ends its request; a host's remaining gap is what the test sets.
 */
function politeness() {
  const busy = new Set<string>();
  const gaps: Record<string, number> = {};
  let waiting: (() => void)[] = [];
  const hosts: HostPoliteness = {
    hostOf: (url) => new URL(url).host,
    readyIn: (url) => (busy.has(new URL(url).host) ? Infinity : (gaps[new URL(url).host] ?? 0)),
    nextRequestDone: () => new Promise((resolve) => waiting.push(resolve)),
  };
  const end = (host: string): void => {
    busy.delete(host);
    const wake = waiting;
    waiting = [];
    for (const w of wake) w();
  };
  return { hosts, busy, gaps, end };
}

/** Takes sources until none is free now, starting each (its host busy), as that many workers would. */
function takeFree(queue: PollQueue, busy: Set<string> | null): (number | { waitMs: number })[] {
  const out: (number | { waitMs: number })[] = [];
  for (let next = queue.take(); next !== null; next = queue.take()) {
    if ('waitMs' in next) return [...out, next];
    busy?.add(new URL(next.url).host);
    out.push(next.id);
  }
  return out;
}

describe('PollQueue', () => {
  it('hands out one source per free host, hosts taking turns in due order', () => {
    const p = politeness();
    const queue = new PollQueue([source(1, 'a.test'), source(2, 'a.test'), source(3, 'a.test'), source(4, 'b.test'), source(5, 'c.test'), source(6, 'b.test')], p.hosts);
    // One source of each host; then all that are left belong to busy hosts: wait for a request to end.
    expect(takeFree(queue, p.busy)).toEqual([1, 4, 5, { waitMs: Infinity }]);
    p.end('c.test');
    expect(queue.take()).toEqual({ waitMs: Infinity });
    p.end('b.test');
    p.end('a.test');
    // a.test had its turn before b.test, so it comes first again.
    expect(takeFree(queue, p.busy)).toEqual([2, 6, { waitMs: Infinity }]);
    p.end('a.test');
    expect(takeFree(queue, p.busy)).toEqual([3]);
    expect(queue.size).toBe(0);
  });

  it('skips a host in its quiet gap, and says how long until the first is free', () => {
    const p = politeness();
    p.gaps['a.test'] = 700;
    p.gaps['b.test'] = 300;
    const queue = new PollQueue([source(1, 'a.test'), source(2, 'b.test'), source(3, 'c.test')], p.hosts);
    expect(takeFree(queue, p.busy)).toEqual([3, { waitMs: 300 }]);
    p.gaps['b.test'] = 0;
    expect(takeFree(queue, p.busy)).toEqual([2, { waitMs: 700 }]);
  });

  it('wakes a waiting worker when a request ends, or when its wait is over', async () => {
    const p = politeness();
    p.busy.add('a.test'); // a poll asked for from the API
    const queue = new PollQueue([source(1, 'a.test')], p.hosts);
    expect(queue.take()).toEqual({ waitMs: Infinity });
    let woken = false;
    const waiting = queue.wait(Infinity).then(() => (woken = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woken).toBe(false);
    p.end('a.test');
    await waiting;
    expect(queue.take()).toMatchObject({ id: 1 });
    await queue.wait(10);
  });

  it('without politeness hands every source out in due order, and a URL without a host is a host of its own', () => {
    expect(takeFree(new PollQueue([source(2, 'a.test'), source(1, 'a.test')], null), null)).toEqual([2, 1]);
    const p = politeness();
    const demo = new PollQueue([{ id: 7, url: 'demo:/feeds/a.xml' }, { id: 8, url: 'demo:/feeds/b.xml' }], p.hosts);
    expect(takeFree(demo, null)).toEqual([7, 8]);
  });
});

import { describe, expect, it } from 'vitest';
import { type DueSource, type HostPoliteness, PollQueue } from './poll-queue.js';

const source = (id: number, host: string): DueSource => ({ id, url: `https://${host}/feed/${id}.xml` });

/** Politeness by the URL's host, with the wait of each host as the test sets it, and the end of a request when the test says. */
function politeness(readyIn: Record<string, number> = {}): HostPoliteness & { requestDone(): void } {
  let waiting: (() => void)[] = [];
  return {
    hostOf: (url) => new URL(url).host,
    readyIn: (url) => readyIn[new URL(url).host] ?? 0,
    nextRequestDone: () => new Promise((resolve) => waiting.push(resolve)),
    requestDone: () => {
      const wake = waiting;
      waiting = [];
      for (const w of wake) w();
    },
  };
}

/** Takes sources until the queue has none free now, as that many workers would. */
function takeAll(queue: PollQueue): ({ id: number; host: string } | { waitMs: number })[] {
  const out: ({ id: number; host: string } | { waitMs: number })[] = [];
  for (let next = queue.take(); next !== null; next = queue.take()) {
    if ('waitMs' in next) return [...out, next];
    out.push({ id: next.source.id, host: next.host });
  }
  return out;
}

describe('PollQueue', () => {
  it('hands out one source per host at a time, hosts taking turns in due order', () => {
    const queue = new PollQueue([source(1, 'a.test'), source(2, 'a.test'), source(3, 'a.test'), source(4, 'b.test'), source(5, 'c.test'), source(6, 'b.test')], politeness());
    // Every host is taken once; then all that are left belong to taken hosts: wait for a release.
    expect(takeAll(queue)).toEqual([{ id: 1, host: 'a.test' }, { id: 4, host: 'b.test' }, { id: 5, host: 'c.test' }, { waitMs: Infinity }]);
    queue.release('c.test');
    expect(queue.take()).toEqual({ waitMs: Infinity });
    queue.release('a.test');
    queue.release('b.test');
    // a.test had its turn before b.test, so it comes first again.
    expect(takeAll(queue)).toEqual([{ id: 2, host: 'a.test' }, { id: 6, host: 'b.test' }, { waitMs: Infinity }]);
    queue.release('a.test');
    expect(takeAll(queue)).toEqual([{ id: 3, host: 'a.test' }]);
    expect(queue.size).toBe(0);
  });

  it('skips a host in its quiet gap, and says how long until the first is free', () => {
    const readyIn: Record<string, number> = { 'a.test': 700, 'b.test': 300 };
    const queue = new PollQueue([source(1, 'a.test'), source(2, 'b.test'), source(3, 'c.test')], politeness(readyIn));
    expect(takeAll(queue)).toEqual([{ id: 3, host: 'c.test' }, { waitMs: 300 }]);
    readyIn['b.test'] = 0;
    expect(takeAll(queue)).toEqual([{ id: 2, host: 'b.test' }, { waitMs: 700 }]);
  });

  it('waits for the end of a request to a host busy outside the queue (a poll asked for from the API)', async () => {
    const readyIn: Record<string, number> = { 'a.test': Infinity };
    const hosts = politeness(readyIn);
    const queue = new PollQueue([source(1, 'a.test')], hosts);
    expect(queue.take()).toEqual({ waitMs: Infinity });
    let woken = false;
    const waiting = queue.wait(Infinity).then(() => (woken = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woken).toBe(false);
    readyIn['a.test'] = 0;
    hosts.requestDone();
    await waiting;
    expect(queue.take()).toMatchObject({ source: { id: 1 } });
  });

  it('without politeness hands every source out in due order, and a URL without a host is a host of its own', () => {
    expect(takeAll(new PollQueue([source(2, 'a.test'), source(1, 'a.test')], null)).map((t) => ('id' in t ? t.id : t))).toEqual([2, 1]);
    const demo = new PollQueue([{ id: 7, url: 'demo:/feeds/a.xml' }, { id: 8, url: 'demo:/feeds/b.xml' }], politeness());
    expect(takeAll(demo)).toEqual([{ id: 7, host: 'source 7' }, { id: 8, host: 'source 8' }]);
  });

  it('wakes a waiting worker at a release, or when its wait is over', async () => {
    const queue = new PollQueue([source(1, 'a.test'), source(2, 'a.test')], politeness());
    const first = queue.take();
    if (first === null || 'waitMs' in first) throw new Error('the first source was not handed out');
    let woken = false;
    const waiting = queue.wait(Infinity).then(() => (woken = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woken).toBe(false);
    queue.release(first.host);
    await waiting;
    expect(queue.take()).toMatchObject({ source: { id: 2 } });
    await queue.wait(10);
  });
});

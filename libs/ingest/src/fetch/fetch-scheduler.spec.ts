import { describe, expect, it } from 'vitest';
import { FetchScheduler, hostWaitMs } from './fetch-scheduler.js';

/** A task that stays in flight until the test lets it go, recording how many ran at once. */
function gate() {
  const releases: (() => void)[] = [];
  const inFlight = new Map<string, number>();
  let total = 0;
  let peakTotal = 0;
  const peakPerHost = new Map<string, number>();
  const task = (host: string) => async () => {
    total++;
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    peakTotal = Math.max(peakTotal, total);
    peakPerHost.set(host, Math.max(peakPerHost.get(host) ?? 0, inFlight.get(host) ?? 0));
    await new Promise<void>((resolve) => releases.push(resolve));
    total--;
    inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    return host;
  };
  /** Lets every waiting task finish, over and over, until nothing is waiting. */
  const drain = async (all: Promise<unknown>) => {
    let done = false;
    void all.then(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.splice(0).forEach((r) => r());
    }
  };
  return { task, drain, peak: () => ({ total: peakTotal, perHost: peakPerHost }) };
}

describe('FetchScheduler', () => {
  it('says when a host is free: now, after its gap, or not while a request to it is under way; and when a request ends', async () => {
    let clock = 1000;
    const scheduler = new FetchScheduler({ perHostGapMs: 1000, now: () => clock });
    expect(scheduler.hostOf('https://News.Example:8443/feed')).toBe('news.example:8443');
    expect(scheduler.readyIn('https://a.example/1')).toBe(0);
    let answer!: () => void;
    const running = scheduler.run('https://a.example/1', () => new Promise<void>((resolve) => (answer = resolve)));
    expect(scheduler.readyIn('https://a.example/2')).toBe(Infinity);
    expect(scheduler.readyIn('https://b.example/1')).toBe(0);
    let ended = false;
    const end = scheduler.nextRequestDone().then(() => (ended = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    clock += 300;
    answer();
    await running;
    await end;
    clock += 400;
    expect(scheduler.readyIn('https://a.example/2')).toBe(600);
  });

  it('keeps to the global limit and to one request at a time per host', async () => {
    const scheduler = new FetchScheduler({ concurrency: 3, perHostGapMs: 0 });
    const g = gate();
    const hosts = ['a.example', 'b.example', 'c.example', 'd.example', 'e.example'];
    const runs = hosts.flatMap((h) => [1, 2, 3].map((i) => scheduler.run(`https://${h}/feed/${i}`, g.task(h))));
    const all = Promise.all(runs);
    await g.drain(all);
    expect(await all).toEqual(hosts.flatMap((h) => [h, h, h]));
    expect(g.peak().total).toBe(3);
    expect([...g.peak().perHost.values()].every((n) => n === 1)).toBe(true);
    expect(scheduler.inFlight).toBe(0);
  });

  it('waits the gap between two requests to one host, and not across hosts', async () => {
    let clock = 1000;
    const waits: number[] = [];
    const scheduler = new FetchScheduler({
      perHostGapMs: 1000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    await scheduler.run('https://a.example/1', async () => (clock += 200));
    await scheduler.run('https://b.example/1', async () => undefined);
    await scheduler.run('https://a.example/2', async () => undefined);
    expect(waits).toEqual([1000]);
  });

  it('releases the host and the slot when a task fails', async () => {
    const scheduler = new FetchScheduler({ concurrency: 1, perHostGapMs: 0 });
    await expect(scheduler.run('https://a.example/', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(scheduler.run('https://a.example/', async () => 'ok')).resolves.toBe('ok');
  });

  it('wraps a fetch function', async () => {
    const scheduler = new FetchScheduler({ perHostGapMs: 0 });
    const wrapped = scheduler.wrap(async (url: string, n: number) => `${url}#${n}`);
    await expect(wrapped('https://a.example/', 2)).resolves.toBe('https://a.example/#2');
  });
});

describe('hostWaitMs', () => {
  it('is what remains of the gap, never negative', () => {
    expect(hostWaitMs(1000, 1300, 1000)).toBe(700);
    expect(hostWaitMs(1000, 2500, 1000)).toBe(0);
    expect(hostWaitMs(-Infinity, 0, 1000)).toBe(0);
  });
});

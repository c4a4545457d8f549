import type { CliCommand } from './command.js';
import { openRuntime, progressPrinter } from './runtime.js';

export const pollCommand: CliCommand = {
  async run(args) {
    const once = args.includes('--once');
    const sourceArg = args.indexOf('--source');
    // An option it does not know (`--help` included) must not start an endless polling loop.
    const unknown = args.find((a, i) => a !== '--once' && a !== '--source' && !(i > 0 && args[i - 1] === '--source'));
    if (unknown !== undefined) throw new Error(`usage: poll [--once] [--source ID] (unknown option: ${unknown})`);
    const runtime = await openRuntime({ polls: true });
    try {
      if (runtime.store.sources.demoSourceIds().length) await runtime.demo.start();
      const printer = progressPrinter('poll');
      runtime.events.on('progress', (p) => p.task === 'poll-cycle' && printer(p.done, p.total));
      if (sourceArg >= 0) {
        const id = Number(args[sourceArg + 1]);
        if (!Number.isInteger(id) || id < 1) throw new Error('--source needs a source id');
        process.stdout.write(JSON.stringify(await runtime.scheduler.pollNow(id)) + '\n');
        return 0;
      }
      // --once polls everything enabled now; without it, the loop polls what is due, like the server does.
      // "Everything" is a moment after every stored next poll time: times are compared as ISO strings, so
      // it must keep a four-digit year (the largest Date, +275760-…, sorts before every one of them).
      const tick = () => runtime.scheduler.tick(once ? new Date('9999-12-31T23:59:59.999Z') : new Date());
      if (once) {
        const n = await tick();
        const sources = runtime.store.sources.list();
        const failed = sources.filter((s) => s.lastStatus === 'error');
        process.stdout.write(JSON.stringify({ polled: n, failed: failed.map((s) => ({ id: s.id, name: s.name, error: s.lastError })), items: runtime.store.items.count() }) + '\n');
        return 0;
      }
      process.stderr.write('polling due sources every 5 s; Ctrl-C to stop\n');
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => void tick(), 5000);
        void tick();
        process.once('SIGINT', () => {
          clearInterval(timer);
          resolve();
        });
      });
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

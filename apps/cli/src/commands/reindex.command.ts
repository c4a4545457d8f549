import { toSearchDocument } from '@parallax/store';
import type { CliCommand } from './command.js';
import { openRuntime, progressPrinter } from './runtime.js';

export const reindexCommand: CliCommand = {
  async run() {
    const runtime = await openRuntime();
    try {
      const total = runtime.store.items.count();
      const printer = progressPrinter('reindex');
      await runtime.index.clear();
      let done = 0;
      for (const batch of runtime.store.items.iterate(1000)) {
        await runtime.index.upsert(batch.map(toSearchDocument));
        done += batch.length;
        printer(done, total);
      }
      if (total === 0) printer(0, 0);
      process.stdout.write(JSON.stringify({ indexed: done }) + '\n');
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

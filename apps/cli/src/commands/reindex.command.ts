import { rebuildIndex } from '@parallax/search';
import { toSearchDocument } from '@parallax/store';
import type { CliCommand } from './command.js';
import { openRuntime, progressPrinter } from './runtime.js';

export const reindexCommand: CliCommand = {
  async run() {
    const runtime = await openRuntime();
    try {
      const total = runtime.store.items.count();
      const printer = progressPrinter('reindex');
      // Meilisearch builds a second index and swaps it in, so search stays up during the rebuild;
      // the embedded index is cleared and refilled.
      const batches = (function* () {
        for (const batch of runtime.store.items.iterate(1000)) yield batch.map(toSearchDocument);
      })();
      const done = await rebuildIndex(runtime.index, batches, (n) => printer(n, total));
      if (total === 0) printer(0, 0);
      process.stdout.write(JSON.stringify({ indexed: done }) + '\n');
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

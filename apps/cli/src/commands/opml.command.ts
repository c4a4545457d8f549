import fs from 'node:fs';
import { toOpml } from '@parallax/ingest';
import { importOpml } from '@parallax/pipeline';
import type { CliCommand } from './command.js';
import { openRuntime, progressPrinter } from './runtime.js';

export const importOpmlCommand: CliCommand = {
  async run(args) {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) throw new Error('usage: import-opml <file>');
    const kindArg = args.indexOf('--kind');
    const kind = kindArg >= 0 ? args[kindArg + 1] : 'media';
    const text = fs.readFileSync(file, 'utf8');
    const runtime = await openRuntime();
    try {
      const printer = progressPrinter('import');
      const result = importOpml(runtime.store, text, { kind: kind === 'official' ? 'official' : 'media', allowPrivate: runtime.options.allowPrivateSources }, printer);
      process.stdout.write(JSON.stringify(result) + '\n');
      return result.errors.length ? 1 : 0;
    } finally {
      await runtime.close();
    }
  },
};

export const exportOpmlCommand: CliCommand = {
  async run() {
    const runtime = await openRuntime();
    try {
      process.stdout.write(toOpml(runtime.store.sources.list().filter((s) => !s.demo)));
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

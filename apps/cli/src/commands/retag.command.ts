import type { CliCommand } from './command.js';
import { openRuntime, progressPrinter } from './runtime.js';

/**
 * `retag`: re-runs language, entity and stance tagging over every stored item with the current
 * gazetteer (custom entities included), re-clusters the stories and re-links the official denials.
 * Progress per phase on stderr; the summary, with the time of each phase, as JSON on stdout.
 */
export const retagCommand: CliCommand = {
  async run() {
    const runtime = await openRuntime();
    try {
      const printers = new Map<string, (done: number, total: number) => void>();
      runtime.events.on('progress', (p) => {
        if (p.task !== 'retag' || !p.detail || p.detail === 'done') return;
        let printer = printers.get(p.detail);
        if (!printer) {
          printer = progressPrinter(`retag ${p.detail}`);
          printers.set(p.detail, printer);
        }
        printer(p.done, p.total);
      });
      const result = await runtime.retag.run();
      await runtime.feeder.drain();
      process.stdout.write(JSON.stringify(result) + '\n');
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

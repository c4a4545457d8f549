import { loadEnvironment, Runtime, type Logger } from '@parallax/pipeline';

/**
 * Opens the same back end the API runs, on the data directory of the environment (MONITOR_DATA_DIR).
 * Preparation threads (MONITOR_INGEST_THREADS) start only for a command that `polls`: for the others
 * they would build a whole enricher each, and some 250 MB, for nothing.
 */
export function openRuntime(use: { polls?: boolean } = {}): Promise<Runtime> {
  const env = loadEnvironment();
  return Runtime.open({ ...env, ingestThreads: use.polls ? env.ingestThreads : 0, logger: stderrLogger(env.logLevel === 'debug' ? 'debug' : 'warn') });
}

/** Log lines as JSON on stderr, so stdout stays the command's output. */
function stderrLogger(min: 'debug' | 'warn'): Logger {
  const write = (level: string) => (obj: object, msg?: string) => process.stderr.write(JSON.stringify({ level, time: new Date().toISOString(), msg, ...obj }) + '\n');
  const none = () => {};
  return { debug: min === 'debug' ? write('debug') : none, info: min === 'debug' ? write('info') : none, warn: write('warn'), error: write('error') };
}

/** A progress line on stderr that rewrites itself on a terminal and prints sparsely otherwise. */
export function progressPrinter(label: string): (done: number, total: number) => void {
  let lastPrinted = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (pct >= lastPrinted + 10 || done === total) {
      lastPrinted = pct;
      process.stderr.write(`${label}: ${done}/${total} (${pct}%)\n`);
    }
  };
}

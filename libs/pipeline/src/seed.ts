import fs from 'node:fs';
import path from 'node:path';
import { CreateSourceSchema } from '@parallax/domain';
import type { Store } from '@parallax/store';
import type { DemoFeedServer } from './demo-feed-server.js';
import type { Logger } from './logger.js';

export type SeedMode = 'defaults' | 'demo' | 'none';

const SEEDED = 'seeded';

/**
 * What an empty data directory starts with (MONITOR_SEED): the shipped list of real sources, the bundled
 * demo workspace, or nothing. Runs once per data directory; removing the seeded sources later sticks.
 */
export function seedIfEmpty(o: { store: Store; seedDir: string; modes: SeedMode[]; demo: DemoFeedServer; logger: Logger }): { defaults: number; demo: number } {
  const counts = { defaults: 0, demo: 0 };
  if (o.store.getSetting(SEEDED) || o.store.sources.list().length > 0) return counts;
  if (o.modes.includes('defaults')) {
    const file = path.join(o.seedDir, 'sources.default.json');
    const entries = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[]) : [];
    for (const entry of entries) {
      const parsed = CreateSourceSchema.safeParse(entry);
      if (!parsed.success || o.store.sources.findByUrl(parsed.data.url)) {
        o.logger.warn({ entry, issues: parsed.error?.issues }, 'default source skipped');
        continue;
      }
      o.store.sources.create(parsed.data);
      counts.defaults++;
    }
  }
  if (o.modes.includes('demo')) counts.demo = addDemoSources(o.store, o.demo);
  o.store.setSetting(SEEDED, new Date().toISOString());
  o.logger.info(counts, 'data directory seeded');
  return counts;
}

/** Registers the demo workspace's sources (flagged demo, `demo:` URLs served by the demo feed server). */
export function addDemoSources(store: Store, demo: DemoFeedServer): number {
  let n = 0;
  for (const m of demo.manifest()) {
    const url = `demo:${m.file}`;
    if (store.sources.findByUrl(url)) continue;
    store.sources.create({
      name: m.name,
      url,
      kind: m.kind,
      type: m.type,
      language: m.language ?? null,
      country: m.country ?? null,
      pollIntervalSeconds: 86_400,
      enabled: true,
      selectors: m.selectors ?? null,
      tags: ['demo'],
      demo: true,
    });
    n++;
  }
  return n;
}

/** Removes every demo source and its items in one step; returns the ids of the items removed. */
export function removeDemoSources(store: Store): number[] {
  return store.sources.demoSourceIds().flatMap((id) => store.sources.delete(id));
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityRef } from '@parallax/domain';
import { SqliteFtsIndex } from '@parallax/search';
import { type NewItem, Store } from '@parallax/store';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexFeeder } from '../index-feeder.js';
import type { Logger } from '../logger.js';
import { PipelineEvents } from '../pipeline-events.js';
import { StoryAssigner } from './story-assigner.js';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const E = (qid: string, name: string): EntityRef => ({ qid, name });
const CHINA = E('Q148', 'China');
const RUSSIA = E('Q159', 'Russia');
const UKRAINE = E('Q212', 'Ukraine');
const OLYMPICS = E('Q115108', 'Beijing 2022 Winter Olympics');

let dir = '';
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function parts(file: string) {
  const store = Store.open(file);
  const index = new SqliteFtsIndex({ path: path.join(dir, 'search.db'), resolveEntity: () => [] });
  const feeder = new IndexFeeder(store, index, quiet);
  const assigner = new StoryAssigner({ store, events: new PipelineEvents(), logger: quiet, feeder });
  open.push({ close: async () => (await assigner.close(), await index.close(), store.close()) });
  return { store, index, assigner };
}

let n = 0;
function newItem(sourceId: number, language: string, publishedAt: string, title: string, entities: EntityRef[], stance: { denial?: boolean; text?: string } = {}): NewItem {
  n += 1;
  return {
    guid: `g${n}`,
    url: `https://news.example/${n}`,
    title,
    summary: stance.text ?? null,
    contentText: stance.text ?? null,
    contentHtml: null,
    author: null,
    publishedAt,
    language,
    entities,
    denial: stance.denial ?? false,
    mentionsDenial: false,
    sourceId,
    fetchedAt: '2022-02-05T00:00:00.000Z',
    contentHash: `h${n}`,
    simhash: '0000000000000000',
    duplicateOf: null,
  };
}

describe('StoryAssigner', () => {
  it('places items left in the story outbox by a crash, across languages, and their storyId reaches search', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-stories-'));
    const file = path.join(dir, 'parallax.db');
    const first = Store.open(file);
    const en = first.sources.create({ name: 'The Harbour Times', url: 'https://harbour.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const zh = first.sources.create({ name: '环球观察网', url: 'https://zh.example/feed', kind: 'media', type: 'feed', language: 'zh', pollIntervalSeconds: 900, enabled: true });
    const report = first.items.insertIfNew(newItem(en.id, 'en', '2022-02-04T00:30:00.000Z', 'China asked Russia to delay Ukraine invasion until after Olympics', [CHINA, RUSSIA, UKRAINE, OLYMPICS]));
    const copy = first.items.insertIfNew(newItem(zh.id, 'zh', '2022-02-04T01:10:00.000Z', '美媒：中方曾要求俄方在冬奥会结束前不要入侵乌克兰', [CHINA, RUSSIA, UKRAINE, OLYMPICS]));
    // The process dies here: items committed with their outbox rows, nothing clustered yet.
    first.close();

    const { store, index, assigner } = parts(file);
    expect(assigner.pending()).toBe(2);
    expect(await assigner.drain()).toBe(2);
    expect(assigner.pending()).toBe(0);
    const ids = [report, copy].map((o) => (o.status === 'new' ? o.id : 0));
    const stories = ids.map((id) => store.items.get(id).storyId);
    expect(stories[0]).not.toBeNull();
    expect(stories[1]).toBe(stories[0]);
    const hits = await index.search({ q: '', sort: 'newest', limit: 10, offset: 0 });
    expect(hits.hits.map((h) => h.storyId)).toEqual([stories[0], stories[0]]);
    // Placed items are counted once in the rarity weights, which survive a restart.
    expect(assigner.stats.documents).toBe(2);
    expect(assigner.repo.termStats().documents).toBe(2);
    expect(await assigner.drain()).toBe(0);
  });

  it('links an official denial naming the outlet to the story it rejects', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-stories-'));
    const { store, assigner } = parts(path.join(dir, 'parallax.db'));
    const en = store.sources.create({ name: 'The Harbour Times', url: 'https://harbour.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const mfa = store.sources.create({ name: 'Foreign Ministry', url: 'https://mfa.example/feed', kind: 'official', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const other = store.items.insertIfNew(newItem(en.id, 'en', '2022-02-03T12:00:00.000Z', 'Brazil raises interest rates', [E('Q155', 'Brazil')]));
    const report = store.items.insertIfNew(newItem(en.id, 'en', '2022-02-04T00:30:00.000Z', 'China asked Russia to delay Ukraine invasion until after Olympics', [CHINA, RUSSIA, UKRAINE, OLYMPICS]));
    await assigner.drain();
    const denial = store.items.insertIfNew(
      newItem(mfa.id, 'en', '2022-02-04T09:10:00.000Z', 'Remarks on a report by The Harbour Times', [CHINA, RUSSIA, UKRAINE, OLYMPICS], {
        denial: true,
        text: 'The report by The Harbour Times that China asked Russia to delay an invasion of Ukraine until after the Olympics is pure fake news.',
      }),
    );
    await assigner.drain();
    const storyOf = (o: typeof report) => store.items.get(o.status === 'new' ? o.id : 0).storyId as number;
    const denialId = denial.status === 'new' ? denial.id : 0;
    const links = assigner.repo.linksOfDenials([denialId]);
    expect(links.map((l) => l.storyId)).toEqual([storyOf(report)]);
    expect(links[0]?.reasons.join(' ')).toMatch(/names The Harbour Times/);
    expect(storyOf(other)).not.toBe(storyOf(report));
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityRef } from '@parallax/domain';
import { SqliteFtsIndex } from '@parallax/search';
import { type NewItem, Store, storedItem } from '@parallax/store';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexFeeder } from '../index-feeder.js';
import type { Logger } from '../logger.js';
import { PipelineEvents } from '../pipeline-events.js';
import { StoryAssigner } from './story-assigner.js';
import { storyTerms } from './story-terms.js';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const E = (qid: string, name: string): EntityRef => ({ qid, name });
const CHINA = E('Q148', 'China');
const RUSSIA = E('Q159', 'Russia');
const UKRAINE = E('Q212', 'Ukraine');
const OLYMPICS = E('Q115108', 'Beijing 2022 Winter Olympics');
const JAPAN = E('Q17', 'Japan');

let dir = '';
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function parts(file: string, options: { foldStatsAfter?: number; batchSize?: number } = {}) {
  const store = Store.open(file);
  const index = new SqliteFtsIndex({ path: path.join(dir, 'search.db'), resolveEntity: () => [] });
  const feeder = new IndexFeeder(store, index, quiet);
  const events = new PipelineEvents();
  const assigner = new StoryAssigner({ store, events, logger: quiet, feeder, ...options });
  open.push({ close: async () => (await assigner.close(), await index.close(), store.close()) });
  return { store, index, assigner, events };
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

  it('links a long briefing through the answer that denies, not through its other topics, and links nothing below the floor', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-stories-'));
    const { store, assigner } = parts(path.join(dir, 'parallax.db'));
    const en = store.sources.create({ name: 'The Harbour Times', url: 'https://harbour.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const sport = store.sources.create({ name: 'Rink Weekly', url: 'https://rink.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const mfa = store.sources.create({ name: 'Foreign Ministry', url: 'https://mfa.example/feed', kind: 'official', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const skating = [0, 1, 2].map((k) =>
      store.items.insertIfNew(newItem(sport.id, 'en', `2022-02-0${3 + (k > 1 ? 1 : 0)}T0${k + 1}:00:00.000Z`, `Figure skating: team event standings after the short programme, day ${k + 1}`, [RUSSIA, JAPAN, OLYMPICS])),
    );
    const report = store.items.insertIfNew(newItem(en.id, 'en', '2022-02-04T00:30:00.000Z', 'China asked Russia to delay Ukraine invasion until after Olympics', [CHINA, RUSSIA, UKRAINE, OLYMPICS]));
    await assigner.drain();
    const briefing = (day: string, answer: string[]) =>
      [
        'Foreign Ministry Spokesperson’s Regular Press Conference.',
        'Question: The Russian and Japanese figure skating teams lead the team event at the Beijing Olympics. Will Chinese officials attend the final?',
        'Answer: We wish skaters from Russia, Japan and all countries good results on the ice at the Olympics.',
        'Question: Trade between China and Brazil grew last year. Do you have a comment?',
        'Answer: Trade cooperation brings benefits to both peoples.',
        ...answer,
        'Question: Can you confirm the schedule of the Minister’s visit to Indonesia?',
        'Answer: We will release information in due course.',
      ].join('\n') + day;
    const insertBriefing = (at: string, answer: string[]) => {
      const text = briefing('', answer);
      const o = store.items.insertIfNew(newItem(mfa.id, 'en', at, 'Foreign Ministry Spokesperson’s Regular Press Conference', [CHINA, RUSSIA, UKRAINE, JAPAN, OLYMPICS], { denial: true, text }));
      return o.status === 'new' ? o.id : 0;
    };
    const denies = insertBriefing('2022-02-04T09:10:00.000Z', [
      'Question: The Harbour Times reported that Chinese officials asked Russia to delay an invasion of Ukraine until after the Olympics. What is your response?',
      'Answer: The report is pure fake news.',
      'China’s position on the Ukraine issue is consistent.',
    ]);
    const deniesElse = insertBriefing('2022-02-04T10:10:00.000Z', ['Question: A blogger says the Minister will resign. Is that true?', 'Answer: The claim is a groundless rumour.']);
    await assigner.drain();
    const storyOf = (o: (typeof skating)[number]) => store.items.get(o.status === 'new' ? o.id : 0).storyId as number;
    expect(new Set(skating.map(storyOf)).has(storyOf(report))).toBe(false);

    const links = assigner.repo.linksOfDenials([denies]);
    expect(links.map((l) => l.storyId)).toEqual([storyOf(report)]);
    expect(links[0]?.reasons[0]).toMatch(/denying passage/);
    // The briefing's other answers share Russia, Japan and the Olympics with the skating story; its
    // denial is of a rumour no story carries, so it links to nothing.
    expect(assigner.repo.linksOfDenials([deniesElse])).toEqual([]);
  });

  it('places new items together once they settle, and on close places those still settling', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-stories-'));
    const { store, index, assigner, events } = parts(path.join(dir, 'parallax.db'));
    const en = store.sources.create({ name: 'The Harbour Times', url: 'https://harbour.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const fr = store.sources.create({ name: 'La Vigie', url: 'https://vigie.example/feed', kind: 'media', type: 'feed', language: 'fr', pollIntervalSeconds: 900, enabled: true });
    const idOf = (o: ReturnType<typeof store.items.insertIfNew>) => (o.status === 'new' ? o.id : 0);
    const storyOf = (id: number) => store.items.get(id).storyId;
    // Two polls finish one after the other: their items wait for each other and are placed in one drain.
    const first = idOf(store.items.insertIfNew(newItem(en.id, 'en', '2022-02-04T00:30:00.000Z', 'China asked Russia to delay Ukraine invasion until after Olympics', [CHINA, RUSSIA, UKRAINE, OLYMPICS])));
    events.emit('item', store.items.get(first));
    const settled = assigner.drainSoon();
    expect(storyOf(first)).toBeNull();
    const second = idOf(store.items.insertIfNew(newItem(fr.id, 'fr', '2022-02-04T02:00:00.000Z', 'La Chine a demandé à la Russie de retarder l’invasion après les JO', [CHINA, RUSSIA, UKRAINE, OLYMPICS])));
    events.emit('item', store.items.get(second));
    expect(await settled).toBe(2);
    expect(storyOf(second)).toBe(storyOf(first));
    expect((await index.search({ q: '', sort: 'newest', limit: 10, offset: 0 })).hits.map((h) => h.storyId)).toEqual([storyOf(first), storyOf(first)]);

    // Shutting down while an item settles places it rather than leaving it to the next start.
    const third = idOf(store.items.insertIfNew(newItem(en.id, 'en', '2022-02-04T03:00:00.000Z', 'Brazil raises interest rates', [E('Q155', 'Brazil')])));
    events.emit('item', store.items.get(third));
    await assigner.close();
    expect(storyOf(third)).not.toBeNull();
    expect(assigner.pending()).toBe(0);
  });

  it('folds term frequencies from the totals it kept, so that a restart weighs terms as the running assigner does', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-stories-'));
    const file = path.join(dir, 'parallax.db');
    const { store, assigner } = parts(file, { foldStatsAfter: 7, batchSize: 3 });
    const en = store.sources.create({ name: 'The Harbour Times', url: 'https://harbour.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const subjects = [[CHINA, RUSSIA], [JAPAN, CHINA], [UKRAINE, RUSSIA, OLYMPICS], [E('Q155', 'Brazil')]];
    for (let i = 0; i < 20; i++) {
      const entities = subjects[i % subjects.length] as EntityRef[];
      store.items.insertIfNew(newItem(en.id, 'en', `2022-02-0${1 + (i % 7)}T0${i % 10}:00:00.000Z`, `Report ${i} on ${entities.map((e) => e.name).join(' and ')} talks`, entities));
    }
    expect(await assigner.drain()).toBe(20);
    // Batches of at most 3, folded once 7 items wait: some folded, the last ones still in their batch rows.
    const unfolded = assigner.repo.unfoldedTotals();
    expect(unfolded.documents).toBeGreaterThan(0);
    expect(unfolded.documents).toBeLessThan(7);
    const running = assigner.stats.toJSON();
    // What a restart loads: the folded table plus the batches not yet folded.
    const stored = assigner.repo.termStats();
    expect(stored.documents).toBe(20);
    expect(stored).toEqual({ documents: running.documents, frequencies: running.frequencies });
  });

  it('places items handed over by the ingest cycle, with their terms, as it places them read back from the store', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-stories-'));
    const subjects: [string, EntityRef[]][] = [
      ['China asked Russia to delay the invasion of Ukraine until after the Olympics', [CHINA, RUSSIA, UKRAINE, OLYMPICS]],
      ['La Chine dément avoir demandé à la Russie de retarder l’invasion', [CHINA, RUSSIA, UKRAINE]],
      ['Japan and China hold talks on maritime security', [JAPAN, CHINA]],
      ['美媒称中方曾要求俄方推迟入侵乌克兰', [CHINA, RUSSIA, UKRAINE]],
      ['Brazil raises interest rates again', [E('Q155', 'Brazil')]],
    ];
    const run = async (name: string, handOver: boolean) => {
      const { store, assigner, events } = parts(path.join(dir, name), { batchSize: 7 });
      const reads = vi.spyOn(assigner.repo, 'itemsToPlace');
      const sources = ['en', 'fr', 'zh'].map((language) =>
        store.sources.create({ name: `Outlet ${language}`, url: `https://${language}.example/feed`, kind: 'media', type: 'feed', language, pollIntervalSeconds: 900, enabled: true }),
      );
      for (let i = 0; i < 60; i++) {
        const [title, entities] = subjects[(i * 7) % subjects.length] as [string, EntityRef[]];
        const source = sources[i % sources.length]!;
        const summary = `Update ${i % 4}: ${title.toLowerCase()}`;
        const item: NewItem = { ...newItem(source.id, source.language ?? 'en', `2022-02-0${1 + (i % 3)}T${String(i % 24).padStart(2, '0')}:00:00.000Z`, title, entities), summary };
        // Terms as the preparation thread works them out, a word repeated (stored once).
        item.storyTerms = [...storyTerms(title, summary, item.language), 'update'];
        const outcome = store.items.insertIfNew(item);
        if (outcome.status !== 'new') throw new Error('not stored');
        if (handOver) events.emit('item', storedItem(outcome.id, item, source), item.storyTerms);
        if (i % 10 === 9) await assigner.drain();
      }
      await assigner.drain();
      const stories = store.db.prepare('SELECT id, story_id FROM items ORDER BY id').all();
      const readIds = reads.mock.calls.flatMap(([ids]) => ids);
      return { stories, stats: assigner.stats.toJSON(), stored: assigner.repo.termStats(), readIds };
    };
    const read = await run('read.db', false);
    const handed = await run('handed.db', true);
    expect(read.readIds).toHaveLength(60);
    expect(handed.readIds).toEqual([]);
    expect(handed.stories).toEqual(read.stories);
    expect(new Set(read.stories.map((r) => (r as { story_id: number }).story_id)).size).toBeGreaterThan(2);
    expect(handed.stats).toEqual(read.stats);
    expect(handed.stored).toEqual(read.stored);
  });

  it('forgets items handed over once a re-clustering may have placed them, and places nothing twice', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-stories-'));
    const { store, assigner, events } = parts(path.join(dir, 'parallax.db'));
    const en = store.sources.create({ name: 'The Harbour Times', url: 'https://harbour.example/feed', kind: 'media', type: 'feed', language: 'en', pollIntervalSeconds: 900, enabled: true });
    const store1 = (title: string, entities: EntityRef[]) => {
      const item = { ...newItem(en.id, 'en', '2022-02-04T00:30:00.000Z', title, entities), storyTerms: storyTerms(title, null, 'en') };
      const outcome = store.items.insertIfNew(item);
      if (outcome.status !== 'new') throw new Error('not stored');
      events.emit('item', storedItem(outcome.id, item, en), item.storyTerms);
      return outcome.id;
    };
    const first = store1('China asked Russia to delay Ukraine invasion until after Olympics', [CHINA, RUSSIA, UKRAINE, OLYMPICS]);
    expect(await assigner.drain()).toBe(1);
    const story = store.items.get(first).storyId;
    // An item stored while a re-clustering runs, which places it (as replaceClustering does).
    const during = await assigner.exclusive(() => {
      const id = store1('China asked Russia to wait until the Olympics ended', [CHINA, RUSSIA, OLYMPICS]);
      assigner.repo.replaceClustering([{ id: first, storyId: story! }, { id, storyId: story! }]);
      return id;
    });
    const stats = assigner.stats.toJSON();
    // Its story outbox entry is still there; it is not placed again.
    expect(assigner.pending()).toBe(1);
    expect(await assigner.drain()).toBe(0);
    expect(assigner.pending()).toBe(0);
    expect(store.items.get(during).storyId).toBe(story);
    expect(assigner.stats.toJSON()).toEqual(stats);

    // A hand-over that comes after its item was placed from the store leaves nothing to place.
    const late = { ...newItem(en.id, 'en', '2022-02-04T05:00:00.000Z', 'Brazil raises interest rates', [E('Q155', 'Brazil')]), storyTerms: ['brazil'] };
    const outcome = store.items.insertIfNew(late);
    if (outcome.status !== 'new') throw new Error('not stored');
    expect(await assigner.drain()).toBe(1);
    events.emit('item', storedItem(outcome.id, late, en), late.storyTerms);
    expect(await assigner.drain()).toBe(0);
  });
});

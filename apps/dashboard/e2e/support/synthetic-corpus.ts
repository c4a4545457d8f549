import { IndexFeeder, silentLogger } from '@parallax/pipeline';
import { SqliteFtsIndex } from '@parallax/search';
import { OUTBOX_MATCH_TOPIC, OUTBOX_STORY_TOPIC, Store } from '@parallax/store';
import path from 'node:path';

/**
 * A synthetic multilingual corpus written straight into a data directory through the libraries (store,
 * outbox, FTS index), as the pipeline would leave it, but without fetching or enriching: fast enough to
 * put 100,000 items behind the search page of a browser test.
 */
interface Language {
  code: string;
  outlets: string[];
  subjects: string[];
  verbs: string[];
  objects: string[];
}

const LANGUAGES: Language[] = [
  {
    code: 'en',
    outlets: ['Harbour Times', 'Evening Ledger', 'Capital Wire'],
    subjects: ['China', 'Russia', 'Ukraine', 'NATO', 'The United Nations', 'Beijing', 'Moscow', 'Kyiv'],
    verbs: ['rejects', 'discusses', 'warns about', 'denies reports on', 'signs a deal on', 'questions'],
    objects: ['the Olympics', 'grain exports', 'sanctions', 'border talks', 'energy prices', 'a ceasefire plan', 'the summit'],
  },
  {
    code: 'zh',
    outlets: ['东方日报', '华声报'],
    subjects: ['中国', '俄罗斯', '乌克兰', '北约', '联合国', '北京', '莫斯科'],
    verbs: ['否认', '讨论', '警告', '回应', '签署'],
    objects: ['冬奥会', '粮食出口', '制裁', '边境谈判', '能源价格', '停火方案', '峰会'],
  },
  {
    code: 'ru',
    outlets: ['Северный вестник', 'Вечерняя газета'],
    subjects: ['Китай', 'Россия', 'Украина', 'НАТО', 'ООН', 'Пекин', 'Москва'],
    verbs: ['опровергает', 'обсуждает', 'предупреждает о', 'комментирует', 'подписывает'],
    objects: ['Олимпиаду', 'экспорт зерна', 'санкции', 'переговоры о границе', 'цены на энергию', 'план перемирия', 'саммит'],
  },
  {
    code: 'uk',
    outlets: ['Київський кур’єр'],
    subjects: ['Китай', 'Росія', 'Україна', 'НАТО', 'ООН'],
    verbs: ['спростовує', 'обговорює', 'попереджає про', 'коментує'],
    objects: ['Олімпіаду', 'експорт зерна', 'санкції', 'переговори', 'ціни на енергію'],
  },
  {
    code: 'de',
    outlets: ['Nordstadt Bote'],
    subjects: ['China', 'Russland', 'die Ukraine', 'die NATO', 'die Vereinten Nationen'],
    verbs: ['dementiert', 'diskutiert', 'warnt vor', 'kommentiert'],
    objects: ['die Olympischen Spiele', 'Getreideexporte', 'Sanktionen', 'Grenzgespräche', 'Energiepreise'],
  },
];

const ENTITIES = [
  { qid: 'Q148', name: 'China' },
  { qid: 'Q159', name: 'Russia' },
  { qid: 'Q212', name: 'Ukraine' },
  { qid: 'Q7184', name: 'NATO' },
  { qid: 'Q1065', name: 'United Nations' },
];

/** A small deterministic generator (mulberry32), so every run stores the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeSyntheticCorpus(dataDir: string, count: number): Promise<{ items: number; indexed: number }> {
  const store = Store.open(Store.fileIn(dataDir));
  const index = new SqliteFtsIndex({ path: path.join(dataDir, 'search.db') });
  try {
    const rnd = random(20220204);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const sources = LANGUAGES.flatMap((lang) =>
      lang.outlets.map((name, i) => ({
        lang,
        id: store.sources.create({
          name,
          url: `https://${lang.code}${i}.example.org/feed.xml`,
          kind: 'media',
          type: 'feed',
          language: lang.code,
          country: null,
          pollIntervalSeconds: 3600,
          enabled: false,
        }).id,
      })),
    );
    const start = Date.parse('2021-01-01T00:00:00Z');
    const span = 2 * 365 * 86_400_000;
    const insertBatch = store.db.transaction((from: number, to: number) => {
      for (let n = from; n < to; n++) {
        const source = pick(sources);
        const l = source.lang;
        const title = `${pick(l.subjects)} ${pick(l.verbs)} ${pick(l.objects)}`;
        const summary = `${title}. ${pick(l.subjects)} ${pick(l.verbs)} ${pick(l.objects)}; ${pick(l.subjects)} ${pick(l.verbs)} ${pick(l.objects)}.`;
        const publishedAt = new Date(start + Math.floor(rnd() * span)).toISOString();
        const entities = ENTITIES.filter(() => rnd() < 0.3);
        store.items.insertIfNew({
          sourceId: source.id,
          guid: `synthetic-${n}`,
          url: `https://${l.code}.example.org/items/${n}`,
          title,
          summary,
          contentText: summary,
          contentHtml: null,
          author: null,
          publishedAt,
          fetchedAt: publishedAt,
          contentHash: `h${n}`,
          simhash: (n * 2654435761).toString(16).padStart(16, '0').slice(-16),
          duplicateOf: null,
          language: l.code,
          entities,
          denial: false,
          mentionsDenial: rnd() < 0.05,
        });
      }
    });
    for (let from = 0; from < count; from += 5000) insertBatch(from, Math.min(count, from + 5000));
    const indexed = await new IndexFeeder(store, index, silentLogger, { batchSize: 5000 }).drain();
    // Stored as a long-running server would hold it: story clustering and alert matching are done, so the
    // server starts idle and the browser measures search, not a backlog of 100,000 items being clustered.
    for (let batch = store.outbox.due([OUTBOX_STORY_TOPIC, OUTBOX_MATCH_TOPIC], 10_000); batch.length > 0; batch = store.outbox.due([OUTBOX_STORY_TOPIC, OUTBOX_MATCH_TOPIC], 10_000)) {
      store.outbox.ack(batch.map((e) => e.id));
    }
    return { items: store.items.count(), indexed };
  } finally {
    await index.close();
    store.close();
  }
}

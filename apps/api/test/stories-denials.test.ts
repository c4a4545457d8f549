import type { CompareResponse, DenialsResponse, RetagStatus, SearchResponse, StoriesResponse, StoryDetail } from '@parallax/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';
import { FeedFarm, rss } from './feed-farm.js';

/**
 * The reference story on loopback feeds: a report (en) and its coverage in zh, ru, uk and fr, an
 * official denial naming the outlet, outlets that report the denial and outlets that keep reporting
 * the claim without it, among unrelated news about other countries, as in a general news intake.
 */
const day = (d: number, hm: string) => new Date(`2022-02-${String(d).padStart(2, '0')}T${hm}:00Z`).toUTCString();
const item = (slug: string, d: number, hm: string, title: string, description: string) => ({ title, link: `https://news.example/${slug}`, date: day(d, hm), description });

const FEEDS: { path: string; name: string; kind: 'media' | 'official'; language: string; items: ReturnType<typeof item>[] }[] = [
  {
    path: '/harbour.xml',
    name: 'The Harbour Times',
    kind: 'media',
    language: 'en',
    items: [
      item('report', 4, '00:30', 'China Asked Russia to Delay Ukraine Invasion Until After Olympics, Officials Say', 'A Western intelligence report says senior Chinese officials asked their Russian counterparts not to start a war in Ukraine before the Beijing Winter Olympics end.'),
      item('denied', 4, '16:50', 'China Calls Report on Ukraine Request Fake News', 'China’s foreign ministry rejected the intelligence account about Russia and Ukraine as false, calling it fake news.'),
      item('brazil', 3, '12:00', 'Brazil Raises Interest Rates Again as Inflation Persists', 'The central bank of Brazil lifted its benchmark rate by a full point.'),
      item('exports', 4, '12:00', 'China Reports Record Exports for January', 'Customs data show exports from China rose sharply, led by electronics.'),
    ],
  },
  {
    path: '/zh.xml',
    name: '环球观察网',
    kind: 'media',
    language: 'zh',
    items: [
      item('zh-report', 4, '01:10', '美媒：中方曾要求俄方在冬奥会结束前不要入侵乌克兰', '美国媒体援引情报官员称，中国官员曾要求俄罗斯在北京冬奥会结束前不要对乌克兰采取军事行动。'),
      item('zh-denied', 4, '10:40', '中国外交部驳斥美媒报道：纯属假新闻', '外交部发言人表示，所谓中方要求俄方推迟对乌克兰行动的报道纯属假新闻。'),
    ],
  },
  {
    path: '/ru.xml',
    name: 'Балтийский вестник',
    kind: 'media',
    language: 'ru',
    items: [
      item('ru-report', 3, '21:40', 'СМИ: Китай просил Россию не нападать на Украину до окончания Олимпиады', 'Американская газета со ссылкой на разведку пишет, что Китай просил Россию отложить вторжение в Украину до конца Игр в Пекине.'),
      item('ru-after', 5, '08:50', 'Разведка США настаивает: Китай просил Россию отложить вторжение в Украину', 'Американские разведчики считают, что Китай знал о планах России в отношении Украины.'),
    ],
  },
  {
    path: '/uk.xml',
    name: 'Дніпровські новини',
    kind: 'media',
    language: 'uk',
    items: [item('uk-report', 3, '20:15', 'Китай просив Росію не нападати на Україну до завершення Олімпіади — ЗМІ', 'Американська газета з посиланням на розвідку пише, що Китай просив Росію відкласти вторгнення в Україну.')],
  },
  {
    path: '/fr.xml',
    name: 'La Vigie',
    kind: 'media',
    language: 'fr',
    items: [
      item('fr-report', 4, '07:30', 'La Chine aurait demandé à la Russie de reporter une invasion de l’Ukraine après les JO', 'Selon un rapport du renseignement américain, Pékin aurait demandé à la Russie d’attendre la fin des Jeux olympiques avant d’attaquer l’Ukraine.'),
      item('fr-after', 6, '09:00', 'La Chine, la Russie et l’Ukraine : le renseignement américain maintient son rapport', 'Washington maintient que la Chine a demandé à la Russie d’attendre avant d’envahir l’Ukraine.'),
    ],
  },
  {
    path: '/mfa.xml',
    name: 'Ministry of Foreign Affairs of China',
    kind: 'official',
    language: 'en',
    items: [
      item('mfa-denial', 4, '09:10', 'Spokesperson’s Remarks on a Report by The Harbour Times', 'Asked about the report by The Harbour Times that Chinese officials asked Russia to delay an invasion of Ukraine until after the Winter Olympics, the spokesperson said the report is pure fake news. Such claims are groundless and aimed at smearing China and disrupting the Olympics.'),
    ],
  },
  {
    path: '/world.xml',
    name: 'World Wire',
    kind: 'media',
    language: 'en',
    items: [
      ['France', 'Paris'],
      ['Germany', 'Berlin'],
      ['Japan', 'Tokyo'],
      ['India', 'New Delhi'],
      ['Kenya', 'Nairobi'],
      ['Canada', 'Ottawa'],
      ['Mexico', 'Mexico City'],
      ['Italy', 'Rome'],
      ['Spain', 'Madrid'],
      ['Egypt', 'Cairo'],
      ['Argentina', 'Buenos Aires'],
      ['Indonesia', 'Jakarta'],
      ['Nigeria', 'Abuja'],
      ['Turkey', 'Ankara'],
      ['Poland', 'Warsaw'],
      ['Sweden', 'Stockholm'],
      ['Chile', 'Santiago'],
      ['Vietnam', 'Hanoi'],
      ['Peru', 'Lima'],
      ['Norway', 'Oslo'],
    ].flatMap(([country, city], n) => [
      item(`budget-${n}`, 1 + (n % 9), '06:00', `${country} Unveils Budget With Higher Spending on Schools`, `The government of ${country} presented its budget in ${city}, promising more teachers.`),
      item(`storm-${n}`, 1 + ((n + 4) % 9), '15:00', `Storm Cuts Power to Thousands in ${country}`, `Crews in ${country} worked through the night to restore electricity.`),
    ]),
  },
];

const farm = new FeedFarm();
let app: TestApp;
const get = async <T>(p: string): Promise<T> => {
  const res = await app.api(p);
  if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
};
const sourceIds: Record<string, number> = {};
let reportId = 0;

beforeAll(async () => {
  for (const f of FEEDS) farm.set(f.path, { body: rss(f.name, f.items, f.language), contentType: 'application/rss+xml; charset=utf-8' });
  await farm.start();
  app = await startTestApp();
  for (const f of FEEDS) {
    const res = await app.api('/api/sources', { method: 'POST', json: { name: f.name, url: farm.url + f.path, kind: f.kind, language: f.language } });
    sourceIds[f.path] = ((await res.json()) as { id: number }).id;
  }
  // Unrelated news first, then the story in its languages, as a poll cycle may well order them.
  for (const f of [...FEEDS].reverse()) {
    const r = (await (await app.api(`/api/sources/${sourceIds[f.path]}/poll`, { method: 'POST' })).json()) as { new: number };
    expect(r.new, f.name).toBe(f.items.length);
  }
  const hits = await get<SearchResponse>(`/api/search?q=${encodeURIComponent('outlet:"The Harbour Times" Delay Invasion')}`);
  reportId = hits.hits[0]?.id ?? 0;
});
afterAll(async () => {
  await app?.close();
  await farm.stop();
});

async function referenceStory(): Promise<StoryDetail> {
  const item = await get<{ storyId: number | null }>(`/api/items/${reportId}`);
  expect(item.storyId).not.toBeNull();
  return get<StoryDetail>(`/api/stories/${item.storyId}`);
}

const REFERENCE_OUTLETS = ['The Harbour Times', '环球观察网', 'Балтийский вестник', 'Дніпровські новини', 'La Vigie', 'Ministry of Foreign Affairs of China'];

function checkStory(story: StoryDetail): void {
  expect(story.languages).toEqual(expect.arrayContaining(['en', 'zh', 'ru', 'uk', 'fr']));
  expect(story.outlets.map((o) => o.outlet).sort()).toEqual([...REFERENCE_OUTLETS].sort());
  const titles = story.outlets.flatMap((o) => o.items.map((i) => i.title));
  expect(titles.filter((t) => /Budget|Storm|Brazil|Exports/.test(t))).toEqual([]);
  expect(story.itemCount).toBe(FEEDS.filter((f) => f.path !== '/world.xml').reduce((n, f) => n + f.items.length, 0) - 2);
  // Feeds are polled last to first, so the item that opened the story is not the first report.
  expect(story.title).toBe('China Asked Russia to Delay Ukraine Invasion Until After Olympics, Officials Say');
  expect(story.titles?.find((t) => t.language === 'zh')?.title).toBe('美媒：中方曾要求俄方在冬奥会结束前不要入侵乌克兰');
}

describe('stories, denials and comparison through the API', () => {
  it('tags entities across languages: the entity facet names China, Russia and Ukraine', async () => {
    const r = await get<SearchResponse>(`/api/search?q=&entity=Q159&limit=50`);
    const facet = new Map(r.facets.entity.map((f) => [f.value, f]));
    expect(facet.get('Q148')?.label).toBe('China');
    expect(facet.get('Q212')?.count).toBeGreaterThanOrEqual(8);
    expect(new Set(r.hits.map((h) => h.language))).toEqual(new Set(['en', 'zh', 'ru', 'uk', 'fr']));
  });

  it('puts the report and its coverage in five languages in one story, the noise outside', async () => {
    const story = await referenceStory();
    checkStory(story);
    const timelineTotal = story.timeline.series.flatMap((s) => s.counts).reduce((n, c) => n + c.count, 0);
    expect(timelineTotal).toBe(story.itemCount);
    expect(story.timeline.bucket).toBe('hour');
    // storyId reached the search index too.
    const hits = await get<SearchResponse>(`/api/search?q=&limit=100`);
    expect(hits.hits.filter((h) => h.storyId === story.id)).toHaveLength(story.itemCount);
  });

  it('lists the story with filters and pages', async () => {
    const story = await referenceStory();
    const all = await get<StoriesResponse>('/api/stories?limit=100');
    expect(all.stories.map((s) => s.id)).toContain(story.id);
    const byQuery = await get<StoriesResponse>(`/api/stories?q=${encodeURIComponent('Olympics invasion')}`);
    expect(byQuery.stories.map((s) => s.id)).toEqual([story.id]);
    const byEntity = await get<StoriesResponse>(`/api/stories?entity=${encodeURIComponent('Украина')}&limit=100`);
    expect(byEntity.stories.map((s) => s.id)).toContain(story.id);
    expect((await get<StoriesResponse>('/api/stories?from=2022-03-01')).total).toBe(0);
    const page = await get<StoriesResponse>('/api/stories?limit=1&offset=0');
    expect(page.stories).toHaveLength(Math.min(1, all.total));
  });

  it('links the official denial to the story and tells who carried it and who did not', async () => {
    const story = await referenceStory();
    expect(story.denials.map((d) => d.outlet)).toEqual(['Ministry of Foreign Affairs of China']);
    expect(story.denials[0]?.reasons.join(' ')).toMatch(/names The Harbour Times/);
    const r = await get<DenialsResponse>('/api/denials');
    expect(r.total).toBe(1);
    const denial = r.denials[0]!;
    expect(denial.stories.map((s) => s.id)).toEqual([story.id]);
    const linked = denial.stories[0]!;
    expect(linked.rejects.map((i) => i.id)).toContain(reportId);
    const c = linked.coverage;
    expect(c.firstReportedBy).toEqual(['Дніпровські новини']);
    expect(c.hoursToDenial).toBeGreaterThan(0);
    expect(c.denialOutlets).toEqual(expect.arrayContaining(['Ministry of Foreign Affairs of China', 'The Harbour Times', '环球观察网']));
    expect(c.silentAfterDenial.sort()).toEqual(['Балтийский вестник', 'La Vigie'].sort());
    expect(c.afterDenial.share).toBeCloseTo(c.afterDenial.mentioning / c.afterDenial.items);
    expect(c.timeline.reduce((n, b) => n + b.claim + b.denial, 0)).toBe(story.itemCount);
  });

  it('compares outlets: each outlet’s distinctive terms come from its own wording', async () => {
    const story = await referenceStory();
    const r = await get<CompareResponse>(`/api/compare?story=${story.id}`);
    expect(r.outlets.map((o) => o.outlet).sort()).toEqual([...REFERENCE_OUTLETS].sort());
    const zh = r.outlets.find((o) => o.outlet === '环球观察网')!;
    expect(zh.distinctiveTerms.length).toBeGreaterThan(0);
    expect(zh.distinctiveTerms.every((t) => /\p{Script=Han}/u.test(t.term))).toBe(true);
    expect(zh.denialShare).toBe(0.5);
    const two = await get<CompareResponse>(`/api/compare?q=${encodeURIComponent('entity:China entity:Russia')}&outlets=The%20Harbour%20Times&outlets=La%20Vigie`);
    expect(two.outlets.map((o) => o.outlet)).toEqual(['The Harbour Times', 'La Vigie']);
    const fr = two.outlets[1]!;
    expect(fr.distinctiveTerms.map((t) => t.term)).not.toContain('china');
    expect(fr.languages).toEqual([{ language: 'fr', count: 2 }]);
    // What an analyst reads: no function word, no stem cut short, no clustering key.
    const shown = r.outlets.flatMap((o) => o.distinctiveTerms.map((t) => t.term.toLowerCase()));
    for (const stop of ['the', 'a', 'of', 'и', 'на', 'в', 'та', 'le', 'la', 'de', '的', '了']) expect(shown, stop).not.toContain(stop);
    expect(shown.filter((t) => t.startsWith('~'))).toEqual([]);
    const harbour = r.outlets.find((o) => o.outlet === 'The Harbour Times')!;
    const words = new Set(FEEDS.find((f) => f.name === 'The Harbour Times')!.items.flatMap((i) => `${i.title} ${i.description}`.split(/[^\p{L}\p{N}’']+/u)));
    expect(harbour.distinctiveTerms.length).toBeGreaterThan(0);
    for (const t of harbour.distinctiveTerms) for (const w of t.term.split(' ')) expect(words.has(w), t.term).toBe(true);
  });

  it('names entities in the interface language', async () => {
    const zh = await get<{ lang: string; labels: Record<string, string> }>('/api/entities/labels?lang=zh');
    expect(zh.labels.Q148).toBe('中国');
    const ru = await get<{ labels: Record<string, string> }>('/api/entities/labels?lang=ru');
    expect(ru.labels.Q212).toMatch(/^Украин/u);
    const res = await app.api('/api/entities/labels?lang=Chinese');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field?: string }).field).toBe('lang');
  });

  it('re-tags and re-clusters on request, with progress, keeping the story and its denial', async () => {
    const before = await referenceStory();
    const started = await app.api('/api/entities/retag', { method: 'POST' });
    expect(started.status).toBe(202);
    let status: RetagStatus;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await get<RetagStatus>('/api/entities/retag');
    } while (status.running);
    expect(status.phase).toBe('done');
    expect(status.result?.items).toBe(FEEDS.reduce((n, f) => n + f.items.length, 0));
    const after = await referenceStory();
    expect(after.id).toBe(before.id);
    checkStory(after);
    expect(after.denials.map((d) => d.id)).toEqual(before.denials.map((d) => d.id));
  });

  it('answers bad input with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/stories?limit=0', 'limit'],
      ['/api/stories?from=yesterday', 'from'],
      ['/api/stories?colour=red', 'colour'],
      ['/api/stories?entity=Atlantis', 'entity'],
      ['/api/stories/abc', 'id'],
      ['/api/stories/1?bucket=week', 'bucket'],
      ['/api/denials?story=-1', 'story'],
      ['/api/compare', 'story'],
      ['/api/compare?story=1&q=China', 'q'],
      ['/api/compare?q=%22unclosed', 'q'],
      ['/api/compare?story=x', 'story'],
    ];
    for (const [url, field] of cases) {
      const res = await app.api(url);
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { field?: string }).field, url).toBe(field);
    }
    expect((await app.api('/api/stories/999999')).status).toBe(404);
  });
});

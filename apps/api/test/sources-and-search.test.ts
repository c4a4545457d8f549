import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';
import { FeedFarm, rss } from './feed-farm.js';

// Our own fixture copy: a report, its coverage in Chinese (GBK) and Russian (windows-1251), and noise.
const english = rss('Meridian Times', [
  {
    title: 'Officials asked Moscow to delay invasion until after the Olympics, intelligence says',
    link: 'http://news.example/world/olympics-delay?utm_source=rss&utm_medium=feed',
    date: 'Thu, 03 Feb 2022 02:00:00 GMT',
    description: 'Senior Chinese officials told Russian counterparts not to invade Ukraine before the end of the Beijing Winter Olympics, according to intelligence officials.',
  },
  { title: 'Storm closes harbour for a second day', link: 'http://news.example/weather/storm', date: 'Wed, 02 Feb 2022 08:00:00 GMT', description: 'Ferries stay in port as the gale continues.' },
]);
const chinese = rss(
  '环球快讯',
  [
    { title: '外交部：所谓推迟行动的报道纯属假新闻', link: 'http://cn.example/a/1', date: 'Fri, 04 Feb 2022 07:00:00 GMT', description: '外交部发言人表示，有关中方要求俄罗斯在冬奥会后再采取行动的报道纯属假新闻。' },
    { title: '春节假期旅游收入增长', link: 'http://cn.example/a/2', date: 'Fri, 04 Feb 2022 03:00:00 GMT', description: '今年春节假期国内旅游收入同比增长。' },
  ],
  'zh-cn',
  'gbk',
);
const russian = rss(
  'Вечерние новости',
  [
    { title: 'В МИД назвали фейком сообщения о просьбе Китая', link: 'http://ru.example/news/1', date: 'Fri, 04 Feb 2022 10:00:00 +0300', description: 'Дипломаты отвергли публикацию американской газеты о переговорах Китая и России.' },
    { title: 'Хоккеисты готовятся к Олимпиаде', link: 'http://ru.example/news/2', date: 'Sat, 05 Feb 2022 10:00:00 +0300', description: 'Сборная провела первую тренировку в Пекине.' },
  ],
  'ru',
  'windows-1251',
);

let app: TestApp;
let farm: FeedFarm;
const ids: Record<string, number> = {};

beforeAll(async () => {
  farm = await new FeedFarm().start();
  farm.set('/en.xml', { body: english, contentType: 'application/rss+xml', etag: '"en-1"' });
  farm.set('/zh.xml', { body: chinese, contentType: 'application/rss+xml', encoding: 'gbk' });
  farm.set('/ru.xml', { body: russian, contentType: 'text/xml; charset=windows-1251', encoding: 'win1251' });
  farm.set('/page.html', {
    body: `<html><head><link rel="alternate" type="application/rss+xml" title="Feed" href="/en.xml"></head><body>Hello</body></html>`,
    contentType: 'text/html; charset=utf-8',
  });
  app = await startTestApp();
  for (const [name, path, kind, language] of [
    ['Meridian Times', '/en.xml', 'media', 'en'],
    ['Huanqiu Kuaixun', '/zh.xml', 'official', 'zh'],
    ['Vechernie Novosti', '/ru.xml', 'media', 'ru'],
  ] as const) {
    const res = await app.api('/api/sources', { method: 'POST', json: { name, url: farm.url + path, kind, language } });
    expect(res.status).toBe(201);
    ids[path] = ((await res.json()) as { id: number }).id;
  }
});

afterAll(async () => {
  await app?.close();
  await farm?.stop();
});

const search = async (query: string) => {
  const res = await app.api(`/api/search?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; hits: { title: string; outlet: string; language: string; url: string }[]; facets: Record<string, { value: string; count: number }[]> };
};

describe('sources, polling and search through the API', () => {
  it('polls each source and stores every item once, decoding GBK and windows-1251', async () => {
    for (const id of Object.values(ids)) {
      const res = await app.api(`/api/sources/${id}/poll`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ fetched: 2, new: 2, duplicates: 0, errors: 0 });
    }
    const zh = await search('q=' + encodeURIComponent('假新闻'));
    expect(zh.hits.map((h) => h.title)).toContain('外交部：所谓推迟行动的报道纯属假新闻');
  });

  it('re-polls three times without a duplicate, and sends the persisted ETag (304)', async () => {
    for (let i = 0; i < 3; i++) {
      for (const id of Object.values(ids)) {
        const body = (await (await app.api(`/api/sources/${id}/poll`, { method: 'POST' })).json()) as { new: number };
        expect(body.new).toBe(0);
      }
    }
    expect(farm.conditionalHits.get('/en.xml')).toBe(3);
    const sources = (await (await app.api('/api/sources')).json()) as { id: number; itemCount: number; lastStatus: string }[];
    expect(sources.map((s) => s.itemCount)).toEqual([2, 2, 2]);
    expect(farm.hits.get('/en.xml')).toBe(4);
    expect(sources.find((s) => s.id === ids['/en.xml'])?.lastStatus).toBe('unchanged');
  });

  it('strips tracking parameters from links', async () => {
    const r = await search('q=olympics&lang=en');
    expect(r.hits[0]?.url).toBe('http://news.example/world/olympics-delay');
  });

  it('finds a Russian item by an inflected form and a Chinese item by a word', async () => {
    expect((await search('q=' + encodeURIComponent('Китай'))).hits.map((h) => h.language)).toContain('ru');
    expect((await search('q=' + encodeURIComponent('外交部'))).total).toBeGreaterThan(0);
  });

  it('filters by outlet, language, kind and date, with facets', async () => {
    expect((await search('outlet=' + encodeURIComponent('Meridian Times'))).hits.every((h) => h.outlet === 'Meridian Times')).toBe(true);
    expect((await search('lang=ru')).total).toBe(2);
    expect((await search('kind=official')).total).toBe(2);
    const dated = await search('from=2022-02-05&to=2022-02-06');
    expect(dated.hits.map((h) => h.title)).toEqual(['Хоккеисты готовятся к Олимпиаде']);
    const all = await search('q=');
    expect(all.total).toBe(6);
    expect(all.facets['language']?.map((b) => b.value).sort()).toEqual(['en', 'ru', 'zh']);
  });

  it('tags entities across languages: entity:China finds the English, Chinese and Russian items', async () => {
    const byName = await search('q=' + encodeURIComponent('entity:China'));
    expect(new Set(byName.hits.map((h) => h.language))).toEqual(new Set(['en', 'zh', 'ru']));
    const facet = await search('entity=' + encodeURIComponent('Китай'));
    expect(facet.total).toBe(byName.total);
    expect(byName.facets['entity']?.find((b) => b.value === 'Q148')).toMatchObject({ label: 'China' });
  });

  it('adds a custom entity over the API and tags new items with it', async () => {
    const res = await app.api('/api/entities', { method: 'POST', json: { name: 'Meridian Times', aliases: { en: ['Meridian Times'], zh: ['子午线时报'] } } });
    expect(res.status).toBe(201);
    const { qid } = (await res.json()) as { qid: string };
    expect(qid).toMatch(/^X\d+$/);
    const list = (await (await app.api('/api/entities')).json()) as { qid: string; custom: boolean }[];
    expect(list.find((e) => e.qid === qid)?.custom).toBe(true);
    expect(list.find((e) => e.qid === 'Q159')).toBeDefined();
    farm.set('/en.xml', {
      body: english.replace('<item>', '<item><title>Meridian Times wins press award</title><link>http://news.example/award</link><guid>award</guid><pubDate>Mon, 07 Feb 2022 09:00:00 GMT</pubDate><description>The Meridian Times was honoured.</description></item><item>'),
      contentType: 'application/rss+xml',
      etag: '"en-2"',
    });
    const poll = (await (await app.api(`/api/sources/${ids['/en.xml']}/poll`, { method: 'POST' })).json()) as { new: number };
    expect(poll.new).toBe(1);
    expect((await search('entity=' + qid)).hits.map((h) => h.title)).toEqual(['Meridian Times wins press award']);
  });

  it('previews a web page by discovering its feed, saving nothing', async () => {
    const res = await app.api('/api/sources/preview', { method: 'POST', json: { url: farm.url + '/page.html' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { feedUrl: string; items: { title: string }[] };
    expect(body.feedUrl).toBe(farm.url + '/en.xml');
    expect(body.items.map((i) => i.title)).toContain('Storm closes harbour for a second day');
    expect(((await (await app.api('/api/sources')).json()) as unknown[]).length).toBe(3);
  });

  it('records an unreachable source as a source error, not a crash', async () => {
    const res = await app.api('/api/sources', { method: 'POST', json: { name: 'Gone', url: farm.url + '/missing.xml' } });
    const { id } = (await res.json()) as { id: number };
    const poll = (await (await app.api(`/api/sources/${id}/poll`, { method: 'POST' })).json()) as { errors: number; error: string };
    expect(poll.errors).toBe(1);
    const source = (await (await app.api(`/api/sources/${id}`)).json()) as { lastStatus: string; lastError: string };
    expect(source.lastStatus).toBe('error');
    expect(source.lastError).toMatch(/404/);
    await app.api(`/api/sources/${id}`, { method: 'DELETE' });
  });
});

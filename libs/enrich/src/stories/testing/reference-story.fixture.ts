import type { StoryCandidate } from '../story.js';
import { fixtureTerms } from './fixture-terms.js';

/**
 * The reference case of DESIGN.md as a small multilingual fixture. Every text is written for these
 * tests (no real article is copied); the outlet names are real so that denial texts can name them.
 * `event` is the ground truth a human would assign.
 */
export interface FixtureItem extends StoryCandidate {
  kind: 'media' | 'official';
  title: string;
  text: string;
  event: 'reference' | 'trade' | 'weather' | 'gas' | 'background';
}

export const Q = {
  china: 'Q148',
  russia: 'Q159',
  ukraine: 'Q212',
  us: 'Q30',
  beijing: 'Q956',
  moscow: 'Q649',
  kyiv: 'Q1899',
  olympics2022: 'Q115108',
  nyt: 'Q9684',
  putin: 'Q7747',
  xi: 'Q15031',
  gazprom: 'Q102673',
  cnpc: 'Q1046908',
} as const;

type Draft = Omit<FixtureItem, 'terms' | 'storyId' | 'sourceId' | 'denial' | 'mentionsDenial'> & { denial?: boolean; mentionsDenial?: boolean };

const sourceIds = new Map<string, number>();
function make(d: Draft): FixtureItem {
  if (!sourceIds.has(d.outlet)) sourceIds.set(d.outlet, sourceIds.size + 1);
  return {
    ...d,
    storyId: null,
    sourceId: sourceIds.get(d.outlet) as number,
    denial: d.denial ?? false,
    mentionsDenial: d.mentionsDenial ?? false,
    terms: fixtureTerms(`${d.title} ${d.text}`),
  };
}

const { china, russia, ukraine, us, beijing, moscow, kyiv, olympics2022, nyt, putin, xi, gazprom, cnpc } = Q;

export const REFERENCE_ITEMS: FixtureItem[] = [
  make({
    id: 101,
    outlet: 'The New York Times',
    kind: 'media',
    language: 'en',
    publishedAt: '2022-02-03T00:30:00Z',
    title: 'China asked Russia to delay Ukraine invasion until after Beijing Olympics',
    text: 'Senior Chinese officials asked senior Russian officials in early February to hold off on invading Ukraine until the Beijing Winter Olympics had ended, according to a Western intelligence report described by United States officials.',
    entities: [china, russia, ukraine, beijing, olympics2022, us],
    event: 'reference',
  }),
  make({
    id: 102,
    outlet: 'The Seattle Times',
    kind: 'media',
    language: 'en',
    publishedAt: '2022-02-03T03:10:00Z',
    title: 'Report: China asked Russia to delay Ukraine invasion until after Olympics',
    text: 'Senior Chinese officials asked senior Russian officials in early February to hold off on invading Ukraine until the Beijing Winter Olympics had ended, according to a Western intelligence report.',
    entities: [china, russia, ukraine, beijing, olympics2022],
    event: 'reference',
  }),
  make({
    id: 103,
    outlet: 'The Independent',
    kind: 'media',
    language: 'en',
    publishedAt: '2022-02-03T06:45:00Z',
    title: 'Beijing urged Moscow to hold off Ukraine invasion until Winter Olympics end, New York Times says',
    text: 'An intelligence assessment seen by Western governments says Chinese officials wanted Russia to wait until the Games in Beijing were over before invading Ukraine.',
    entities: [china, russia, ukraine, beijing, moscow, olympics2022, nyt],
    event: 'reference',
  }),
  make({
    id: 104,
    outlet: '联合早报',
    kind: 'media',
    language: 'zh',
    publishedAt: '2022-02-03T05:20:00Z',
    title: '纽约时报：中国官员曾要求俄方在北京冬奥会结束前不要入侵乌克兰',
    text: '《纽约时报》引述西方情报报告称，中国高级官员今年2月初要求俄罗斯高级官员在北京冬奥会结束之前不要入侵乌克兰。',
    entities: [nyt, china, russia, ukraine, beijing, olympics2022],
    event: 'reference',
  }),
  make({
    id: 105,
    outlet: 'Meduza',
    kind: 'media',
    language: 'ru',
    publishedAt: '2022-02-03T04:00:00Z',
    title: 'NYT: Китай просил Россию не вторгаться в Украину до окончания Олимпиады в Пекине',
    text: 'По данным западной разведки, на которые ссылается The New York Times, китайские чиновники просили российских коллег отложить вторжение в Украину до завершения зимних Олимпийских игр в Пекине.',
    entities: [nyt, china, russia, ukraine, beijing, olympics2022],
    event: 'reference',
  }),
  make({
    id: 106,
    outlet: 'Українська правда',
    kind: 'media',
    language: 'uk',
    publishedAt: '2022-02-03T07:15:00Z',
    title: 'NYT: Китай просив Росію не нападати на Україну до завершення Олімпіади в Пекіні',
    text: 'Китайські посадовці просили російських відкласти вторгнення в Україну до кінця зимових Олімпійських ігор у Пекіні, пише The New York Times з посиланням на дані розвідки.',
    entities: [nyt, china, russia, ukraine, beijing, olympics2022],
    event: 'reference',
  }),
  make({
    id: 107,
    outlet: '中华人民共和国外交部',
    kind: 'official',
    language: 'zh',
    publishedAt: '2022-02-03T08:00:00Z',
    title: '外交部发言人：《纽约时报》有关报道纯属假新闻',
    text: '关于《纽约时报》所谓中方要求俄方在北京冬奥会结束前不要入侵乌克兰的报道，纯属假新闻，是转移视线、甩锅推责的卑劣做法。',
    entities: [nyt, china, russia, ukraine, beijing, olympics2022],
    denial: true,
    event: 'reference',
  }),
  make({
    id: 108,
    outlet: 'Embassy of the PRC in the USA',
    kind: 'official',
    language: 'en',
    publishedAt: '2022-02-03T15:00:00Z',
    title: 'Embassy spokesperson on the New York Times report about the Beijing Olympics and Ukraine',
    text: 'The claims in the report by the New York Times that China asked Russia to delay an invasion of Ukraine until after the Beijing Olympics are pure fake news, intended to shift blame and smear China.',
    entities: [nyt, china, russia, ukraine, beijing, olympics2022, us],
    denial: true,
    event: 'reference',
  }),
  make({
    id: 109,
    outlet: 'Reuters',
    kind: 'media',
    language: 'en',
    publishedAt: '2022-02-03T10:00:00Z',
    title: "China calls report it asked Russia to delay Ukraine invasion until after Olympics 'fake news'",
    text: "China's foreign ministry said on Thursday that a New York Times report that Beijing asked Moscow to delay an invasion of Ukraine until the Winter Olympics ended was fake news.",
    entities: [china, russia, ukraine, beijing, moscow, olympics2022, nyt],
    mentionsDenial: true,
    event: 'reference',
  }),
  make({
    id: 110,
    outlet: 'РИА Новости',
    kind: 'media',
    language: 'ru',
    publishedAt: '2022-02-03T11:30:00Z',
    title: 'В МИД КНР назвали фейком публикацию NYT о просьбе к России отложить вторжение в Украину',
    text: 'Официальный представитель МИД Китая заявил, что статья The New York Times о просьбе Пекина не вторгаться в Украину до окончания Олимпиады является фейком.',
    entities: [nyt, china, russia, ukraine, beijing, olympics2022],
    mentionsDenial: true,
    event: 'reference',
  }),
  make({
    id: 111,
    outlet: 'Fox News',
    kind: 'media',
    language: 'en',
    publishedAt: '2022-02-04T14:00:00Z',
    title: 'Beijing told Putin to wait on Ukraine invasion until after the Winter Olympics, intelligence report says',
    text: "Chinese officials asked Vladimir Putin's government to delay any invasion of Ukraine until the Beijing Olympics closed, a Western intelligence report says.",
    entities: [china, russia, ukraine, beijing, olympics2022, putin],
    event: 'reference',
  }),
  make({
    id: 201,
    outlet: 'Bloomberg',
    kind: 'media',
    language: 'en',
    publishedAt: '2022-02-03T09:00:00Z',
    title: "China's exports to the US hit a record as the trade surplus widens",
    text: 'Chinese exporters shipped record volumes of electronics and furniture to American buyers in January, widening the trade surplus with the United States despite tariffs.',
    entities: [china, us],
    event: 'trade',
  }),
  make({
    id: 202,
    outlet: '财新网',
    kind: 'media',
    language: 'zh',
    publishedAt: '2022-02-03T12:00:00Z',
    title: '中国1月出口创新高 对美贸易顺差扩大',
    text: '海关数据显示，中国1月对美国出口电子产品和家具创历史新高，贸易顺差继续扩大。',
    entities: [china, us],
    event: 'trade',
  }),
  make({
    id: 203,
    outlet: 'Kyiv Independent',
    kind: 'media',
    language: 'en',
    publishedAt: '2022-02-03T16:00:00Z',
    title: 'Heavy snow disrupts traffic across Ukraine',
    text: 'Snowstorms closed highways and delayed trains across western and central Ukraine, and forecasters expect frost to deepen before the weekend.',
    entities: [ukraine],
    event: 'weather',
  }),
  make({
    id: 204,
    outlet: 'Укрінформ',
    kind: 'media',
    language: 'uk',
    publishedAt: '2022-02-04T06:00:00Z',
    title: 'Снігопади паралізували рух у Києві',
    text: 'Сильні снігопади ускладнили рух у Києві та області, синоптики прогнозують посилення морозів.',
    entities: [ukraine, kyiv],
    event: 'weather',
  }),
  make({
    id: 205,
    outlet: 'Reuters',
    kind: 'media',
    language: 'en',
    publishedAt: '2022-02-04T09:30:00Z',
    title: 'Russia and China agree long-term gas supply deal',
    text: 'Gazprom agreed to supply China National Petroleum Corp with gas from the Russian Far East for thirty years, the companies said as Russian and Chinese leaders met.',
    entities: [china, russia, gazprom, cnpc, xi, putin],
    event: 'gas',
  }),
];

const BACKGROUND_TOPICS: { entities: string[]; names: string; words: string[]; language: string }[] = [
  { language: 'en', entities: [china, us], names: 'China United States', words: 'chip export control semiconductor rules companies market shares investors earnings bank rates inflation'.split(' ') },
  { language: 'en', entities: [russia, ukraine], names: 'Russia Ukraine', words: 'troops border exercises talks diplomats sanctions gas pipeline ministers meeting security'.split(' ') },
  { language: 'en', entities: [china], names: 'China Chinese', words: 'covid lockdown cases city factory output growth property developers debt'.split(' ') },
  { language: 'en', entities: [russia, us], names: 'Russian United States', words: 'sanctions talks security proposals letter response ministers meeting embassy'.split(' ') },
  { language: 'en', entities: [ukraine, us], names: 'Ukraine US', words: 'weapons shipment aid embassy staff security troops border'.split(' ') },
  { language: 'zh', entities: [china], names: '中国', words: '经济 增长 疫情 防控 市场 企业 发展 政策 会议 城市'.split(' ') },
  { language: 'zh', entities: [china, russia], names: '中俄', words: '合作 会谈 外长 关系 发展 战略 伙伴 能源'.split(' ') },
  { language: 'ru', entities: [russia], names: 'России', words: 'рубль нефть экономика регионы выборы суд закон бюджет'.split(' ') },
  { language: 'ru', entities: [russia, ukraine], names: 'Россия Украина', words: 'переговоры граница войска учения безопасность дипломаты санкции'.split(' ') },
  { language: 'uk', entities: [ukraine], names: 'України', words: 'уряд бюджет економіка гривня регіони реформа закон суд'.split(' ') },
];

/**
 * Unrelated everyday coverage around the reference story, so that document frequencies look like a
 * monitoring desk's: China, Russia, Ukraine and the US each in a large share of all items. Deterministic.
 */
export function backgroundItems(count: number, startId = 1000): FixtureItem[] {
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const start = Date.parse('2022-01-20T00:00:00Z');
  const span = 22 * 86_400_000;
  const out: FixtureItem[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pick(BACKGROUND_TOPICS);
    const words = Array.from({ length: 6 }, () => pick(topic.words));
    const outlet = pick(['Reuters', 'Bloomberg', 'Meduza', '财新网', 'Укрінформ', 'Kyiv Independent', 'The Guardian']);
    out.push(
      make({
        id: startId + i,
        outlet,
        kind: 'media',
        language: topic.language,
        publishedAt: new Date(start + Math.floor(next() * span)).toISOString(),
        title: `${topic.names} ${words.slice(0, 3).join(' ')}`,
        text: words.join(' '),
        entities: topic.entities,
        event: 'background',
      }),
    );
  }
  return out;
}

import type { EntityRef, SearchDocument } from '@parallax/domain';

/**
 * A small multilingual corpus for the SearchIndex contract: the reference story of DESIGN.md (a
 * report that China asked Russia to delay invading Ukraine until after the Beijing Olympics, and
 * the "pure fake news" denial) told in English, Chinese, Russian, Ukrainian, French and German,
 * plus unrelated items as noise. Written for these tests.
 */
const CHINA: EntityRef = { qid: 'Q148', name: 'China' };
const RUSSIA: EntityRef = { qid: 'Q159', name: 'Russia' };
const UKRAINE: EntityRef = { qid: 'Q212', name: 'Ukraine' };
const UN: EntityRef = { qid: 'Q1065', name: 'United Nations' };
const PUTIN: EntityRef = { qid: 'Q7747', name: 'Vladimir Putin' };
const NORWAY: EntityRef = { qid: 'Q20', name: 'Norway' };

/** Names the fixture's entities resolve from, for indexes built with `fixtureEntityResolver`. */
const NAMES: Record<string, string[]> = {
  china: ['Q148'],
  中国: ['Q148'],
  russia: ['Q159'],
  ukraine: ['Q212'],
  putin: ['Q7747'],
};

export function fixtureEntityResolver(name: string): string[] {
  return NAMES[name.trim().toLowerCase()] ?? [];
}

function doc(d: Partial<SearchDocument> & Pick<SearchDocument, 'id' | 'title' | 'outlet' | 'language' | 'publishedAt'>): SearchDocument {
  return {
    sourceId: d.id * 10,
    summary: null,
    content: null,
    url: `https://example.org/items/${d.id}`,
    kind: 'media',
    entities: [],
    denial: false,
    mentionsDenial: false,
    storyId: null,
    duplicateOf: null,
    ...d,
  };
}

export const CORPUS: readonly SearchDocument[] = [
  doc({
    id: 1,
    title: 'Chinese officials told Russia to wait until after Olympics to invade Ukraine, report says',
    summary: 'Senior Chinese officials asked senior Russian officials not to invade Ukraine before the end of the Beijing Winter Olympics, according to a Western intelligence report.',
    outlet: 'New York Times',
    sourceId: 1,
    language: 'en',
    publishedAt: '2022-03-02T22:00:00.000Z',
    entities: [CHINA, RUSSIA, UKRAINE],
    storyId: 1,
  }),
  doc({
    id: 2,
    title: "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference",
    summary: 'The report is pure fake news. Such tricks of diverting attention & shifting blame are despicable.',
    outlet: 'Ministry of Foreign Affairs of the PRC',
    kind: 'official',
    language: 'en',
    publishedAt: '2022-03-03T08:00:00.000Z',
    entities: [CHINA],
    denial: true,
  }),
  doc({
    id: 3,
    title: '2022年3月3日外交部发言人汪文斌主持例行记者会',
    summary: '有关报道纯属假新闻。中俄关系基于不结盟、不对抗、不针对第三方原则。北京冬奥会期间，奥运精神不容政治操弄。',
    outlet: '外交部',
    kind: 'official',
    language: 'zh',
    publishedAt: '2022-03-03T09:00:00.000Z',
    entities: [CHINA, RUSSIA],
    denial: true,
  }),
  doc({
    id: 4,
    title: '俄罗斯总统普京出席北京冬奥会开幕式',
    summary: '俄罗斯总统普京出席北京冬奥会开幕式，中俄两国领导人举行会晤。',
    outlet: '环球时报',
    language: 'zh',
    publishedAt: '2022-02-04T03:00:00.000Z',
    entities: [CHINA, RUSSIA, PUTIN],
  }),
  doc({
    id: 5,
    title: 'В МИД КНР назвали фейком статью о просьбе к России отложить вторжение',
    summary: 'Официальный представитель МИД Китая назвал фейком публикацию о том, что Пекин просил Россию не начинать вторжение в Украину до окончания Олимпиады.',
    outlet: 'ТАСС',
    language: 'ru',
    publishedAt: '2022-03-03T12:00:00.000Z',
    entities: [CHINA, RUSSIA, UKRAINE],
    mentionsDenial: true,
    storyId: 1,
  }),
  doc({
    id: 6,
    title: 'Путин и Си Цзиньпин провели переговоры в Пекине',
    summary: 'Лидеры Китая и России обсудили сотрудничество в энергетике.',
    outlet: 'РИА Новости',
    language: 'ru',
    publishedAt: '2022-02-04T10:00:00.000Z',
    entities: [CHINA, RUSSIA, PUTIN],
  }),
  doc({
    id: 7,
    title: 'Китай просив Росію не нападати на Україну до кінця Олімпіади – NYT',
    summary: "Китайські посадовці просили російських не вторгатися в Україну до завершення Олімпійських ігор у Пекіні, пише The New York Times. Ім'я джерела не називають.",
    outlet: 'Українська правда',
    language: 'uk',
    publishedAt: '2022-03-03T15:00:00.000Z',
    entities: [CHINA, RUSSIA, UKRAINE],
    storyId: 1,
  }),
  doc({
    id: 8,
    title: "La Chine aurait demandé à la Russie de reporter l'invasion de l'Ukraine après les Jeux olympiques",
    summary: 'Selon le New York Times, des responsables chinois auraient demandé à Moscou d’attendre la fin des Jeux de Pékin. Pékin dément.',
    outlet: 'Le Monde',
    language: 'fr',
    publishedAt: '2022-03-03T18:00:00.000Z',
    entities: [CHINA, RUSSIA, UKRAINE],
    mentionsDenial: true,
    storyId: 1,
  }),
  doc({
    id: 9,
    title: 'China bat Russland offenbar, mit der Invasion bis nach den Olympischen Spielen zu warten',
    summary: 'Peking weist den Bericht der New York Times als Falschmeldung zurück.',
    outlet: 'Der Spiegel',
    language: 'de',
    publishedAt: '2022-03-04T07:00:00.000Z',
    entities: [CHINA, RUSSIA, UKRAINE],
    mentionsDenial: true,
    storyId: 1,
  }),
  doc({
    id: 10,
    title: 'Winter Olympics: snowboarding gold for Norway',
    summary: 'Norway won gold in the snowboard big air final in Beijing.',
    outlet: 'BBC News',
    language: 'en',
    publishedAt: '2022-02-15T09:00:00.000Z',
    entities: [NORWAY],
  }),
  doc({
    id: 11,
    title: 'Oil prices rise on supply worries',
    summary: 'Brent crude climbed as traders weighed supply risks <b>and</b> a cold winter.',
    outlet: 'Reuters',
    language: 'en',
    publishedAt: '2022-01-20T10:00:00.000Z',
  }),
  doc({
    id: 12,
    title: 'Secretary-General calls for de-escalation around Ukraine',
    summary: 'The Secretary-General urged all parties to pursue diplomacy.',
    outlet: 'United Nations',
    kind: 'official',
    language: 'en',
    publishedAt: '2022-03-10T12:00:00.000Z',
    entities: [UN, UKRAINE],
  }),
  doc({
    id: 13,
    title: 'Kremlin says troops will return to bases',
    summary: 'Analysts doubt the pullback; the report of a build-up near the border mentions the Kremlin once.',
    outlet: 'The Guardian',
    language: 'en',
    publishedAt: '2022-03-05T20:00:00.000Z',
    entities: [RUSSIA],
  }),
  doc({
    id: 14,
    title: 'Le prix du pain augmente en France',
    summary: 'Les boulangers invoquent le coût de l’énergie.',
    outlet: 'Le Monde',
    language: 'fr',
    publishedAt: '2022-02-20T06:00:00.000Z',
  }),
  doc({
    id: 15,
    title: 'Energy talks: the Kremlin and Beijing sign a gas deal',
    summary: 'A long-term gas contract was signed in Beijing during the Olympics.',
    outlet: 'Reuters',
    language: 'en',
    publishedAt: '2022-02-04T12:00:00.000Z',
    entities: [CHINA, RUSSIA],
  }),
];

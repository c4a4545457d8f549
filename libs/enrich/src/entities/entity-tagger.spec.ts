import { describe, expect, it } from 'vitest';
import { EntityTagger } from './entity-tagger.js';
import type { CustomEntity } from './entity.js';

const tagger = new EntityTagger();
const qids = (text: string, lang?: string): string[] => tagger.tag(text, lang).map((e) => e.qid).sort();

describe('EntityTagger', () => {
  it('matches inflected names in Slavic languages and German genitives', () => {
    expect(qids('Переговоры между Россией и Китаем прошли в Пекине.', 'ru')).toEqual(['Q148', 'Q159']);
    expect(qids('Київ розраховує на діалог із Китаєм і тиск на Росію.', 'uk')).toEqual(['Q148', 'Q159']);
    expect(qids('Лавров встретился с Гутеррешем.', 'ru')).toEqual(['Q28855', 'Q311440']);
    expect(qids('Die Lage im Norden Syriens bleibt angespannt.', 'de')).toEqual(['Q858']);
    expect(qids('Prezydent Rosji rozmawiał z przywódcą Chin.', 'pl')).toEqual(['Q148', 'Q159']);
  });

  it('splits Chinese and Japanese compounds into their countries', () => {
    expect(qids('中俄关系持续发展，俄乌冲突仍未结束。', 'zh')).toEqual(['Q148', 'Q159', 'Q212']);
    expect(qids('中方坚决反对美方向台湾出售武器。', 'zh')).toEqual(['Q148', 'Q30', 'Q865']);
    expect(qids('日米首脳会談で中ロ関係が議題となった。', 'ja')).toEqual(['Q148', 'Q159', 'Q17', 'Q30']);
  });

  it('ignores false friends', () => {
    expect(qids('She served the roast turkey on her grandmother\'s fine china.', 'en')).toEqual([]);
    expect(qids('我们选了一个完美方案，并采用集中方式处理。', 'zh')).toEqual([]);
    expect(qids('他喜欢玩俄罗斯方块。', 'zh')).toEqual([]);
    expect(qids('中国地方では大雨が続く見込みです。', 'ja')).toEqual([]);
    expect(qids('L\'artiste dessine à l\'encre de Chine.', 'fr')).toEqual([]);
    expect(qids('Compré tinta china para el taller de caligrafía.', 'es')).toEqual([]);
    expect(qids('Вечером в гостинице «Россия» прошёл концерт.', 'ru')).toEqual([]);
    expect(qids('Voters in Georgia, the U.S. state, elect a senator.', 'en')).toEqual(['Q30']);
    expect(qids('Georgia and Armenia signed a border agreement in Tbilisi.', 'en')).toEqual(['Q230', 'Q399']);
  });

  it('keeps acronyms case-sensitive but lets demonyms match in lower case', () => {
    expect(qids('Il y a un accord entre les délégations chinoises et l\'ONU.', 'fr')).toEqual(['Q1065', 'Q148']);
    expect(qids('Un porte-parole russe a réagi.', 'fr')).toEqual(['Q159']);
  });

  it('tags a sub-body and lets its parent ride along, but not a country inside a longer name', () => {
    expect(qids('The UN General Assembly voted on Tuesday.', 'en')).toEqual(['Q1065', 'Q47423']);
    expect(qids('North Korea fired a missile.', 'en')).toEqual(['Q423']);
    expect(qids('白俄罗斯总统发表讲话。', 'zh')).toEqual(['Q184']);
  });

  it('applies custom entities, and extra aliases for a built-in QID', () => {
    const custom = new EntityTagger({
      customEntities: [
        { id: 'acme', name: 'Acme Shipping', aliases: { ru: ['Акме'], zh: ['阿克米航运'] } },
        { qid: 'Q148', name: 'China', aliases: { en: ['Middle Kingdom'] } },
      ],
    });
    expect(custom.tag('Acme Shipping and 阿克米航运 and Акме').map((e) => e.qid)).toEqual(['acme']);
    expect(custom.tag('The Middle Kingdom responded.', 'en').map((e) => e.qid)).toEqual(['Q148']);
    expect(custom.resolve('acme shipping')).toEqual(['acme']);
  });

  it('resolves names in any language to QIDs', () => {
    expect(tagger.resolve('China')).toContain('Q148');
    expect(tagger.resolve('Китай')).toContain('Q148');
    expect(tagger.resolve('中国')).toContain('Q148');
    expect(tagger.resolve('Q159')).toEqual(['Q159']);
    expect(tagger.resolve('no such place')).toEqual([]);
  });
  it('reads style nouns, rivers, first names, manner adverbs and other languages\' common words as look-alikes', () => {
    expect(qids('The deli sells tea in china cups and Jordan sneakers.', 'en')).toEqual([]);
    expect(qids('Chad Thompson fished along the Niger River near Lake Chad.', 'en')).toEqual([]);
    expect(qids('Он заварил кофе по-турецки.', 'ru')).toEqual([]);
    expect(qids('Akşam yemeğinde Rus salatası vardı.', 'tr')).toEqual([]);
    expect(qids('居酒屋で日本酒を頼み、トルコ石の指輪を買った。', 'ja')).toEqual([]);
    expect(qids('Chad and Jordan signed the accord; Jordan President spoke.', 'en')).toEqual(['Q657', 'Q810']);
  });

  it('knows demonyms, nisba adjectives, adjective stems, title-case acronyms and Korean compounds', () => {
    expect(qids('Jordanian, Egyptian and Brazilian envoys met.', 'en')).toEqual(['Q155', 'Q79', 'Q810']);
    expect(qids('استقبل العاهل الأردني وزير الخارجية المصري.', 'ar')).toEqual(['Q79', 'Q810']);
    expect(qids('Премьер Новой Зеландии встретилась с послом Египта.', 'ru')).toEqual(['Q664', 'Q79']);
    expect(qids("Secondo l'Oms e l'Onu la situazione peggiora.", 'it')).toEqual(['Q1065', 'Q7817']);
    expect(qids('한미 동맹과 한일 관계를 논의했다.', 'ko')).toEqual(['Q17', 'Q30', 'Q884']);
  });

  it("keeps a user's aliases of a built-in entity to the tagger they were given to", () => {
    const custom = new EntityTagger({ customEntities: [{ id: 'Q148', name: 'China', aliases: { en: ['Middle Kingdom'] } }] });
    expect(custom.tag('The Middle Kingdom said', 'en').map((e) => e.qid)).toEqual(['Q148']);
    expect(custom.list().find((e) => e.qid === 'Q148')?.aliases['en']).toContain('Middle Kingdom');
    const plain = new EntityTagger();
    expect(plain.tag('The Middle Kingdom said', 'en')).toEqual([]);
    expect(plain.list().find((e) => e.qid === 'Q148')?.aliases['en']).not.toContain('Middle Kingdom');
  });

  it('matches the same words on repeated calls (folded keys are cached between calls)', () => {
    const text = 'Переговоры между Россией и Китаем прошли в Пекине. 中俄关系持续发展。';
    const first = tagger.tag(text, 'ru');
    expect(tagger.tag(text, 'ru')).toEqual(first);
    expect(first.map((e) => e.qid).sort()).toEqual(['Q148', 'Q159']);
  });
});

describe('EntityTagger on text without CJK', () => {
  it('skips the CJK matcher only where no character of a CJK run can be: none lies below U+2E80', () => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]/u;
    const below: number[] = [];
    for (let unit = 0; unit < 0x2e80; unit++) if (cjk.test(String.fromCharCode(unit))) below.push(unit);
    expect(below).toEqual([]);
    expect(tagger.tag('Moscow and 中国 talk', 'en').map((e) => e.qid)).toEqual(expect.arrayContaining(['Q148']));
  });
});

describe('EntityTagger.tagWithHeadline', () => {
  const concepts: CustomEntity[] = [
    { id: '~olympics', name: 'olympics', aliases: { en: ['Olympics'], ru: ['Олимпиад~'], zh: ['奥运'] } },
    { id: '~invasion', name: 'invasion', aliases: { en: ['invasion'], ru: ['вторжени~'] } },
    // Longer than the entity inside it: it hides Russia among the headline's keys, never among the entities.
    { id: '~russia-day', name: 'russia day', aliases: { en: ['Russia Day'] } },
  ];
  const customEntities = [{ id: 'acme', name: 'Acme Drones' }];
  const withConcepts = new EntityTagger({ customEntities, concepts });
  const plain = new EntityTagger({ customEntities });
  const items: [string[], string | undefined][] = [
    [['China asked Russia to delay the invasion until after the Olympics', 'Officials in Beijing called the report false', 'Acme Drones and Russia Day'], 'en'],
    [['Russia Day parade', 'Acme Drones flew over Moscow'], 'en'],
    // Read alone, the headline's Chad is the country; the body's first word makes it a first name.
    [['Chad', 'Thompson scored twice in the final'], 'en'],
    [['Москва опровергла сообщения о вторжении', 'Олимпиада пройдёт по плану', 'МИД России назвал это фейком'], 'ru'],
    [['外交部：奥运期间不会有入侵', '中方坚决反对美方的说法', '俄罗斯外交部发言人表示'], 'zh'],
    [['한미 정상회담', '북한은 반발했다'], 'ko'],
    [['The roast turkey and the china', 'Chad Thompson cooked'], 'en'],
  ];

  it('finds the same entities as tag() of the joined parts: concepts are never entities, nor hide one', () => {
    for (const [parts, lang] of items) {
      expect(withConcepts.tagWithHeadline(parts, lang, 2).entities, parts[0]).toEqual(plain.tag(parts.join('\n'), lang));
    }
  });

  it("gives the headline's concepts and built-in entities as tagging the headline alone does, whatever follows it", () => {
    for (const [parts, lang] of items) {
      for (const n of [1, 2]) {
        const alone = withConcepts.tagWithHeadline(parts.slice(0, n), lang, n).headline;
        expect(withConcepts.tagWithHeadline(parts, lang, n).headline, `${parts[0]} (${n})`).toEqual(alone);
      }
    }
    const [first] = items[0] ?? [[]];
    expect(withConcepts.tagWithHeadline(first, 'en', 1).headline).toEqual([
      { id: 'Q148', concept: false },
      { id: 'Q159', concept: false },
      { id: '~invasion', concept: true },
      { id: '~olympics', concept: true },
    ]);
    // A user's own entity is left out of the headline's keys; the longer concept hides Russia there.
    const { entities, headline } = withConcepts.tagWithHeadline(['Russia Day parade', 'Acme Drones flew over Moscow'], 'en', 2);
    expect(headline).toEqual([{ id: '~russia-day', concept: true }]);
    expect(entities.map((e) => e.qid)).toEqual(['Q159', 'acme']);
    expect(withConcepts.tagWithHeadline(['Chad', 'Thompson scored twice'], 'en', 1)).toEqual({ entities: [], headline: [{ id: 'Q657', concept: false }] });
  });

  it('reads a lower-case alias of an entity in its own language only, and a concept in any language', () => {
    expect(withConcepts.tagWithHeadline(['The china was chipped'], 'en', 1).headline).toEqual([]);
    expect(withConcepts.tagWithHeadline(['Les Olympics de la tech'], 'fr', 1).headline).toEqual([{ id: '~olympics', concept: true }]);
  });

  it('keeps concepts out of the entity list and of name resolution', () => {
    expect(withConcepts.list().map((e) => e.qid)).not.toContain('~olympics');
    expect(withConcepts.list()).toHaveLength(plain.list().length);
    expect(withConcepts.resolve('olympics')).toEqual([]);
    expect(withConcepts.resolve('~olympics')).toEqual([]);
    expect(withConcepts.tag('Russia Day and the Olympics', 'en').map((e) => e.qid)).toEqual(['Q159']);
  });
});

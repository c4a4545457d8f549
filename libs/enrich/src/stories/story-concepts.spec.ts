import { describe, expect, it } from 'vitest';
import { Enricher } from '../enricher.js';
import { STORY_CONCEPTS } from './concepts.data.js';
import { headlineEntityKey, isConceptKey, isHeadlineEntityKey, storyConcepts, storyHeadlineKeys } from './story-concepts.js';

describe('story concepts', () => {
  it('finds one event under its names and inflected forms in every language', () => {
    const texts: [string, string][] = [
      ['en', 'Russia could invade before the Winter Olympics end'],
      ['zh', '美国警告俄罗斯可能在冬奥会期间入侵乌克兰'],
      ['ru', 'вторжение может начаться до окончания Олимпиады'],
      ['uk', 'вторгнення може початися ще під час Олімпіади'],
      ['fr', 'une invasion avant la fin des Jeux olympiques'],
      ['de', 'eine Invasion noch während der Olympischen Spiele'],
      ['es', 'una invasión antes de que terminen los Juegos Olímpicos'],
    ];
    for (const [lang, text] of texts) expect(storyConcepts(text, lang), `${lang}: ${text}`).toEqual(expect.arrayContaining(['~olympics', '~invasion']));
  });

  it('tells capitals apart and finds them declined', () => {
    expect(storyConcepts('Делегация побывала в Пекине, затем в Москве', 'ru')).toEqual(['~place:beijing', '~place:moscow']);
    expect(storyConcepts('Макрон після Москви прилетить до Києва', 'uk')).toEqual(['~place:moscow', '~place:kyiv']);
    expect(storyConcepts('Pékin dément', 'fr')).toEqual(['~place:beijing', '~falsehood']);
  });

  it('matches whole words only and finds nothing in unrelated text', () => {
    expect(storyConcepts('Reservations opened for the summer school', 'en')).toEqual([]);
    expect(storyConcepts('完美方案', 'zh')).toEqual([]);
  });

  it('marks the gazetteer entities of a headline apart from the concepts', () => {
    const keys = storyHeadlineKeys('China asked Russia to delay the invasion', 'en');
    expect(keys).toEqual(expect.arrayContaining([headlineEntityKey('Q148'), headlineEntityKey('Q159'), '~postponement', '~invasion']));
    expect(keys.filter(isHeadlineEntityKey)).toEqual(['~Q148', '~Q159']);
    expect(keys.filter(isConceptKey)).toEqual(['~postponement', '~invasion']);
  });

  it('are what the enricher finds in a headline and standfirst with the whole text, read in the item\'s language', () => {
    const enricher = new Enricher();
    const items = [
      { title: 'China asked Russia to delay the invasion', summary: 'Beijing denied the report as fake news', contentText: 'Chad Thompson, a reporter in Kyiv, said the Olympics were near.' },
      { title: 'Пекин опроверг сообщения о вторжении', summary: null, contentText: 'МИД России назвал это фейком.' },
      { title: '外交部：纯属假新闻', summary: '中方坚决反对美方的说法', contentText: '俄罗斯外交部发言人表示，冬奥会期间不会有入侵。' },
      { title: 'The roast turkey and the fine china', summary: 'A review', contentText: null },
    ];
    for (const item of items) {
      const { enrichment, headlineKeys } = enricher.enrichWithHeadlineKeys({ ...item, declaredLanguage: null });
      const headline = item.summary ? `${item.title}\n${item.summary}` : item.title;
      expect(headlineKeys, item.title).toEqual(storyHeadlineKeys(headline, enrichment.language));
      expect(enrichment).toEqual(enricher.enrich({ ...item, declaredLanguage: null }));
    }
    expect(enricher.enrichWithHeadlineKeys({ title: 'China asked Russia to delay the invasion' }).headlineKeys).toEqual(['~Q148', '~Q159', '~postponement', '~invasion']);
    // "china" is a Spanish word for China, not an English one.
    expect(enricher.enrichWithHeadlineKeys({ title: 'The roast turkey and the fine china', declaredLanguage: 'en' }).headlineKeys).toEqual([]);
  });

  it('has unique lower-case ids and names in the nine languages for every event and topic', () => {
    const ids = STORY_CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of STORY_CONCEPTS) {
      expect(c.id).toMatch(/^[a-z:-]+$/);
      expect(Object.keys(c.aliases).sort(), c.id).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'ru', 'uk', 'zh']);
    }
  });
});

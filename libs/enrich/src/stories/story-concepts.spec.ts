import { describe, expect, it } from 'vitest';
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

  it('has unique lower-case ids and names in the nine languages for every event and topic', () => {
    const ids = STORY_CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of STORY_CONCEPTS) {
      expect(c.id).toMatch(/^[a-z:-]+$/);
      expect(Object.keys(c.aliases).sort(), c.id).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'ru', 'uk', 'zh']);
    }
  });
});

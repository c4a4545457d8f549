import type { StoryItemRef } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import { storyTitles } from './story-title.js';

let n = 0;
const ref = (language: string, publishedAt: string, title: string, duplicateOf: number | null = null): StoryItemRef => ({
  id: ++n,
  title,
  url: null,
  outlet: `outlet ${n}`,
  sourceId: n,
  kind: 'media',
  language,
  publishedAt,
  denial: false,
  mentionsDenial: false,
  duplicateOf,
});

describe('storyTitles', () => {
  it('takes the earliest original headline in the most common language, whatever order the items came in', () => {
    const items = [
      ref('fr', '2022-02-05T10:00:00Z', 'Analyse : le calendrier olympique'),
      ref('en', '2022-02-04T02:00:00Z', 'Wire: China asked Russia to wait', 1),
      ref('en', '2022-02-04T08:00:00Z', 'China denies report'),
      ref('en', '2022-02-04T00:30:00Z', 'China asked Russia to delay invasion'),
      ref('zh', '2022-02-04T01:10:00Z', '美媒：中方曾要求俄方推迟'),
    ];
    const t = storyTitles(items);
    expect(t.title).toBe('China asked Russia to delay invasion');
    expect(t.titles.map((x) => [x.language, x.title])).toEqual([
      ['en', 'China asked Russia to delay invasion'],
      ['zh', '美媒：中方曾要求俄方推迟'],
      ['fr', 'Analyse : le calendrier olympique'],
    ]);
  });

  it('breaks a tie between languages by the earliest item, and falls back to copies when all are copies', () => {
    expect(storyTitles([ref('ru', '2022-02-04T03:00:00Z', 'Б'), ref('uk', '2022-02-04T01:00:00Z', 'А')]).title).toBe('А');
    expect(storyTitles([ref('en', '2022-02-04T03:00:00Z', 'Copy', 99)]).title).toBe('Copy');
    expect(storyTitles([])).toEqual({ title: null, titles: [] });
  });
});

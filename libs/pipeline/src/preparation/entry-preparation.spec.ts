import { describe, expect, it } from 'vitest';
import type { NormalisedItem } from '@parallax/domain';
import { Enricher } from '@parallax/enrich';
import { contentHash, simhash64 } from '@parallax/ingest';
import { documentFields } from '@parallax/query';
import { storyTerms } from '../stories/story-terms.js';
import { prepareEntries } from './entry-preparation.js';

const item = (title: string, summary: string | null, contentText: string | null): NormalisedItem => ({
  guid: title,
  url: null,
  title,
  summary,
  contentText,
  contentHtml: null,
  author: null,
  publishedAt: null,
});

/**
 * Items whose parts meet at the line break in the ways that could tell part-by-part tokenising from
 * whole-text tokenising: a Greek final sigma, a combining mark opening a part, a CJK run on each side,
 * apostrophes, full-width forms, empty and missing parts.
 */
const items: NormalisedItem[] = [
  item('ΟΔΥΣΣΕΥΣ', 'ΣΟΦΟΣ ανήρ', 'Ο ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ'),
  item('Café', '\u0301accent first, l’Ukraine et Russia’s', null),
  item('外交部发言人表示', '纯属假新闻。中方', '俄罗斯外交部 ＡＢＣ １２３'),
  item('Headline only', null, null),
  item('Заголовок', '', 'м’ясо і ім’я: тексты'),
  item('', null, 'Only the text has words'),
];

describe('prepareEntries', () => {
  const enricher = new Enricher();
  const prepared = prepareEntries(
    enricher,
    items.map((i) => ({ item: i, declaredLanguage: null, sourceKind: 'media' as const })),
  );

  it('tokenises each part once and still gives what the whole text gives', () => {
    items.forEach((i, k) => {
      const p = prepared[k];
      if (!p?.ok) throw new Error('not prepared');
      const text = [i.title, i.summary, i.contentText].filter(Boolean).join('\n');
      const body = i.contentText ?? i.summary ?? i.title;
      expect(p).toMatchObject({
        ok: true,
        contentHash: contentHash(text),
        simhash: simhash64(body),
        bodyLength: body.length,
        // The headline's keys from the pass that tags the whole text, as tagging the headline alone finds them.
        storyTerms: storyTerms(i.title, i.summary, p.enrichment.language),
        fields: documentFields({ title: i.title, summary: i.summary, content: i.contentText }),
      });
    });
  });

  it('fingerprints copies that differ only in case alike, and different bodies apart', () => {
    const [a, b, c] = prepareEntries(enricher, [
      { item: item('ΣΟΦΟΣ', 'Body', 'Wire copy of the story'), declaredLanguage: null, sourceKind: 'media' },
      { item: item('σοφος', 'body', 'WIRE COPY of the story'), declaredLanguage: null, sourceKind: 'media' },
      { item: item('ΣΟΦΟΣ', 'Body', 'Another story altogether'), declaredLanguage: null, sourceKind: 'media' },
    ]);
    if (!a?.ok || !b?.ok || !c?.ok) throw new Error('not prepared');
    expect(b.contentHash).toBe(a.contentHash);
    expect(b.simhash).toBe(a.simhash);
    expect(c.contentHash).not.toBe(a.contentHash);
  });
});

import { describe, expect, it } from 'vitest';
import { denialPassage } from './denial-passage.js';

/** A routine briefing: many answers, one of which calls a report fake. */
const BRIEFING = [
  'Foreign Ministry Spokesperson’s Regular Press Conference on February 4, 2022.',
  'The Premier will attend the opening ceremony of the Games tonight.',
  'Question: The figure skating team event starts on Sunday. Will officials attend?',
  'Answer: We wish the skaters from all countries good results on the ice.',
  'Question: Trade between China and Brazil grew last year. Do you have a comment?',
  'Answer: Trade cooperation brings benefits to both peoples.',
  'Question: The Harbour Times reported that Chinese officials asked Russia to delay an invasion of Ukraine until after the Olympics. What is your response?',
  'Answer: The report is pure fake news.',
  'China’s position on Ukraine is consistent.',
  'Question: Can you confirm the schedule of the Minister’s visit to Indonesia?',
  'Answer: We will release information in due course.',
].join('\n');

describe('denialPassage', () => {
  it('keeps the denying answer with the question before it and the sentence after, nothing else', () => {
    const p = denialPassage(BRIEFING, { lang: 'en' });
    expect(p.whole).toBe(false);
    expect(p.text).toMatch(/The Harbour Times reported/);
    expect(p.text).toMatch(/pure fake news/);
    expect(p.text).not.toMatch(/figure skating|skaters|Brazil|Indonesia/);
    expect(p.kept).toBeLessThan(p.sentences / 2);
  });

  it('keeps a short statement whole', () => {
    const s = 'Statement on a report by The Harbour Times.\nThe report that China asked Russia to delay the invasion is pure fake news.';
    const p = denialPassage(s);
    expect(p).toMatchObject({ whole: true, sentences: 2, kept: 2 });
    expect(p.text).toContain('Statement on a report');
  });

  it('finds a denial that needs the sentence before as context, and nothing in a text that denies nothing', () => {
    const lines = BRIEFING.split('\n').filter((l) => !/fake news/.test(l));
    expect(denialPassage(lines.join('\n')).text).toBe('');
    const withDenyVerb = [...lines.slice(0, 6), 'Answer: China firmly denies the allegation.', ...lines.slice(6)].join('\n');
    expect(denialPassage(withDenyVerb).text).toMatch(/firmly denies/);
  });
});

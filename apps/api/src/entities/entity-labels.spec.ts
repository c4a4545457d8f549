import { Enricher } from '@parallax/enrich';
import { describe, expect, it } from 'vitest';
import { entityLabels, readableAlias } from './entity-labels.js';

describe('entityLabels', () => {
  const gazetteer = new Enricher().listEntities();

  it('names the reference story’s entities in Chinese and Russian from the gazetteer', () => {
    const zh = entityLabels(gazetteer, 'zh');
    const ru = entityLabels(gazetteer, 'ru');
    expect(zh.Q148).toBe('中国');
    expect(ru.Q159).toMatch(/^Росси/u);
    for (const qid of ['Q148', 'Q159', 'Q212']) {
      expect(zh[qid]).toMatch(/\p{Script=Han}/u);
      expect(ru[qid]).toMatch(/^\p{Script=Cyrillic}+$/u);
    }
  });

  it('falls back to the English name, and shows aliases without their ending syntax', () => {
    expect(entityLabels([{ qid: 'X1', name: 'Eastern Observer', aliases: { zh: ['东方观察网'] } }], 'ru')).toEqual({ X1: 'Eastern Observer' });
    expect(readableAlias('Росси{я|и|ю}')).toBe('Россия');
    expect(readableAlias('Путин~')).toBe('Путин');
  });
});

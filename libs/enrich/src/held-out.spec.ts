import { beforeAll, describe, expect, it } from 'vitest';
import { Enricher } from './enricher.js';

/**
 * A small held-out check written after the dev set, in other words and in languages the dev set lacks
 * (it, pl, pt). Scored like score-tag.mjs: optional QIDs count neither way. The bar is the project's.
 */
const ENTITY_CASES: Array<{ lang: string; text: string; gold: string[]; optional?: string[] }> = [
  { lang: 'it', text: 'Il ministro degli Esteri russo Sergej Lavrov ha incontrato a Roma il suo omologo italiano.', gold: ['Q159', 'Q28855', 'Q38'] },
  { lang: 'pl', text: 'Prezydent Rosji rozmawiał z przywódcą Chin o wojnie w Ukrainie.', gold: ['Q159', 'Q148', 'Q212'] },
  { lang: 'pt', text: 'O Kremlin negou as acusações de Kiev; o presidente Zelensky respondeu em Bruxelas.', gold: ['Q3881'], optional: ['Q159', 'Q212'] },
  { lang: 'en', text: 'Tehran and Ankara signed a gas deal, while Iranian and Turkish diplomats met in Geneva.', gold: ['Q794', 'Q43'] },
  { lang: 'de', text: 'Die Vereinten Nationen warnen vor einer Eskalation zwischen Israel und dem Iran.', gold: ['Q1065', 'Q801', 'Q794'] },
  { lang: 'en', text: "She served the roast turkey on her grandmother's fine china.", gold: [] },
  { lang: 'zh', text: '中美两国外长在联合国大会期间举行会晤。', gold: ['Q148', 'Q30', 'Q47423'], optional: ['Q1065'] },
  { lang: 'ru', text: 'Эрдоган предложил Украине и России провести переговоры в Стамбуле.', gold: ['Q39259', 'Q212', 'Q159'] },
  { lang: 'fr', text: 'Les autorités ukrainiennes accusent la Russie ; Kiev réclame une réunion du Conseil de sécurité.', gold: ['Q212', 'Q159', 'Q37470'], optional: ['Q1065'] },
  { lang: 'ja', text: '日米首脳会談で北朝鮮のミサイル問題が議題となった。', gold: ['Q17', 'Q30', 'Q423'] },
  { lang: 'es', text: 'Compré tinta china para el taller de caligrafía.', gold: [] },
  { lang: 'uk', text: 'Зеленський подякував Німеччині та Франції за підтримку.', gold: ['Q3881', 'Q183', 'Q142'] },
  { lang: 'pt', text: 'A União Europeia e a OTAN condenaram o lançamento norte-coreano.', gold: ['Q458', 'Q7184'], optional: ['Q423'] },
  { lang: 'it', text: 'La Commissione europea propone nuovi dazi sulle auto elettriche cinesi.', gold: ['Q8880', 'Q148'], optional: ['Q458'] },
];

const STANCE_CASES: Array<{ kind: 'official' | 'media'; text: string; positive: boolean }> = [
  { kind: 'official', text: 'Reports that the minister met rebel leaders in Geneva are entirely fabricated.', positive: true },
  { kind: 'official', text: 'We reject the tariffs imposed on our steel exports as a violation of WTO rules.', positive: false },
  { kind: 'media', text: "The foreign ministry dismissed the newspaper's allegations as baseless.", positive: true },
  { kind: 'media', text: 'The ministry declined to comment on the allegations.', positive: false },
  { kind: 'official', text: 'Il Ministero smentisce categoricamente le notizie diffuse oggi: si tratta di informazioni false.', positive: true },
  { kind: 'media', text: 'O governo russo negou as acusações de espionagem.', positive: true },
  { kind: 'media', text: 'Rzecznik MSZ zaprzeczył doniesieniom o tajnych rozmowach.', positive: true },
  { kind: 'official', text: '该报道纯属捏造，完全不符合事实。', positive: true },
  { kind: 'media', text: '外交部发言人拒绝置评。', positive: false },
  { kind: 'official', text: 'Мы не отрицаем, что встреча состоялась.', positive: false },
  { kind: 'media', text: 'Das Außenministerium wies die Vorwürfe als haltlos zurück.', positive: true },
  { kind: 'official', text: 'La France rejette les sanctions annoncées par Moscou.', positive: false },
];

let enricher: Enricher;
beforeAll(async () => {
  enricher = await Enricher.create();
});

describe('held-out check', () => {
  it('tags entities with micro-F1 of at least 0.92', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of ENTITY_CASES) {
      const got = new Set(enricher.enrich({ title: c.text, declaredLanguage: c.lang }).entities.map((e) => e.qid));
      const gold = new Set(c.gold);
      const optional = new Set(c.optional ?? []);
      tp += c.gold.filter((q) => got.has(q)).length;
      fn += c.gold.filter((q) => !got.has(q)).length;
      fp += [...got].filter((q) => !gold.has(q) && !optional.has(q)).length;
    }
    expect((2 * tp) / (2 * tp + fp + fn)).toBeGreaterThanOrEqual(0.92);
  });

  it('labels stance with accuracy of at least 0.92', () => {
    const correct = STANCE_CASES.filter((c) => {
      const r = enricher.enrich({ title: c.text, sourceKind: c.kind });
      return (c.kind === 'official' ? r.denial : r.mentionsDenial) === c.positive;
    }).length;
    expect(correct / STANCE_CASES.length).toBeGreaterThanOrEqual(0.92);
  });

  it('reports the language, and resolves entity names for queries', () => {
    expect(enricher.enrich({ title: 'Prezydent Rosji rozmawiał z przywódcą Chin o wojnie.' }).language).toBe('pl');
    expect(enricher.resolveEntity('Russland')).toEqual(['Q159']);
    expect(enricher.listEntities().length).toBeGreaterThan(200);
  });
});

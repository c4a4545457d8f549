import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Enricher } from './enricher.js';

/**
 * Runs the enricher over the held-out sets in test-data/held-out (written blind, in 14 languages) and scores
 * them the way /work/shared/tools/score-tag.mjs does: entity micro-F1 with optional QIDs counting neither
 * way and predictions outside the set's inventory ignored; stance accuracy. The bars are the project's.
 */
const dir = join(__dirname, '..', 'test-data', 'held-out');
const readLines = <T>(file: string): T[] =>
  readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim().length > 0).map((l) => JSON.parse(l) as T);

interface EntityLine { id: string; lang: string; text: string; entities: string[]; optional: string[] }
interface StanceLine { id: string; lang: string; source_kind: 'official' | 'media'; text: string; label: string }

let enricher: Enricher;
beforeAll(async () => {
  enricher = await Enricher.create();
});

describe('held-out set', () => {
  it('tags entities with micro-F1 of at least 0.92', () => {
    const known = new Set((JSON.parse(readFileSync(join(dir, 'entities.json'), 'utf8')) as Array<{ qid: string }>).map((e) => e.qid));
    const lines = readLines<EntityLine>('entities.jsonl');
    expect(lines.length).toBeGreaterThanOrEqual(120);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const line of lines) {
      const got = new Set(enricher.enrich({ title: line.text, declaredLanguage: line.lang }).entities.map((e) => e.qid).filter((q) => known.has(q)));
      const gold = new Set(line.entities);
      const optional = new Set(line.optional);
      tp += [...gold].filter((q) => got.has(q)).length;
      fn += [...gold].filter((q) => !got.has(q)).length;
      fp += [...got].filter((q) => !gold.has(q) && !optional.has(q)).length;
    }
    expect((2 * tp) / (2 * tp + fp + fn)).toBeGreaterThanOrEqual(0.92);
  });

  it('labels stance with accuracy of at least 0.92', () => {
    const lines = readLines<StanceLine>('stance.jsonl');
    expect(lines.length).toBeGreaterThanOrEqual(80);
    const correct = lines.filter((line) => {
      const r = enricher.enrich({ title: line.text, declaredLanguage: line.lang, sourceKind: line.source_kind });
      const got = line.source_kind === 'official' ? (r.denial ? 'denial' : 'other') : r.mentionsDenial ? 'mentions_denial' : 'no';
      return got === line.label;
    }).length;
    expect(correct / lines.length).toBeGreaterThanOrEqual(0.92);
  });
});

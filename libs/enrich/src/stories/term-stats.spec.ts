import { DomainError } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import { TermStats } from './term-stats.js';

describe('TermStats', () => {
  it('counts each key once per document and weighs rare keys above common ones', () => {
    const s = new TermStats({ priorDocuments: 0 });
    s.add(['Q148', 'Q148', 'trade']);
    s.add(['Q148', 'olympics']);
    s.add(['Q148']);
    expect(s.documents).toBe(3);
    expect(s.frequency('Q148')).toBe(3);
    expect(s.idf('olympics')).toBeGreaterThan(s.idf('Q148'));
    expect(s.idf('never-seen')).toBeGreaterThan(s.idf('olympics'));
    expect(s.idf('Q148')).toBeCloseTo(0, 5);
  });

  it('keeps a cold corpus from calling every key common through prior documents', () => {
    const cold = new TermStats();
    cold.add(['Q148']);
    expect(cold.idf('Q148')).toBeGreaterThan(Math.log(4));
    const bare = new TermStats({ priorDocuments: 0 });
    bare.add(['Q148']);
    expect(bare.idf('Q148')).toBeLessThan(Math.log(4));
  });

  it('takes a document back with remove', () => {
    const s = new TermStats();
    s.add(['a', 'b']);
    s.add(['a']);
    // A key repeated within the document taken back counts once, as it did when added.
    s.remove(['a', 'b', 'a']);
    expect(s.documents).toBe(1);
    expect(s.frequency('a')).toBe(1);
    expect(s.frequency('b')).toBe(0);
    expect(s.toJSON().frequencies).toEqual({ a: 1 });
  });

  it('round-trips through JSON text', () => {
    const s = new TermStats({ priorDocuments: 5 });
    s.add(['Q148', 'китай', '中国']);
    s.add(['Q159']);
    const back = TermStats.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(back.documents).toBe(2);
    expect(back.priorDocuments).toBe(5);
    for (const k of ['Q148', 'китай', '中国', 'Q159', 'other']) expect(back.idf(k)).toBe(s.idf(k));
  });

  it('answers by id as by key, and weighs afresh after every change', () => {
    const s = new TermStats({ priorDocuments: 0 });
    s.add(['a', 'b']);
    s.add(['a']);
    const a = s.keys.find('a');
    expect(s.idfOfId(a)).toBe(s.idf('a'));
    expect(s.idfOfId(-1)).toBe(s.idf('never-seen'));
    const before = { version: s.version, a: s.idfOfId(a), unseen: s.idfOfId(-1) };
    // A document without 'a' leaves its frequency and moves its weight: the weights kept by frequency must not be reused.
    s.add(['c']);
    expect(s.version).not.toBe(before.version);
    expect(s.idfOfId(a)).toBeGreaterThan(before.a);
    expect(s.idfOfId(a)).toBe(Math.log(4 / 3));
    expect(s.idfOfId(-1)).toBeGreaterThan(before.unseen);
    // A key taken back to no documents keeps its id, and counts again when it comes back.
    s.remove(['b']);
    expect(s.keys.find('b')).toBeGreaterThanOrEqual(0);
    expect(s.frequency('b')).toBe(0);
    expect(s.toJSON().frequencies).toEqual({ a: 2, c: 1 });
    s.add(['b']);
    expect(s.frequency('b')).toBe(1);
  });

  it('keeps frequencies of many keys, common and rare', () => {
    const s = new TermStats({ priorDocuments: 0 });
    for (let d = 0; d < 5_000; d++) s.add(['common', `rare${d}`]);
    expect(s.frequency('common')).toBe(5_000);
    expect(s.frequency('rare4999')).toBe(1);
    expect(s.idf('common')).toBe(Math.log(5_001 / 5_001));
    expect(s.idf('rare17')).toBe(Math.log(5_001 / 2));
  });

  it('rejects malformed JSON with a validation error', () => {
    for (const bad of [null, 3, { version: 2 }, { version: 1, documents: -1, priorDocuments: 0, frequencies: {} }, { version: 1, documents: 1, priorDocuments: 0, frequencies: { a: 2 } }, { version: 1, documents: 1, priorDocuments: 0, frequencies: [] }]) {
      expect(() => TermStats.fromJSON(bad)).toThrow(DomainError);
    }
    expect(() => new TermStats({ priorDocuments: -1 })).toThrow(DomainError);
  });
});

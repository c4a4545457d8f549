import { describe, expect, it } from 'vitest';
import { WindowStats } from './window-stats.js';

const DAY = 86_400_000;

describe('WindowStats', () => {
  it('counts documents and keys only within the window around a moment', () => {
    const w = new WindowStats(2 * DAY, 0);
    w.add(1, 0, ['Q148', 'Q159']);
    w.add(2, 1 * DAY, ['Q148']);
    w.add(3, 10 * DAY, ['Q148', '~olympics']);
    expect(w.documents(0)).toBe(2);
    expect(w.frequency(['Q148'], 0)).toBe(2);
    expect(w.frequency(['Q148'], 10 * DAY)).toBe(1);
    expect(w.frequency(['~olympics'], 0)).toBe(0);
    expect(w.idf('~olympics', 10 * DAY)).toBeCloseTo(Math.log(2 / 2), 10);
  });

  it('judges a set of keys rarer than each of them', () => {
    const w = new WindowStats(7 * DAY);
    for (let i = 0; i < 30; i++) w.add(i, i * 3_600_000, i % 2 === 0 ? ['Q148', 'Q159'] : i % 3 === 0 ? ['Q148', 'Q212'] : ['Q159', 'Q212']);
    const t = 15 * 3_600_000;
    expect(w.frequency(['Q148', 'Q159'], t)).toBe(15);
    expect(w.frequency(['Q148', 'Q159', 'Q212'], t)).toBe(0);
    expect(w.idf(['Q148', 'Q159', 'Q212'], t)).toBeGreaterThan(w.idf('Q148', t));
    expect(w.idf(['Q148', 'Q212'], t)).toBeGreaterThan(w.idf('Q212', t));
  });

  it('replaces a document added again and takes one back with remove, out of time order too', () => {
    const w = new WindowStats(DAY, 0);
    w.add(5, 3 * DAY, ['a']);
    w.add(4, 2 * DAY, ['a', 'b']);
    w.add(5, 2 * DAY, ['b']);
    expect(w.size).toBe(2);
    expect(w.frequency(['a'], 3 * DAY)).toBe(1);
    expect(w.frequency(['b'], 2 * DAY)).toBe(2);
    w.remove(4);
    expect(w.has(4)).toBe(false);
    expect(w.frequency(['a', 'b'], 2 * DAY)).toBe(0);
    expect(w.documents(2 * DAY)).toBe(1);
    w.add(9, Number.NaN, ['a']);
    expect(w.has(9)).toBe(false);
  });
});

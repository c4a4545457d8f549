import { describe, expect, it } from 'vitest';
import { en, type Messages } from './locales/en.js';
import { ru } from './locales/ru.js';
import { zh } from './locales/zh.js';

/** Keys of a message tree, with CLDR plural suffixes folded into the base key. */
function keys(m: Messages, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(m)) {
    const key = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof v === 'string') out.add(key);
    else for (const inner of keys(v, `${key}.`)) out.add(inner);
  }
  return out;
}

function pluralForms(m: Messages, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(m)) {
    if (typeof v !== 'string') for (const [ik, iv] of pluralForms(v, `${prefix}${k}.`)) out.set(ik, iv);
    const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(k);
    if (match?.[1] && match[2]) out.set(`${prefix}${match[1]}`, [...(out.get(`${prefix}${match[1]}`) ?? []), match[2]]);
  }
  return out;
}

describe('translations', () => {
  const reference = [...keys(en)].sort();
  it.each([
    ['zh', zh],
    ['ru', ru],
  ])('%s has every English key and no others', (_name, messages) => {
    expect([...keys(messages)].sort()).toEqual(reference);
  });

  it('gives every plural the forms its language needs (CLDR: zh other; ru one, few, many, other)', () => {
    for (const forms of pluralForms(zh).values()) expect(forms).toEqual(['other']);
    for (const forms of pluralForms(ru).values()) expect(forms.sort()).toEqual(['few', 'many', 'one', 'other']);
  });
});

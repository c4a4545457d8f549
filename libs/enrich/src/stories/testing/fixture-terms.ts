/**
 * A deliberately small analyser for test fixtures only: the real one lives in libs/query and the
 * caller passes its output as `terms`. Lower-cases, keeps letters, cuts Latin and Cyrillic words to a
 * six-letter prefix (a crude stem: Россия/России → россия), splits Han runs into bigrams, drops a few
 * function words.
 */
const STOP = new Set(
  'the a an of to in on and or for by with at from as is are was were be it its that this not after before until says said report reports officials official'
    .split(' ')
    .concat('в на и не о по с до к за из что как от это'.split(' '))
    .concat('в на і не про до з що як від це'.split(' ')),
);

export function fixtureTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/\p{Script=Han}+|[\p{L}\p{M}]+/gu)) {
    const w = m[0];
    if (/\p{Script=Han}/u.test(w)) {
      if (w.length === 1) out.push(w);
      for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
      continue;
    }
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(w.length > 6 ? w.slice(0, 6) : w);
  }
  return out;
}
